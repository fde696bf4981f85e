"""PostgreSQL: language-aware full-text search on the StoryDocument table, through its GIN indexes.

Two bounded branches find the candidates: the newest HEADLINE_POOL stories whose headline matches (however old,
from the small headline index) and the newest DOCUMENT_POOL whose document matches. Only those are scored, with
`ts_rank` over the weighted document (headline A, standfirst and topics B, authors C, body D, normalised by
length), so the work is bounded whatever the archive's size and however common the word: a word found in 30,000
stories scores 700 of them, not 30,000. The scores are then multiplied by the recency factor and sorted, newer
first at equal score. The pools bound how deep readers can page (20 pages of 20). Rows exist for live stories only
and carry an embargo's go-live time; the page's stories are read through `visible_stories()` once more.
"""

from datetime import UTC, timedelta

from django.db import connection, transaction
from django.utils import timezone
from modelsearch.backends import get_search_backend

from dateline.newsroom.models import ArticleAuthor, ArticleTopic
from dateline.search.models import StoryDocument, month_lexeme
from dateline.search.query import local_start, recency_factor

HEADLINE_POOL = 100
DOCUMENT_POOL = 300
# Common words are found by walking the publication-time index (the section's, with a section filter) newest
# first, testing each row until enough match, which stops early for so common a word: for headlines (short, stored
# in the row, cheap to test) where more than HEADLINE_WALK_ABOVE stories are estimated to match (filters included);
# for documents (long, each read from TOAST) where at least WALK_SHARE of the filtered stories are.
HEADLINE_WALK_ABOVE = 1_000
WALK_SHARE = 0.2  # measured at 100,000 stories: a word in 32% of them walks faster, one in 12% does not
WALK_AT_MOST = 25_000  # rows a walk may read, should the estimate be wrong
# Other documents: up to COLLECT_AT_MOST estimated matches, all are collected from the GIN index; above, they are
# looked for first among the newest months holding WINDOW_ROWS documents, inside the GIN index (the words' entries
# intersected with the months' entries), so that only those months' matches are read from the table.
COLLECT_AT_MOST = 2_000
WINDOW_ROWS = 3_000
WINDOW_MONTHS_AT_MOST = 36  # a sparser archive is small enough to collect
NORMALISATION = 1  # ts_rank: divide by 1 + log(document length), so long bodies do not win by length alone


def search_config():
    try:
        return get_search_backend("stories").config
    except Exception:  # noqa: BLE001 (no "stories" backend configured: the language of the default one)
        return getattr(get_search_backend(), "config", None) or "english"


def tsquery(parsed, operator):
    """The tsquery as SQL with its parameters: the words through plainto_tsquery, phrases through phraseto_tsquery,
    so the reader's text is never parsed as tsquery syntax."""
    config = search_config()
    if operator == "and":
        parts = [("plainto_tsquery(%s::regconfig, %s)", [config, " ".join(parsed.terms)])]
        parts += [("phraseto_tsquery(%s::regconfig, %s)", [config, phrase]) for phrase in parsed.phrases]
        joiner = " && "
    else:
        parts = [("plainto_tsquery(%s::regconfig, %s)", [config, term]) for term in parsed.terms]
        joiner = " || "
    return "(" + joiner.join(sql for sql, _ in parts) + ")", [param for _, params in parts for param in params]


def filter_sql(filters):
    """Conditions on the documents, as two (SQL, parameters) pairs: those on the table's own columns (an embargo's
    go-live time, the section, dates), which the publication-time indexes can walk, and those on other tables
    (topic, author)."""
    clauses, params = ["(d.embargoed_until IS NULL OR d.embargoed_until <= %s)"], [timezone.now()]
    if filters.section:
        clauses.append("d.section_id = %s")
        params.append(filters.section.pk)
    if filters.date_from:
        clauses.append("d.published_at >= %s")
        params.append(local_start(filters.date_from))
    if filters.date_to:
        clauses.append("d.published_at < %s")
        params.append(local_start(filters.date_to + timedelta(days=1)))
    links, link_params = [], []
    for obj, model, column in [(filters.topic, ArticleTopic, "topic_id"), (filters.author, ArticleAuthor, "author_id")]:
        if obj:
            table = model._meta.db_table
            exists = f"EXISTS (SELECT 1 FROM {table} l WHERE l.page_id = d.story_id AND l.{column} = %s)"  # noqa: S608  # nosec B608
            links.append(exists)
            link_params.append(obj.pk)
    return (" AND ".join(clauses), params), ("".join(f" AND {clause}" for clause in links), link_params)


class SearchBackend:
    table = StoryDocument._meta.db_table

    def estimated_matches(self, cursor, condition, params):
        """The planner's estimate of the rows matching (from the tsvector statistics): no rows are read."""
        cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {self.table} d WHERE {condition}", params)  # noqa: S608  # nosec B608
        plan = cursor.fetchone()[0]
        plan = plan[0] if isinstance(plan, list) else plan
        return plan["Plan"]["Plan Rows"]

    def newest_matches(self, cursor, column, query, filters, pool):
        """SQL and parameters for the ids of the newest `pool` stories matching in `column`, planned so that
        no word reads much: rare ones collected through the GIN index, the most common ones by walking the
        publication-time index until enough are found, the others in documents within the newest months."""
        query_sql, query_params = query
        (columns, column_params), (links, link_params) = filters
        condition = f"{columns} AND d.{column} @@ {query_sql}{links}"
        params = [*column_params, *query_params, *link_params]
        estimate = self.estimated_matches(cursor, condition, params)
        if column == "headline":
            walk = estimate > HEADLINE_WALK_ABOVE
        else:
            walk = estimate > COLLECT_AT_MOST and estimate >= WALK_SHARE * self.estimated_matches(
                cursor, columns, column_params
            )
        if walk:
            # The filters on the table's columns are applied inside the walk, before any row is tested.
            sql = (
                f"SELECT d.story_id FROM (SELECT d.story_id, d.published_at, d.{column} FROM {self.table} d "  # noqa: S608  # nosec B608
                f"WHERE {columns} ORDER BY d.published_at DESC LIMIT %s) d "
                f"WHERE d.{column} @@ {query_sql}{links} ORDER BY d.published_at DESC LIMIT %s"
            )
            return sql, [*column_params, WALK_AT_MOST, *query_params, *link_params, pool]
        if column == "document" and estimate > COLLECT_AT_MOST:
            months = self.newest_months(cursor, columns, column_params)
            if months:
                sql, params = self.collect(column, (f"({query_sql} && %s::tsquery)", [*query_params, months]), filters)
                cursor.execute(sql, [*params, pool])
                found = [row[0] for row in cursor.fetchall()]
                if len(found) == pool:  # the newest matches are all in those months
                    return "SELECT unnest(%s::integer[])", [found]
        sql, params = self.collect(column, query, filters)
        return sql, [*params, pool]

    def collect(self, column, query, filters):
        """SQL (without its LIMIT's parameter) for the newest matches of `query` in `column`: the GIN index alone
        finds them (OFFSET 0 keeps the planner from walking a publication-time index for what may be a rare word,
        and enable_seqscan = off, set by the caller, from testing every document), then the filters are applied
        to them without reading their documents."""
        query_sql, query_params = query
        (columns, column_params), (links, link_params) = filters
        sql = (
            f"SELECT d.story_id FROM (SELECT d.story_id, d.published_at, d.section_id, d.embargoed_until "  # noqa: S608  # nosec B608
            f"FROM {self.table} d WHERE d.{column} @@ {query_sql} OFFSET 0) d "
            f"WHERE {columns}{links} ORDER BY d.published_at DESC LIMIT %s"
        )
        return sql, [*query_params, *column_params, *link_params]

    def newest_months(self, cursor, columns, params):
        """The month lexemes (a tsquery: '~202612' | '~202611' | …) of the newest months holding WINDOW_ROWS
        documents that pass the filters on the table's columns, found on the publication-time indexes; None where
        fewer documents pass or they are spread over too many months."""
        cursor.execute(
            f"SELECT d.published_at FROM {self.table} d WHERE {columns} AND d.published_at IS NOT NULL "  # noqa: S608  # nosec B608
            "ORDER BY d.published_at DESC OFFSET %s LIMIT 1",
            [*params, WINDOW_ROWS - 1],
        )
        row = cursor.fetchone()
        if row is None:
            return None
        month, newest = row[0].astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0), []
        end = timezone.now().astimezone(UTC) + timedelta(days=1)
        while month <= end and len(newest) <= WINDOW_MONTHS_AT_MOST:
            newest.append(f"'{month_lexeme(month)}'")
            month = (month + timedelta(days=32)).replace(day=1)
        return " | ".join(newest) if len(newest) <= WINDOW_MONTHS_AT_MOST else None

    def candidates(self, parsed, filters, operator, pools):
        """[(story id, ts_rank, published_at)]: the newest pools[0] headline matches and the newest pools[1]
        document matches, scored together (each story once)."""
        query = tsquery(parsed, operator)
        where = filter_sql(filters)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")  # detoasting every document is never cheaper
            headline_sql, headline_params = self.newest_matches(cursor, "headline", query, where, pools[0])
            document_sql, document_params = self.newest_matches(cursor, "document", query, where, pools[1])
            sql = (
                f"SELECT d.story_id, ts_rank(d.document, {query[0]}, {NORMALISATION}), d.published_at "  # noqa: S608  # nosec B608
                f"FROM {self.table} d WHERE d.story_id = ANY(ARRAY(({headline_sql}) UNION ({document_sql})))"
            )
            cursor.execute(sql, [*query[1], *headline_params, *document_params])
            return cursor.fetchall()

    def ranked_ids(self, parsed, filters, start, stop, operator="and", candidates=None):
        """(story id, score) pairs for results start..stop. `candidates` caps the stories scored, for callers
        that want only the first few (the default pools bound how deep readers can page)."""
        pools = (HEADLINE_POOL, DOCUMENT_POOL)
        if candidates:
            pools = (min(HEADLINE_POOL, max(candidates // 3, stop)), min(DOCUMENT_POOL, max(candidates, stop)))
        now = timezone.now()
        ranked = sorted(
            (
                (pk, rank * recency_factor(published_at, now), published_at)
                for pk, rank, published_at in self.candidates(parsed, filters, operator, pools)
            ),
            key=lambda row: (-row[1], -(row[2].timestamp() if row[2] else 0), -row[0]),
        )
        return [(pk, score) for pk, score, _ in ranked[start:stop]]
