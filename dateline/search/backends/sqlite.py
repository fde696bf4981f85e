"""SQLite: the best matches straight from Wagtail's FTS5 table, ranked by bm25 with the headline weighted.

Wagtail's own SQLite query scores each result with a correlated subquery (seconds for a common word over 10,000
stories); this asks FTS5 once, ordered by its rank, and joins the allowed stories as a subquery.
"""

from django.db import connection

from dateline.search.backends import base


class FTS5Results:
    def __init__(self, parsed, stories, operator):
        self.parsed, self.stories, self.operator = parsed, stories, operator

    def match(self):
        words = [f'"{term}"' for term in self.parsed.terms]  # terms are \w+ only: safe inside quotes
        expression = f" {self.operator.upper()} ".join(words)
        if self.operator == "and" and self.parsed.phrases:
            expression = " AND ".join([f"({expression})", *(f'"{phrase}"' for phrase in self.parsed.phrases)])
        return "{body title} : (" + expression + ")"

    def __getitem__(self, window):
        from modelsearch.conf import get_app_config
        from modelsearch.utils import get_descendants_content_types_pks

        from dateline.newsroom.models import ArticlePage

        app = get_app_config()
        IndexEntry, SQLiteFTSIndexEntry = app.get_model("IndexEntry"), app.get_model("SQLiteFTSIndexEntry")  # noqa: N806

        start, stop = window.start or 0, window.stop
        content_types = list(get_descendants_content_types_pks(ArticlePage))
        allowed_sql, allowed_params = self.stories.values("pk").query.sql_with_params()
        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        sql = (
            f"SELECT CAST(e.object_id AS INTEGER), bm25({fts}, 0.0, 1.0, 5.0) AS score "  # noqa: S608 (no input)  # nosec B608
            f"FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
            f"AND CAST(e.object_id AS INTEGER) IN ({allowed_sql}) ORDER BY score LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.match(), *content_types, *allowed_params, stop - start, start])
            scores = dict(cursor.fetchall())
        stories = {story.pk: story for story in self.stories.filter(pk__in=scores)}
        ranked = []
        for pk, score in scores.items():
            if pk in stories:
                stories[pk]._score = score
                ranked.append(stories[pk])
        return ranked


class SearchBackend(base.SearchBackend):
    sign = -1  # FTS5's bm25 is negative, lower meaning more relevant

    def results(self, parsed, stories, operator):
        return FTS5Results(parsed, stories, operator)
