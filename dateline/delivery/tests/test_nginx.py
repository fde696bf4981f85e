"""nginx with the shipped configuration in front of a real app server: hits, exact purges by tag through the
application's index of nginx's cache keys, bypass, revalidation and stale copies."""

import gzip
import os
import re
import shutil
import time

import pytest

from dateline.conftest import require
from dateline.delivery.backends.nginx import PRUNE_AFTER_SECONDS, NginxBackend
from dateline.delivery.front_keys import FrontCacheKeys, shared_tags
from dateline.delivery.nginxd import Nginx, config_for
from dateline.delivery.tests.fronts import SPORT, CountingApp, free_port, get


def test_configuration_points_at_the_app_server_and_the_cache_folder(tmp_path):
    text = config_for("0.0.0.0:80", "10.0.0.5:9000", tmp_path / "run", tmp_path / "cache")
    assert "server 10.0.0.5:9000;" in text
    assert "listen 0.0.0.0:80;" in text
    assert f"proxy_cache_path {tmp_path / 'cache'}/pages levels=1:2 " in text
    assert not re.search(r"@[A-Z_]+@", text), "every placeholder is filled in"


def test_cache_files_are_named_as_nginx_names_them(tmp_path):
    backend = NginxBackend({"LOCATION": str(tmp_path)})
    digest = backend.key_digest("http://127.0.0.1/article.html#")
    assert digest == "d1c7913b0a67911701d2b12a65ddacf8"
    assert backend.cache_file(digest) == tmp_path / "pages" / "8" / "cf" / digest
    assert NginxBackend({"LOCATION": str(tmp_path), "LEVELS": "2"}).cache_file(digest).parent.name == "f8"


def test_purge_deletes_the_files_of_the_recorded_keys_and_prunes_old_entries(tmp_path):
    backend = NginxBackend({"LOCATION": str(tmp_path)})
    files = {}
    for key in ("a", "b", "c"):
        files[key] = backend.cache_file(backend.key_digest(key))
        files[key].parent.mkdir(parents=True, exist_ok=True)
        files[key].write_bytes(b"page")
    backend.record("a", ["story:1", "list:home"])
    backend.record("b", ["story:2", "list:home"])
    backend.record("c", ["story:3"])

    assert backend.purge_tags(["story:1"]) == 1
    assert not files["a"].exists() and files["b"].exists() and files["c"].exists()
    assert backend.purge_tags(["list:home"]) == 1  # a's file is gone already
    assert not files["b"].exists() and files["c"].exists()

    entry = backend.index_folder("list:home") / backend.key_digest("a")
    assert entry.exists(), "recorded a moment ago: nginx may be about to store it"
    old = time.time() - PRUNE_AFTER_SECONDS - 1
    os.utime(entry, (old, old))
    backend.purge_tags(["list:home"])
    assert not entry.exists()
    assert (backend.index_folder("list:home") / backend.key_digest("b")).exists()


def test_only_shareable_responses_are_recorded():
    public = [("Cache-Control", "public, max-age=60, s-maxage=300"), ("Surrogate-Key", "story:1 site")]
    assert shared_tags("200 OK", public) == ["story:1", "site"]
    assert shared_tags("404 Not Found", public) == ["story:1", "site"]
    assert shared_tags("500 Internal Server Error", public) is None
    assert shared_tags("200 OK", [("Cache-Control", "private"), ("Surrogate-Key", "story:1")]) is None
    assert shared_tags("200 OK", [*public, ("Set-Cookie", "a=b")]) is None
    assert shared_tags("200 OK", public[:1]) is None


@pytest.fixture
def front(live_server, settings):
    require(shutil.which("nginx") or os.path.exists("/usr/sbin/nginx"), "nginx (Debian: nginx-light)")
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    settings.DATELINE_PAGE_CACHE_WARM = False  # what nginx holds after a publish comes only from purges
    app = CountingApp(live_server)
    live_server.thread.httpd.set_app(FrontCacheKeys(app))  # outermost, as in dateline.wsgi
    try:
        with Nginx(f"127.0.0.1:{free_port()}", f"127.0.0.1:{live_server.thread.port}") as nginx:
            settings.DATELINE_PURGE_BACKENDS = {
                "local": {"BACKEND": "dateline.delivery.backends.local.LocalBackend"},
                "nginx": {"BACKEND": "dateline.delivery.backends.nginx.NginxBackend", "LOCATION": str(nginx.cache_dir)},
            }
            yield nginx, app
    finally:
        app.restore()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_serves_hits_and_a_publish_purges_exactly_the_tagged_pages(front, make_story):
    nginx, app = front
    world = make_story("A world story", days_ago=1)
    sport = make_story("A sport story", days_ago=1, **SPORT)
    later = make_story("Breaking world story", publish=False)
    pages = {"home": "/", "world": "/world/", "sport": "/sport/", "sport_story": sport.url, "world_story": world.url}

    for name, path in pages.items():
        status, headers, _ = get(nginx.url + path)
        assert status == 200 and headers["X-Front-Cache"] == "MISS", name
    assert get(nginx.url + later.url)[0] == 404  # asked for before it is out: nginx keeps that answer too
    app.paths.clear()
    for name, path in pages.items():
        status, headers, _ = get(nginx.url + path)
        assert status == 200 and headers["X-Front-Cache"] == "HIT", name
        assert "site" in headers["Surrogate-Key"].split(), "the tags go on to a CDN in front"
    assert get(nginx.url + later.url)[1]["X-Front-Cache"] == "HIT"
    assert app.paths == [], "hits are answered by nginx alone"

    later.save_revision().publish()  # not in a transaction: the purges run as it returns

    status, headers, html = get(nginx.url + later.url)
    assert status == 200 and "Breaking world story" in html, "the story is out through nginx at once"
    dropped = {name for name, path in pages.items() if get(nginx.url + path)[1]["X-Front-Cache"] != "HIT"}
    assert dropped == {"home", "world", "world_story"}  # its lists and "Read more on Afghanistan"; sport kept
    assert "Breaking world story" in get(nginx.url + "/")[2]
    assert "Breaking world story" in get(nginx.url + "/world/")[2]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_session_cookie_goes_past_nginx_and_other_cookies_share_the_copy(front, make_story):
    nginx, app = front
    story = make_story("A story")
    get(nginx.url + story.url)
    assert get(nginx.url + story.url, {"Cookie": "consent=yes"})[1]["X-Front-Cache"] == "HIT"
    app.paths.clear()
    for cookie in ("sessionid=abc", "csrftoken=abc; consent=yes"):
        status, headers, _ = get(nginx.url + story.url, {"Cookie": cookie})
        assert status == 200 and headers["X-Front-Cache"] == "BYPASS", cookie
        assert "X-Cache" not in headers, "the application's own cache is bypassed too"
    assert app.paths == [story.url] * 2
    for cookie in ("__Host-sessionid=abc", "consent=yes; __Host-csrftoken=abc"):  # production's names (https)
        assert get(nginx.url + story.url, {"Cookie": cookie})[1]["X-Front-Cache"] == "BYPASS", cookie
    assert get(nginx.url + "/admin/login/")[1]["X-Front-Cache"] == "BYPASS"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_answers_304_and_compresses_for_readers_who_accept_it(front, make_story):
    nginx, app = front
    story = make_story("A story")
    status, headers, html = get(nginx.url + story.url)
    status, headers, _ = get(nginx.url + story.url, {"If-None-Match": headers["ETag"]})
    assert status == 304 and headers["X-Front-Cache"] == "HIT"
    status, headers, body = get(nginx.url + story.url, {"Accept-Encoding": "gzip"}, decode=False)
    assert headers["Content-Encoding"] == "gzip" and headers["X-Front-Cache"] == "HIT"
    assert gzip.decompress(body).decode() == html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_serves_its_copy_while_the_app_fails(front, make_story, settings):
    nginx, app = front
    settings.DATELINE_PAGE_CACHE_SECONDS = 1
    story = make_story("A story")
    assert get(nginx.url + story.url)[0] == 200
    time.sleep(2.1)  # expired in nginx (which counts whole seconds): its next request goes to the application
    app.fail_with = 503
    try:
        status, headers, html = get(nginx.url + story.url)
    finally:
        app.fail_with = None
    assert status == 200 and headers["X-Front-Cache"] in ("STALE", "UPDATING") and "A story" in html
