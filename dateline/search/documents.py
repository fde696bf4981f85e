"""Keeps StoryDocument rows in step with the stories, as a search backend of its own in WAGTAILSEARCH_BACKENDS.

Listed as the "stories" backend, it is written wherever Wagtail's index is: the newsroom's index task (one story,
after its publication commits), `manage.py update_index` (every story, with progress) and the archive generator
(`add_bulk`). It never answers searches itself; `dateline.search.backends.postgresql` queries its table. A live
story has a row (an embargoed one with its go-live time, which the search applies); an unpublished, expired or
deleted one has none.
On any database other than PostgreSQL it does nothing (and `update_index` says it needs no rebuilding).
"""

from django.db import connection
from modelsearch.backends.base import BaseIndex, BaseSearchBackend

from dateline.search.models import StoryDocument, month_lexeme


def is_story_model(model):
    from dateline.newsroom.models import ArticlePage

    return issubclass(model, ArticlePage)


def document_rows(story_ids):
    """(story id, published_at, section id, embargoed until, headline, standfirst and topics, authors, body text)
    for the given stories that are live. Three queries, whatever the number of stories."""
    from dateline.newsroom.models import ArticleAuthor, ArticlePage, ArticleTopic
    from dateline.search.query import story_body_text

    fields = ["pk", "title", "standfirst", "body", "published_at", "section_id", "embargoed", "go_live_at"]
    stories = list(ArticlePage.objects.live().filter(pk__in=story_ids, published_at__isnull=False).only(*fields))
    names = {"topics": {}, "authors": {}}
    for key, model, name in [("topics", ArticleTopic, "topic__name"), ("authors", ArticleAuthor, "author__name")]:
        for page_id, value in model.objects.filter(page_id__in=[s.pk for s in stories]).values_list("page_id", name):
            names[key].setdefault(page_id, []).append(value)
    return [
        (
            story.pk,
            story.published_at,
            story.section_id,
            story.go_live_at if story.embargoed else None,
            story.title,
            " ".join([story.standfirst or "", *names["topics"].get(story.pk, [])]),
            " ".join(names["authors"].get(story.pk, [])),
            story_body_text(story),
        )
        for story in stories
    ]


UPSERT = """
INSERT INTO {table} (story_id, published_at, section_id, embargoed_until, headline, document)
VALUES (%(id)s, %(published_at)s, %(section)s, %(embargoed_until)s, to_tsvector(%(config)s::regconfig, %(headline)s),
    setweight(to_tsvector(%(config)s::regconfig, %(headline)s), 'A')
    || setweight(to_tsvector(%(config)s::regconfig, %(standfirst)s), 'B')
    || setweight(to_tsvector(%(config)s::regconfig, %(authors)s), 'C')
    || setweight(to_tsvector(%(config)s::regconfig, %(body)s), 'D') || array_to_tsvector(ARRAY[%(month)s]))
ON CONFLICT (story_id) DO UPDATE SET published_at = EXCLUDED.published_at, section_id = EXCLUDED.section_id,
    embargoed_until = EXCLUDED.embargoed_until, headline = EXCLUDED.headline, document = EXCLUDED.document
"""


def store(story_ids, config):
    """Write the documents of the given stories: a row for each live one, none for the others."""
    story_ids = list(story_ids)
    rows = document_rows(story_ids)
    kept = {row[0] for row in rows}
    StoryDocument.objects.filter(story_id__in=[pk for pk in story_ids if pk not in kept]).delete()
    if not rows:
        return 0
    params = [
        dict(
            zip(
                ["id", "published_at", "section", "embargoed_until", "headline", "standfirst", "authors", "body"],
                row,
                strict=True,
            )
        )
        | {"config": config, "month": month_lexeme(row[1])}
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(UPSERT.format(table=StoryDocument._meta.db_table), params)
    return len(rows)


class StoryDocumentIndex(BaseIndex):
    def get_key(self):
        return "stories"

    def add_items(self, model, items):
        if is_story_model(model):
            store([item.pk for item in items], self.backend.config)

    def delete_item(self, item):
        if is_story_model(type(item)):
            StoryDocument.objects.filter(story_id=item.pk).delete()

    def reset(self):
        StoryDocument.objects.all().delete()


class StoryDocumentRebuilder:
    """`update_index`: drop every row, add each chunk of stories, then refresh the planner's statistics."""

    def __init__(self, index):
        self.index = index

    def start(self):
        self.index.reset()
        return self.index

    def finish(self):
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {StoryDocument._meta.db_table}")


class NoIndex(BaseIndex):
    def get_key(self):
        return "none"


class StoryDocumentBackend(BaseSearchBackend):
    index_class = StoryDocumentIndex
    rebuilder_class = StoryDocumentRebuilder

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or "english"
        self.active = connection.vendor == "postgresql"
        if not self.active:
            self.rebuilder_class = None

    def get_index_for_model(self, model):
        if self.active and is_story_model(model):
            return StoryDocumentIndex(self)
        return NoIndex(self)

    def search(self, *args, **kwargs):
        raise NotImplementedError("the stories backend is only written to; search with dateline.search.query")

    autocomplete = search


SearchBackend = StoryDocumentBackend
