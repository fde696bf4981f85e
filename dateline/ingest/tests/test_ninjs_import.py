from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from dateline.conftest import require
from dateline.ingest.formats import get_format
from dateline.ingest.formats.base import ImportFailure
from dateline.newsroom.models import ArticlePage
from dateline.syndication.ninjs import SchemasMissing, schemas_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def schemas():
    try:
        schemas_dir()
    except SchemasMissing:
        require(False, "the shared ninjs schemas")


def run_import(*args):
    out, err = StringIO(), StringIO()
    call_command("import", "ninjs", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_imports_a_list_of_items(newsroom):
    out, _ = run_import(FIXTURES / "ninjs_items.json", "--publish")
    assert "2 created" in out
    cafe = ArticlePage.objects.get(source="ninjs", source_id="http://wire.example/items/1001")
    assert cafe.title == "Café owners in Zürich fight “déjà vu” rent rises"
    assert cafe.standfirst == "Prices up — again; owners say ‘enough’."
    assert cafe.live and cafe.section.slug == "business"
    assert [t.name for t in cafe.topics] == ["Markets", "Housing"]
    assert [a.name for a in cafe.authors] == ["Asha Verma"]
    assert cafe.published_at.isoformat() == "2024-03-01T09:00:00+00:00"
    assert cafe.updated_at.isoformat() == "2024-03-01T11:30:00+00:00"
    blocks = [(block.block_type, block.value) for block in cafe.body]
    assert blocks[0] == ("paragraph", blocks[0][1]) and "Señor Müller’s café" in blocks[0][1].source
    assert blocks[1] == ("subheading", "Why now")
    assert blocks[2][1]["attribution"] == "Hans Müller"
    assert "alert" not in str(cafe.body.raw_data)

    arabic = ArticlePage.objects.get(source_id="http://wire.example/items/1002")
    assert arabic.title == "مرحبا بالعالم: الانتخابات في القاهرة"
    assert "هذا نص عربي من اليمين إلى اليسار." in arabic.body[0].value.source
    assert [a.name for a in arabic.authors] == ["Rohan Iyer", "Leila Haddad"]
    assert arabic.published_at.isoformat() == "2024-03-02T06:00:00+00:00"


def test_single_item_of_ninjs_1(newsroom):
    run_import(FIXTURES / "ninjs_single_1_6.json")
    page = ArticlePage.objects.get(source_id="http://wire.example/items/2001")
    assert not page.live
    assert [block.value.source for block in page.body] == ["<p>First paragraph.</p>", "<p>Second paragraph.</p>"]
    assert [a.name for a in page.authors] == ["Asha Verma"]
    assert [t.name for t in page.topics] == ["Cricket"]


def test_importing_twice_changes_nothing(newsroom):
    run_import(FIXTURES / "ninjs_items.json", "--publish")
    pages, revisions = ArticlePage.objects.count(), Revision.objects.count()
    out, _ = run_import(FIXTURES / "ninjs_items.json", "--publish")
    assert "0 created, 0 updated, 2 unchanged, 0 failed" in out
    assert (ArticlePage.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_invalid_json_is_a_clear_error_and_stores_nothing(newsroom):
    with pytest.raises(CommandError):
        run_import(FIXTURES / "ninjs_invalid.json")
    importer = get_format("ninjs")
    with pytest.raises(ImportFailure, match=r"invalid JSON at line 4, column 4: Expecting ',' delimiter"):
        list(importer.items(str(FIXTURES / "ninjs_invalid.json")))
    assert not ArticlePage.objects.exists()


def test_an_item_failing_the_schema_is_reported_and_not_stored(newsroom):
    err = StringIO()
    with pytest.raises(CommandError, match="1 item"):
        call_command("import", "ninjs", str(FIXTURES / "ninjs_schema_error.json"), stdout=StringIO(), stderr=err)
    assert "item 2 (http://wire.example/items/3002): not valid ninjs 2.2: at $." in err.getvalue()
    assert list(ArticlePage.objects.values_list("source_id", flat=True)) == ["http://wire.example/items/3001"]


def test_text_that_is_not_utf8_is_refused(newsroom, tmp_path):
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"uri": "http://x.example/1", "headline": "Café"}'.encode("latin-1"))
    with pytest.raises(ImportFailure, match="not UTF-8"):
        list(get_format("ninjs").items(str(latin)))


def test_json_lines(newsroom, tmp_path):
    lines = tmp_path / "items.jsonl"
    lines.write_text(
        '{"uri": "http://x.example/1", "headline": "One"}\n\n{"uri": "http://x.example/2", "headline": "Two"}\n'
    )
    items = list(get_format("ninjs").items(str(lines)))
    assert [item.story.headline for item in items] == ["One", "Two"]
