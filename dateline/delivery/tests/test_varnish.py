"""Varnish with the shipped VCL in front of a real app server: hits, exact purges by tag, and bypass."""

import shutil
import urllib.request

import pytest

from dateline.conftest import require
from dateline.delivery.tests.fronts import SPORT, CountingApp, free_port, get
from dateline.delivery.varnishd import Varnish, vcl_for


def test_vcl_backend_is_set_to_the_app_server():
    assert '.host = "10.0.0.5";' in vcl_for("10.0.0.5", 9000)
    assert '.port = "9000";' in vcl_for("10.0.0.5", 9000)


@pytest.fixture
def varnish(live_server, settings):
    require(shutil.which("varnishd") or shutil.which("/usr/sbin/varnishd"), "varnishd (Debian: varnish)")
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    settings.DATELINE_PAGE_CACHE_WARM = False  # what Varnish holds after a publish comes only from purges
    app = CountingApp(live_server)
    try:
        with Varnish(f"127.0.0.1:{free_port()}", f"127.0.0.1:{live_server.thread.port}") as front:
            settings.DATELINE_PURGE_BACKENDS = {
                "local": {"BACKEND": "dateline.delivery.backends.local.LocalBackend"},
                "varnish": {
                    "BACKEND": "dateline.delivery.backends.varnish.VarnishBackend",
                    "LOCATION": front.url + "/",
                },
            }
            yield front, app
    finally:
        app.restore()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_varnish_serves_hits_and_a_publish_purges_exactly_the_tagged_pages(varnish, make_story):
    front, app = varnish
    world = make_story("A world story", days_ago=1)
    sport = make_story("A sport story", days_ago=1, **SPORT)
    later = make_story("Breaking world story", publish=False)
    pages = {"home": "/", "world": "/world/", "sport": "/sport/", "sport_story": sport.url, "world_story": world.url}

    for name, path in pages.items():
        status, headers, _ = get(front.url + path)
        assert status == 200 and headers["X-Front-Cache"] == "MISS", name
    status, headers, _ = get(front.url + later.url)
    assert status == 404  # asked for before it is out: Varnish keeps that answer too
    app.paths.clear()
    for name, path in pages.items():
        status, headers, _ = get(front.url + path)
        assert status == 200 and headers["X-Front-Cache"] == "HIT", name
        assert "list:home" in headers["Surrogate-Key"] or name != "home"
    assert get(front.url + later.url)[0] == 404
    assert app.paths == [], "hits are answered by Varnish alone"

    later.save_revision().publish()  # not in a transaction: the purges run as it returns

    status, headers, html = get(front.url + later.url)
    assert status == 200 and "Breaking world story" in html, "the story is out through Varnish at once"
    dropped = {name for name, path in pages.items() if get(front.url + path)[1]["X-Front-Cache"] != "HIT"}
    assert dropped == {"home", "world", "world_story"}  # its lists and "Read more on Afghanistan"; sport kept
    assert "Breaking world story" in get(front.url + "/")[2]
    assert "Breaking world story" in get(front.url + "/world/")[2]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_session_cookie_goes_past_varnish_and_other_cookies_share_the_copy(varnish, make_story):
    front, app = varnish
    story = make_story("A story")
    get(front.url + story.url)
    assert get(front.url + story.url, {"Cookie": "consent=yes"})[1]["X-Front-Cache"] == "HIT"
    app.paths.clear()
    for cookie in ("sessionid=abc", "csrftoken=abc; consent=yes"):
        status, headers, _ = get(front.url + story.url, {"Cookie": cookie})
        assert status == 200 and headers["X-Front-Cache"] == "PASS", cookie
        assert "X-Cache" not in headers, "the application's own cache is bypassed too"
    assert app.paths == [story.url, story.url]
    for cookie in ("__Host-sessionid=abc", "consent=yes; __Host-csrftoken=abc"):  # production's names (https)
        assert get(front.url + story.url, {"Cookie": cookie})[1]["X-Front-Cache"] == "PASS", cookie


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_purge_by_url_and_soft_purge_by_tag(varnish, make_story):
    from dateline.delivery.backends.varnish import VarnishBackend

    front, app = varnish
    story = make_story("A story")
    get(front.url + story.url)
    # A URL purge, as Wagtail's front-end cache HTTPBackend sends it.
    request = urllib.request.Request(front.url + story.url, method="PURGE")  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
    assert get(front.url + story.url)[1]["X-Front-Cache"] == "MISS"

    assert get(front.url + story.url)[1]["X-Front-Cache"] == "HIT"
    soft = VarnishBackend({"LOCATION": front.url + "/", "SOFT": True})
    assert soft.header == "xkey-softpurge"
    assert soft.purge_tags([f"story:{story.pk}"]) == 1  # objects Varnish marked expired
    app.paths.clear()
    status, headers, _ = get(front.url + story.url)
    assert status == 200 and headers["X-Front-Cache"] == "HIT"  # the old copy, in grace, while it refetches
