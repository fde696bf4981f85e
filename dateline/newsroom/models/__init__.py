from dateline.newsroom.models.images import NewsImage, NewsRendition
from dateline.newsroom.models.pages import (
    ArticleAuthor,
    ArticlePage,
    ArticleTopic,
    HomePage,
    SectionPage,
    StoryArchivePage,
    StoryMonthPage,
    StoryNote,
    StoryYearPage,
    visible_stories,
)
from dateline.newsroom.models.people import Author, Topic
from dateline.newsroom.models.site_settings import SiteSettings

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticleTopic",
    "Author",
    "HomePage",
    "NewsImage",
    "NewsRendition",
    "SectionPage",
    "SiteSettings",
    "StoryArchivePage",
    "StoryMonthPage",
    "StoryNote",
    "StoryYearPage",
    "Topic",
    "visible_stories",
]
