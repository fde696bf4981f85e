"""What every syndication format needs to know about a story, in one place.

Feeds, sitemaps, JSON-LD and social cards all describe the same stories to other machines; they share
these helpers so that a story has the same URL, id, image and dates everywhere.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Site

from dateline.newsroom import listings
from dateline.newsroom.addresses import join_url
from dateline.newsroom.models import ArticleAuthor, ArticleTopic

# Large enough for every consumer that wants "at least 1200 px" (Google, Facebook, feed readers); Wagtail
# never upscales, so a smaller original keeps its own width.
SHARE_IMAGE_FILTER = "width-1200"


def syndicated_stories():
    """Published stories, newest first, that may be shown to other sites right now.

    Wagtail's `live` flag is only flipped by the scheduler, which runs every few minutes; between runs a
    story can be live with its go-live time still ahead or its expiry passed; such stories are left out.
    """
    now = timezone.now()
    return (
        listings.published_stories()
        .filter(published_at__lte=now)
        .exclude(go_live_at__gt=now)
        .exclude(expire_at__lte=now)
    )


def with_people(stories):
    """Stories with their authors and topics fetched in two queries for the whole list."""
    return stories.prefetch_related(
        Prefetch("author_links", queryset=ArticleAuthor.objects.select_related("author")),
        Prefetch("topic_links", queryset=ArticleTopic.objects.select_related("topic")),
    )


def authors_of(story):
    return [link.author for link in story.author_links.all()]


def topics_of(story):
    return [link.topic for link in story.topic_links.all()]


def site_root_url(request):
    """The root URL (scheme and host, no trailing slash) of the Wagtail site answering this request."""
    site = Site.find_for_request(request)  # falls back to the default site; cached on the request
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def absolute(root_url, url):
    return join_url(root_url + "/", url) if url else ""


def modified_at(story):
    """When a story last changed for readers: its editorial update, else its latest publication."""
    return story.updated_at or story.last_published_at or story.published_at


def story_guid(story, root_url):
    """A tag: URI (RFC 4151) that survives edits to the headline, slug, section and URL."""
    host = urlsplit(root_url).hostname or "localhost"
    first = timezone.localtime(story.first_published_at or story.published_at)
    return f"tag:{host},{first:%Y-%m-%d}:story/{story.pk}"


@dataclass(frozen=True)
class Picture:
    url: str
    width: int
    height: int
    alt: str = ""
    caption: str = ""
    credit: str = ""
    mime_type: str = "image/jpeg"


def picture_of(image, root_url, filter_spec=SHARE_IMAGE_FILTER, caption="", credit=""):
    if image is None:
        return None
    rendition = image.get_rendition(filter_spec)
    mime_type = {"png": "image/png", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif"}.get(
        rendition.file.name.rsplit(".", 1)[-1].lower(), "image/jpeg"
    )
    return Picture(
        url=absolute(root_url, rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=image.default_alt_text or "",
        caption=caption,
        credit=credit,
        mime_type=mime_type,
    )


def lead_picture(story, root_url):
    if not story.lead_image_id:
        return None
    return picture_of(story.lead_image, root_url, caption=story.lead_caption, credit=story.lead_credit)


def logo_picture(site_settings, root_url):
    return picture_of(site_settings.logo, root_url, filter_spec="max-1200x1200") if site_settings.logo_id else None
