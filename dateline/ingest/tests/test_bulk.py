from wagtail.models import Page, Revision

from dateline.ingest.bench import ninjs_items
from dateline.ingest.bulk import write_items
from dateline.ingest.formats.base import Item
from dateline.ingest.formats.ninjs import NinjsFormat
from dateline.ingest.writer import ImportReport
from dateline.newsroom.models import ArticlePage
from dateline.syndication.tests.test_ninjs import schemas_or_skip


def items(count, seed=3):
    importer = NinjsFormat()
    return [importer.item("bench", number, entry) for number, entry in enumerate(ninjs_items(count, seed), start=1)]


def test_batched_import_matches_the_page_tree_and_is_idempotent(newsroom):
    schemas_or_skip()
    report = ImportReport()
    batch = [*items(7), Item(source="bench", ref="item 8", error="broken")]
    write_items(batch, report, publish=True, batch=3)
    assert (report.counts["created"], report.counts["failed"]) == (7, 1)
    stories = ArticlePage.objects.filter(source="ninjs").order_by("path")
    assert stories.count() == 7 and all(story.live and story.live_revision_id for story in stories)
    assert {story.section.slug for story in stories} == {"world", "business", "sport"}
    assert [t.name for t in stories[1].topics] == ["Topic 1"]
    assert Page.find_problems() == ([], [], [], [], [])
    assert stories[0].get_latest_revision_as_object().title == stories[0].title

    revisions = Revision.objects.count()
    again = ImportReport()
    write_items(items(7), again, publish=True, batch=3)
    assert again.counts["unchanged"] == 7
    assert (ArticlePage.objects.count(), Revision.objects.count()) == (7, revisions)


def test_drafts_and_duplicates(newsroom):
    schemas_or_skip()
    report = ImportReport()
    twice = items(2)
    write_items([*twice, *items(2)], report, publish=False)
    assert report.summary() == "2 created, 0 updated, 2 unchanged, 0 failed"
    assert not ArticlePage.objects.filter(live=True).exists()
    assert all(page.latest_revision_id and not page.live_revision_id for page in ArticlePage.objects.all())
