"""Suggestions: topics, people, organisations and places found in a story, for an editor to accept or reject.

`suggest_for(story)` is called after a story is published or changed (see signal_handlers) and by importers;
for imported stories, suggestions at or above `DATELINE_SUGGESTION_AUTO_ACCEPT` are accepted at once.
Accepting links the topic to the story (creating the topic for a new name), in a new revision that is published
when the story is live, or saved as the latest draft otherwise.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dateline.enrich.entities import find_entities
from dateline.enrich.models import Suggestion, TopicAlias
from dateline.newsroom.models import ArticlePage, ArticleTopic, Author, Topic

MIN_CONFIDENCE = 0.45


def known_topics():
    """{lower-cased name or alias: (topic id, name, confidence)}."""
    known = {}
    for alias in TopicAlias.objects.select_related("topic"):
        known[alias.alias.lower()] = (alias.topic_id, alias.topic.name, 0.85)
    for topic_id, name in Topic.objects.values_list("pk", "name"):
        known[name.lower()] = (topic_id, name, 0.9)
    return known


def story_text(story):
    from dateline.search.query import story_text as text_of

    return f"{story.title}.\n{text_of(story)}"


def find_for(story):
    """What the story's text mentions, without the topics the story already has."""
    author_names = Author.objects.values_list("name", flat=True)
    linked = {link.topic_id for link in story.topic_links.all()}
    linked_names = {name.lower() for name in Topic.objects.filter(pk__in=linked).values_list("name", flat=True)}
    return [
        entry
        for entry in find_entities(story_text(story), known_topics(), author_names)
        if entry.confidence >= MIN_CONFIDENCE
        and entry.topic_id not in linked
        and entry.name.lower() not in linked_names
    ]


def suggest_for(story, *, imported=None):
    """Store the story's suggestions (keeping editors' earlier decisions); returns the pending ones.

    imported: whether this is an import, whose confident suggestions may be accepted automatically; by default,
    any story with a source (imported stories have one).
    """
    story = story.get_latest_revision_as_object() if story.has_unpublished_changes else story
    entries = find_for(story)
    existing = {suggestion.name.lower(): suggestion for suggestion in Suggestion.objects.filter(story_id=story.pk)}
    names = set()
    for entry in entries:
        key = entry.name[:120].lower()
        names.add(key)
        current = existing.get(key)
        if current is None:
            Suggestion.objects.create(
                story_id=story.pk,
                topic_id=entry.topic_id,
                name=entry.name[:120],
                kind=entry.kind,
                evidence=entry.evidence[:1000],
                confidence=entry.confidence,
            )
        elif current.status == Suggestion.PENDING:
            current.topic_id, current.kind = entry.topic_id, entry.kind
            current.evidence, current.confidence = entry.evidence[:1000], entry.confidence
            current.save(update_fields=["topic", "kind", "evidence", "confidence"])
    stale = [s.pk for key, s in existing.items() if key not in names and s.status == Suggestion.PENDING]
    Suggestion.objects.filter(pk__in=stale).delete()
    pending = list(Suggestion.objects.filter(story_id=story.pk, status=Suggestion.PENDING))
    threshold = settings.DATELINE_SUGGESTION_AUTO_ACCEPT
    if imported is None:
        imported = bool(story.source)
    if imported and threshold is not None:
        confident = [suggestion for suggestion in pending if suggestion.confidence >= threshold]
        if confident:
            accept(confident)
            pending = [suggestion for suggestion in pending if suggestion.confidence < threshold]
    return pending


def topic_for(suggestion):
    if suggestion.topic_id:
        return suggestion.topic
    from dateline.newsroom.story import topic_named

    existing = Topic.objects.filter(name__iexact=suggestion.name).first()
    return existing or topic_named(suggestion.name)


@transaction.atomic
def accept(suggestions, user=None):
    """Accept suggestions of one story: link their topics to it in one new revision."""
    suggestions = list(suggestions)
    if not suggestions:
        return
    story = ArticlePage.objects.get(pk=suggestions[0].story_id)
    topics = []
    for suggestion in suggestions:
        topic = topic_for(suggestion)
        suggestion.topic, suggestion.status, suggestion.decided_at = topic, Suggestion.ACCEPTED, timezone.now()
        suggestion.save(update_fields=["topic", "status", "decided_at"])
        topics.append(topic)
    link_topics(story, topics, user=user)


def reject(suggestion):
    suggestion.status, suggestion.decided_at = Suggestion.REJECTED, timezone.now()
    suggestion.save(update_fields=["status", "decided_at"])


def add_links(page, topics):
    links = list(page.topic_links.all())
    have = {link.topic_id for link in links}
    new = [topic for topic in topics if topic.pk not in have]
    if new:
        # After the existing topics: the first topic stays the primary one.
        start = max((link.sort_order or 0 for link in links), default=-1) + 1
        page.topic_links = [
            *links,
            *(ArticleTopic(topic=topic, sort_order=start + n) for n, topic in enumerate(new)),
        ]
    return bool(new)


def link_topics(story, topics, user=None):
    """Add topics to a story: published at once if the story is live (keeping any unpublished draft, which gets
    them too), or added to the latest draft otherwise."""
    draft = story.get_latest_revision_as_object() if story.has_unpublished_changes or not story.live else None
    if story.live:
        live = story.live_revision.as_object() if story.live_revision_id else story.specific
        if add_links(live, topics):
            live.save_revision(user=user, log_action=True).publish(user=user)
    if draft is not None and add_links(draft, topics):
        draft.save_revision(user=user, log_action=True)
