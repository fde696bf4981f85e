"""Turns Wagtail's page events into the newsroom's story signals."""

from django.db.models.signals import pre_delete
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


def register():
    from dateline.newsroom.models import ArticlePage

    page_published.connect(on_page_published, dispatch_uid="newsroom_story_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="newsroom_story_unpublished")
    pre_delete.connect(on_story_deleted, sender=ArticlePage, dispatch_uid="newsroom_story_deleted")
