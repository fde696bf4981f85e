import json
import shutil
from datetime import UTC, datetime
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from dateline.ingest.formats.html import HtmlFormat
from dateline.ingest.tests.test_fetch import serve
from dateline.newsroom.html_blocks import blocks_from_html, sanitize_html
from dateline.newsroom.models import ArticlePage
from dateline.newsroom.story import StoryImage

FIXTURES = Path(__file__).parent / "fixtures"
FORBIDDEN = ["<script", "onclick", "onmouseover", "javascript:", "tracker.example", "ads.example", "Advertisement"]


def image_bytes(kind="JPEG", colour=(20, 90, 160)):
    buffer = BytesIO()
    PILImage.new("RGB", (64, 40), colour).save(buffer, kind)
    return buffer.getvalue()


@pytest.fixture
def saved_page(tmp_path):
    """The article fixture saved with its pictures beside it, as a browser's "save page" does."""
    shutil.copy(FIXTURES / "html_article.html", tmp_path / "ferry.html")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "ferry.jpg").write_bytes(image_bytes())
    (tmp_path / "images" / "vote.png").write_bytes(image_bytes("PNG", (200, 40, 40)))
    return tmp_path / "ferry.html"


def test_html_article_metadata_body_and_images(saved_page):
    [item] = HtmlFormat().items(str(saved_page))
    story = item.story
    assert story.headline == "Ferry workers vote to end two-week strike"
    assert story.standfirst == "Crossings to the islands resume on Thursday after a two-week stoppage."
    assert story.authors == ["Lena Okafor", "Tomas Lindqvist"]
    assert story.published_at == datetime(2024, 5, 14, 6, 30, tzinfo=UTC)
    assert story.updated_at == datetime(2024, 5, 14, 9, 5, tzinfo=UTC)
    assert story.section == "business"
    assert story.topics == ["Ferries", "Strikes", "Harbour"]
    assert story.source == "html"
    assert story.source_id == "https://harbour.example/news/2024/05/ferry-workers-vote-to-end-strike"
    assert story.lead_image is not None and story.lead_image.filename == "ferry.jpg"
    assert (story.lead_image_caption, story.lead_image_credit) == (
        "The Island Star at her berth on Tuesday",
        "Photo: Harbour Gazette",
    )
    kinds = [kind for kind, _ in story.body]
    assert (
        kinds
        == ["paragraph", "paragraph", "subheading", "paragraph", "quotation", "embed", "image"] + ["paragraph"] * 2
    )
    values = dict(story.body[4:7])
    assert values["quotation"] == {
        "text": "We got what we asked for, and the islanders get their ferry back.",
        "attribution": "Maria Lopez, crew representative",
    }
    assert values["embed"] == {
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "caption": "Crews leave the meeting",
    }
    assert (values["image"]["caption"], values["image"]["credit"]) == ("The vote at the union hall", "File photo")
    assert story.body[1][1] == (
        "<p>The first crossing will leave the east quay at <i>6.40am</i> on Thursday. Timetable details are on "
        "the timetable page.</p>"
    )  # a saved page has no base URL for its relative link, so the words stay and the link goes
    text = json.dumps([value for kind, value in story.body if kind != "image"])
    assert not any(word in text for word in FORBIDDEN + ["Share on Facebook", "Related", "More from Business"])


def test_html_import_stores_a_sanitised_story(newsroom, saved_page):
    out = StringIO()
    call_command("import", "html", str(saved_page), "--publish", stdout=out, stderr=StringIO())
    assert "1 created" in out.getvalue()
    page = ArticlePage.objects.get(source="html")
    assert page.live and page.section.slug == "business"
    assert page.lead_image.caption == "The Island Star at her berth on Tuesday"
    assert [link.author.name for link in page.author_links.all()] == ["Lena Okafor", "Tomas Lindqvist"]
    stored = json.dumps(list(page.body.raw_data)) + page.standfirst
    assert not any(word in stored for word in FORBIDDEN)
    assert "<b>two weeks</b>" in stored


def test_missing_pictures_keep_their_caption_and_credit(newsroom, tmp_path):
    shutil.copy(FIXTURES / "html_article.html", tmp_path / "ferry.html")
    [item] = HtmlFormat().items(str(tmp_path / "ferry.html"))
    assert item.story.lead_image is None
    assert item.story.lead_image_credit == "Photo: Harbour Gazette"
    assert "image" not in [kind for kind, _ in item.story.body]


def test_a_page_without_an_article_fails_and_stores_nothing(newsroom):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import", "html", str(FIXTURES / "html_no_article.html"), stdout=StringIO(), stderr=err)
    assert "no article found" in err.getvalue()
    assert not ArticlePage.objects.exists()


def test_an_article_fetched_by_url_with_its_picture(newsroom):
    page = (FIXTURES / "html_article.html").read_bytes()
    routes = {
        "/news/ferry": (200, {"Content-Type": "text/html; charset=utf-8"}, page),
        "/news/images/ferry.jpg": (200, {"Content-Type": "image/jpeg"}, image_bytes()),
    }
    with serve(routes) as server:
        url = f"{server.url}/news/ferry"
        call_command("import", "html", url, "--allow-private", stdout=StringIO(), stderr=StringIO())
        with pytest.raises(CommandError):  # without --allow-private the loopback server is refused
            call_command("import", "html", url, stdout=StringIO(), stderr=StringIO())
    story = ArticlePage.objects.get(source="html")
    assert story.source_id == "https://harbour.example/news/2024/05/ferry-workers-vote-to-end-strike"
    assert story.lead_image is not None
    links = [child.value for child in story.body if child.block_type == "paragraph"][1]
    assert f'href="{server.url}/ferries/timetable"' in links.source


def test_sanitize_html_removes_everything_executable():
    dirty = (
        '<p onclick="x()" style="color:red">Hi <a href="javascript:alert(1)">a</a> <a href="https://ok.example/">b</a>'
        '<img src="data:image/png;base64,AAAA" onerror="x()"><script>alert(1)</script>'
        '<iframe src="https://evil.example/"></iframe></p><h2>Head</h2><table><tr><td>cell</td></tr></table>'
    )
    clean = sanitize_html(dirty)
    assert clean == '<p>Hi <a>a</a> <a href="https://ok.example/">b</a><img></p><h2>Head</h2>cell'


def test_blocks_from_html_embeds_and_junk():
    html = """<div class="social-share"><a href="https://x.com/share">Share</a></div>
    <p>Body <u>text</u> with <span onclick="x()">a span</span>.</p>
    <blockquote class="twitter-tweet"><p>Post</p>
      <a href="https://twitter.com/harbour/status/12345">May 14</a></blockquote>
    <iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fharbour%2Fposts%2F1"></iframe>
    <iframe src="https://player.vimeo.com/video/1"></iframe>
    <blockquote>Stay calm.<br>— Port Authority</blockquote>
    <figure><img data-src="/p.jpg" src="data:image/gif;base64,R0lG">
      <figcaption>Quay (Photo: A. Person)</figcaption></figure>
    <ol><li>First</li><li>Second</li></ol>"""
    seen = []

    def load(url):
        seen.append(url)
        return StoryImage(data=b"...", filename="p.jpg")

    result = blocks_from_html(html, base_url="https://harbour.example/news/", load_image=load)
    assert result[:4] == [
        ("paragraph", "<p>Body text with a span.</p>"),
        ("embed", {"url": "https://x.com/harbour/status/12345", "caption": ""}),
        ("embed", {"url": "https://www.facebook.com/harbour/posts/1", "caption": ""}),
        ("quotation", {"text": "Stay calm.", "attribution": "Port Authority"}),
    ]
    assert result[4][0] == "image" and result[4][1]["credit"] == "Photo: A. Person"
    assert seen == ["https://harbour.example/p.jpg"]
    assert result[5:] == [("paragraph", "<p>1. First</p>"), ("paragraph", "<p>2. Second</p>")]
    assert blocks_from_html(html, load_image=lambda url: None)[4][0] == "paragraph"  # no picture, no image block
