"""Import outcomes, and storing one item: each story in its own transaction (or savepoint), so one bad item
never leaves half a story behind. Large imports go through `dateline.ingest.bulk.write_items`, which this uses."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ImportReport:
    counts: Counter = field(default_factory=Counter)  # created, updated, unchanged, failed
    failures: list = field(default_factory=list)  # (label, reason)
    pages: list = field(default_factory=list)

    @property
    def failed(self):
        return self.counts["failed"]

    @property
    def done(self):
        return sum(self.counts.values())

    def summary(self):
        parts = [f"{self.counts[key]} {key}" for key in ("created", "updated", "unchanged", "failed")]
        return ", ".join(parts)


def write_item(item, report, *, publish=False, dry_run=False, section="", user=None):
    """Store one item's story (or record why it failed) and count the outcome; returns the page or None."""
    from dateline.ingest.bulk import write_items

    stored = len(report.pages)
    write_items([item], report, publish=publish, dry_run=dry_run, section=section, user=user, batch=1)
    return report.pages[-1] if len(report.pages) > stored else None
