"""The full-page cache: first in MIDDLEWARE, so a hit is answered before sessions, authentication and Wagtail.

Only anonymous GET and HEAD requests for reader pages, feeds and sitemaps are cached; anonymity is decided from
the cookies alone (a session or CSRF cookie bypasses the cache), before any session or user is loaded. On a miss
the page is built by the rest of the stack, tagged with the content it showed (`dateline.delivery.tags`) and
stored when it is safe to share: 200 (or 404, briefly), no Set-Cookie, not private. See `store` for how tags
invalidate entries.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from dateline.delivery import conf, sites, store, tags

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
# Headers the cache sets itself on every answer, or that must never be shared.
OWN_HEADERS = {"cache-control", "expires", "etag", "age", "x-cache", "surrogate-key", "cache-tag", "set-cookie"}
SHAREABLE_VARY = {"cookie", "accept-encoding"}
NOT_MODIFIED_HEADERS = {"vary", "last-modified", "content-location"}
STALE_REQUEST_ATTR = "_delivery_stale_entry"


def is_excluded_path(path):
    return path.startswith(tuple(conf.get("DATELINE_PAGE_CACHE_EXCLUDE")))


def is_cacheable_request(request):
    if request.method not in ("GET", "HEAD") or is_excluded_path(request.path):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies:
        return False  # possibly a signed-in editor: never share their pages, nor show them someone else's
    return "HTTP_AUTHORIZATION" not in request.META


def is_storable(request, response):
    if response.status_code not in (200, 404) or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    if not vary <= SHAREABLE_VARY:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def cache_control(status, stale=False):
    if stale:
        # An old copy, served while the page is rebuilt or the database is away: a front cache keeps it a
        # second, not as if it were new (the rebuild it is waiting for has nothing to purge).
        stale_seconds = conf.get("DATELINE_PAGE_CACHE_STALE_SECONDS")
        return f"public, max-age=0, s-maxage=1, stale-while-revalidate={stale_seconds}, stale-if-error={stale_seconds}"
    if status == 404:
        seconds = conf.get("DATELINE_PAGE_CACHE_404_SECONDS")
        return f"public, max-age={seconds}, s-maxage={seconds}"
    browser = min(conf.get("DATELINE_PAGE_CACHE_BROWSER_SECONDS"), conf.get("DATELINE_PAGE_CACHE_SECONDS"))
    fresh = conf.get("DATELINE_PAGE_CACHE_SECONDS")
    stale = conf.get("DATELINE_PAGE_CACHE_STALE_SECONDS")
    return f"public, max-age={browser}, s-maxage={fresh}, stale-while-revalidate={stale}, stale-if-error={stale}"


def tag_headers(entry_tags):
    ordered = sorted(entry_tags)
    return {"Surrogate-Key": " ".join(ordered), "Cache-Tag": ",".join(ordered)}


def etag_matches(request, etag):
    return if_none_match_matches(request.META.get("HTTP_IF_NONE_MATCH"), etag)


def if_none_match_matches(header, etag):
    if not header:
        return False
    wanted = parse_etags(header)
    bare = etag.removeprefix("W/")
    return "*" in wanted or any(candidate.removeprefix("W/") == bare for candidate in wanted)


def answer(entry, state, if_none_match=None):
    """(status, headers, body) of the answer from a stored entry: the page with the headers it was stored with
    (security headers included) and the cache's own, or 304 when the client's copy is current. Shared by
    `respond` and the WSGI hit path (`dateline.delivery.hits`), so both answer alike."""
    extra = [
        ("Cache-Control", cache_control(entry.status, stale=state == "STALE")),
        ("ETag", entry.etag),
        ("Age", str(max(0, int(time.time() - entry.created)))),
        ("X-Cache", state),
        *tag_headers(entry.tags).items(),
    ]
    if entry.status == 200 and if_none_match_matches(if_none_match, entry.etag):
        kept = [(name, value) for name, value in entry.headers if name.lower() in NOT_MODIFIED_HEADERS]
        return 304, kept + extra, b""
    kept = [(name, value) for name, value in entry.headers if name.lower() != "content-length"]
    return entry.status, [*kept, ("Content-Length", str(len(entry.content))), *extra], entry.content


def respond(request, entry, state):
    """The answer to a request from a stored entry, as a Django response."""
    status, headers, body = answer(entry, state, request.META.get("HTTP_IF_NONE_MATCH"))
    response = HttpResponseNotModified() if status == 304 else HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response


def unavailable(request):
    """The reader's page when the database is unreachable and no copy of the page is kept."""
    html = render_to_string("delivery/503.html", {"path": request.path})
    response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    response["X-Cache"] = "ERROR"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not conf.get("DATELINE_PAGE_CACHE") or not is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = store.page_key(request)
            entry, current = store.lookup(key)
        except DisallowedHost:
            return self.get_response(request)
        except Exception:  # the cache itself is unreachable: serve uncached rather than fail
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        if entry is not None:
            if entry.is_fresh() and current:
                return respond(request, entry, "HIT")
            # Stale or invalidated: one request rebuilds it, the others keep getting this copy meanwhile.
            if not store.lock(key):
                return respond(request, entry, "STALE")
            return self.build_unless_built(request, key, stale=entry)

        if not store.lock(key):
            entry = self.wait_for(key)
            if entry is not None:
                return respond(request, entry, "HIT")
            return self.build(request, key, stale=None, locked=False)
        return self.build_unless_built(request, key, stale=None)

    def build_unless_built(self, request, key, stale):
        """Holding the lock: another request may have stored a current copy between our read and our lock (and
        released the lock since); answer with that one rather than build the page a second time."""
        entry, current = store.lookup(key)
        if entry is not None and entry.is_fresh() and current:
            store.unlock(key)
            return respond(request, entry, "HIT")
        return self.build(request, key, stale=stale)

    def wait_for(self, key):
        """Wait for the request building this page, rather than building it again at the same time."""
        deadline = time.monotonic() + conf.get("DATELINE_PAGE_CACHE_WAIT_SECONDS")
        while time.monotonic() < deadline:
            time.sleep(0.02)
            entry, current = store.lookup(key)
            if entry is not None and current:
                return entry
            if not store.is_locked(key):  # the builder is done: it stored the page before unlocking, or gave up
                entry, current = store.lookup(key)
                return entry if entry is not None and current else None
        return None

    def build(self, request, key, stale, locked=True):
        try:
            return self.build_and_store(request, key, stale)
        finally:
            if locked:  # only once the entry is stored, so that waiting requests find it
                store.unlock(key)

    def build_and_store(self, request, key, stale):
        generation = store.generation()  # before rendering: see `store`
        try:
            sites.prime(request)
        except Exception:  # the database is away, say: the request looks the site up itself (and fails there)
            logger.debug("Site not primed for %s", request.path, exc_info=True)
        tags.start(request)
        setattr(request, STALE_REQUEST_ATTR, stale)
        # The stored page must be the full page, whatever the client already holds: conditions are ours to answer.
        conditions = {name: request.META.pop(name) for name in CONDITIONAL_HEADERS if name in request.META}
        store.count_build()
        try:
            response = self.get_response(request)
        finally:
            request.META.update(conditions)

        if response.status_code >= 500 and stale is not None:
            return respond(request, stale, "STALE")  # stale-if-error
        if response.get("X-Cache") in ("STALE", "ERROR") or not is_storable(request, response):
            return response

        entry_tags = tags.collected(request) | tags.route_tags(request) | {"site"}
        if response.status_code == 404:  # dropped when a page is published at this path (a story going live)
            entry_tags.add(tags.path_tag(request.path))
        content = response.content
        fresh_seconds = conf.get(
            "DATELINE_PAGE_CACHE_404_SECONDS" if response.status_code == 404 else "DATELINE_PAGE_CACHE_SECONDS"
        )
        now = time.time()
        patch_vary_headers(response, ["Cookie"])
        entry = store.Entry(
            status=response.status_code,
            headers=[(name, value) for name, value in response.items() if name.lower() not in OWN_HEADERS],
            content=content,
            etag=f'"{hashlib.sha256(content).hexdigest()[:32]}"',
            tags=tuple(sorted(entry_tags)),
            generation=generation,
            created=now,
            fresh_until=now + fresh_seconds,
        )
        store.save(key, entry, fresh_seconds)
        if not store.is_current(entry):
            # A change committed while this page was rendered, and its purges have run: the page is old already,
            # so a front cache gets it for a second rather than for as long as nothing purges it.
            return respond(request, entry, "STALE")
        if entry.status == 200 and etag_matches(request, entry.etag):
            return respond(request, entry, "MISS")
        if "Expires" in response:
            del response["Expires"]
        response["Cache-Control"] = cache_control(entry.status)
        response["ETag"] = entry.etag
        response["X-Cache"] = "MISS"
        for name, value in tag_headers(entry.tags).items():
            response[name] = value
        return response

    def process_template_response(self, request, response):
        if tags.is_collecting(request):
            response.add_post_render_callback(lambda rendered: self.collect(request, rendered))
        return response

    @staticmethod
    def collect(request, response):
        # After rendering, so everything read here was already loaded by the template: no extra queries.
        tags.add_tags(request, *tags.context_tags(response.context_data))
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            tags.add_tags(request, *tags.navigation_tags(request))

    def process_exception(self, request, exception):
        """The database is down: the last copy of the page if there is one, else a calm 503 page."""
        if not isinstance(exception, DATABASE_ERRORS) or is_excluded_path(request.path):
            return None
        logger.warning("Database unavailable while building %s: %s", request.path, exception)
        stale = getattr(request, STALE_REQUEST_ATTR, None)
        if stale is not None:
            return respond(request, stale, "STALE")
        return unavailable(request)
