"""WordPress export files (WXR 1.0–1.2, the XML from Tools → Export).

Posts become stories: published posts with their GMT publication date, drafts as drafts. Authors come from the
export's author list, the first category that names an existing section becomes the section (other categories
and the tags become topics), and the featured image is read from a local copy of wp-content/uploads given as
`--uploads`. Bodies go through `dateline.ingest.wordpress` (shortcodes, block comments, autop) and then
`html_blocks.blocks_from_html`.

The file is untrusted XML: it is parsed without entity expansion, DTD loading or network access, and a document
that declares entities is refused outright (the "billion laughs" family of attacks).
"""

import html
import mimetypes
import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from lxml import etree

from dateline.ingest.formats.base import MAX_SOURCE_BYTES, Format, ImportFailure, Item, strip_xml_control_chars
from dateline.ingest.wordpress import content_html
from dateline.newsroom.addresses import split_url
from dateline.newsroom.html_blocks import blocks_from_html, without_marked_sections
from dateline.newsroom.models import SectionPage
from dateline.newsroom.story import Story, StoryImage

NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
EXCERPT_NS = "http://wordpress.org/export/{version}/excerpt/"
WP_NS = "http://wordpress.org/export/{version}/"
DRAFT_STATUSES = {"draft", "pending", "future"}
IMPORTED_STATUSES = DRAFT_STATUSES | {"publish"}  # not private, trashed or auto-saved posts
NO_DATE = "0000-00-00 00:00:00"
DECLARES_ENTITIES = re.compile(rb"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", re.IGNORECASE)
MAX_SOURCE_LENGTH = 50  # ArticlePage.source


class WxrFormat(Format):
    name = "wxr"
    suffixes = (".xml",)

    def items(self, source):
        yield from self.items_from_bytes(self.read_bytes(source), source)

    def items_from_bytes(self, data, source):
        channel = self.parse(source, data)
        export = Export(channel, self.options.get("uploads") or "", sections=self.options.get("sections"))
        for number, post in enumerate(export.posts(), start=1):
            ref = f"post {post.findtext('wp:post_id', namespaces=export.ns) or number}"
            try:
                story, draft = export.story(post)
            except (ValueError, OSError, ImportFailure) as exc:
                yield Item(source=source, ref=ref, error=str(exc))
                continue
            item = Item(source=source, ref=ref, story=story)
            item.publish = not draft  # read by the writer: a WordPress draft stays a draft
            yield item

    def parse(self, source, data=None):
        data = strip_xml_control_chars(self.read_bytes(source) if data is None else data)
        root_at = data.find(b"<rss")
        if DECLARES_ENTITIES.search(data[: root_at if root_at >= 0 else 4096]):
            raise ImportFailure(f"{source}: the document declares XML entities (a DOCTYPE with <!ENTITY>); refused")
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=False
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            line = exc.lineno or (exc.position[0] if exc.position else "?")
            raise ImportFailure(f"{source}: not well-formed XML at line {line}: {exc.msg}") from None
        dtd = root.getroottree().docinfo.internalDTD
        if dtd is not None and any(True for _ in dtd.iterentities()):
            raise ImportFailure(f"{source}: the document declares XML entities (a DOCTYPE with <!ENTITY>); refused")
        channel = root.find("channel")
        if root.tag != "rss" or channel is None:
            raise ImportFailure(f"{source}: not a WordPress export (no <rss><channel>)")
        return channel


class Export:
    """One parsed WXR channel: its authors, attachments and sections, and how to read its posts."""

    def __init__(self, channel, uploads, sections=None):
        declared = (re.fullmatch(r"http://wordpress\.org/export/([\d.]+)/", uri) for uri in channel.nsmap.values())
        version = next((match[1] for match in declared if match), "1.2")
        self.ns = {**NS, "wp": WP_NS.format(version=version), "excerpt": EXCERPT_NS.format(version=version)}
        self.channel = channel
        self.uploads = Path(uploads).resolve() if uploads else None
        self.source = source_name(channel.findtext("link") or channel.findtext("title") or "wordpress")
        self.authors = {
            author.findtext("wp:author_login", namespaces=self.ns): author.findtext(
                "wp:author_display_name", namespaces=self.ns
            )
            for author in channel.findall("wp:author", self.ns)
        }
        self.attachments = {
            self.text(item, "wp:post_id"): item
            for item in channel.findall("item")
            if self.text(item, "wp:post_type") == "attachment"
        }
        self.sections = sections  # {slug or lower-case title: slug}; read from the site when not given
        if self.sections is None:
            self.sections = self.sections_of_site()

    @staticmethod
    def sections_of_site():
        sections = {}
        for section in SectionPage.objects.all():
            sections.setdefault(section.slug, section.slug)
            sections.setdefault(section.title.lower(), section.slug)
        return sections

    def text(self, element, path):
        return (element.findtext(path, namespaces=self.ns) or "").strip()

    def posts(self):
        for item in self.channel.findall("item"):
            if self.text(item, "wp:post_type") == "post" and self.text(item, "wp:status") in DRAFT_STATUSES | {
                "publish"
            }:
                yield item

    def story(self, post):
        """(Story, is_draft) for one post."""
        draft = self.text(post, "wp:status") != "publish"
        story = Story(
            headline=" ".join(html.unescape(self.text(post, "title")).split()) or "(untitled)",
            standfirst=" ".join(
                html.unescape(strip_tags(without_marked_sections(self.text(post, "excerpt:encoded")))).split()
            ),
            slug=slugify(unquote(self.text(post, "wp:post_name")), allow_unicode=True)[:80],
            source=self.source,
            source_id=self.text(post, "guid") or self.text(post, "wp:post_id"),
        )
        login = self.text(post, "dc:creator")
        story.authors = [self.authors.get(login) or login] if login else []
        self.categories_into(story, post)
        story.body = blocks_from_html(content_html(self.text(post, "content:encoded")), load_image=self.load_image)
        if not draft:
            story.published_at = self.post_date(post)
        self.featured_image_into(story, post)
        return story, draft

    def categories_into(self, story, post):
        for category in post.findall("category"):
            name = " ".join(html.unescape(category.text or "").split())
            slug = category.get("nicename", "")
            if category.get("domain") == "category" and not story.section:
                story.section = self.sections.get(slug) or self.sections.get(name.lower(), "")
                if story.section or slug == "uncategorized":
                    continue
            if category.get("domain") in ("category", "post_tag") and name and name not in story.topics:
                story.topics.append(name)

    def post_date(self, post):
        gmt = self.text(post, "wp:post_date_gmt")
        if gmt and gmt != NO_DATE:
            return datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        local = self.text(post, "wp:post_date")
        if local and local != NO_DATE:
            return timezone.make_aware(datetime.strptime(local, "%Y-%m-%d %H:%M:%S"))
        return None

    def featured_image_into(self, story, post):
        thumbnail = next(
            (
                self.text(meta, "wp:meta_value")
                for meta in post.findall("wp:postmeta", self.ns)
                if self.text(meta, "wp:meta_key") == "_thumbnail_id"
            ),
            "",
        )
        attachment = self.attachments.get(thumbnail)
        if attachment is None:
            return
        story.lead_image_caption = " ".join(
            strip_tags(without_marked_sections(self.text(attachment, "excerpt:encoded"))).split()
        )
        picture = self.picture(self.attached_file(attachment))
        if picture is not None:
            picture.title = self.text(attachment, "title")
            picture.alt = self.meta(attachment, "_wp_attachment_image_alt")[:255]
            picture.caption = story.lead_image_caption
            story.lead_image = picture

    def meta(self, item, key):
        for meta in item.findall("wp:postmeta", self.ns):
            if self.text(meta, "wp:meta_key") == key:
                return self.text(meta, "wp:meta_value")
        return ""

    def attached_file(self, attachment):
        return self.meta(attachment, "_wp_attached_file") or uploads_path(self.text(attachment, "wp:attachment_url"))

    def load_image(self, url):
        """An image of the post body, from the uploads folder (never fetched from the old site)."""
        relative = uploads_path(url)
        # WordPress links bodies to resized copies (photo-300x200.jpg); the original is the better picture.
        original = re.sub(r"-\d+x\d+(\.\w+)$", r"\1", relative)
        return self.picture(original) or self.picture(relative)

    def picture(self, relative):
        if not self.uploads or not relative:
            return None
        path = (self.uploads / relative).resolve()
        if not path.is_relative_to(self.uploads) or not path.is_file():
            return None  # missing, or a path that climbs out of the uploads folder
        if path.stat().st_size > MAX_SOURCE_BYTES or not (mimetypes.guess_type(path.name)[0] or "").startswith(
            "image/"
        ):
            return None
        return StoryImage(data=path.read_bytes(), filename=path.name)


def uploads_path(url):
    """'https://site/wp-content/uploads/2024/01/a.jpg' → '2024/01/a.jpg'."""
    path = unquote(split_url(url).path)
    return path.split("/uploads/", 1)[1] if "/uploads/" in path else ""


def source_name(link):
    """'wxr:<site link>', shortened to fit ArticlePage.source when the link is long."""
    link = link.strip().rstrip("/")
    name = f"wxr:{link}"
    if len(name) > MAX_SOURCE_LENGTH:
        name = f"wxr:{split_url(link).netloc or link}"[:MAX_SOURCE_LENGTH]
    return name


FORMAT_CLASS = WxrFormat
