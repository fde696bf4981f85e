import json
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.core.management.base import BaseCommand

from dateline.ingest.formats import feed as feed_module
from dateline.ingest.formats.feed import FeedFormat, source_name
from dateline.ingest.tests.test_fetch import serve
from dateline.newsroom.models import ArticlePage

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def no_picture_downloads(monkeypatch):
    """Feed pictures live on the web; the tests record the addresses instead of fetching them."""
    wanted = []
    monkeypatch.setattr(feed_module, "load_image", lambda url, **kwargs: wanted.append(url))
    return wanted


def run_import(*args):
    out, err = StringIO(), StringIO()
    call_command("import", "feed", *map(str, args), stdout=out, stderr=err)
    return out.getvalue()


def test_rss_entries_become_stories(newsroom, no_picture_downloads):
    out = run_import(FIXTURES / "feed_wire.rss", "--publish")
    assert "2 created, 0 updated, 0 unchanged, 0 failed" in out
    page = ArticlePage.objects.get(source_id="harbour-wire-201")
    assert page.source == source_name(str((FIXTURES / "feed_wire.rss").resolve()))
    assert page.source.startswith("feed:") and len(page.source) <= 50
    assert page.title == "Lighthouse keeper retires after forty years"
    assert page.standfirst == "The last resident keeper of the north light hands over the keys on Friday."
    assert page.published_at == datetime(2024, 5, 14, 9, 0, tzinfo=UTC)
    assert [link.topic.name for link in page.topic_links.all()] == ["Harbour", "People"]
    assert [link.author.name for link in page.author_links.all()] == ["Lena Okafor"]
    assert (page.lead_image_caption, page.lead_image_credit) == (
        "Ingrid Holm at the top of the north light",
        "Photo: Harbour Gazette",
    )
    assert no_picture_downloads == ["https://harbour.example/images/lighthouse.jpg"]
    assert [child.block_type for child in page.body] == ["paragraph", "subheading", "paragraph", "embed"]
    stored = json.dumps(list(page.body.raw_data))
    for forbidden in ["<script", "onmouseover", "javascript:", "ads.example", "alert("]:
        assert forbidden not in stored
    assert "<b>112 steps</b>" in stored
    second = ArticlePage.objects.get(source_id="harbour-wire-202")
    assert second.standfirst == ""  # a summary-only entry: the summary is the body
    assert (
        second.body[0].value.source == "<p>The fish market will open on the west quay from June, the council said.</p>"
    )


def test_atom_entries_become_stories(newsroom):
    run_import(FIXTURES / "feed_wire.atom")
    page = ArticlePage.objects.get(source_id="urn:uuid:tall-ships-2024")
    assert page.title == "Tall ships festival confirmed for August"
    assert page.updated_at == datetime(2024, 5, 15, 7, 0, tzinfo=UTC)
    assert [link.author.name for link in page.author_links.all()] == ["Tomas Lindqvist"]
    quotation = [child.value for child in page.body if child.block_type == "quotation"][0]
    assert (quotation["text"], quotation["attribution"]) == (
        "It will be the biggest festival in a decade.",
        "Amara Diallo",
    )


def test_importing_a_feed_twice_reports_unchanged(newsroom):
    from wagtail.models import Revision

    run_import(FIXTURES / "feed_wire.rss")
    revisions = Revision.objects.count()
    assert "0 created, 0 updated, 2 unchanged, 0 failed" in run_import(FIXTURES / "feed_wire.rss")
    assert (ArticlePage.objects.count(), Revision.objects.count()) == (2, revisions)


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [("feed_truncated.xml", "not well-formed XML"), ("feed_entity_bomb.xml", "declares a DTD or entities")],
)
def test_broken_and_hostile_feeds_are_refused_and_store_nothing(newsroom, fixture, reason):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import", "feed", str(FIXTURES / fixture), stdout=StringIO(), stderr=err)
    assert reason in err.getvalue()
    assert not ArticlePage.objects.exists()


def test_an_entry_that_fails_to_store_rolls_back_alone(newsroom, tmp_path):
    rss = (FIXTURES / "feed_wire.rss").read_text()
    long_title = "A" * 300  # only its first 255 characters are kept, so this entry still imports
    broken = rss.replace("<title>Fish market moves to the west quay</title>", "<title> </title>")
    (tmp_path / "wire.rss").write_text(broken.replace("Lighthouse keeper retires after forty years", long_title))
    err = StringIO()
    with pytest.raises(CommandError, match="1 item"):
        call_command("import", "feed", str(tmp_path / "wire.rss"), stdout=StringIO(), stderr=err)
    assert "item 2" in err.getvalue() and "no title" in err.getvalue()
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["A" * 255]


class FeedServer:
    """Serves a feed with an ETag, answering 304 when the client already has the current version."""

    def __init__(self, body):
        self.body, self.version = body, 1

    def __call__(self, handler):
        etag = f'"v{self.version}"'
        if handler.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"ETag": etag, "Content-Type": "application/rss+xml"}, self.body

    def change(self, body):
        self.body, self.version = body, self.version + 1


def test_watch_polls_with_conditional_get_and_imports_only_changes(newsroom, monkeypatch):
    original = (FIXTURES / "feed_wire.rss").read_bytes()
    feed = FeedServer(original)
    out = StringIO()
    command = BaseCommand(stdout=out, stderr=StringIO())
    with serve({"/wire.rss": feed}) as server:
        url = f"{server.url}/wire.rss"
        options = {"sources": [url], "watch": 0, "max_polls": 3, "publish": True}
        watcher = FeedFormat(allow_private=True)
        watcher.watch(command, options)
        feed.change(original.replace(b"forty years</title>", b"forty-one years</title>"))
        watcher.watch(command, {**options, "max_polls": 1})
    lines = out.getvalue().splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [
        "2 created, 0 updated, 0 unchanged, 0 failed",
        "not modified",
        "not modified",
        "0 created, 1 updated, 1 unchanged, 0 failed",
    ]
    assert [headers.get("If-None-Match") for _, headers in server.requests] == [None, '"v1"', '"v1"', None]
    assert (
        ArticlePage.objects.get(source_id="harbour-wire-201").title == "Lighthouse keeper retires after forty-one years"
    )


def test_watch_stops_on_keyboard_interrupt(newsroom, monkeypatch):
    def interrupt(seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(feed_module.time, "sleep", interrupt)
    out = StringIO()
    FeedFormat().watch(
        BaseCommand(stdout=out, stderr=StringIO()), {"sources": [str(FIXTURES / "feed_wire.rss")], "watch": 60}
    )
    assert out.getvalue().splitlines()[-1] == "stopped watching"
    assert ArticlePage.objects.count() == 2


def test_long_feed_locations_fit_the_source_field():
    name = source_name("https://wire.example/" + "section/" * 20 + "feed.xml")
    assert len(name) == 50 and name.startswith("feed:https://wire.example/")
    assert name != source_name("https://wire.example/" + "section/" * 21 + "feed.xml")
