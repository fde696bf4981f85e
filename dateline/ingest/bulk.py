"""A batched way to store brand-new imported stories, for large imports.

`page_from_story` stores one story at a time through Wagtail's add_child, save_revision and publish: correct,
and about 15 stories a second. Stories never seen before need none of its update logic, so `write_items` stores
them a batch at a time with the same bulk inserts `dateline.newsroom.generate` uses (treebeard paths under the
month folders, one revision per page set as latest and, when published, live revision, topic and author links,
the search index). Everything else — stories already imported, duplicates within a batch — goes through
`write_item` and so `page_from_story`, which keeps re-imports idempotent.

A batch is one transaction. If it fails, it is rolled back and its stories are written again one by one, so a
bad item is reported on its own and never takes its neighbours with it.

Not written for bulk-stored pages, as for generated ones: page log entries and Wagtail's reference index.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from wagtail.models import Page, Revision

from dateline.ingest.writer import write_item
from dateline.newsroom.archive import story_archive
from dateline.newsroom.generate import insert_rows, link_revisions, open_folder
from dateline.newsroom.models import ArticleAuthor, ArticlePage, ArticleTopic, SectionPage
from dateline.newsroom.story import CREATED, author_named, body_block, image_from_story_image, topic_named

BATCH = 200


def write_items(items, report, *, publish=False, section="", batch=BATCH):
    """Store every item (counting outcomes in `report`), new stories a batch at a time."""
    pending = []
    for item in items:
        pending.append(item)
        if len(pending) >= batch:
            write_batch(pending, report, publish=publish, section=section)
            pending = []
    if pending:
        write_batch(pending, report, publish=publish, section=section)


def write_batch(items, report, *, publish, section):
    new, others = split_new(items, section)
    if new:
        try:
            with transaction.atomic():
                pages = BulkWriter().store(new, publish)
            report.counts[CREATED] += len(pages)
            report.pages.extend(pages)
        except Exception:  # the batch is undone; one at a time, each failure is reported against its own item
            others = new + others
    # Known stories (updated or unchanged), repeats of a story in this batch, failures: one at a time.
    for item in others:
        write_item(item, report, publish=publish, section=section)


def split_new(items, section):
    """(items with a story never imported before, everything else)."""
    stories = [item for item in items if item.story is not None and not item.error]
    for item in stories:
        if section:
            item.story.section = section
    keys = {(item.story.source, item.story.source_id) for item in stories if item.story.source_id}
    known = set()
    if keys:
        sources = {source for source, _ in keys}
        ids = [source_id for _, source_id in keys]
        known = set(
            ArticlePage.objects.filter(source__in=sources, source_id__in=ids).values_list("source", "source_id")
        )
    new, others, seen = [], [], set()
    for item in items:
        key = (item.story.source, item.story.source_id) if item.story is not None else None
        if item in stories and key[1] and key not in known and key not in seen:
            seen.add(key)
            new.append(item)
        else:
            others.append(item)
    return new, others


class BulkWriter:
    def __init__(self):
        self.archive = story_archive()
        self.article_type = ContentType.objects.get_for_model(ArticlePage)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.folders = {}
        self.sections = dict(SectionPage.objects.values_list("slug", "pk"))
        self.topics, self.authors = {}, {}
        self.other_relations = [
            relation.get_accessor_name()
            for relation in get_all_child_relations(ArticlePage)
            if relation.get_accessor_name() not in ("topic_links", "author_links")
        ]

    def store(self, items, publish):
        now = timezone.now()
        pages = [self.page(item.story, publish, now) for item in items]
        Page.objects.bulk_create(pages, batch_size=500)
        topic_links, author_links = [], []
        for page in pages:
            page.page_ptr_id = page.id
            page._state.adding = False
            topics = [ArticleTopic(page_id=page.pk, topic=t, sort_order=n) for n, t in enumerate(page._topics)]
            authors = [ArticleAuthor(page_id=page.pk, author=a, sort_order=n) for n, a in enumerate(page._authors)]
            topic_links.extend(topics)
            author_links.extend(authors)
            page.topic_links, page.author_links = topics, authors
            for name in self.other_relations:
                setattr(page, name, [])
        insert_rows(ArticlePage, pages, ArticlePage._meta.local_concrete_fields)
        ArticleTopic.objects.bulk_create(topic_links, batch_size=500)
        ArticleAuthor.objects.bulk_create(author_links, batch_size=500)
        revisions = [
            Revision(
                content_type_id=self.article_type.pk,
                base_content_type_id=self.page_type.pk,
                object_id=str(page.pk),
                created_at=now,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page in pages
        ]
        Revision.objects.bulk_create(revisions, batch_size=500)
        ids = [page.pk for page in pages]
        link_revisions(ids, self.page_type)
        if not publish:
            Page.objects.filter(pk__in=ids).update(live_revision_id=None)
        for folder in self.folders.values():
            if folder.added:
                Page.objects.filter(pk=folder.page.pk).update(numchild=F("numchild") + folder.added)
                folder.page.numchild += folder.added
                folder.added = 0
        for backend in get_search_backends():
            backend.add_bulk(ArticlePage, pages)
        return pages

    def page(self, story, publish, now):
        when = story.published_at or (now if publish else None)
        folder = self.folder(when or now)
        base = story.slug or slugify(story.headline)[:80] or "story"
        slug, number = base, 2
        while slug in folder.slugs:
            slug, number = f"{base}-{number}", number + 1
        folder.slugs.add(slug)
        parent = folder.page
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
            live=publish,
            has_unpublished_changes=not publish,
            first_published_at=when if publish else story.published_at,
            last_published_at=now if publish else None,
            latest_revision_created_at=now,
            standfirst=story.standfirst,
            lead_image=image_from_story_image(story.lead_image) if story.lead_image else None,
            lead_image_caption=story.lead_image_caption,
            lead_image_credit=story.lead_image_credit,
            body=[body_block(kind, value) for kind, value in story.body],
            section_id=self.sections.get(story.section),
            published_at=when,
            updated_at=story.updated_at,
            source=story.source,
            source_id=story.source_id,
            source_checksum=story.checksum(),
        )
        page._topics = [self.named(self.topics, topic_named, name) for name in story.topics]
        page._authors = [self.named(self.authors, author_named, name) for name in story.authors]
        folder.next_position += 1
        folder.added += 1
        return page

    def folder(self, when):
        local = timezone.localtime(when)
        key = (local.year, local.month)
        if key not in self.folders:
            self.folders[key] = open_folder(when, self.archive)
        return self.folders[key]

    def named(self, cache, make, name):
        if name.lower() not in cache:
            cache[name.lower()] = make(name)
        return cache[name.lower()]
