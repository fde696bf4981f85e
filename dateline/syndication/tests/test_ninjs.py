import json
from datetime import timedelta

import pytest

from dateline.conftest import picture, require
from dateline.newsroom.story import Story, page_from_story, paragraph_html
from dateline.syndication import ninjs
from dateline.syndication.ninjs import (
    NinjsError,
    SchemasMissing,
    detect_version,
    story_from_ninjs,
    story_to_ninjs,
    validate_ninjs,
)

VERSIONS = ["1.6", "2.2", "3.1"]
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def schemas_or_skip():
    try:
        return ninjs.schemas_dir()
    except SchemasMissing:
        require(False, "the shared ninjs schemas")


@pytest.fixture
def schemas():
    return schemas_or_skip()


def load_any_image(url):
    """Stands in for fetching: every image URL gives a fresh picture."""
    return picture("fetched", colour=(10, 200, 30), size=(800, 450))


@pytest.fixture
def full_story(make_story, newsroom):
    """A published story with every kind of body block, a lead image and an editorial update."""
    body = [
        ("paragraph", '<p>First <b>bold</b> words and <a href="https://example.org/a">a link</a>.</p>'),
        ("subheading", "What happened next"),
        ("paragraph", paragraph_html("Ünïcödé and עברית and العربية text.")),
        ("quotation", {"text": "It is unacceptable", "attribution": "A spokesperson"}),
        ("image", {"image": picture("inline"), "caption": "Inline caption", "credit": "Photo: Inline Agency"}),
        ("embed", {"url": YOUTUBE, "caption": "The video"}),
    ]
    page = make_story(
        "Floods close the border crossing",
        topics=("Afghanistan", "Russia"),
        authors=("Asha Verma", "Rohan Iyer"),
        body=body,
    )
    page.updated_at = page.published_at + timedelta(hours=3)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.parametrize("version", VERSIONS)
def test_export_validates_against_its_schema(schemas, full_story, version):
    item = story_to_ninjs(full_story, version)
    assert validate_ninjs(item, version) == version
    assert detect_version(item) == version
    assert validate_ninjs(json.loads(json.dumps(item))) == version


@pytest.mark.parametrize("version", VERSIONS)
def test_export_fields(schemas, full_story, version):
    item = story_to_ninjs(full_story, version, base_url="https://news.example")
    text = json.dumps(item)
    assert "Floods close the border crossing" in text
    assert "https://news.example/media/" in text  # absolute rendition URLs
    assert item["uri"].startswith("tag:news.example,")
    if version == "1.6":
        assert item["byline"] == "Asha Verma and Rohan Iyer"
        assert item["associations"]["featureimage"]["renditions"]["web"]["href"].startswith("https://")
    else:
        assert item["by"] == "Asha Verma and Rohan Iyer"
        assert item["associations"][0]["renditions"][0]["href"].startswith("https://")
        assert [s["name"] for s in item["subjects"]] == ["World", "Afghanistan", "Russia"]
    assert ("versionCreated" in item) == (version == "3.1")


@pytest.mark.parametrize("version", VERSIONS)
def test_round_trip_keeps_the_story(schemas, full_story, version):
    item = json.loads(json.dumps(story_to_ninjs(full_story, version)))
    story = story_from_ninjs(item, version=validate_ninjs(item), load_image=load_any_image)

    assert story.headline == full_story.title
    assert story.standfirst == full_story.standfirst
    assert story.section == "world"
    assert story.topics == ["Afghanistan", "Russia"]
    assert story.authors == ["Asha Verma", "Rohan Iyer"]
    assert story.published_at == full_story.published_at
    assert story.updated_at == full_story.updated_at
    assert story.lead_image is not None
    assert story.lead_image_caption == full_story.lead_caption
    assert story.lead_image_credit == full_story.lead_credit
    original = [(block.block_type, block.value) for block in full_story.body]
    assert [kind for kind, _ in story.body] == [kind for kind, _ in original]
    assert story.body[0][1] == original[0][1].source
    assert story.body[1][1] == "What happened next"
    assert story.body[2][1] == original[2][1].source
    assert story.body[3][1] == {"text": "It is unacceptable", "attribution": "A spokesperson"}
    assert (story.body[4][1]["caption"], story.body[4][1]["credit"]) == ("Inline caption", "Photo: Inline Agency")
    assert story.body[5][1] == {"url": YOUTUBE, "caption": "The video"}


def test_round_trip_stores_the_same_page(schemas, full_story):
    item = story_to_ninjs(full_story, "2.2")
    story = story_from_ninjs(item, load_image=load_any_image)
    page, status = page_from_story(story, publish=True)
    assert status == "created"
    assert page.title == full_story.title
    assert [t.name for t in page.topics] == ["Afghanistan", "Russia"]
    assert [a.name for a in page.authors] == ["Asha Verma", "Rohan Iyer"]
    assert [b.block_type for b in page.body] == [b.block_type for b in full_story.body]
    assert page.section == full_story.section
    assert page_from_story(story_from_ninjs(item, load_image=load_any_image))[1] == "unchanged"


def test_without_an_image_loader_caption_and_credit_are_kept(schemas, full_story):
    story = story_from_ninjs(story_to_ninjs(full_story, "3.1"))
    assert story.lead_image is None
    assert story.lead_image_caption == full_story.lead_caption
    assert "image" not in [kind for kind, _ in story.body]


def test_story_values_export_too(schemas, newsroom):
    story = Story(
        headline="A plain story",
        body=[("paragraph", paragraph_html("Words."))],
        topics=["Markets"],
        authors=["Rohan Iyer"],
        section="business",
        source="wire",
        source_id="42",
    )
    for version in VERSIONS:
        item = story_to_ninjs(story, version)
        validate_ninjs(item, version)
        back = story_from_ninjs(item)
        assert (back.headline, back.topics, back.authors, back.section) == (
            "A plain story",
            ["Markets"],
            ["Rohan Iyer"],
            "business",
        )
        assert back.body == story.body


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("example", ["004_simple_text_article.json", "005_complex_text_article.json"])
def test_iptc_examples_import(schemas, version, example):
    data = json.loads((schemas / "examples" / version / example).read_text(encoding="utf-8"))
    assert validate_ninjs(data) == version
    story = story_from_ninjs(data)
    assert story.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert story.authors == ["Paulo Santalucia", "Frances d'Emilio"]
    assert story.published_at.isoformat() == "2013-07-09T10:37:00+00:00"
    assert story.body and all(kind == "paragraph" for kind, _ in story.body)
    assert story.source_id == data["uri"]


def test_schema_errors_name_the_path(schemas):
    with pytest.raises(NinjsError, match=r"at \$\.headlines\[0\]: 'value' is a required property"):
        validate_ninjs({"uri": "http://example.org/1", "headlines": [{"role": "main"}]})
    with pytest.raises(NinjsError, match="'uri' is a required property"):
        validate_ninjs({"headline": "No identifier"})
    with pytest.raises(NinjsError, match="JSON object"):
        validate_ninjs(["not", "an", "item"])


def test_declared_schema_decides_the_version(schemas):
    item = {"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#", "uri": "http://example.org/1"}
    assert detect_version(item) == "3.1"
    assert validate_ninjs(item) == "3.1"
    assert detect_version({"uri": "u", "standard": {"name": "ninjs", "version": "2.0"}}) == "2.2"
    assert detect_version({"uri": "u", "headline": "x"}) == "1.6"
    with pytest.raises(NinjsError, match="unsupported ninjs version"):
        validate_ninjs({"uri": "u"}, "4.0")


def test_missing_schemas_give_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_SCHEMAS_DIR", str(tmp_path))
    monkeypatch.setattr(ninjs, "SHARED_SCHEMAS", tmp_path / "nowhere")
    with pytest.raises(SchemasMissing, match="DATELINE_SCHEMAS_DIR"):
        validate_ninjs({"uri": "http://example.org/1"})


def test_schemas_dir_from_the_environment(monkeypatch, schemas):
    monkeypatch.setenv("DATELINE_SCHEMAS_DIR", str(schemas.parent))
    assert ninjs.schemas_dir() == schemas.parent / "ninjs"
