import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from dateline.conftest import picture
from dateline.ingest.formats import get_format
from dateline.ingest.formats.base import ImportFailure
from dateline.ingest.formats.wxr import Export
from dateline.ingest.wordpress import content_html
from dateline.newsroom.models import ArticlePage

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE = "wxr:https://gazette.example.com"
LITERAL_MARKUP = re.compile(r"\[/?(caption|embed|youtube|gallery|contact-form-7|pullquote)\b|wp:|<!--")


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads holding the harbour photo (and not the lost one)."""
    folder = tmp_path / "uploads" / "2024" / "01"
    folder.mkdir(parents=True)
    (folder / "harbour.jpg").write_bytes(picture("harbour").data)
    return tmp_path / "uploads"


def run_import(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import", "wxr", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


def body_of(page):
    return [(block.block_type, block.value) for block in page.body]


def test_block_editor_post(newsroom, uploads):
    out = run_import(FIXTURES / "wxr_site.xml", "--publish", "--uploads", str(uploads))
    assert "4 created" in out
    page = ArticlePage.objects.get(source=SOURCE, source_id="https://gazette.example.com/?p=101")
    assert page.title == "Storm floods the harbour – boats sunk"
    assert page.standfirst == "A night of high water."
    assert page.slug == "storm-floods-the-harbour"
    assert page.live and page.published_at.isoformat() == "2024-01-15T09:30:00+00:00"
    assert page.section.slug == "world"
    assert [t.name for t in page.topics] == ["Local News", "Floods"]
    assert [a.name for a in page.authors] == ["Asha Verma"]
    assert page.lead_image is not None and page.lead_image_caption == "The harbour at dawn"
    assert page.lead_image.description == "Boats in the harbour"
    blocks = body_of(page)
    assert [kind for kind, _ in blocks] == ["paragraph", "subheading", "quotation", "image", "embed", "paragraph"]
    assert blocks[0][1].source == "<p>The storm arrived <b>before dawn</b>.</p>"
    assert blocks[2][1]["attribution"] == "Harbour master"
    assert blocks[3][1]["caption"] == "Boats at the quay"
    assert blocks[4][1]["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert blocks[4][1]["caption"] == "Footage from the quay"


def test_classic_editor_post_with_shortcodes(newsroom, uploads):
    run_import(FIXTURES / "wxr_site.xml", "--uploads", str(uploads))
    page = ArticlePage.objects.get(source_id="https://gazette.example.com/?p=102")
    assert page.section.slug == "business"
    assert [t.name for t in page.topics] == ["Markets Weekly"]
    assert [a.name for a in page.authors] == ["Jane Doe"]
    assert page.lead_image is None and page.lead_image_caption == "A photo that was never copied"
    blocks = body_of(page)
    assert [kind for kind, _ in blocks] == ["paragraph", "image", "embed", "embed", "paragraph", "paragraph"]
    assert (
        blocks[0][1].source
        == "<p>Stalls lined the square for the first time since the storm.<br/> Traders were cheerful.</p>"
    )
    assert (blocks[1][1]["caption"], blocks[1][1]["credit"]) == ("The square at noon", "Photo: Gazette")
    assert blocks[2][1]["url"] == "https://x.com/gazette/status/1234567890"
    assert blocks[4][1].source == "<p>Prices were fair, said one shopper.</p>"
    assert blocks[5][1].source == "<p>Read the [sic] sign: more next week.</p>"


def test_no_shortcode_or_block_comment_is_stored_as_text(newsroom, uploads):
    run_import(FIXTURES / "wxr_site.xml", "--uploads", str(uploads))
    for page in ArticlePage.objects.all():
        assert not LITERAL_MARKUP.search(json.dumps(list(page.body.raw_data))), page.title


def test_drafts_stay_drafts_and_private_posts_are_skipped(newsroom, uploads):
    run_import(FIXTURES / "wxr_site.xml", "--publish", "--uploads", str(uploads))
    draft = ArticlePage.objects.get(source_id="https://gazette.example.com/?p=103")
    assert not draft.live and draft.published_at is None
    assert not ArticlePage.objects.filter(title__in=["Private note", "About us"]).exists()


def test_right_to_left_text(newsroom):
    run_import(FIXTURES / "wxr_site.xml")
    page = ArticlePage.objects.get(source_id="https://gazette.example.com/?p=105")
    assert page.title == "مرحبا بالعالم"
    assert page.slug == "مرحبا"
    assert "هذا نص عربي من اليمين إلى اليسار." in page.body[0].value.source


def test_windows_1252_export(newsroom):
    run_import(FIXTURES / "wxr_cp1252.xml")
    page = ArticlePage.objects.get(source="wxr:http://vieux.example.fr")
    assert page.title == "Café “déjà vu” – €5 coût"
    assert [block.value.source for block in page.body] == [
        "<p>L’été est là — naïve façade.</p>",
        "<p>Deuxième paragraphe à £½.</p>",
    ]


def test_importing_twice_changes_nothing(newsroom, uploads):
    run_import(FIXTURES / "wxr_site.xml", "--publish", "--uploads", str(uploads))
    counts = ArticlePage.objects.count(), Revision.objects.count()
    out = run_import(FIXTURES / "wxr_site.xml", "--publish", "--uploads", str(uploads))
    assert "0 created, 0 updated, 4 unchanged, 0 failed" in out
    assert (ArticlePage.objects.count(), Revision.objects.count()) == counts


@pytest.mark.parametrize(
    "fixture, message",
    [
        ("wxr_truncated.xml", r"not well-formed XML at line \d+"),
        ("wxr_entity_bomb.xml", "declares XML entities"),
    ],
)
def test_broken_files_store_nothing(newsroom, fixture, message):
    with pytest.raises(ImportFailure, match=message):
        list(get_format("wxr").items(str(FIXTURES / fixture)))
    with pytest.raises(CommandError):
        run_import(FIXTURES / fixture)
    assert not ArticlePage.objects.exists()


def test_uploads_paths_cannot_climb_out(newsroom, uploads):
    (uploads.parent / "secret.jpg").write_bytes(picture("secret").data)
    channel = get_format("wxr").parse(str(FIXTURES / "wxr_site.xml"))
    reader = Export(channel, str(uploads))
    assert reader.picture("2024/01/harbour.jpg") is not None
    assert reader.picture("../secret.jpg") is None
    assert reader.load_image("https://evil.example/wp-content/uploads/../../secret.jpg") is None


def test_autop_and_unknown_shortcodes():
    html = content_html('One\nline.\n\nTwo [unknown-plugin id="3"] words.\n\n[note]Kept words[/note]')
    assert html == "<p>One<br>\nline.</p>\n<p>Two  words.</p>\n<p>Kept words</p>"


def test_shortcodes_pair_with_the_nearest_opening_tag_and_unclosed_ones_stay_text():
    from dateline.ingest.wordpress import expand_enclosing

    nested = '[pullquote][caption id="1"]<img src="a.jpg"> Words[/caption][/pullquote]'
    assert expand_enclosing(nested).strip() == '<figure><img src="a.jpg"><figcaption>Words</figcaption></figure>'
    assert expand_enclosing("[a][b]x[/a][/b]") == "[b]x[/b]"  # [b] opened inside [a] and never closed there
    assert expand_enclosing("[x][y]z[/x] [/y] [sic]") == "[y]z [/y] [sic]"
    assert expand_enclosing("[a]" * 1000 + "x" + "[/a]" * 1000) == "x"
    assert expand_enclosing("[caption]" * 1000) == "[caption]" * 1000
