"""A story as plain data, and the one way it becomes (or updates) an ArticlePage.

Importers, the demo loader and tests describe stories as `Story` values; `page_from_story` writes them
in one transaction, idempotently: a story with a known (source, source_id) updates its page instead of
creating another, and an identical story changes nothing.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from dateline.newsroom.archive import month_folder
from dateline.newsroom.models import ArticleAuthor, ArticlePage, ArticleTopic, Author, NewsImage, SectionPage, Topic

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class StoryImage:
    """A picture as bytes, with the words that go with it."""

    data: bytes
    filename: str
    title: str = ""
    alt: str = ""
    caption: str = ""
    credit: str = ""


@dataclass
class Story:
    headline: str
    standfirst: str = ""
    # (block type, value) pairs: ("paragraph", "<p>html</p>"), ("subheading", "text"),
    # ("quotation", {"text", "attribution"}), ("image", {"image": StoryImage, "caption", "credit"}),
    # ("embed", {"url", "caption"}), ("related_link", {"url" or "page_id" or "headline", "title"}).
    body: list = field(default_factory=list)
    lead_image: StoryImage | None = None
    lead_image_caption: str = ""
    lead_image_credit: str = ""
    section: str = ""  # a section's slug
    topics: list = field(default_factory=list)  # topic names; the first is the primary topic
    authors: list = field(default_factory=list)  # author names
    published_at: datetime | None = None
    updated_at: datetime | None = None
    slug: str = ""
    source: str = ""
    source_id: str = ""

    def checksum(self):
        def default(value):
            if isinstance(value, bytes):
                return hashlib.sha256(value).hexdigest()
            if isinstance(value, datetime):
                return value.isoformat()
            return str(value)

        return hashlib.sha256(json.dumps(asdict(self), default=default, sort_keys=True).encode()).hexdigest()


def paragraph_html(text):
    """A plain-text paragraph as the rich-text HTML a paragraph block stores."""
    return f"<p>{escape(text)}</p>"


@transaction.atomic
def page_from_story(story, *, publish=False, user=None):
    """Create or update the ArticlePage for a story. Returns (page, CREATED | UPDATED | UNCHANGED)."""
    checksum = story.checksum()
    page = None
    if story.source and story.source_id:
        page = ArticlePage.objects.filter(source=story.source, source_id=story.source_id).first()
    if page is not None and page.source_checksum == checksum:
        return page, UNCHANGED

    status = UPDATED if page is not None else CREATED
    if page is None:
        page = ArticlePage(source=story.source, source_id=story.source_id)
    else:
        page = page.get_latest_revision_as_object()

    page.title = story.headline
    page.draft_title = story.headline
    page.slug = story.slug or slugify(story.headline)[:80] or "story"
    page.standfirst = story.standfirst
    page.section = SectionPage.objects.filter(slug=story.section).first() if story.section else None
    page.lead_image = image_from_story_image(story.lead_image) if story.lead_image else None
    page.lead_image_caption = story.lead_image_caption
    page.lead_image_credit = story.lead_image_credit
    page.body = [body_block(block_type, value) for block_type, value in story.body]
    page.published_at = story.published_at
    page.updated_at = story.updated_at
    page.source_checksum = checksum
    page.topic_links = [
        ArticleTopic(topic=topic_named(name), sort_order=order) for order, name in enumerate(story.topics)
    ]
    page.author_links = [
        ArticleAuthor(author=author_named(name), sort_order=order) for order, name in enumerate(story.authors)
    ]

    if status == CREATED:
        folder = month_folder(story.published_at)
        page.slug = unique_sibling_slug(folder, page.slug)
        page.live = False
        folder.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()  # publishing worked on a copy made from the revision
    return page, status


def unique_sibling_slug(folder, slug):
    taken = set(folder.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def topic_named(name):
    topic = Topic.objects.filter(name__iexact=name).first()
    return topic or Topic.objects.create(name=name, slug=free_slug(Topic, name))


def author_named(name):
    author = Author.objects.filter(name__iexact=name).first()
    return author or Author.objects.create(name=name, slug=free_slug(Author, name))


def free_slug(model, name):
    base = slugify(name)[:100] or model._meta.model_name
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def image_from_story_image(picture):
    """The library image with these exact bytes, or a new one."""
    digest = hashlib.sha1(picture.data).hexdigest()  # noqa: S324 (Wagtail's own file_hash is SHA-1)  # nosec B324
    image = NewsImage.objects.filter(file_hash=digest).first()
    if image is None:
        image = NewsImage(
            title=picture.title or picture.caption[:250] or picture.filename,
            description=picture.alt[:255],
            caption=picture.caption,
            credit=picture.credit,
            file=ImageFile(BytesIO(picture.data), name=picture.filename),
        )
        image._set_image_file_metadata()
        image.save()
    return image


def body_block(block_type, value):
    if block_type == "image":
        value = {
            "image": image_from_story_image(value["image"]).pk,
            "caption": value.get("caption", ""),
            "credit": value.get("credit", ""),
        }
    elif block_type == "related_link":
        page_id = value.get("page_id")
        if not page_id and value.get("headline"):
            page_id = (
                ArticlePage.objects.filter(title=value["headline"]).order_by("-pk").values_list("pk", flat=True).first()
            )
        value = {"page": page_id, "url": value.get("url", ""), "title": value.get("title", "")}
    elif block_type == "embed":
        value = {"url": value["url"], "caption": value.get("caption", "")}
    return {"type": block_type, "value": value}
