"""Hits answered by the WSGI wrapper (`dateline.wsgi.application`) before Django's handler runs."""

import time
from urllib.parse import unquote_to_bytes, urlsplit

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from dateline.delivery import hits, local_copies, store
from dateline.wsgi import application

IGNORED = {"age", "x-cache"}  # differ between a miss and the hit after it by design


def raw_environ(path, method="GET", **headers):
    """The environ a WSGI server hands over: PATH_INFO percent-decoded bytes as latin-1 (Django's request object
    rewrites it in place, so this is built without one)."""
    parts = urlsplit(path)
    return RequestFactory()._base_environ(
        REQUEST_METHOD=method,
        PATH_INFO=unquote_to_bytes(parts.path).decode("iso-8859-1"),
        QUERY_STRING=parts.query,
        **{"HTTP_HOST": "testserver", **headers},
    )


def call(path, method="GET", **headers):
    """One real WSGI call of the production application; returns (status, headers, body, went through Django)."""
    environ = raw_environ(path, method, **headers)
    answered = {}
    django_requests = []

    def start_response(status, response_headers, exc_info=None):
        answered.update(status=status, headers=response_headers)

    def seen(**kwargs):
        django_requests.append(1)

    # As Django's test client does: keep the test's database connection across the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.connect(seen)
    try:
        result = application(environ, start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
    finally:
        request_started.disconnect(seen)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    status = int(answered["status"].split()[0])
    return status, answered["headers"], body, bool(django_requests)


def comparable(headers):
    return sorted((name.lower(), value) for name, value in headers if name.lower() not in IGNORED)


@pytest.fixture(params=["locmem", "redis"])
def backend(request):
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return request.param


def test_a_hit_is_answered_before_django_with_the_headers_of_the_miss(backend, make_story, django_assert_num_queries):
    story = make_story("Answered in WSGI")
    status, miss_headers, miss_body, through_django = call(story.url)
    assert (status, through_django) == (200, True)
    assert dict(miss_headers)["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        status, hit_headers, hit_body, through_django = call(story.url)
    assert (status, through_django) == (200, False)
    assert dict(hit_headers)["X-Cache"] == "HIT"
    assert hit_body == miss_body and b"Answered in WSGI" in hit_body
    # Security headers (X-Frame-Options, nosniff, Referrer-Policy, CSP…) come out as on the miss: stored with it.
    assert comparable(hit_headers) == comparable(miss_headers)
    assert {"x-frame-options", "x-content-type-options"} <= {name.lower() for name, _ in hit_headers}


def test_head_and_conditional_hits(make_story):
    story = make_story()
    _, headers, body, _ = call(story.url)
    status, head_headers, head_body, through_django = call(story.url, method="HEAD")
    assert (status, head_body, through_django) == (200, b"", False)
    assert dict(head_headers)["Content-Length"] == str(len(body))
    etag = dict(headers)["ETag"]
    status, not_modified_headers, empty, through_django = call(story.url, HTTP_IF_NONE_MATCH=etag)
    assert (status, empty, through_django) == (304, b"", False)
    assert dict(not_modified_headers)["ETag"] == etag


def test_invalidated_pages_and_editors_go_to_django(backend, make_story):
    story = make_story()
    call(story.url)
    store.bump([f"story:{story.pk}"])
    status, headers, _, through_django = call(story.url)
    assert through_django and dict(headers)["X-Cache"] == "MISS"  # rebuilt by the middleware, under its lock
    assert call(story.url)[3] is False
    assert call(story.url, HTTP_COOKIE="sessionid=abc")[3] is True
    assert call(story.url, HTTP_COOKIE="csrftoken=abc")[3] is True
    assert call(story.url, HTTP_COOKIE="consent=yes")[3] is False
    assert call(story.url, HTTP_AUTHORIZATION="Api-Key x")[3] is True
    assert call(story.url, HTTP_HOST="evil.example")[3] is True


@pytest.mark.parametrize(
    "path", ["/", "/world/?page=2", "/topics/caf%C3%A9/", "/a%20b/?q=caf%C3%A9&x=1", "/über/?q=ü", "/x%2Fy/"]
)
def test_the_key_is_the_middlewares_key(path):
    environ = raw_environ(path)
    assert hits.cache_key(environ) == store.page_key(WSGIRequest(dict(environ)))


def wait_until(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_hot_pages_are_answered_from_the_process_without_redis_until_invalidated(redis_cache, make_story):
    story = make_story("Kept in the process")
    call(story.url)  # the miss: built and stored in Redis
    copies = local_copies.for_this_process()
    assert copies is not None and wait_until(lambda: copies.listening), "the invalidation channel is subscribed"
    call(story.url)  # a hit through Redis: copied into the process
    key = hits.cache_key(raw_environ(story.url))
    assert key in copies.entries
    redis = store.redis_store()
    redis.client.delete(redis.make_key(key))  # Redis no longer holds it: only the process's copy can answer
    status, headers, body, through_django = call(story.url)
    assert (status, through_django, dict(headers)["X-Cache"]) == (200, False, "HIT") and b"Kept in the process" in body
    # Another process invalidates the story: it announces the tags on the channel, and the copy goes.
    redis.client.publish(local_copies.channel(redis), f"story:{story.pk} list:home")
    assert wait_until(lambda: key not in copies.entries)
    assert call(story.url)[3] is True


def test_this_process_drops_its_copies_before_the_invalidation_returns(redis_cache, make_story):
    story = make_story()
    call(story.url)
    copies = local_copies.for_this_process()
    assert wait_until(lambda: copies.listening)
    call(story.url)
    assert len(copies.entries) == 1
    store.bump([f"story:{story.pk}"])
    assert len(copies.entries) == 0 and call(story.url)[3] is True


def entry(tags, fresh=60):
    now = time.time()
    return store.Entry(200, [], b"page", '"etag"', tuple(tags), 1, now, now + fresh)


def test_local_copies_keep_only_current_fresh_entries_and_drop_by_tag():
    copies = local_copies.LocalCopies(max_entries=2)
    copies.listening = True
    sequence = copies.sequence
    copies.put("a", entry(["story:1", "list:home"]), sequence)
    copies.put("b", entry(["story:2"]), sequence)
    copies.drop_tags(["story:2"])
    assert copies.get("a") is not None and copies.get("b") is None
    copies.put("c", entry(["story:3"]), sequence)  # looked up before that invalidation: not kept
    assert copies.get("c") is None
    sequence = copies.sequence
    for key in "cde":
        copies.put(key, entry([f"story:{key}"]), sequence)
    assert list(copies.entries) == ["d", "e"]  # the oldest go first beyond the limit
    copies.put("old", entry(["story:9"], fresh=-1), sequence)
    assert copies.get("old") is None and "old" not in copies.entries
    copies.clear(listening=False)
    copies.put("f", entry(["story:f"]), copies.sequence)
    assert copies.get("f") is None  # nothing is kept or served while the channel is not subscribed
