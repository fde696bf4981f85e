"""Parts of reader pages (the lists under an article, the home page's section blocks) and the story at a URL are kept
between page builds, and dropped with what they showed."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.newsroom.fragments import Deferred
from dateline.newsroom.models import ArticlePage


@pytest.fixture(autouse=True)
def no_warming(settings):
    settings.DATELINE_PAGE_CACHE_WARM = False


@pytest.fixture(params=["local memory", "redis"])
def store(request):
    if request.param == "redis":
        request.getfixturevalue("redis_cache")


@pytest.fixture
def stories(make_story):
    """Three stories about Afghanistan: each one's "Read more" lists the other two."""
    return [make_story(f"Afghanistan story {n}", days_ago=3 - n) for n in range(3)]


def build(client, story, query):
    """A page-cache miss of the story's page (a query string of its own), with the queries it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{story.url}?{query}")
    assert response.status_code == 200
    assert response["X-Cache"] == "MISS"
    return response, len(queries)


def fragment_keys():
    return [key for key in caches["default"]._cache if ":fragment:" in key]


def test_a_kept_fragment_gives_the_same_page_with_fewer_queries(client, stories, store, settings):
    story = stories[2]
    first, first_queries = build(client, story, "a")  # the fragment is built and kept
    kept, kept_queries = build(client, story, "b")
    settings.DATELINE_PAGE_CACHE_FRAGMENTS = False
    whole, whole_queries = build(client, story, "c")

    assert kept.content == whole.content == first.content
    assert kept["Surrogate-Key"] == whole["Surrogate-Key"] == first["Surrogate-Key"]
    assert "Afghanistan story 0" in kept.content.decode()  # the "Read more" list is on the page
    # The list's stories (and their pictures) and the related stories are not read again.
    assert kept_queries <= whole_queries - 3, (first_queries, kept_queries, whole_queries)


def test_changing_a_story_of_the_list_drops_the_kept_list(client, stories, store, commit):
    build(client, stories[2], "a")
    listed = ArticlePage.objects.get(pk=stories[0].pk)
    listed.title = "A corrected headline"
    with commit():
        listed.save_revision().publish()
    page = client.get(f"{stories[2].url}?b").content.decode()
    assert "A corrected headline" in page
    assert "Afghanistan story 0" not in page


def test_a_new_story_of_the_topic_joins_the_kept_list(client, stories, store, make_story, commit):
    build(client, stories[2], "a")
    with commit():
        make_story("Fresh Afghanistan story")
    assert "Fresh Afghanistan story" in client.get(f"{stories[2].url}?b").content.decode()


def test_unpublishing_a_story_of_the_list_takes_it_off(client, stories, store, commit):
    build(client, stories[2], "a")
    with commit():
        ArticlePage.objects.get(pk=stories[1].pk).unpublish()
    page = client.get(f"{stories[2].url}?b").content.decode()
    assert "Afghanistan story 1" not in page
    assert "Afghanistan story 0" in page


def test_fragments_are_not_kept_for_editors_nor_when_turned_off(admin_client, client, stories, settings):
    assert admin_client.get(stories[2].url).status_code == 200
    assert fragment_keys() == []
    settings.DATELINE_PAGE_CACHE_FRAGMENTS = False
    assert client.get(stories[2].url)["X-Cache"] == "MISS"
    assert fragment_keys() == []
    settings.DATELINE_PAGE_CACHE_FRAGMENTS = True
    assert client.get(f"{stories[2].url}?a")["X-Cache"] == "MISS"
    assert len(fragment_keys()) == 1


def test_deferred_computes_once_and_only_when_used():
    calls = []

    def compute():
        calls.append(1)
        return ["a", "b"]

    deferred = Deferred(compute)
    assert not deferred.is_loaded and calls == []
    assert bool(deferred) and list(deferred) == ["a", "b"] and len(deferred) == 2 and deferred[1] == "b"
    assert calls == [1]


def test_the_story_at_a_url_is_kept_and_dropped_with_the_story(client, stories, store, commit):
    story = stories[2]
    build(client, story, "a")
    kept, queries = build(client, story, "b")
    assert queries == 0  # routed, rendered and stored without reading the database
    page = ArticlePage.objects.get(pk=story.pk)
    page.title = "A new headline for the story"
    with commit():
        page.save_revision().publish()
    assert b"A new headline for the story" in client.get(f"{story.url}?c").content


def test_renaming_a_topic_of_a_kept_story_shows_on_its_page(client, stories, store, commit):
    from dateline.newsroom.models import Topic

    build(client, stories[2], "a")
    topic = Topic.objects.get(name="Afghanistan")
    topic.name = "Afghanistan and Pakistan"
    with commit():
        topic.save()
    assert b"Afghanistan and Pakistan" in client.get(f"{stories[2].url}?b").content


def test_an_unpublished_kept_story_is_gone(client, stories, store, commit):
    build(client, stories[2], "a")
    with commit():
        ArticlePage.objects.get(pk=stories[2].pk).unpublish()
    assert client.get(f"{stories[2].url}?b").status_code == 404


def test_a_publish_rebuilds_the_home_page_with_the_other_sections_blocks_kept(client, store, make_story, commit):
    from dateline.delivery import fragments
    from dateline.delivery import store as page_store
    from dateline.newsroom.models import SectionPage

    make_story("A world story", days_ago=2)
    make_story("An older sport story", days_ago=3, section="sport", topics=("Cricket",))
    lead = make_story("The lead", days_ago=1)
    home = type("Home", (), {"url": "/"})
    build(client, home, "a")
    world, sport = (SectionPage.objects.get(slug=slug) for slug in ("world", "sport"))
    world_key, sport_key = (fragments.fragment_key("home-section", [section, lead.pk]) for section in (world, sport))
    world_block = page_store.lookup(world_key)[0]
    with commit():
        make_story("A new sport story", days_ago=2, section="sport", topics=("Cricket",))  # the lead stays
    assert page_store.lookup(world_key)[1] and not page_store.lookup(sport_key)[1]
    html = build(client, home, "b")[0].content.decode()
    assert html.index("A new sport story") < html.index("An older sport story")  # the sport block, rebuilt
    assert "A world story" in html and "The lead" in html
    assert page_store.lookup(world_key)[0].created == world_block.created  # the world block, kept
    assert page_store.lookup(sport_key)[1]  # and the sport block kept anew
