"""Fragments kept between page builds: `{% fragment %}` (see `dateline.newsroom.fragments`) answered from the page
cache's store, under the same content tags and the same clock as pages, so that a change dropping a page also
drops the fragments it was built from. Looked-up values (`kept_value`: the story at a URL) are kept the same way,
tagged with what they show (a story: its own tag, its section's, its topics' and its authors').

A fragment is kept only while a page is built for the page cache (an anonymous reader's page): editors, previews
and responses the cache does not store always render it afresh. Its tags are those of what it depends on (its
keys: for a story, all that drops the story's own page) and of every story it showed (`{% shown %}`); on a hit
they join the page's tags, so the page is dropped whenever the fragment would be. A fragment is only ever used
fresh and current: never stale, never built before a change to what it shows.
"""

import hashlib
import logging
import pickle
import time

from django.db.models import Model
from django.utils.safestring import mark_safe
from wagtail.models import Page

from dateline.delivery import conf, store, tags

logger = logging.getLogger(__name__)


def fragment_key(name, keys, kind="fragment"):
    parts = [str(name), *(key_part(key) for key in keys)]
    return f"{store.PREFIX}:{kind}:{hashlib.sha256(chr(31).join(parts).encode()).hexdigest()}"


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
    keep(request, key, str(html).encode(), shown | key_tags(keys), generation)
    return html


def keep(request, key, content, entry_tags, generation):
    fresh_seconds = conf.get("DATELINE_PAGE_CACHE_SECONDS")
    now = time.time()
    entry = store.Entry(
        status=200,
        headers=[],
        content=content,
        etag="",
        tags=tuple(sorted(entry_tags | {"site"})),
        generation=generation,
        created=now,
        fresh_until=now + fresh_seconds,
    )
    tags.add_tags(request, *entry.tags)
    store.save(key, entry, fresh_seconds, stale_seconds=0)


def keep_value(request, name, keys, compute):
    """The `dateline_keep_value` hook. Only model instances are kept (None, "not found", never is), pickled
    as they were loaded: before anything of the page build changed or added to them."""
    if not is_kept(request):
        return compute()
    key = fragment_key(name, keys, kind="value")
    try:
        entry, current = store.lookup(key)
        if entry is not None and current and entry.is_fresh():
            value = pickle.loads(entry.content)  # noqa: S301 (our own entries, in our own cache)  # nosec B301
            tags.add_tags(request, *entry.tags)
            return value
    except Exception:  # the cache is unreachable, or an entry of an older release does not load
        logger.exception("Kept value %s unavailable", name)
        return compute()
    generation = store.generation()
    value = compute()
    if isinstance(value, Model):
        value_tags = tags_of_value(value)  # first: what it loads for them is kept with it
        keep(request, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), value_tags, generation)
    return value


def tags_of_value(value):
    """A story's own tags, its section's, its topics' and authors' (loaded now, as its page would load them)."""
    from dateline.newsroom.models import ArticlePage

    if isinstance(value, ArticlePage):
        found = tags.story_card_tags(value)
        found.update(f"topic:{topic.pk}" for topic in value.topics)
        found.update(f"author:{author.pk}" for author in value.authors)
        return found
    return {f"{value._meta.model_name}:{value.pk}"}


def record_shown(request, obj):
    """The `dateline_content_shown` hook: a story on the page (a card in a list), or a topic or an author named."""
    from dateline.newsroom.models import ArticlePage, Author, Topic

    if request is None:
        return
    if isinstance(obj, ArticlePage):
        tags.add_tags(request, *tags.story_card_tags(obj))
    elif isinstance(obj, Topic | Author):
        tags.add_tags(request, f"{obj._meta.model_name}:{obj.pk}")
