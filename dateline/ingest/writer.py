"""Writes imported stories: each in its own transaction, so one bad item never leaves half a story behind."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from dateline.newsroom.story import page_from_story


@dataclass
class ImportReport:
    counts: Counter = field(default_factory=Counter)  # created, updated, unchanged, failed
    failures: list = field(default_factory=list)  # (label, reason)
    pages: list = field(default_factory=list)

    @property
    def failed(self):
        return self.counts["failed"]

    def summary(self):
        parts = [f"{self.counts[key]} {key}" for key in ("created", "updated", "unchanged", "failed")]
        return ", ".join(parts)


def write_item(item, report, *, publish=False, dry_run=False, section="", user=None):
    """Store one item's story (or record why it failed) and count the outcome."""
    if item.error or item.story is None:
        report.counts["failed"] += 1
        report.failures.append((item.label, item.error or "no story found"))
        return None
    story = item.story
    publish = publish and getattr(item, "publish", True)  # a format may keep an item a draft (WordPress drafts)
    if section:
        story.section = section
    try:
        with transaction.atomic():
            page, status = page_from_story(story, publish=publish, user=user)
            if dry_run:
                transaction.set_rollback(True)
    except Exception as exc:  # one story's failure is reported, and the import goes on
        report.counts["failed"] += 1
        report.failures.append((item.label, f"{type(exc).__name__}: {exc}"))
        return None
    report.counts[status] += 1
    report.pages.append(page)
    return page
