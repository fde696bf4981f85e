"""Fragments kept between page builds: `{% fragment %}` (see `dateline.newsroom.fragments`) answered from the page
cache's store, under the same content tags and the same clock as pages, so that a change dropping a page also
drops the fragments it was built from.

A fragment is kept only while a page is built for the page cache (an anonymous reader's page): editors, previews
and responses the cache does not store always render it afresh. Its tags are those of what it depends on (its
keys: for a story, all that drops the story's own page) and of every story it showed (`{% shown %}`); on a hit
they join the page's tags, so the page is dropped whenever the fragment would be. A fragment is only ever used
fresh and current: never stale, never built before a change to what it shows.
"""

import hashlib
import logging
import time

from django.db.models import Model
from django.utils.safestring import mark_safe
from wagtail.models import Page

from dateline.delivery import conf, store, tags

logger = logging.getLogger(__name__)


def fragment_key(name, keys):
    parts = [str(name), *(key_part(key) for key in keys)]
    return f"{store.PREFIX}:fragment:{hashlib.sha256(chr(31).join(parts).encode()).hexdigest()}"


def key_part(key):
    if isinstance(key, Model):
        return f"{key._meta.label_lower}:{key.pk}"
    return repr(key)


def key_tags(keys):
    """The tags of what a fragment depends on: a page's own tags, a topic's or an author's."""
    from dateline.newsroom.models import Author, Topic

    found = set()
    for key in keys:
        if isinstance(key, Page):
            found |= tags.page_tags(key)
        elif isinstance(key, Topic):
            found |= tags.context_tags({"topic": key})
        elif isinstance(key, Author):
            found |= tags.context_tags({"author": key})
    return found


def is_kept(request):
    return request is not None and conf.get("DATELINE_PAGE_CACHE_FRAGMENTS") and tags.is_collecting(request)


def render_fragment(request, name, keys, render):
    """The `dateline_render_fragment` hook."""
    if not is_kept(request):
        return render()
    key = fragment_key(name, keys)
    try:
        entry, current = store.lookup(key)
    except Exception:  # the cache is unreachable: the page is built whole
        logger.exception("Fragment cache unavailable")
        return render()
    if entry is not None and current and entry.is_fresh():
        tags.add_tags(request, *entry.tags)
        return mark_safe(entry.content.decode())  # noqa: S308 (HTML our own templates rendered)  # nosec B308 B703
    return build(request, key, keys, render)


def build(request, key, keys, render):
    generation = store.generation()  # before rendering, as for pages (see `store`)
    with tags.collected_apart(request) as shown:
        html = render()
    fresh_seconds = conf.get("DATELINE_PAGE_CACHE_SECONDS")
    now = time.time()
    entry = store.Entry(
        status=200,
        headers=[],
        content=str(html).encode(),
        etag="",
        tags=tuple(sorted(shown | key_tags(keys) | {"site"})),
        generation=generation,
        created=now,
        fresh_until=now + fresh_seconds,
    )
    tags.add_tags(request, *entry.tags)
    store.save(key, entry, fresh_seconds, stale_seconds=0)
    return html


def record_shown(request, obj):
    """The `dateline_content_shown` hook: a story on the page (a card in a list)."""
    if request is not None and isinstance(obj, Model):
        tags.add_tags(request, *tags.story_card_tags(obj))
