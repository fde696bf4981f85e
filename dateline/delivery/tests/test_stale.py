"""Stale copies: served while one request rebuilds a page, and while the database is unreachable."""

import threading
import time

import pytest
from django.db import OperationalError, connection
from django.http import HttpResponse

from dateline.delivery import store
from dateline.delivery.middleware import PageCacheMiddleware


def database_down(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_stale_copy_is_served_when_the_database_is_down(client, make_story, settings):
    settings.DATELINE_PAGE_CACHE_SECONDS = 0  # every copy is stale at once
    story = make_story("Still readable")
    cached = client.get(story.url)
    with connection.execute_wrapper(database_down):
        response = client.get(story.url)
    assert response.status_code == 200
    assert response["X-Cache"] == "STALE"
    assert response.content == cached.content


def test_invalidated_copy_is_served_when_the_database_is_down(client, make_story):
    make_story("Changed while the database fails")
    cached = client.get("/")
    store.bump(["list:home"])
    with connection.execute_wrapper(database_down):
        response = client.get("/")
    assert response.status_code == 200
    assert response.content == cached.content


def test_uncached_page_gets_a_styled_503_when_the_database_is_down(client, make_story):
    url = make_story().url
    with connection.execute_wrapper(database_down):
        response = client.get(url)
    assert response.status_code == 503
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>")
    assert "back in a moment" in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"


def test_logged_in_reader_gets_the_503_page_too(client, newsroom):
    client.cookies["sessionid"] = "whatever"
    with connection.execute_wrapper(database_down):
        response = client.get("/world/")
    assert response.status_code == 503


def test_stale_copy_is_served_while_another_request_rebuilds(client, make_story, settings):
    settings.DATELINE_PAGE_CACHE_SECONDS = 0
    story = make_story()
    key = store.page_key(client.get(story.url).wsgi_request)
    assert store.lock(key)  # someone else is rebuilding it
    stale = client.get(story.url)
    assert stale["X-Cache"] == "STALE"
    assert "s-maxage=1," in stale["Cache-Control"]  # a front cache must not keep the old copy as if it were new
    store.unlock(key)
    assert client.get(story.url)["X-Cache"] == "MISS"


class SlowPage:
    """A view that takes a while to render and counts its renders."""

    def __init__(self, seconds=0.3):
        self.seconds = seconds
        self.renders = 0
        self.lock = threading.Lock()

    def __call__(self, request):
        with self.lock:
            self.renders += 1
        time.sleep(self.seconds)
        return HttpResponse(f"render {self.renders}")


def hammer(middleware, rf, path, count=12):
    results = []

    def reader():
        results.append(middleware(rf.get(path)))

    threads = [threading.Thread(target=reader) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.parametrize("backend", ["locmem", "redis"])
def test_one_render_for_many_concurrent_readers_of_an_uncached_page(rf, backend, request):
    if backend == "redis":
        request.getfixturevalue("redis_cache")
    page = SlowPage()
    responses = hammer(PageCacheMiddleware(page), rf, "/busy/")
    assert page.renders == 1
    assert all(response.status_code == 200 and response.content == b"render 1" for response in responses)
    assert sorted(response["X-Cache"] for response in responses) == ["HIT"] * 11 + ["MISS"]


@pytest.mark.parametrize("backend", ["locmem", "redis"])
def test_one_render_for_many_concurrent_readers_of_a_stale_page(rf, settings, backend, request):
    if backend == "redis":
        request.getfixturevalue("redis_cache")
    settings.DATELINE_PAGE_CACHE_SECONDS = 0
    page = SlowPage()
    middleware = PageCacheMiddleware(page)
    middleware(rf.get("/busy/"))
    responses = hammer(middleware, rf, "/busy/")
    assert page.renders == 2
    states = sorted(response["X-Cache"] for response in responses)
    assert states == ["MISS"] + ["STALE"] * 11
    assert {response.content for response in responses if response["X-Cache"] == "STALE"} == {b"render 1"}


def test_a_copy_stored_while_taking_the_lock_is_served_not_rebuilt(rf, page_cache, monkeypatch):
    """A reader saw the old copy, then the request rebuilding it stored the new one and let go of the lock just
    before this reader took it: the reader serves the new copy instead of rendering the page again."""
    page = SlowPage(seconds=0)
    middleware = PageCacheMiddleware(page)
    middleware(rf.get("/busy/"))
    store.bump(["site"])  # every page invalidated
    key = store.page_key(rf.get("/busy/"))
    take_lock = store.lock

    def lock_after_someone_rebuilt(lock_key):
        monkeypatch.setattr(store, "lock", take_lock)
        PageCacheMiddleware(page)(rf.get("/busy/"))  # the other request: rebuilds, stores, unlocks
        return take_lock(lock_key)

    monkeypatch.setattr(store, "lock", lock_after_someone_rebuilt)
    builds = store.builds()
    response = middleware(rf.get("/busy/"))
    assert page.renders == 2 and store.builds() == builds + 1
    assert response["X-Cache"] == "HIT" and response.content == b"render 2"
    assert not store.is_locked(key)


@pytest.mark.parametrize("backend", ["locmem", "redis"])
def test_a_page_outdated_while_it_rendered_goes_out_with_a_second_to_live(rf, backend, request):
    if backend == "redis":
        request.getfixturevalue("redis_cache")

    def page_during_a_publish(request):
        store.bump(["site"])  # a change commits, and purges every cache, while the old page renders
        return HttpResponse("old page")

    response = PageCacheMiddleware(page_during_a_publish)(rf.get("/busy/"))
    assert response.content == b"old page" and response["X-Cache"] == "STALE"
    assert "s-maxage=1," in response["Cache-Control"], "a front cache must not keep it: nothing will purge it"
    response = PageCacheMiddleware(lambda request: HttpResponse("new page"))(rf.get("/busy/"))
    assert response["X-Cache"] == "MISS" and response.content == b"new page"
