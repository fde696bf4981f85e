"""The stories' full-text documents on PostgreSQL: one row a visible story, searched through GIN indexes.

Wagtail's database backend matches `title || body` on its index table, an expression neither of its GIN indexes
serves, so every PostgreSQL search scans the whole index (2.8 s for one word at 100,000 stories). These rows are
written by `dateline.search.documents` whenever Wagtail's index is (the newsroom's index task, `update_index`,
the archive generator) and queried directly by `dateline.search.backends.postgresql`. Live stories have a row;
unpublished, expired and deleted ones do not. On SQLite the table stays
empty: search there reads the FTS5 index Wagtail keeps.
"""

from datetime import UTC

from django.contrib.postgres.search import SearchVectorField
from django.db import models


def month_lexeme(moment):
    """The lexeme that marks a document with its month of publication (UTC), "~202611": the search intersects a
    common word's matches with the newest months inside the GIN index. Readers' words go through the text search
    parser, which never yields a "~", so no search can match it by accident."""
    return "~" + moment.astimezone(UTC).strftime("%Y%m")


class StoryDocument(models.Model):
    story = models.OneToOneField(
        "newsroom.ArticlePage", primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    published_at = models.DateTimeField(null=True)
    section_id = models.IntegerField(null=True)
    # An embargoed story's go-live time: it is searchable from then on (visible_stories()' embargo rule).
    embargoed_until = models.DateTimeField(null=True)
    # The headline alone (small, never TOASTed): headline matches are found however old they are.
    headline = SearchVectorField()
    # Headline (weight A), standfirst and topics (B), authors (C), body (D), and the month lexeme.
    document = SearchVectorField()

    class Meta:
        indexes = [
            models.Index(fields=["published_at"], name="storydocument_published"),
            # A section's newest documents, walked for a common word searched within the section.
            models.Index(fields=["section_id", "published_at"], name="storydocument_section"),
        ]

    def __str__(self):
        return f"search document of story {self.story_id}"
