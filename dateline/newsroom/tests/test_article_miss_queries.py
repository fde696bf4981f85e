"""An article page rendered from scratch (a page-cache miss) costs at most 8 queries."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.enrich.models import RelatedStory


def test_an_article_miss_costs_at_most_eight_queries(client, make_story, settings):
    # As in the benchmark's archive: no pictures (cards with pictures add their renditions, one query a list).
    others = [
        make_story(f"Earlier story {n}", topics=("Afghanistan", "Taliban"), days_ago=n + 1, image=False)
        for n in range(8)
    ]
    story = make_story(
        "The story", topics=("Afghanistan", "Taliban"), authors=("Asha Verma", "Rohan Iyer"), image=False
    )
    for score, other in enumerate(others):  # the oldest rank first: not the ones "Read more on …" already shows
        RelatedStory.objects.create(story=story, related=other, score=score, reasons={})
    settings.DATELINE_PAGE_CACHE = True  # as readers get it: the page cache in front (its site kept in process)
    cache.clear()
    assert client.get(story.url + "?first")["X-Cache"] == "MISS"  # fills what processes keep (site, settings)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(story.url + "?second")
    assert response.status_code == 200 and response["X-Cache"] == "MISS"
    queries = [query["sql"] for query in captured.captured_queries]
    assert len(queries) <= 8, "\n\n".join(queries)
    content = response.content.decode()
    assert "The story" in content and "Asha Verma" in content and "Rohan Iyer" in content and "Taliban" in content
    assert all(f"Earlier story {n}" in content for n in range(8))  # read more and related stories
