"""What a caller may see: readers' stories (`visible_stories()`), narrowed or widened by a partner key's scope."""

from django.db.models import Prefetch
from django.utils import timezone

from dateline.newsroom.models import ArticleAuthor, ArticlePage, ArticleTopic, NewsImage, SectionPage, visible_stories
from dateline.syndication.api.auth import api_key_of


def story_rows_for(request):
    """Published stories this caller may see: readers' stories, widened by embargo access, narrowed to a section."""
    key = api_key_of(request)
    now = timezone.now()
    stories = visible_stories()
    if key is not None and key.embargoed_access:
        stories = stories | ArticlePage.objects.live().filter(embargoed=True, go_live_at__gt=now)
    stories = stories.filter(published_at__isnull=False).exclude(expire_at__lte=now)
    if key is not None and key.section_id:
        stories = stories.filter(section_id=key.section_id)
    return stories


def stories_for(request):
    """story_rows_for, with what the API shows joined or prefetched: a fixed number of queries a page."""
    return (
        story_rows_for(request)
        .select_related("section", "lead_image")
        .prefetch_related(
            "lead_image__renditions",
            Prefetch("author_links", queryset=ArticleAuthor.objects.select_related("author")),
            Prefetch("topic_links", queryset=ArticleTopic.objects.select_related("topic")),
            "notes",
        )
    )


def sections_for(request):
    key = api_key_of(request)
    sections = SectionPage.objects.live().public()
    return sections.filter(pk=key.section_id) if key is not None and key.section_id else sections


def images_for(request):
    """Images shown as the lead image of a story this caller may see (others may be unpublished or embargoed)."""
    story_images = story_rows_for(request).filter(lead_image__isnull=False).values("lead_image_id")
    return NewsImage.objects.filter(pk__in=story_images)
