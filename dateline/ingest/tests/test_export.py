import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dateline.conftest import require
from dateline.newsroom.models import ArticlePage
from dateline.syndication.ninjs import SchemasMissing, schemas_dir, validate_ninjs


@pytest.fixture
def schemas():
    try:
        schemas_dir()
    except SchemasMissing:
        require(False, "the shared ninjs schemas")


def export(*args):
    out, err = StringIO(), StringIO()
    call_command("export", "ninjs", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("version", ["1.6", "2.2", "3.1"])
def test_exports_published_stories_as_a_json_array(schemas, make_story, version):
    make_story("Older story", days_ago=3)
    make_story("Newer story", section="sport", topics=("Cricket",), authors=("Rohan Iyer",))
    make_story("A draft", publish=False)
    out, err = export("--version", version)
    items = json.loads(out)
    assert len(items) == 2
    assert all(validate_ninjs(item) == version for item in items)
    assert "Older story" in json.dumps(items[0]) and "Newer story" in json.dumps(items[1])
    assert "exported 2 stories" in err


def test_section_since_and_json_lines(make_story):
    make_story("Old world story", days_ago=30)
    make_story("New world story")
    make_story("Sport story", section="sport")
    out, _ = export("--section", "world", "--since", "2000-01-01", "--jsonl")
    assert len(out.splitlines()) == 2
    recent, _ = export(
        "--section", "world", "--since", str(ArticlePage.objects.get(title="New world story").published_at)
    )
    assert [json.loads(line)["headlines"][0]["value"] for line in recent.splitlines()[1:-1]] == ["New world story"]


def test_output_file_and_round_trip(schemas, make_story, tmp_path):
    make_story("Round trip story", topics=("Afghanistan", "Russia"))
    target = tmp_path / "stories.json"
    export("--output", str(target), "--version", "3.1")
    call_command("import", "ninjs", str(target), stdout=StringIO(), stderr=StringIO())
    copy = ArticlePage.objects.get(source="ninjs")
    original = ArticlePage.objects.get(source="test")
    assert copy.title == original.title
    assert [t.name for t in copy.topics] == ["Afghanistan", "Russia"]
    assert [b.block_type for b in copy.body] == [b.block_type for b in original.body]
    assert copy.published_at == original.published_at


def test_bad_arguments(newsroom):
    with pytest.raises(CommandError, match="unsupported ninjs version"):
        export("--version", "9")
    with pytest.raises(CommandError, match="no section"):
        export("--section", "nowhere")
    with pytest.raises(CommandError, match="not a date"):
        export("--since", "yesterday")
