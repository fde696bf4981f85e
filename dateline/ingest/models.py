from django.db import models


class PendingRelatedLink(models.Model):
    """A related-link block on `story` that names a headline no published story has yet.

    When a story with that headline goes live, the block is pointed at it and the row is deleted.
    """

    story = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")
    headline = models.CharField(max_length=255)
    normalised_headline = models.CharField(max_length=255, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "normalised_headline"], name="pending_link_once_per_story")
        ]

    def __str__(self):
        return f"{self.headline} (waited for by story {self.story_id})"
