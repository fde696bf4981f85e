"""Both front caches (Varnish with the shipped VCL, nginx with the shipped configuration) in front of a real app
server: hits answered without it, exact purges by content tag on a publish, and editors let through."""

import pytest

from dateline.delivery.tests.fronts import BYPASSED, SPORT, front_cache, get


@pytest.fixture(params=["varnish", "nginx"])
def front(request, live_server, settings):
    with front_cache(request.param, live_server, settings) as (cache, app):
        yield request.param, cache, app


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hits_are_answered_by_the_front_cache_and_a_publish_purges_exactly_the_tagged_pages(front, make_story):
    kind, cache, app = front
    world = make_story("A world story", days_ago=1)
    sport = make_story("A sport story", days_ago=1, **SPORT)
    later = make_story("Breaking world story", publish=False)
    pages = {"home": "/", "world": "/world/", "sport": "/sport/", "sport_story": sport.url, "world_story": world.url}

    for name, path in pages.items():
        status, headers, _ = get(cache.url + path)
        assert status == 200 and headers["X-Front-Cache"] == "MISS", name
    assert get(cache.url + later.url)[0] == 404  # asked for before it is out: the front cache keeps that too
    app.paths.clear()
    for name, path in pages.items():
        status, headers, _ = get(cache.url + path)
        assert status == 200 and headers["X-Front-Cache"] == "HIT", name
        assert "site" in headers["Surrogate-Key"].split(), "the tags go on to a CDN in front"
        assert "list:home" in headers["Surrogate-Key"] or name != "home"
    assert get(cache.url + later.url)[1]["X-Front-Cache"] == "HIT"
    assert app.paths == [], "hits are answered by the front cache alone"

    later.save_revision().publish()  # not in a transaction: the purges run as it returns

    status, headers, html = get(cache.url + later.url)
    assert status == 200 and "Breaking world story" in html, "the story is out through the front cache at once"
    dropped = {name for name, path in pages.items() if get(cache.url + path)[1]["X-Front-Cache"] != "HIT"}
    assert dropped == {"home", "world", "world_story"}  # its lists and "Read more on Afghanistan"; sport kept
    assert "Breaking world story" in get(cache.url + "/")[2]
    assert "Breaking world story" in get(cache.url + "/world/")[2]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_tracking_parameters_share_the_pages_copy(front, make_story):
    kind, cache, app = front
    story = make_story("A story")
    assert get(cache.url + story.url)[1]["X-Front-Cache"] == "MISS"
    app.paths.clear()
    for query in ("?fbclid=IwAR0abc", "?utm_source=x&utm_medium=social&gclid=1"):
        status, headers, _ = get(cache.url + story.url + query)
        assert status == 200 and headers["X-Front-Cache"] == "HIT", query
    assert app.paths == []
    assert get(cache.url + "/world/?page=2")[1]["X-Front-Cache"] == "MISS"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_session_cookie_goes_past_the_front_cache_and_other_cookies_share_the_copy(front, make_story):
    kind, cache, app = front
    story = make_story("A story")
    get(cache.url + story.url)
    assert get(cache.url + story.url, {"Cookie": "consent=yes"})[1]["X-Front-Cache"] == "HIT"
    app.paths.clear()
    for cookie in ("sessionid=abc", "csrftoken=abc; consent=yes"):
        status, headers, _ = get(cache.url + story.url, {"Cookie": cookie})
        assert status == 200 and headers["X-Front-Cache"] == BYPASSED[kind], cookie
        assert "X-Cache" not in headers, "the application's own cache is bypassed too"
    assert app.paths == [story.url, story.url]
    # make serve counts the front cache as a proxy (API_NUM_PROXIES=1): rate limits go by the reader's address
    assert [forwarded.split(",")[-1].strip() for forwarded in app.forwarded_for[-2:]] == ["127.0.0.1"] * 2
    for cookie in ("__Host-sessionid=abc", "consent=yes; __Host-csrftoken=abc"):  # production's names (https)
        assert get(cache.url + story.url, {"Cookie": cookie})[1]["X-Front-Cache"] == BYPASSED[kind], cookie
    assert get(cache.url + "/admin/login/")[1]["X-Front-Cache"] == BYPASSED[kind]
