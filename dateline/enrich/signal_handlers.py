"""Enrich stories after the newsroom publishes, changes or unpublishes them (in a task, after the commit)."""

from functools import partial

from django.db import transaction

from dateline.newsroom.signals import story_changed, story_published, story_unpublished


def queue_enrichment(sender, story, **kwargs):
    from dateline.enrich.tasks import enrich_story

    transaction.on_commit(partial(enrich_story.enqueue, story.pk))


def on_story_unpublished(sender, story, **kwargs):
    from dateline.enrich.related import forget
    from dateline.enrich.tasks import refresh_related

    # Drop it from every list now (a deleted story's rows go with it); the lists it leaves are refilled later.
    affected = forget(story)
    for story_id in affected:
        transaction.on_commit(partial(refresh_related.enqueue, story_id))


def recount_coverage(sender, story, **kwargs):
    """The story's month of its topics' coverage is counted again: now, and once the change commits (a topic page
    built in between counted without it)."""
    from dateline.enrich import coverage

    if story.published_at is None:
        return
    coverage.bump(story.published_at)
    transaction.on_commit(partial(coverage.bump, story.published_at))


def register():
    # story_published and story_changed are sent from Wagtail's page_published for every story publication.
    for signal, uid in [(story_published, "published"), (story_changed, "changed")]:
        signal.connect(queue_enrichment, dispatch_uid=f"enrich_{uid}")
    story_unpublished.connect(on_story_unpublished, dispatch_uid="enrich_unpublished")
    for signal, uid in [(story_published, "published"), (story_changed, "changed"), (story_unpublished, "unpublished")]:
        signal.connect(recount_coverage, dispatch_uid=f"enrich_coverage_{uid}")
