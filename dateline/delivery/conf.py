"""The page cache's settings, read when used so that tests (and `override_settings`) can change them."""

from django.conf import settings

DEFAULTS = {
    "DATELINE_PAGE_CACHE": True,  # store and serve pages at all
    "DATELINE_PAGE_CACHE_SECONDS": 300,  # fresh: served as is
    "DATELINE_PAGE_CACHE_STALE_SECONDS": 86_400,  # then stale: served while one request rebuilds, or if the DB is down
    "DATELINE_PAGE_CACHE_BROWSER_SECONDS": 60,  # max-age for browsers, which no purge reaches
    "DATELINE_PAGE_CACHE_404_SECONDS": 60,
    "DATELINE_PAGE_CACHE_LOCK_SECONDS": 30,  # the longest a rebuild may hold the lock
    "DATELINE_PAGE_CACHE_WAIT_SECONDS": 5.0,  # how long a request waits for another to build an uncached page
    "DATELINE_PAGE_CACHE_EXCLUDE": ("/admin/", "/documents/", "/static/", "/media/", "/__"),
    "DATELINE_PAGE_CACHE_WARM": True,  # rebuild the story, home and section pages after a publish
    "DATELINE_PAGE_CACHE_LOCAL_ENTRIES": 1000,  # hot entries each process keeps beside Redis (0: none)
    "DATELINE_PAGE_CACHE_FRAGMENTS": True,  # keep {% fragment %}s between page builds
    "DATELINE_PURGE_BACKENDS": {"local": {"BACKEND": "dateline.delivery.backends.local.LocalBackend"}},
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
