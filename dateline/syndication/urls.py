from django.urls import path, re_path

from dateline.syndication import views
from dateline.syndication.feeds import (
    AtomStoryFeed,
    AuthorFeed,
    JsonStoryFeed,
    RssStoryFeed,
    SectionFeed,
    StoryFeed,
    TopicFeed,
)

app_name = "syndication"

FORMATS = {"rss": RssStoryFeed, "atom": AtomStoryFeed}
PERIOD = r"(?P<period>\d{4}-\d{2}(?:-\d{2})?)"  # a month, or a day of a month too busy for one sitemap

urlpatterns = [
    path("feeds/json/", StoryFeed.as_view(JsonStoryFeed), name="site_json"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemaps/pages.xml", views.sitemap_pages, name="sitemap_pages"),
    re_path(rf"^sitemaps/stories-{PERIOD}\.xml$", views.sitemap_stories, name="sitemap_stories"),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
for kind, generator in FORMATS.items():
    urlpatterns += [
        path(f"feeds/{kind}/", StoryFeed.as_view(generator), name=f"site_{kind}"),
        path(f"feeds/section/<slug:slug>/{kind}/", SectionFeed.as_view(generator), name=f"section_{kind}"),
        path(f"feeds/topic/<slug:slug>/{kind}/", TopicFeed.as_view(generator), name=f"topic_{kind}"),
        path(f"feeds/author/<slug:slug>/{kind}/", AuthorFeed.as_view(generator), name=f"author_{kind}"),
    ]
