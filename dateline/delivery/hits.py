"""Page-cache hits answered in WSGI, before Django's handler: `dateline.wsgi` wraps the Django application.

A cache hit needs none of Django's request machinery (request object, signals, middleware chain, URL
resolver): for an anonymous GET or HEAD this computes the same cache key as `store.page_key` straight from the
WSGI environ, makes one cache lookup (this process's copy of a hot entry, see `local_copies`, else one Redis
round trip) and, when the entry is fresh and current, writes its stored status, headers (the security headers
included: they were stored with it) and body. Everything else — a miss, a stale or invalidated entry (rebuilt
under the lock), a bypass, anything unusual about the request — goes to Django unchanged, where
`PageCacheMiddleware` decides as it always has.
"""

import logging
from http import HTTPStatus

from django.conf import settings
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.utils.encoding import escape_uri_path, iri_to_uri, repercent_broken_unicode

from dateline.delivery import conf, local_copies, store
from dateline.delivery.middleware import answer, is_excluded_path

logger = logging.getLogger(__name__)

STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


def request_path(environ):
    """request.path as Django derives it from PATH_INFO, or None where a script prefix is involved."""
    if environ.get("SCRIPT_NAME") or settings.FORCE_SCRIPT_NAME:
        return None
    raw = environ.get("PATH_INFO", "") or "/"
    try:
        path = repercent_broken_unicode(raw.encode("iso-8859-1")).decode()
    except UnicodeError:
        return None
    return path if path.startswith("/") else None


def request_scheme(environ):
    """request.scheme, SECURE_PROXY_SSL_HEADER included."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def request_host(environ):
    """request.get_host() when the host is allowed; None otherwise (Django answers that request)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    else:
        host = environ.get("HTTP_HOST")
    if not host:
        return None
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    domain, _port = split_domain_port(host)
    return host if domain and validate_host(domain, allowed) else None


def cache_key(environ):
    """The page's cache key (as `store.page_key` makes it from a request), or None if it cannot be a hit."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in environ:
        return None
    cookie = environ.get("HTTP_COOKIE")
    if cookie:
        cookies = parse_cookie(cookie)
        if settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies:
            return None
    path = request_path(environ)
    if path is None or is_excluded_path(path):
        return None
    host = request_host(environ)
    if host is None:
        return None
    query = environ.get("QUERY_STRING", "")
    full_path = escape_uri_path(path) + ("?" + iri_to_uri(query) if query else "")
    return store.page_key_for(request_scheme(environ), host, full_path)


def cached_answer(environ):
    """(status, headers, body) for a fresh, current cached page, else None."""
    if not conf.get("DATELINE_PAGE_CACHE"):
        return None
    key = cache_key(environ)
    if key is None:
        return None
    copies = local_copies.for_this_process()
    entry = copies.get(key) if copies is not None else None
    if entry is not None:
        return answer(entry, "HIT", environ.get("HTTP_IF_NONE_MATCH"))
    sequence = copies.sequence if copies is not None else None
    try:
        entry, current = store.lookup(key)
    except Exception:  # the cache is unreachable: Django serves the page (and the middleware logs it)
        return None
    if entry is None or not current or not entry.is_fresh():
        return None
    if copies is not None:
        copies.put(key, entry, sequence)
    return answer(entry, "HIT", environ.get("HTTP_IF_NONE_MATCH"))


class PageCacheHits:
    """WSGI middleware around Django's WSGIHandler."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        found = cached_answer(environ)
        if found is None:
            return self.application(environ, start_response)
        status, headers, body = found
        start_response(STATUS_LINES.get(status, str(status)), headers)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]
