"""The index of an nginx front cache: which of its cache keys showed which content tags.

nginx names its cache key in the X-Dateline-Cache-Key request header (deploy/nginx/dateline.conf). This WSGI
middleware, outermost in `dateline.wsgi`, reads the tags of each shareable response it answers with (its
Surrogate-Key header, set by the page cache on misses and hits alike) and records them under that key with every
purge backend that keeps such an index (`NginxBackend.record`), so that a change to a story deletes exactly the
files nginx stored the pages showing it in. Requests without the header (no nginx in front) pass untouched.
"""

import logging

from dateline.delivery.backends import get_backends

logger = logging.getLogger(__name__)

KEY_HEADER = "HTTP_X_DATELINE_CACHE_KEY"
STORED_STATUSES = ("200", "404")


def shared_tags(status, headers):
    """The content tags of a response a shared cache may store, else None."""
    if not status.startswith(STORED_STATUSES):
        return None
    found = {name.lower(): value for name, value in headers}
    cache_control = found.get("cache-control", "").lower()
    if "public" not in cache_control or any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return None
    if "set-cookie" in found or not found.get("surrogate-key"):
        return None
    return found["surrogate-key"].split()


def recording_backends():
    return [backend for backend in get_backends().values() if hasattr(backend, "record")]


class FrontCacheKeys:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = environ.get(KEY_HEADER)
        if not key:
            return self.application(environ, start_response)

        def recording_start_response(status, headers, exc_info=None):
            tags = shared_tags(status, headers)
            if tags:
                for backend in recording_backends():
                    try:
                        backend.record(key, tags)
                    except Exception:  # never fail a reader's page over the index; the next fetch records it
                        logger.exception("Front cache index: could not record %s", key)
            return start_response(status, headers, exc_info)

        return self.application(environ, recording_start_response)
