"""Cached pages and their content tags, kept in Django's default cache (local memory, or Redis with REDIS_URL).

Invalidation by tag uses a logical clock instead of lists of keys, so nothing is ever enumerated and no
read-modify-write of a shared set can lose an entry:

* ``generation`` is a counter in the cache. A page build reads it *before* rendering and stores it in the entry.
* Invalidating tags increments the counter once and stamps each tag with the new value (``tag:<tag>`` keys).
* An entry is current while every one of its tags' stamps is at most the generation it was built under.
  A build that started before an invalidation therefore never passes for newer than it is, even when it
  stores its entry after the invalidation (its generation is older than the stamp), and no wall clocks are
  compared across machines.

On Redis an entry is a hash (generation, tags, the pickled entry) and `lookup` checks it with one Lua script:
one round trip, no SQL. Elsewhere (the local memory cache) it is the entry, then one ``get_many`` of its tags'
stamps. A tag never stamped counts as never invalidated. Stamps outlive every entry that could be built before
them (fresh + stale + a margin), then expire. The cache must not evict stamps sooner than that: give the local
memory cache room (``MAX_ENTRIES``) and Redis a policy that evicts by TTL (``volatile-ttl``) or none at all.

An entry holds the response (status, headers, body), its ETag, its tags, the generation it was built under,
when it was built and until when it is fresh. It is kept in the cache for fresh + stale seconds: stale copies
are served while one request rebuilds the page (a lock taken with ``cache.add``) and while the database is down.
"""

import hashlib
import logging
import pickle
import re
import time
from dataclasses import dataclass, field

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from dateline.delivery import conf

logger = logging.getLogger(__name__)

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


# Parameters that links shared on social networks, in newsletters and ads carry for the reader's analytics
# (fbclid differs on every click): no page reads them, so they share the page's copy. The front caches' own
# configurations (deploy/varnish/dateline.vcl, deploy/nginx/dateline.conf) name the same ones.
TRACKING_PARAMETER = re.compile(
    r"(utm_[a-z_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|twclid|igshid|yclid|mc_cid|mc_eid|_ga|_gl)(=|$)"
)


def page_key(request):
    """One entry per scheme, host and full path (with its query string, less tracking parameters); GET and HEAD
    share it."""
    return page_key_for(request.scheme, request.get_host(), request.get_full_path())


def page_key_for(scheme, host, full_path):
    """The same key from its parts (`dateline.delivery.hits` computes them from the WSGI environ)."""
    url = f"{scheme}://{host}{without_tracking(full_path)}"
    return f"{PREFIX}:entry:{hashlib.sha256(url.encode()).hexdigest()}"


def without_tracking(full_path):
    path, mark, query = full_path.partition("?")
    if not mark:
        return full_path
    kept = [part for part in query.split("&") if part and not TRACKING_PARAMETER.match(part)]
    return f"{path}?{'&'.join(kept)}" if kept else path


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
    announce(tags)


def announce(tags):
    """Tell every process's local copies (`local_copies`) which tags were just invalidated, after the stamps."""
    from dateline.delivery import local_copies

    local_copies.published(tags)
    redis = redis_store()
    if redis is not None:
        try:
            redis.client.publish(local_copies.channel(redis), " ".join(sorted(tags)))
        except Exception:  # the listeners see the channel drop and stop serving copies
            logger.exception("Page cache: could not announce an invalidation")


def is_current(entry):
    stamps = cache().get_many([tag_key(tag) for tag in entry.tags])
    return all(stamp <= entry.generation for stamp in stamps.values())


# The entry's hash and its tags' stamps in one round trip. Tag keys are built here from ARGV[1] (the cache's
# prefix), so this needs a single Redis server, not a cluster. Stamps are plain integers (Django's
# RedisSerializer does not pickle ints).
LOOKUP_SCRIPT = """
local fields = redis.call('HMGET', KEYS[1], 'g', 't', 'e')
if not fields[3] then return false end
local generation = tonumber(fields[1])
for tag in string.gmatch(fields[2], '[^ ]+') do
  local stamp = redis.call('GET', ARGV[1] .. tag)
  if stamp and tonumber(stamp) > generation then return {0, fields[3]} end
end
return {1, fields[3]}
"""


class RedisStore:
    """The page entries of one RedisCache: its connection pool, its key prefix, the lookup script."""

    def __init__(self, redis_cache, client):
        self.make_key = redis_cache.make_key
        self.client = client
        self.script = client.register_script(LOOKUP_SCRIPT)
        self.tag_prefix = redis_cache.make_key(tag_key(""))

    def lookup(self, key):
        found = self.script(keys=[self.make_key(key)], args=[self.tag_prefix])
        if not found:
            return None, False
        current, blob = found
        return pickle.loads(blob), bool(current)  # noqa: S301 (our own entries, in our own cache)  # nosec B301

    def save(self, key, entry, timeout):
        key = self.make_key(key)
        blob = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        pipeline = self.client.pipeline(transaction=True)
        pipeline.hset(key, mapping={"g": entry.generation, "t": " ".join(entry.tags), "e": blob})
        pipeline.expire(key, timeout)
        try:
            pipeline.execute()
        except Exception:  # like the cache's other writes when Redis is away: dropped and logged
            logger.exception("Page cache: could not store %s", key)


def redis_client(default):
    """A client over the cache's own persistent connection pool: Django's RedisCache or django-redis."""
    if isinstance(default, RedisCache):
        return default._cache.get_client(write=True)
    client = getattr(default, "client", None)  # django_redis.cache.RedisCache
    if client is not None and hasattr(client, "get_client") and hasattr(client, "_serializer"):
        return client.get_client(write=True)
    return None


def redis_store():
    """The RedisStore of the default cache when it is Redis, else None. Kept on the cache object (one per
    thread), so its pool and client live as long as the process."""
    default = cache()
    found = default.__dict__.get("_delivery_store")
    if found is None:
        client = redis_client(default)
        found = default.__dict__["_delivery_store"] = RedisStore(default, client) if client is not None else False
    return found or None


def lookup(key):
    """(entry, current): the stored entry or None, and whether no tag of it was invalidated since its build."""
    redis = redis_store()
    if redis is not None:
        return redis.lookup(key)
    entry = cache().get(key)
    if not isinstance(entry, Entry):
        return None, False
    return entry, is_current(entry)


def get(key):
    return lookup(key)[0]


def save(key, entry, fresh_seconds, stale_seconds=None):
    """Keep an entry for fresh + stale seconds (stale: the page cache's setting unless given)."""
    if stale_seconds is None:
        stale_seconds = conf.get("DATELINE_PAGE_CACHE_STALE_SECONDS")
    timeout = fresh_seconds + stale_seconds
    redis = redis_store()
    if redis is not None:
        redis.save(key, entry, timeout)
    else:
        cache().set(key, entry, timeout=timeout)


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
