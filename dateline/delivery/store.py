"""Cached pages and their content tags, kept in Django's default cache (local memory, or Redis with REDIS_URL).

Invalidation by tag uses a logical clock instead of lists of keys, so nothing is ever enumerated and no
read-modify-write of a shared set can lose an entry:

* ``generation`` is a counter in the cache. A page build reads it *before* rendering and stores it in the entry.
* Invalidating tags increments the counter once and stamps each tag with the new value (``tag:<tag>`` keys).
* An entry is current while every one of its tags' stamps is at most the generation it was built under.
  A build that started before an invalidation therefore never passes for newer than it is, even when it
  stores its entry after the invalidation (its generation is older than the stamp), and no wall clocks are
  compared across machines.

Checking an entry costs two cache round trips (the entry, then one ``get_many`` of its tags' stamps) and no
SQL. A tag never stamped counts as never invalidated. Stamps outlive every entry that could be built before
them (fresh + stale + a margin), then expire. The cache must not evict stamps sooner than that: give the local
memory cache room (``MAX_ENTRIES``) and Redis a policy that evicts by TTL (``volatile-ttl``) or none at all.

An entry holds the response (status, headers, body), its ETag, its tags, the generation it was built under,
when it was built and until when it is fresh. It is kept in the cache for fresh + stale seconds: stale copies
are served while one request rebuilds the page (a lock taken with ``cache.add``) and while the database is down.
"""

import hashlib
import time
from dataclasses import dataclass, field

from django.core.cache import caches

from dateline.delivery import conf

PREFIX = "delivery"
GENERATION_KEY = f"{PREFIX}:generation"
BUILDS_KEY = f"{PREFIX}:builds"  # how many pages were built (rendered) for the cache: one counter for all servers


def cache():
    return caches["default"]


@dataclass
class Entry:
    status: int
    headers: list
    content: bytes
    etag: str
    tags: tuple
    generation: int
    created: float
    fresh_until: float
    extra: dict = field(default_factory=dict)

    def is_fresh(self, now=None):
        return (now or time.time()) < self.fresh_until


def page_key(request):
    """One entry per scheme, host and full path (with its query string); GET and HEAD share it."""
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"{PREFIX}:page:{hashlib.sha256(url.encode()).hexdigest()}"


def lock_key(key):
    return f"{key}:lock"


def tag_key(tag):
    return f"{PREFIX}:tag:{tag}"


def stamp_lifetime():
    return conf.get("DATELINE_PAGE_CACHE_SECONDS") + conf.get("DATELINE_PAGE_CACHE_STALE_SECONDS") + 60


def generation():
    """The current generation; started from the clock in milliseconds, so a reset never moves it backwards
    in practice (it grows by one per invalidation)."""
    value = cache().get(GENERATION_KEY)
    if value is None:
        cache().add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        value = cache().get(GENERATION_KEY)
    return value


def bump(tags):
    """Invalidate every entry carrying one of these tags."""
    tags = set(tags)
    if not tags:
        return
    generation()  # make sure the counter exists
    try:
        value = cache().incr(GENERATION_KEY)
    except ValueError:  # evicted between the two calls
        cache().add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        value = cache().incr(GENERATION_KEY)
    cache().set_many({tag_key(tag): value for tag in tags}, timeout=stamp_lifetime())


def is_current(entry):
    stamps = cache().get_many([tag_key(tag) for tag in entry.tags])
    return all(stamp <= entry.generation for stamp in stamps.values())


def get(key):
    entry = cache().get(key)
    return entry if isinstance(entry, Entry) else None


def save(key, entry, fresh_seconds):
    stale_seconds = conf.get("DATELINE_PAGE_CACHE_STALE_SECONDS")
    cache().set(key, entry, timeout=fresh_seconds + stale_seconds)


def lock(key):
    return cache().add(lock_key(key), 1, timeout=conf.get("DATELINE_PAGE_CACHE_LOCK_SECONDS"))


def is_locked(key):
    return cache().get(lock_key(key)) is not None


def unlock(key):
    cache().delete(lock_key(key))


def count_build():
    try:
        cache().incr(BUILDS_KEY)
    except ValueError:  # the first build, or the counter was evicted
        if not cache().add(BUILDS_KEY, 1, timeout=None):
            cache().incr(BUILDS_KEY)


def builds():
    return cache().get(BUILDS_KEY) or 0
