"""RSS 2.0 and Atom wire feeds: each entry becomes a story; `--watch` polls a feed and imports what is new.

Feeds are untrusted XML. A document declaring a DTD or entities (the "billion laughs" bomb, external entities)
is refused before feedparser sees it, and so is XML that is not well-formed: a truncated feed would otherwise
give a half-written last story.
"""

import hashlib
import time
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException
from django.utils import timezone

from dateline.ingest.fetch import fetch, load_image
from dateline.ingest.formats.base import (
    IMPORT_FAILURES,
    MAX_SOURCE_BYTES,
    Format,
    ImportFailure,
    Item,
    strip_xml_control_chars,
)
from dateline.ingest.writer import ImportReport, write_item
from dateline.newsroom.html_blocks import blocks_from_html, plain_text, split_credit
from dateline.newsroom.story import Story

ATOM, MEDIA = "http://www.w3.org/2005/Atom", "http://search.yahoo.com/mrss/"
SOURCE_MAX = 50  # ArticlePage.source
STANDFIRST_MAX = 400


class FeedFormat(Format):
    name = "feed"
    suffixes = (".xml", ".rss", ".atom")

    def items(self, source):
        yield from self.items_from_bytes(self.read_bytes(source), source)

    def items_from_bytes(self, data, source):
        data = strip_xml_control_chars(data)
        captions = media_descriptions(check_xml(data))
        feed = feedparser.parse(data)
        if not feed.entries and not feed.feed:
            raise ImportFailure("not an RSS or Atom feed")
        origin = source_name(source if is_url(source) else str(Path(source).resolve()))
        for number, entry in enumerate(feed.entries, start=1):
            ref = f"item {number}"
            try:
                story = self.story_from_entry(entry, source, captions)
            except IMPORT_FAILURES as exc:
                yield Item(source=source, ref=ref, error=str(exc))
                continue
            story.source = origin
            yield Item(source=source, ref=f"{ref} ({story.source_id})", story=story)

    def story_from_entry(self, entry, source, captions=None):
        headline = plain_text(entry.get("title", ""))
        if not headline:
            raise ImportFailure("the entry has no title")
        identifier = entry.get("id") or entry.get("link")
        if not identifier:
            raise ImportFailure(f"{headline!r} has neither a guid/id nor a link")
        base_url = entry.get("link") or (source if is_url(source) else None)
        content = entry.get("content", [{}])[0].get("value", "")
        summary = entry.get("summary", "")
        body = blocks_from_html(content or summary, base_url=base_url, load_image=self.load_image)
        image_url, caption, credit = entry_image(entry, (captions or {}).get(identifier, ""))
        story = Story(
            headline=headline[:255],
            standfirst=shorten(plain_text(summary), STANDFIRST_MAX) if content else "",
            body=body,
            topics=[tag["term"].strip() for tag in entry.get("tags", []) if (tag.get("term") or "").strip()],
            authors=[a["name"].strip() for a in entry.get("authors", []) if (a.get("name") or "").strip()],
            published_at=entry_time(entry, "published") or entry_time(entry, "updated"),
            updated_at=entry_time(entry, "updated"),
            lead_image_caption=caption[:500],
            lead_image_credit=credit[:255],
            source_id=identifier[:500],
        )
        if image_url:
            story.lead_image = self.load_image(image_url)
        return story

    def load_image(self, url):
        return load_image(url, allow_private=self.allow_private)

    def watch(self, command, options):
        """Poll the sources every options["watch"] seconds until interrupted (or options["max_polls"] polls)."""
        sources = list(self.expand(options["sources"]))
        validators = {}  # source -> ETag/Last-Modified headers, or the last content's digest for files
        max_polls = options.get("max_polls") or 0
        polls = 0
        try:
            while True:
                polls += 1
                for source in sources:
                    outcome = self.poll(source, validators, options, command)
                    command.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} {source}: {outcome}")
                if max_polls and polls >= max_polls:
                    return
                time.sleep(options["watch"])
        except KeyboardInterrupt:
            command.stdout.write("stopped watching")

    def poll(self, source, validators, options, command):
        """Import what changed in one source since the last poll; returns the line to print."""
        try:
            data = self.read_if_changed(source, validators)
        except ImportFailure as exc:
            command.stderr.write(f"failed: {exc}")
            return "failed"
        if data is None:
            return "not modified"
        report = ImportReport()
        try:
            items = list(self.items_from_bytes(data, source))
        except IMPORT_FAILURES as exc:
            items = [Item(source=source, ref="", error=str(exc))]
        for item in items:
            write_item(
                item,
                report,
                publish=options.get("publish", False),
                dry_run=options.get("dry_run", False),
                section=options.get("section", ""),
            )
        for label, reason in report.failures:
            command.stderr.write(f"failed: {label}: {reason}")
        return report.summary()

    def read_if_changed(self, source, validators):
        """The source's bytes, or None when it has not changed since the last poll."""
        if is_url(source):
            result = fetch(
                source, allow_private=self.allow_private, max_bytes=MAX_SOURCE_BYTES, headers=validators.get(source)
            )
            if result.not_modified:
                return None
            saved = {"ETag": "If-None-Match", "Last-Modified": "If-Modified-Since"}
            validators[source] = {ask: result.headers[got] for got, ask in saved.items() if result.headers.get(got)}
            data = result.content
        else:
            data = self.read_bytes(source)
        digest = hashlib.sha256(data).hexdigest()
        if validators.get(("digest", source)) == digest:
            return None  # a server without validators sent the same feed again
        validators[("digest", source)] = digest
        return data


def check_xml(data):
    """The parsed document, when it is well-formed and declares no DTD or entities."""
    try:
        return defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ImportFailure("refused: the XML declares a DTD or entities") from None
    except ParseError as exc:
        raise ImportFailure(f"not well-formed XML ({exc}); is the feed truncated?") from None
    except (LookupError, ValueError) as exc:  # an encoding Python does not know, or one expat cannot read
        raise ImportFailure(f"unreadable XML: {exc}") from None


def source_name(location):
    """ "feed:<location>", shortened with a digest to fit ArticlePage.source."""
    name = f"feed:{location}"
    if len(name) <= SOURCE_MAX:
        return name
    digest = hashlib.sha256(location.encode()).hexdigest()[:16]
    return f"feed:{location[: SOURCE_MAX - 22]}~{digest}"


def media_descriptions(root):
    """media:description per entry guid/id; feedparser drops it when it sits inside media:content."""
    found = {}
    for entry in [*root.iter("item"), *root.iter(f"{{{ATOM}}}entry")]:
        key = entry.findtext("guid") or entry.findtext(f"{{{ATOM}}}id") or entry.findtext("link") or ""
        description = entry.find(f".//{{{MEDIA}}}description")
        if key.strip() and description is not None and description.text:
            found[key.strip()] = description.text
    return found


def entry_image(entry, media_description=""):
    """(url, caption, credit) of an entry's picture: media:content, then an image enclosure, then a thumbnail."""
    candidates = [m for m in entry.get("media_content", []) if m.get("medium") == "image" or is_image(m.get("type"))]
    candidates += [e for e in entry.get("enclosures", []) if is_image(e.get("type"))]
    candidates += entry.get("media_thumbnail", [])
    url = next((c.get("url") or c.get("href") for c in candidates if c.get("url") or c.get("href")), "")
    caption = plain_text(media_description or entry.get("media_description") or "")
    credits = entry.get("media_credit") or []
    credit = plain_text(credits[0].get("content", "")) if credits else ""
    if caption and not credit:
        caption, credit = split_credit(caption)
    return url, caption, credit


def is_image(mime):
    return (mime or "").startswith("image/")


def entry_time(entry, name):
    # dict.get: feedparser's own get() answers "updated" with the published time when there is none.
    parsed = dict.get(entry, f"{name}_parsed")
    return datetime(*parsed[:6], tzinfo=UTC) if parsed else None


def shorten(text, limit):
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def is_url(source):
    return source.startswith(("http://", "https://"))


FORMAT_CLASS = FeedFormat
