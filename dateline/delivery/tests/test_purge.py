"""Purge backends, Wagtail's front-end cache hook, warming after a publish, and the cache on Redis."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from dateline.delivery.backends import get_backends
from dateline.delivery.backends.base import PurgeBackend
from dateline.delivery.backends.varnish import VarnishBackend


@pytest.fixture
def varnish():
    """A stand-in for Varnish that records the purge requests it receives."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def handle_one_request(self):
            super().handle_one_request()

        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            received.append((self.command, self.headers.get("xkey-purge")))
            self.send_response(200)
            self.end_headers()

        do_BAN = do_PURGE  # noqa: N815

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", received
    server.shutdown()
    server.server_close()


def test_varnish_backend_sends_tags_in_batches(varnish):
    location, received = varnish
    VarnishBackend({"LOCATION": location, "BATCH": 2}).purge_tags(["story:1", "list:home", "site"])
    assert received == [("PURGE", "list:home site"), ("PURGE", "story:1")]


def test_varnish_backend_survives_an_unreachable_varnish():
    VarnishBackend({"LOCATION": "http://127.0.0.1:9/", "TIMEOUT": 1}).purge_tags(["site"])


def test_base_backend_must_be_implemented():
    with pytest.raises(NotImplementedError):
        PurgeBackend({}).purge_tags(["site"])


def test_publishing_purges_varnish_and_wagtails_front_end_cache(make_story, settings, varnish, commit, monkeypatch):
    location, received = varnish
    settings.DATELINE_PAGE_CACHE_WARM = False
    settings.DATELINE_PURGE_BACKENDS = {
        "local": {"BACKEND": "dateline.delivery.backends.local.LocalBackend"},
        "varnish": {"BACKEND": "dateline.delivery.backends.varnish.VarnishBackend", "LOCATION": location},
    }
    settings.WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}}
    purged_urls = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.utils.purge_urls_from_cache", lambda urls, **kwargs: purged_urls.extend(urls)
    )
    assert set(get_backends()) == {"local", "varnish"}
    with commit():
        story = make_story("Purged everywhere", section="sport", topics=("Cricket",))
    assert {method for method, _header in received} == {"PURGE"}
    story_purges = [set(header.split()) for _method, header in received if f"story:{story.pk}" in header.split()]
    assert len(story_purges) == 1
    assert {"list:home", f"list:section:{story.section_id}", "list:sitemap"} <= story_purges[0]
    assert story.url in purged_urls and "/" in purged_urls and "/sport/" in purged_urls


def test_publishing_warms_the_story_home_and_section(client, make_story, settings, commit, django_assert_num_queries):
    settings.DATELINE_PAGE_CACHE_WARM = True
    host = settings.SITE_URL.split("://", 1)[1]
    make_story("An older story")
    assert client.get("/", HTTP_HOST=host)["X-Cache"] == "MISS"
    with commit():
        story = make_story("Just published")
    for path in (story.url, "/", "/world/"):
        with django_assert_num_queries(0):
            response = client.get(path, HTTP_HOST=host)
        assert response["X-Cache"] == "HIT", path
        assert b"Just published" in response.content


def test_on_redis_a_hit_runs_no_queries_and_a_publish_drops_it(redis_cache, client, make_story, commit, settings):
    settings.DATELINE_PAGE_CACHE_WARM = False
    story = make_story("Cached in Redis", section="sport", topics=("Cricket",), authors=("Rohan Iyer",))
    for url in ("/", "/world/", story.url):
        assert client.get(url)["X-Cache"] == "MISS"
        assert client.get(url)["X-Cache"] == "HIT"
    assert redis_cache.get("delivery:generation") is not None
    with commit():
        make_story("Another sport story", section="sport", topics=("Cricket",), authors=("Rohan Iyer",))
    assert client.get("/")["X-Cache"] == "MISS"
    assert client.get(story.url)["X-Cache"] == "MISS"  # its "Read more on Cricket" shows the new story
    assert client.get("/world/")["X-Cache"] == "HIT"
