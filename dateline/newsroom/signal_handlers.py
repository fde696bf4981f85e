"""Turns Wagtail's page events into the newsroom's story signals, and keeps stories' search entries current."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from wagtail.signals import page_published, page_unpublished

from dateline.newsroom.signals import story_changed, story_published, story_unpublished


def on_page_published(sender, instance, **kwargs):
    from dateline.newsroom.models import ArticlePage

    if not isinstance(instance, ArticlePage):
        return
    # On a first publication Wagtail stamps both times with the same instant.
    first_time = instance.first_published_at == instance.last_published_at
    signal = story_published if first_time else story_changed
    signal.send(sender=ArticlePage, story=instance)


def on_page_unpublished(sender, instance, **kwargs):
    from dateline.newsroom.models import ArticlePage

    if isinstance(instance, ArticlePage):
        story_unpublished.send(sender=ArticlePage, story=instance)


def on_story_deleted(sender, instance, **kwargs):
    if instance.live:
        story_unpublished.send(sender=sender, story=instance)


def queue_search_update(sender, story, **kwargs):
    """Index the story once the transaction that changed it has committed (a worker must see the change)."""
    from dateline.newsroom.tasks import index_story

    transaction.on_commit(partial(index_story.enqueue, story.pk))


def on_story_row_deleted(sender, instance, **kwargs):
    # A live story's deletion already sent story_unpublished; a draft's removes its entry here.
    if not instance.live:
        queue_search_update(sender, instance)


def register():
    from dateline.newsroom.models import ArticlePage

    page_published.connect(on_page_published, dispatch_uid="newsroom_story_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="newsroom_story_unpublished")
    pre_delete.connect(on_story_deleted, sender=ArticlePage, dispatch_uid="newsroom_story_deleted")

    # Stories are indexed when they go live, change or leave the site, by a task (dateline/newsroom/tasks.py),
    # not on each of the three saves of a publication. This must run before Wagtail's search app connects its
    # per-save handlers, which it skips for models with search_auto_update = False; the newsroom app is listed
    # before wagtail.search in INSTALLED_APPS for that reason. Other models (topics, authors, images) keep
    # Wagtail's indexing on save.
    ArticlePage.search_auto_update = False
    for signal, uid in [(story_published, "published"), (story_changed, "changed"), (story_unpublished, "unpublished")]:
        signal.connect(queue_search_update, sender=ArticlePage, dispatch_uid=f"newsroom_search_{uid}")
    post_delete.connect(on_story_row_deleted, sender=ArticlePage, dispatch_uid="newsroom_search_deleted")
