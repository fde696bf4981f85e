"""Ranking through Wagtail's configured search backend: works on any database, used where no faster way exists.

The backend's best RERANK_WINDOW matches are re-ranked by relevance × a field factor (words found in the headline,
then the standfirst) × a recency factor, so a headline match outranks a body match and, at equal relevance, a
newer story comes first. Past the window, results follow the backend's own order.
"""

from django.utils import timezone
from modelsearch.backends import get_search_backend

from dateline.search.query import backend_query, field_factor, recency_factor, searchable_stories

RERANK_WINDOW = 200


class SearchBackend:
    # +1 where a higher backend score is more relevant, -1 where lower is (SQLite's bm25).
    sign = 1

    def results(self, parsed, stories, operator):
        """Stories (with `._score`) ranked by the backend's relevance; sliceable."""
        backend = get_search_backend()
        results = backend.search(backend_query(parsed, operator), stories, order_by_relevance=True)
        return results.annotate_score("_score")

    def ranked_ids(self, parsed, filters, start, stop, operator="and", candidates=None):
        """(story id, blended score) pairs for results start..stop of the ranking; `candidates` caps the matches
        re-ranked, for callers that want only the first few."""
        stories = searchable_stories(filters).only("pk", "published_at", "title", "standfirst")
        results = self.results(parsed, stories, operator)
        depth = min(RERANK_WINDOW, max(candidates, stop)) if candidates else RERANK_WINDOW
        if stop > depth:
            return [(story.pk, self.sign * (story._score or 0)) for story in results[start:stop]]
        now = timezone.now()
        window = []
        for story in results[:depth]:
            relevance = self.sign * (story._score or 0) * field_factor(story, parsed.terms)
            window.append((story.pk, relevance * recency_factor(story.published_at, now), story.published_at))
        window.sort(key=lambda row: (-row[1], -(row[2].timestamp() if row[2] else 0), -row[0]))
        return [(pk, score) for pk, score, _ in window[start:stop]]
