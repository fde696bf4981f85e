"""The import writer: stories a batch at a time, each story still all-or-nothing.

`manage.py import` stores through `write_items`. A batch of stories shares one transaction (one commit, and one
fsync, per batch instead of per story), and every story in it is written inside its own savepoint: a story that
fails is rolled back alone and reported with its file, item and reason, and the batch goes on.

A story never seen before is written with a fixed number of plain inserts instead of Wagtail's `add_child`,
`save_revision` and `publish` (which cost 40 to 60 queries a story): its page row under the month folder (a
treebeard path after the folder's last child), its story row, topic and author links (carrying the story's
publication time, as `ArticlePage.save` does), one revision set as the latest (and, published, the live) one,
the page log entries the admin's history shows, and, for a draft, its place in the review workflow. A published
story then sends Wagtail's `page_published`, so everything that follows a publication in the admin (story signals,
cache purges, search indexing and enrichment tasks, waiting related links) follows this one too.

A story already imported is looked up once per batch: an identical one is "unchanged" without another query, a
changed one goes through `page_from_story` (a new revision of the same page). Not written for new stories, as
for generated ones: Wagtail's reference index (`manage.py rebuild_references_index` fills it).
"""

import uuid
from contextlib import nullcontext
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.signals import page_published

from dateline.ingest.signal_handlers import on_revision_saved
from dateline.newsroom.archive import BULK_STATISTICS_THRESHOLD, refresh_planner_statistics, story_archive
from dateline.newsroom.generate import insert_rows, open_folder
from dateline.newsroom.models import ArticleAuthor, ArticlePage, ArticleTopic, SectionPage
from dateline.newsroom.story import (
    CREATED,
    UNCHANGED,
    UPDATED,
    author_named,
    body_block,
    image_from_story_image,
    page_from_story,
    topic_named,
)

BATCH = 200
TITLE_MAX = ArticlePage._meta.get_field("title").max_length


class ItemRefused(ValueError):
    """A story that cannot be stored as it is; the message says why."""


@dataclass
class Options:
    publish: bool = False
    dry_run: bool = False
    section: str = ""
    user: object = None


@dataclass
class NewStory:
    """A new story's rows, made (and checked) in its savepoint, inserted with the rest of its batch."""

    page: ArticlePage
    topic_links: list
    author_links: list
    publish: bool
    folder_key: tuple
    related_links: bool


def write_items(items, report, *, publish=False, dry_run=False, section="", user=None, batch=BATCH, progress=None):
    """Store every item, counting outcomes in `report`; `progress(report)` is called after each batch."""
    writer = BatchWriter(Options(publish=publish, dry_run=dry_run, section=section, user=user))
    pending = []
    for item in items:
        pending.append(item)
        if len(pending) >= batch:
            writer.write_batch(pending, report, progress)
            pending = []
    if pending:
        writer.write_batch(pending, report, progress)
    if not dry_run and report.counts[CREATED] >= BULK_STATISTICS_THRESHOLD:
        refresh_planner_statistics()
    return report


class BatchWriter:
    def __init__(self, options):
        self.options = options
        self.article_type = ContentType.objects.get_for_model(ArticlePage)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.other_relations = [
            relation.get_accessor_name()
            for relation in get_all_child_relations(ArticlePage)
            if relation.get_accessor_name() not in ("topic_links", "author_links")
        ]
        self.reset()

    def reset(self):
        """Forget everything read or made in the database: after a rollback some of it no longer exists."""
        self.archive = None
        self.folders, self.topics, self.authors = {}, {}, {}
        self.sections = {section.slug: section for section in SectionPage.objects.all()}
        self.review = None  # (workflow, first task), looked up once
        self.made = []  # (cache, key) of topics and authors created for the story being written

    # --- batches and items -------------------------------------------------------------------------------

    def write_batch(self, items, report, progress=None):
        before = (report.counts.copy(), len(report.failures), len(report.pages))
        try:
            self.write_together(items, report)
        except Exception:
            # The batch's inserts failed (or the commit, on a constraint the database checks then): nothing of
            # the batch was stored. Write each item on its own, so that the one at fault is reported alone.
            report.counts = before[0]
            del report.failures[before[1] :], report.pages[before[2] :]
            self.reset()
            for item in items:
                try:
                    self.write_together([item], report)
                except Exception as exc:  # this item's own rows, or what its publication set off, failed
                    self.fail(report, item, f"{type(exc).__name__}: {exc}")
        if progress:
            progress(report)

    def write_together(self, items, report):
        stories = [item.story for item in items if item.story is not None and not item.error]
        for story in stories:
            if self.options.section:
                story.section = self.options.section
        try:
            with transaction.atomic():
                known = self.known_checksums(stories)
                new = {}  # key (or a stand-in) -> NewStory, inserted together at the end of the batch
                for item in items:
                    self.write_one(item, known, new, report)
                self.insert(list(new.values()), report)
                self.flush_folders()
                if self.options.dry_run:
                    transaction.set_rollback(True)
        except Exception:
            self.reset()
            raise
        if self.options.dry_run:
            self.reset()

    def known_checksums(self, stories):
        """{(source, source_id): checksum} of the batch's stories already stored."""
        keys = {(story.source, story.source_id) for story in stories if story.source and story.source_id}
        if not keys:
            return {}
        rows = ArticlePage.objects.filter(
            source__in={source for source, _ in keys}, source_id__in=[source_id for _, source_id in keys]
        ).values_list("source", "source_id", "source_checksum")
        return {(source, source_id): checksum for source, source_id, checksum in rows}

    def write_one(self, item, known, new, report):
        if item.error or item.story is None:
            self.fail(report, item, item.error or "no story found")
            return
        story = item.story
        publish = self.options.publish and getattr(item, "publish", True)  # WordPress drafts stay drafts
        key = (story.source, story.source_id) if story.source and story.source_id else None
        checksum = story.checksum()
        if key in new and new[key].page.source_checksum != checksum:
            # The same story twice in one batch, changed: store the first, then update it.
            self.insert(list(new.values()), report)
            new.clear()
        stored = known[key] if key in known else new[key].page.source_checksum if key in new else None
        if stored == checksum:
            report.counts[UNCHANGED] += 1
            return
        try:
            folder = None if key in known else self.folder(story.published_at or timezone.now())
            # A savepoint, so that this story and only it is undone if anything fails, wherever the story writes
            # before the batch's inserts. One that writes nothing till then (no picture, known topics and authors:
            # most of a large import) needs none: its rows go in with the batch's, which is redone a story at a
            # time should they fail.
            savepoint = transaction.atomic() if key in known or self.writes_first(story) else nullcontext()
            with savepoint:
                if key in known:
                    page, status = page_from_story(story, publish=publish, user=self.options.user)
                    if not publish and status == UPDATED:
                        self.submit_for_review([(page, page.latest_revision)], check=True)
                else:
                    created = self.prepare(story, checksum, publish, folder)
        except Exception as exc:  # one story's failure is reported, and the import goes on
            for cache, name in self.made:  # topics or authors made for it are gone with its savepoint
                cache.pop(name, None)
            self.made = []
            self.fail(report, item, str(exc) if isinstance(exc, ItemRefused) else f"{type(exc).__name__}: {exc}")
            return
        self.made = []
        if key in known:
            known[key] = checksum
            report.counts[status] += 1
            report.pages.append(page)
        else:
            new[key or object()] = created

    def writes_first(self, story):
        """Whether storing this new story writes rows before the batch's inserts: pictures, new topics or authors."""
        return (
            story.lead_image is not None
            or any(kind == "image" for kind, _ in story.body)
            or any(name.lower() not in self.topics for name in story.topics)
            or any(name.lower() not in self.authors for name in story.authors)
        )

    def fail(self, report, item, reason):
        report.counts["failed"] += 1
        report.failures.append((item.label, reason))

    # --- new stories -------------------------------------------------------------------------------------

    def prepare(self, story, checksum, publish, folder):
        """The rows of a new story, with its pictures, topics and authors stored (in the story's savepoint)."""
        if len(story.headline) > TITLE_MAX:
            raise ItemRefused(f"the headline is {len(story.headline)} characters; the limit is {TITLE_MAX}")
        folder_key, folder = folder
        now = timezone.now()
        slug = self.free_slug(folder, story.slug or slugify(story.headline)[:80] or "story")
        parent = folder.page
        published_at = story.published_at or (now if publish else None)
        topic_links = [
            ArticleTopic(topic=self.named(self.topics, topic_named, name), sort_order=n, published_at=published_at)
            for n, name in enumerate(story.topics)
        ]
        author_links = [
            ArticleAuthor(author=self.named(self.authors, author_named, name), sort_order=n, published_at=published_at)
            for n, name in enumerate(story.authors)
        ]
        page = ArticlePage(
            title=story.headline,
            draft_title=story.headline,
            slug=slug,
            content_type_id=self.article_type.pk,
            locale_id=self.archive.locale_id,
            translation_key=uuid.uuid4(),
            path=Page._get_path(parent.path, parent.depth + 1, folder.next_position),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            owner=self.options.user,
            live=publish,
            has_unpublished_changes=not publish,
            first_published_at=now if publish else None,
            last_published_at=now if publish else None,
            latest_revision_created_at=now,
            standfirst=story.standfirst,
            lead_image=image_from_story_image(story.lead_image) if story.lead_image else None,
            lead_image_caption=story.lead_image_caption,
            lead_image_credit=story.lead_image_credit,
            body=[body_block(kind, value) for kind, value in story.body],
            section=self.sections.get(story.section),
            published_at=published_at,
            updated_at=story.updated_at,
            source=story.source,
            source_id=story.source_id,
            source_checksum=checksum,
        )
        folder.next_position += 1
        folder.slugs.add(slug)
        related = any(kind == "related_link" for kind, _ in story.body)
        return NewStory(page, topic_links, author_links, publish, folder_key, related)

    def insert(self, new, report):
        """Insert the batch's new stories: a few multi-row INSERTs for all of them, whatever their number."""
        if not new:
            return
        now = timezone.now()
        pages = [story.page for story in new]
        Page.objects.bulk_create(pages)
        for story in new:
            page = story.page
            page.page_ptr_id = page.id
            page._state.adding = False
            for link in [*story.topic_links, *story.author_links]:
                link.page_id = page.pk
            page.topic_links, page.author_links = story.topic_links, story.author_links  # for the revision
            for name in self.other_relations:
                setattr(page, name, [])
        insert_rows(ArticlePage, pages, ArticlePage._meta.local_concrete_fields)
        ArticleTopic.objects.bulk_create([link for story in new for link in story.topic_links])
        ArticleAuthor.objects.bulk_create([link for story in new for link in story.author_links])
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type_id=self.article_type.pk,
                    base_content_type_id=self.page_type.pk,
                    object_id=str(page.pk),
                    created_at=now,
                    user=self.options.user,
                    object_str=page.title,
                    content=page.serializable_data(),
                )
                for page in pages
            ]
        )
        for story, revision in zip(new, revisions, strict=True):
            story.page.latest_revision = revision
            story.page.live_revision = revision if story.publish else None
        Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
        for story, revision in zip(new, revisions, strict=True):
            if story.related_links:
                self.link_related(story.page, revision)

        entries = [self.log_entry(page, "wagtail.create", page.latest_revision, now) for page in pages]
        entries += [self.log_entry(s.page, "wagtail.publish", s.page.live_revision, now) for s in new if s.publish]
        entries += self.submit_for_review([(s.page, s.page.latest_revision) for s in new if not s.publish])
        PageLogEntry.objects.bulk_create(entries)
        for story in new:
            self.folders[story.folder_key].added += 1
            report.counts[CREATED] += 1
            report.pages.append(story.page)
        for story in new:
            if story.publish:
                page_published.send(sender=ArticlePage, instance=story.page, revision=story.page.live_revision)

    def link_related(self, page, revision):
        """As after Wagtail's save_revision: headline-only related links to stories that exist now point at them
        (in the revision's content), the others wait for their story."""
        body = revision.content["body"]
        on_revision_saved(sender=Revision, instance=revision, created=True)
        if revision.content["body"] != body:
            page.body = revision.as_object().body
            ArticlePage.objects.filter(pk=page.pk).update(body=page.body)

    def log_entry(self, page, action, revision, when, data=None):
        return PageLogEntry(
            content_type_id=self.article_type.pk,
            label=page.title,
            action=action,
            timestamp=when,
            data=data or {},
            user=self.options.user,
            page_id=page.pk,
            revision=revision,
            content_changed=action in ("wagtail.create", "wagtail.publish"),
        )

    def submit_for_review(self, drafts, check=False):
        """Put drafts, [(page, revision)], in the review workflow (its first task, in progress), as "Submit for
        review" does, without mailing the reviewers once per imported story. Returns the log entries to write
        (written here when `check`: a story updated in place, which stays where it is if already in review)."""
        workflow, task = self.review_workflow()
        if workflow is None or not drafts:
            return []
        if check:
            in_review = WorkflowState.objects.filter(
                base_content_type_id=self.page_type.pk,
                object_id__in=[str(page.pk) for page, _ in drafts],
                status=WorkflowState.STATUS_IN_PROGRESS,
            ).values_list("object_id", flat=True)
            drafts = [(page, revision) for page, revision in drafts if str(page.pk) not in set(in_review)]
            if not drafts:
                return []
        # Plain inserts: WorkflowState.save checks (three queries a story) that no workflow is in progress yet.
        states = WorkflowState.objects.bulk_create(
            [
                WorkflowState(
                    content_type_id=self.article_type.pk,
                    base_content_type_id=self.page_type.pk,
                    object_id=str(page.pk),
                    workflow=workflow,
                    status=WorkflowState.STATUS_IN_PROGRESS,
                    requested_by=self.options.user,
                )
                for page, _ in drafts
            ]
        )
        task_states = TaskState.objects.bulk_create(
            [
                TaskState(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS, revision=revision, task=task)
                for state, (_, revision) in zip(states, drafts, strict=True)
            ]
        )
        for state, task_state in zip(states, task_states, strict=True):
            state.current_task_state = task_state
        WorkflowState.objects.bulk_update(states, ["current_task_state"])
        now = timezone.now()
        entries = [
            self.log_entry(
                page,
                "wagtail.workflow.start",
                revision,
                now,
                {
                    "workflow": {
                        "id": workflow.pk,
                        "title": workflow.name,
                        "status": state.status,
                        "next": {"id": task.pk, "title": task.name},
                        "task_state_id": task_state.pk,
                    }
                },
            )
            for (page, revision), state, task_state in zip(drafts, states, task_states, strict=True)
        ]
        if check:
            PageLogEntry.objects.bulk_create(entries)
            return []
        return entries

    def review_workflow(self):
        if self.review is None:
            archive = self.archive or story_archive()
            workflow = archive.get_workflow()
            task = workflow.tasks.filter(active=True).first() if workflow is not None and workflow.active else None
            self.review = (workflow, task.specific) if task is not None else (None, None)
        return self.review

    # --- folders, slugs, topics and authors --------------------------------------------------------------

    def folder(self, when):
        """(key, Folder) of the month folder for `when`, made if missing (outside any story's savepoint)."""
        if self.archive is None:
            self.archive = story_archive()
        local = timezone.localtime(when)
        key = (local.year, local.month)
        if key not in self.folders:
            self.folders[key] = open_folder(when, self.archive)
        return key, self.folders[key]

    def free_slug(self, folder, base):
        slug, number = base, 2
        while slug in folder.slugs:
            slug, number = f"{base}-{number}", number + 1
        return slug

    def flush_folders(self):
        """Count the stories added to each month folder (one UPDATE per folder)."""
        for folder in self.folders.values():
            if folder.added:
                Page.objects.filter(pk=folder.page.pk).update(numchild=F("numchild") + folder.added)
                folder.page.numchild += folder.added
                folder.added = 0

    def named(self, cache, make, name):
        key = name.lower()
        if key not in cache:
            cache[key] = make(name)
            self.made.append((cache, key))
        return cache[key]
