"""The import writer: batches of stories, each story all-or-nothing, a bounded number of queries per story."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from dateline.ingest.bench import ninjs_items
from dateline.ingest.bulk import write_items
from dateline.ingest.formats.base import Item
from dateline.ingest.formats.ninjs import NinjsFormat
from dateline.ingest.writer import ImportReport
from dateline.newsroom.models import ArticlePage, Topic
from dateline.newsroom.story import Story, StoryImage
from dateline.syndication.tests.test_ninjs import schemas_or_skip


def items(count, seed=3):
    importer = NinjsFormat()
    return [importer.item("bench", number, entry) for number, entry in enumerate(ninjs_items(count, seed), start=1)]


def broken_item():
    """A story that reads well but cannot be stored: its picture is not a picture, found after its new topic and
    author were made."""
    story = Story(
        headline="A story whose picture is broken",
        topics=["Made only for the broken story"],
        authors=["Written only by the broken story"],
        lead_image=StoryImage(data=b"these bytes are not a picture", filename="broken.jpg"),
        source="ninjs",
        source_id="urn:broken:1",
    )
    return Item(source="feed.json", ref="item 3 (urn:broken:1)", story=story)


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
    # Topic and author links carry the publication time, as ArticlePage.save makes them.
    assert all(link.published_at == story.published_at for story in stories for link in story.topic_links.all())
    assert Page.find_problems() == ([], [], [], [], [])
    assert stories[0].get_latest_revision_as_object().title == stories[0].title
    assert stories[0].url.endswith(f"/world/2024/01/01/{stories[0].slug}/")

    revisions = Revision.objects.count()
    again = ImportReport()
    write_items(items(7), again, publish=True, batch=3)
    assert again.counts["unchanged"] == 7
    assert (ArticlePage.objects.count(), Revision.objects.count()) == (7, revisions)


def test_drafts_wait_in_the_review_workflow_and_duplicates_are_one_story(newsroom):
    schemas_or_skip()
    report = ImportReport()
    write_items([*items(2), *items(2)], report, publish=False)
    assert report.summary() == "2 created, 0 updated, 2 unchanged, 0 failed"
    assert not ArticlePage.objects.filter(live=True).exists()
    for page in ArticlePage.objects.all():
        assert page.latest_revision_id and not page.live_revision_id and page.has_unpublished_changes
        state = page.current_workflow_state
        assert state is not None and state.workflow.name == "Edit and publish"
        assert state.current_task_state.task.specific.groups.filter(name="Editor").exists()
        assert state.current_task_state.revision_id == page.latest_revision_id
        actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
        assert actions == {"wagtail.create", "wagtail.workflow.start"}


def test_a_changed_story_gets_a_new_revision_and_stays_one_story(newsroom):
    schemas_or_skip()
    write_items(items(3), ImportReport())
    changed = items(3)
    changed[1].story.headline = "A corrected headline"
    report = ImportReport()
    write_items(changed, report)
    assert report.summary() == "0 created, 1 updated, 2 unchanged, 0 failed"
    page = ArticlePage.objects.get(source_id=changed[1].story.source_id)
    assert page.get_latest_revision_as_object().title == "A corrected headline"
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 2
    assert WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").count() == 1


def test_a_failing_item_in_the_middle_of_a_batch_is_undone_alone(newsroom):
    schemas_or_skip()
    good = items(5)
    too_long = good.pop()
    too_long.story.headline = "Headline " * 40  # refused before anything of it is written
    report = ImportReport()
    write_items([*good[:2], broken_item(), good[2], too_long, good[3]], report, batch=10)
    assert report.summary() == "4 created, 0 updated, 0 unchanged, 2 failed"
    (label, reason), (long_label, long_reason) = report.failures
    assert label == "feed.json item 3 (urn:broken:1)" and reason
    assert long_label == too_long.label and "the limit is 255" in long_reason
    assert set(ArticlePage.objects.values_list("source_id", flat=True)) == {item.story.source_id for item in good}
    # Nothing of the broken story is left: no page, no topic or author made for it.
    assert not ArticlePage.objects.filter(source_id="urn:broken:1").exists()
    assert not Topic.objects.filter(name="Made only for the broken story").exists()
    assert Page.find_problems() == ([], [], [], [], [])
    assert ArticlePage.objects.first().get_parent().numchild == 4


@pytest.mark.parametrize("publish", [False, True])
def test_queries_per_story_are_bounded(newsroom, publish):
    """A batch's cost is a few queries for all its stories, plus, for a published story, what its publication sets
    off (a story that writes pictures, topics or authors of its own adds a savepoint: two statements)."""
    schemas_or_skip()
    write_items(items(2, seed=8), ImportReport())  # the month folder, topics and authors exist
    counts = []
    for seed, size in [(11, 10), (12, 30)]:
        batch = items(size, seed=seed)
        for item in batch:
            item.story.topics, item.story.authors = ["Topic 1"], ["Bench Author 1"]
            item.story.published_at = batch[0].story.published_at
        with CaptureQueriesContext(connection) as queries:
            report = write_items(batch, ImportReport(), publish=publish, batch=100)
        assert report.counts["created"] == size
        counts.append(len(queries))
    per_story = (counts[1] - counts[0]) / 20
    assert per_story <= (8 if publish else 2.5), counts
    assert counts[0] - 10 * per_story <= 35, counts  # once a batch, whatever its size


def test_the_command_reports_a_failing_file_and_stores_the_rest(newsroom, tmp_path):
    schemas_or_skip()
    entries = list(ninjs_items(5, 4))
    entries[2] = {"uri": "urn:bad", "type": "text", "headlines": "not a list"}
    (tmp_path / "a.json").write_text(json.dumps(entries), encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 item"):
        call_command("import", "ninjs", str(tmp_path), "--batch", "2", stdout=out, stderr=err)
    assert "4 created, 0 updated, 0 unchanged, 1 failed" in out.getvalue()
    assert "a.json item 3 (urn:bad)" in err.getvalue() and "not valid ninjs" in err.getvalue()
    assert ArticlePage.objects.count() == 4


def test_a_dry_run_reads_everything_and_stores_nothing(newsroom, tmp_path):
    schemas_or_skip()
    (tmp_path / "a.json").write_text(json.dumps(list(ninjs_items(5, 6))), encoding="utf-8")
    pages, topics, revisions = Page.objects.count(), Topic.objects.count(), Revision.objects.count()
    out = StringIO()
    call_command("import", "ninjs", str(tmp_path), "--dry-run", "--batch", "2", stdout=out, stderr=StringIO())
    assert "dry run, nothing stored: 5 created, 0 updated, 0 unchanged, 0 failed" in out.getvalue()
    assert (Page.objects.count(), Topic.objects.count(), Revision.objects.count()) == (pages, topics, revisions)
    assert not WorkflowState.objects.exists()


def test_a_bulk_import_refreshes_the_planner_statistics(newsroom, monkeypatch):
    from dateline.ingest import bulk
    from dateline.newsroom.tests.test_generate import planner_statistics_rows

    monkeypatch.setattr(bulk, "BULK_STATISTICS_THRESHOLD", 5)
    write_items(items(4), ImportReport())
    assert planner_statistics_rows("newsroom_articlepage") == 0  # a small import leaves them to the database
    write_items(items(5, seed=4), ImportReport())
    assert planner_statistics_rows("newsroom_articlepage") > 0
