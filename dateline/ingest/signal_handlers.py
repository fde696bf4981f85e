"""Related links that name a headline: resolved when a story with that headline is live, remembered until then.

An imported story's "Read more" list often names stories that arrive later (or in a later file of the same
import). Each time a story's revision is saved, its headline-only related links are matched against live stories
and the rest are recorded as PendingRelatedLink rows; when a story goes live, the stories waiting for its headline
get a new revision pointing at it (published at once when the waiting story was live with nothing unpublished).
"""

import re
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from wagtail.models import Revision

from dateline.newsroom.signals import story_changed, story_published

QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "“": '"', "”": '"', "„": '"'})


def normalise_headline(text):
    """Headlines that differ only in case, quote style or spacing match."""
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTES)
    return " ".join(text.casefold().split())[:255]


def waiting_links(page):
    """The related-link blocks of a page's body that name a headline but no story and no URL."""
    for child in page.body:
        value = child.value
        if child.block_type == "related_link" and not value.get("page") and not value.get("url") and value.get("title"):
            yield value


def live_story_titled(headline, exclude_pk=None):
    from dateline.newsroom.models import ArticlePage

    key = normalise_headline(headline)
    words = re.findall(r"\w+", key)
    if not words:
        return None
    # Narrow by the longest word in the database, then compare normalised headlines here.
    candidates = ArticlePage.objects.live().filter(title__icontains=max(words, key=len)).exclude(pk=exclude_pk)
    return next((page for page in candidates.order_by("-pk") if normalise_headline(page.title) == key), None)


def on_revision_saved(sender, instance, created, **kwargs):
    """Resolve what can be resolved now and record the rest, replacing the story's earlier pending rows."""
    from dateline.ingest.models import PendingRelatedLink
    from dateline.newsroom.models import ArticlePage

    if not created or instance.content_type_id != ContentType.objects.get_for_model(ArticlePage).pk:
        return
    if "related_link" not in str(instance.content.get("body", "")):
        PendingRelatedLink.objects.filter(story_id=instance.object_id).delete()
        return
    page = instance.as_object()
    pending, changed = {}, False
    for value in waiting_links(page):
        target = live_story_titled(value["title"], exclude_pk=page.pk)
        if target is not None:
            value["page"], changed = target, True
        else:
            pending[normalise_headline(value["title"])] = value["title"][:255]
    if changed:
        # Revisions are published from their content, so a story published right after this save links too.
        instance.content = page.serializable_data()
        instance.save(update_fields=["content"])
    PendingRelatedLink.objects.filter(story_id=instance.object_id).delete()
    PendingRelatedLink.objects.bulk_create(
        PendingRelatedLink(story_id=instance.object_id, headline=headline, normalised_headline=key)
        for key, headline in pending.items()
    )


def on_story_live(sender, story, **kwargs):
    """Point the stories waiting for this headline at this story."""
    from dateline.ingest.models import PendingRelatedLink
    from dateline.newsroom.models import ArticlePage

    key = normalise_headline(story.title)
    # One indexed query for the usual case, a story nobody waits for.
    waiting_ids = {
        story_id
        for story_id in PendingRelatedLink.objects.filter(normalised_headline=key).values_list("story_id", flat=True)
        if story_id != story.pk
    }
    if not waiting_ids:
        return
    for waiting in ArticlePage.objects.filter(pk__in=waiting_ids):
        link_waiting_story(waiting, story, key)
    PendingRelatedLink.objects.filter(normalised_headline=key, story_id__in=waiting_ids).delete()


def link_waiting_story(waiting, target, key):
    republish = waiting.live and not waiting.has_unpublished_changes
    latest = waiting.get_latest_revision_as_object()
    matches = [value for value in waiting_links(latest) if normalise_headline(value["title"]) == key]
    if not matches:
        return
    for value in matches:
        value["page"] = target
    revision = latest.save_revision(log_action=True)
    if republish:
        revision.publish()


def register():
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="ingest_pending_related_links")
    # An imported story with its own first-publication date reaches the site as a "change", not a first publication.
    story_published.connect(on_story_live, dispatch_uid="ingest_resolve_related_links")
    story_changed.connect(on_story_live, dispatch_uid="ingest_resolve_related_links_changed")
