"""Parts of a reader page that can be kept between renders, and what a page shows, for a cache to know.

The newsroom only marks them; keeping them is another capability's business (delivery), through three Wagtail
hooks, so that the newsroom imports none of it:

* ``dateline_render_fragment``: ``fn(request, name, keys, render) -> str``. Called by ``{% fragment %}`` with the
  fragment's name, what it depends on (model instances or plain values) and a ``render()`` that builds its HTML.
  The first hook answers; without one, the fragment is rendered every time.
* ``dateline_keep_value``: ``fn(request, name, keys, compute) -> value``. Called by `kept_value` for what a page
  build looks up (the story at a URL): the first hook answers, with a value it kept or with ``compute()``.
* ``dateline_content_shown``: ``fn(request, obj)``. Called by ``{% shown obj %}`` for each story a list shows (and each
  topic an overview names), so that what a fragment showed can be recorded with it.

In a template::

    {% fragment "story-lists" page %}…{% endfragment %}

Values a fragment reads from the view's context should be `Deferred`, so that a kept fragment costs no query.
"""

from wagtail import hooks

RENDER_HOOK = "dateline_render_fragment"
VALUE_HOOK = "dateline_keep_value"
SHOWN_HOOK = "dateline_content_shown"


def render_fragment(request, name, keys, render):
    for hook in hooks.get_hooks(RENDER_HOOK):
        return hook(request, name, keys, render)
    return render()


def kept_value(request, name, keys, compute):
    """``compute()``, or the value it gave for the same name and keys while nothing it shows has changed since."""
    for hook in hooks.get_hooks(VALUE_HOOK):
        return hook(request, name, keys, compute)
    return compute()


def content_shown(request, obj):
    for hook in hooks.get_hooks(SHOWN_HOOK):
        hook(request, obj)


class Deferred:
    """A list computed on first use (in a template: iterated, tested, counted), so that a view can offer it to a
    fragment that may never need it."""

    def __init__(self, compute):
        self._compute = compute
        self._items = None

    @property
    def is_loaded(self):
        return self._items is not None

    @property
    def items(self):
        if self._items is None:
            self._items = list(self._compute())
        return self._items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.items)

    def __getitem__(self, index):
        return self.items[index]
