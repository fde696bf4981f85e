"""nginx with the shipped configuration: its cache files and the application's index of them, revalidation,
compression and stale copies (test_front_caches.py has what both front caches do)."""

import gzip
import io
import os
import re
import time

import pytest

from dateline.delivery.backends.nginx import PRUNE_AFTER_SECONDS, NginxBackend
from dateline.delivery.front_keys import shared_tags
from dateline.delivery.nginxd import config_for
from dateline.delivery.tests.fronts import front_cache, get


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


def test_pruning_forgets_only_keys_whose_files_are_gone_for_a_while(tmp_path, settings):
    from django.core.management import call_command

    backend = NginxBackend({"LOCATION": str(tmp_path)})
    settings.DATELINE_PURGE_BACKENDS = {
        "nginx": {"BACKEND": "dateline.delivery.backends.nginx.NginxBackend", "LOCATION": str(tmp_path)}
    }
    cached = backend.cache_file(backend.key_digest("cached"))
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"page")
    for key in ("cached", "evicted", "just-recorded"):
        backend.record(key, ["site", "list:home"])
    old = time.time() - PRUNE_AFTER_SECONDS - 1
    for tag in ("site", "list:home"):
        for key in ("cached", "evicted"):
            os.utime(backend.index_folder(tag) / backend.key_digest(key), (old, old))

    call_command("prune_front_cache_index", stdout=(out := io.StringIO()))
    assert "2 index entries removed, 4 kept" in out.getvalue()
    left = {entry.name for tag in ("site", "list:home") for entry in backend.index_folder(tag).iterdir()}
    assert left == {backend.key_digest("cached"), backend.key_digest("just-recorded")}
    assert backend.purge_tags(["site"]) == 1 and not cached.exists()


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
    with front_cache("nginx", live_server, settings) as (nginx, app):
        yield nginx, app


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
