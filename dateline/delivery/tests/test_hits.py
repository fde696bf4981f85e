"""Hits answered by the WSGI wrapper (`dateline.wsgi.application`) before Django's handler runs."""

from urllib.parse import unquote_to_bytes, urlsplit

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from dateline.delivery import hits, store
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
