"""Copies of hot page entries kept in each app-server process, so that a hit on them needs no Redis round trip.

With Redis as the page cache, every hit costs one round trip (`store.lookup`) and unpickling the entry. Each
process also keeps the entries it served last (at most DATELINE_PAGE_CACHE_LOCAL_ENTRIES), and drops them the
moment their tags are invalidated: `store.bump` publishes the invalidated tags on a Redis channel after stamping
them, and a thread in every process listens to that channel. The process that invalidates drops its own copies
before it returns; the others within milliseconds, well inside the second a change may take to show everywhere.

Only fresh entries found current in Redis are copied, and only while the channel is subscribed: a copy is not
kept when an invalidation arrived while it was looked up, and every copy is dropped when the subscription is
lost (Redis restarted, say) until it is back. A copy is served until its entry's freshness ends, then Redis
answers again (stale copies, rebuilds and locks are Redis's business alone).
"""

import logging
import os
import threading
import time
from collections import OrderedDict

from django.conf import settings

from dateline.delivery import conf

logger = logging.getLogger(__name__)

CHANNEL_SUFFIX = "delivery:invalidated"
PING_SECONDS = 5.0
SILENCE_SECONDS = 15.0  # no answer to a ping for this long: the subscription counts as lost


class LocalCopies:
    def __init__(self, max_entries):
        self.max_entries = max_entries
        self.stopped = False
        self.entries = OrderedDict()  # key → entry, oldest first
        self.by_tag = {}  # tag → keys of the copies carrying it
        self.lock = threading.Lock()
        self.sequence = 0  # moves on with every invalidation heard
        self.listening = False

    def get(self, key):
        if not self.listening:
            return None
        entry = self.entries.get(key)
        if entry is None:
            return None
        if not entry.is_fresh():
            with self.lock:
                self.remove(key)
            return None
        return entry

    def put(self, key, entry, sequence):
        """Keep a copy of an entry found current, unless an invalidation came in since `sequence` was read."""
        with self.lock:
            if not self.listening or sequence != self.sequence or self.max_entries <= 0:
                return
            self.remove(key)
            self.entries[key] = entry
            for tag in entry.tags:
                self.by_tag.setdefault(tag, set()).add(key)
            while len(self.entries) > self.max_entries:
                self.remove(next(iter(self.entries)))

    def remove(self, key):
        entry = self.entries.pop(key, None)
        if entry is None:
            return
        for tag in entry.tags:
            keys = self.by_tag.get(tag)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self.by_tag[tag]

    def drop_tags(self, tags):
        with self.lock:
            self.sequence += 1
            for tag in tags:
                for key in list(self.by_tag.get(tag, ())):
                    self.remove(key)

    def clear(self, listening=None):
        with self.lock:
            self.sequence += 1
            self.entries.clear()
            self.by_tag.clear()
            if listening is not None:
                self.listening = listening

    def listen(self, client, channel):
        """Run forever (in a daemon thread): follow the invalidations published on `channel`."""
        while not self.stopped:
            try:
                self.follow(client, channel)
            except Exception:
                logger.warning("Page cache: invalidation channel lost, local copies off until it is back", exc_info=1)
            self.clear(listening=False)
            time.sleep(1.0)

    def follow(self, client, channel):
        pubsub = client.pubsub()
        try:
            pubsub.subscribe(channel)
            last_heard = last_ping = time.monotonic()
            while not self.stopped:
                message = pubsub.get_message(timeout=1.0)
                now = time.monotonic()
                if message is not None:
                    last_heard = now
                    if message["type"] == "subscribe":
                        self.clear(listening=True)
                    elif message["type"] == "message":
                        self.drop_tags(message["data"].decode().split())
                    elif message["type"] == "pong" and not self.listening:
                        self.clear(listening=True)
                if now - last_ping >= PING_SECONDS:
                    pubsub.ping()
                    last_ping = now
                if now - last_heard > SILENCE_SECONDS:
                    raise ConnectionError("no answer on the invalidation channel")
        finally:
            self.listening = False
            pubsub.close()


_process = {"owner": None, "copies": None}
_start_lock = threading.Lock()


def channel(redis_store):
    return redis_store.make_key(CHANNEL_SUFFIX)


def owner():
    """What this process's copies belong to: the process, and the cache's settings (tests change them)."""
    return os.getpid(), repr(settings.CACHES.get("default")), conf.get("DATELINE_PAGE_CACHE_LOCAL_ENTRIES")


def for_this_process():
    """This process's LocalCopies (its listener started on first use, after a fork), or None when the page cache
    is not on Redis or local copies are switched off."""
    from dateline.delivery import store

    current = owner()
    if _process["owner"] == current:
        return _process["copies"]
    with _start_lock:
        if _process["owner"] != current:
            reset()
            redis = store.redis_store()
            size = current[2]
            copies = LocalCopies(size) if redis is not None and size > 0 else None
            if copies is not None:
                thread = threading.Thread(
                    target=copies.listen, args=(redis.client, channel(redis)), name="page-cache-invalidations"
                )
                thread.daemon = True
                thread.start()
            _process.update(owner=current, copies=copies)
    return _process["copies"]


def reset():
    """Forget this process's copies and stop their listener (the cache's settings changed)."""
    copies = _process["copies"]
    _process.update(owner=None, copies=None)
    if copies is not None:
        copies.stopped = True
        copies.clear(listening=False)


def published(tags):
    """`store.bump` invalidated these tags: drop this process's copies now (the others hear it on the channel)."""
    copies = _process["copies"] if _process["owner"] == owner() else None
    if copies is not None:
        copies.drop_tags(tags)
