"""What enrichment stores: topic aliases, suggested topics, related stories and editors' overrides of them."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel


class TopicAlias(models.Model):
    """Another name a topic goes by in stories ("Afghan" for Afghanistan, "the Fed" for Federal Reserve)."""

    topic = models.ForeignKey("newsroom.Topic", on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=120, help_text="Matched as whole words, ignoring case.")

    panels = [FieldPanel("topic"), FieldPanel("alias")]

    class Meta:
        verbose_name_plural = "topic aliases"
        ordering = ["alias"]
        constraints = [models.UniqueConstraint(fields=["alias"], name="topic_alias_unique")]

    def __str__(self):
        return f"{self.alias} → {self.topic}"


class Suggestion(models.Model):
    """A topic, person, organisation or place found in a story, waiting for an editor (or accepted, or rejected)."""

    PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
    STATUSES = [(PENDING, "Pending"), (ACCEPTED, "Accepted"), (REJECTED, "Rejected")]
    TOPIC, PERSON, ORGANISATION, PLACE = "topic", "person", "organisation", "place"
    KINDS = [(TOPIC, "Existing topic"), (PERSON, "Person"), (ORGANISATION, "Organisation"), (PLACE, "Place")]

    story = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="suggestions")
    topic = models.ForeignKey(
        "newsroom.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="suggestions"
    )
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=KINDS)
    evidence = models.TextField(blank=True, help_text="The sentence it was found in.")
    confidence = models.FloatField(default=0)
    status = models.CharField(max_length=10, choices=STATUSES, default=PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-confidence", "name"]
        constraints = [models.UniqueConstraint(fields=["story", "name"], name="suggestion_unique_name")]
        indexes = [models.Index(fields=["status", "-created_at"], name="suggestion_status")]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()}, {self.confidence:.2f})"


class RelatedStory(models.Model):
    """One entry of a story's ranked related stories, with why: computed after each publication, never on a view."""

    story = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="related_entries")
    related = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    reasons = models.JSONField(default=dict, help_text="shared_topics (names), similarity (0–1), days_apart")
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "related stories"
        ordering = ["story", "-score"]
        constraints = [models.UniqueConstraint(fields=["story", "related"], name="related_story_unique")]
        indexes = [
            models.Index(fields=["story", "-score"], name="related_story_best"),
            models.Index(fields=["related"], name="related_story_target"),
        ]

    def __str__(self):
        return f"{self.story_id} → {self.related_id} ({self.score:.2f})"

    @property
    def explanation(self):
        """Why, in words: "shares Afghanistan, Taliban; similarity 0.42; 3 days apart"."""
        parts = []
        if self.reasons.get("shared_topics"):
            parts.append("shares " + ", ".join(self.reasons["shared_topics"]))
        if self.reasons.get("similarity") is not None:
            parts.append(f"similarity {self.reasons['similarity']:.2f}")
        days = self.reasons.get("days_apart")
        if days is not None:
            parts.append("same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} apart")
        return "; ".join(parts)


class RelatedOverride(models.Model):
    """An editor's decision: always show this related story first (pinned), or never (excluded)."""

    PINNED, EXCLUDED = "pinned", "excluded"

    story = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="related_overrides")
    related = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=[(PINNED, "Pinned"), (EXCLUDED, "Excluded")], default=PINNED)
    position = models.PositiveSmallIntegerField(default=0, help_text="Pinned stories show in this order.")

    panels = [FieldPanel("story"), FieldPanel("related"), FieldPanel("kind"), FieldPanel("position")]

    class Meta:
        ordering = ["story", "position"]
        constraints = [models.UniqueConstraint(fields=["story", "related"], name="related_override_unique")]

    def __str__(self):
        return f"{self.story} → {self.related} ({self.kind})"
