import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from dateline.conftest import require
from dateline.ingest.formats.base import ImportFailure
from dateline.ingest.formats.text import TextFormat, decode_text, story_from_text
from dateline.newsroom.models import ArticlePage

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).resolve().parents[3] / ".." / "shared" / "reference" / "seed-article.txt"


def run_import(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import", "text", *map(str, args), stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


def blocks(page, block_type):
    return [child.value for child in page.body if child.block_type == block_type]


def test_seed_article_imports_with_its_structure(newsroom):
    require(SEED.is_file(), f"the seed article at {SEED}")
    out, err, error = run_import(SEED, "--publish")
    assert error is None, err
    assert out.strip().endswith("1 created, 0 updated, 0 unchanged, 0 failed")
    page = ArticlePage.objects.get(source="text")
    assert page.live
    assert page.title == "Russia extends its sphere of influence around Afghanistan as the US withdraws"
    assert page.lead_image is None
    assert page.lead_image_caption == (
        "Russian President Vladimir Putin holding a meeting with permanent members of the Security Council"
        " on Afghanistan"
    )
    assert page.lead_image_credit == "Photo courtesy: @KremlinRussia_E/Twitter"
    assert blocks(page, "subheading") == [
        "Attacking the US",
        "Dealing with the Taliban",
        "Clear objectives in Afghanistan",
    ]
    [quotation] = blocks(page, "quotation")
    assert quotation["text"].startswith("I think many politicians in the West")
    assert quotation["attribution"] == "Vladimir Putin"
    assert [link.topic.name for link in page.topic_links.all()][0] == "Afghanistan"
    related = [value["title"] for value in blocks(page, "related_link")]
    assert related == [
        "Russia relies on its Central Asian military bases to block terror influx from Afghanistan",
        "Taliban's rise masks Pashtun assertion in Af-Pak",
        "Poland, Lithuania erect barbed-wire fences to block Afghan refugee flood",
        "Tajikistan in global limelight as Afghanistan explodes",
    ]
    assert page.body[-1].block_type == "related_link"
    body_text = str(page.body.raw_data)
    assert "youtube" not in body_text and "English News" not in body_text


def test_own_fixture_structure_without_the_seed():
    story = story_from_text(decode_text((FIXTURES / "text_article.txt").read_bytes()))
    assert story.headline == "Port city opens its first floating market as river traffic returns"
    assert story.lead_image_caption == "Traders unload crates of mangoes at the new floating market on the east quay"
    assert story.lead_image_credit == "Photo: Lena Okafor/Harbour Gazette"
    assert story.topics == ["Harbour"]
    kinds = [kind for kind, _ in story.body]
    assert kinds == [
        "paragraph",
        "paragraph",
        "subheading",
        "paragraph",
        "quotation",
        "paragraph",
        "quotation",
        "subheading",
        "paragraph",
        "related_link",
        "related_link",
    ]
    quotations = [value for kind, value in story.body if kind == "quotation"]
    assert quotations[0] == {
        "text": "We sold out of fruit before noon on the first day, and we will bring twice as much next week,",
        "attribution": "Amara Diallo",
    }
    assert quotations[1]["text"].startswith("Nobody expected the channel")
    assert quotations[1]["attribution"] == "Tomas Lindqvist"
    assert story.body[-1] == (
        "related_link",
        {
            "headline": "Council weighs rent cuts for promenade traders",
            "title": "Council weighs rent cuts for promenade traders",
        },
    )


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Ships in the bay (File photo)", "Ships in the bay", "File photo"),
        ("Ships in the bay (Picture: Port Authority)", "Ships in the bay", "Picture: Port Authority"),
        ("Ships in the bay (AP Photo/Jane Roe)", "Ships in the bay", "AP Photo/Jane Roe"),
        ("Ships in the bay (PHOTO COURTESY : @port/Twitter)", "Ships in the bay", "Photo courtesy: @port/Twitter"),
        ("Image: Ships in the bay at dawn on Sunday", "Ships in the bay at dawn on Sunday", ""),
    ],
)
def test_caption_credits_are_split_and_normalised(line, caption, credit):
    story = story_from_text(f"Site\n\n• twitter\n\nA headline here\n\n{line}\n\nA paragraph of the story.\n")
    assert (story.lead_image_caption, story.lead_image_credit) == (caption, credit)


def test_importing_twice_changes_nothing_the_second_time(newsroom):
    from wagtail.models import Revision

    path = FIXTURES / "text_article.txt"
    run_import(path, "--publish")
    pages, revisions = ArticlePage.objects.count(), Revision.objects.count()
    out, _, error = run_import(path, "--publish")
    assert error is None
    assert "0 created, 0 updated, 1 unchanged, 0 failed" in out
    assert (ArticlePage.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_a_dump_without_a_headline_fails_clearly_and_stores_nothing(newsroom):
    out, err, error = run_import(FIXTURES / "text_no_headline.txt", "--publish")
    assert isinstance(error, CommandError)
    assert "no headline found" in err
    assert "0 created, 0 updated, 0 unchanged, 1 failed" in out
    assert not ArticlePage.objects.exists()
    with pytest.raises(ImportFailure, match="no headline"):
        story_from_text("English News\n\n  • youtube\n  • facebook\n")


def test_a_folder_import_reports_failures_with_a_non_zero_exit_and_keeps_the_good_stories(newsroom, tmp_path):
    folder = tmp_path / "dumps"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(FIXTURES / "text_article.txt", folder / "2024" / "market.txt")
    shutil.copy(FIXTURES / "text_no_headline.txt", folder / "broken.txt")
    out, err, error = run_import(folder)
    assert isinstance(error, CommandError)
    assert "1 item(s) failed" in str(error)
    assert "1 created, 0 updated, 0 unchanged, 1 failed" in out
    assert "broken.txt" in err
    page = ArticlePage.objects.get()
    assert page.source_id == "2024/market.txt"  # relative to the folder, so a moved archive imports the same
    assert not page.live


@pytest.mark.parametrize(
    ("name", "headline", "phrase"),
    [
        ("text_cp1252.txt", "Café owners “delighted” as the quay reopens", "reopened on Monday — after"),
        ("text_latin1.txt", "São João festival returns to the old docks", "fête on the docks"),
        ("text_rtl.txt", "افتتاح أول سوق عائم في المدينة", "افتتح أول سوق عائم"),
    ],
)
def test_legacy_encodings_and_right_to_left_text(newsroom, name, headline, phrase):
    [item] = TextFormat().items(str(FIXTURES / name))
    assert item.story.headline == headline
    text = " ".join(str(value) for _, value in item.story.body)
    assert phrase in text
    assert not any(ord(char) < 32 or 0x7F <= ord(char) <= 0x9F for char in text)
    _, err, error = run_import(FIXTURES / name)
    assert error is None, err
    assert ArticlePage.objects.get().title == headline


def test_the_rtl_caption_keeps_its_credit():
    story = story_from_text(decode_text((FIXTURES / "text_rtl.txt").read_bytes()))
    assert story.lead_image_caption == "يصطف التجار على الرصيف الشرقي صباح السبت"
    assert story.lead_image_credit == "Photo: صحيفة الميناء"
