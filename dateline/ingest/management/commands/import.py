"""python manage.py import FORMAT SOURCE... — bring stories in from files, folders or URLs.

Items are read source by source and stored by `dateline.ingest.bulk.write_items`: a batch of stories per
transaction, each story in its own savepoint.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from dateline.ingest.bulk import BATCH, write_items
from dateline.ingest.formats import FORMAT_MODULES, get_format
from dateline.ingest.formats.base import IMPORT_FAILURES, Item
from dateline.ingest.writer import ImportReport

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Import stories. Formats: " + ", ".join(FORMAT_MODULES)

    def add_arguments(self, parser):
        parser.add_argument("format", choices=sorted(FORMAT_MODULES))
        parser.add_argument("sources", nargs="+", help="files, folders or http(s) URLs")
        parser.add_argument("--dry-run", action="store_true", help="read and check everything, store nothing")
        parser.add_argument("--publish", action="store_true", help="publish stories (default: drafts)")
        parser.add_argument("--section", default="", help="slug of the section every story goes to")
        parser.add_argument("--allow-private", action="store_true", help="allow URLs on private/loopback hosts")
        parser.add_argument("--uploads", default="", help="wxr: the folder of WordPress uploads")
        parser.add_argument("--watch", type=int, default=0, metavar="SECONDS", help="feed: poll every SECONDS")
        parser.add_argument("--batch", type=int, default=BATCH, help=f"stories per transaction (default {BATCH})")

    def handle(self, *args, **options):
        try:
            importer = get_format(
                options["format"],
                allow_private=options["allow_private"],
                section=options["section"],
                uploads=options["uploads"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if options["watch"]:
            return self.watch(importer, options)
        report = self.run_once(importer, options)
        if report.failed:
            raise CommandError(f"{report.failed} item(s) failed")

    def run_once(self, importer, options):
        self.report = report = ImportReport()
        sources = list(importer.expand(options["sources"]))
        self.started, self.shown, self.thousands, self.source_number = time.monotonic(), 0.0, 0, 0

        def items():
            for number, source in enumerate(sources, start=1):
                self.source_number = number
                yield from self.items_of(importer, source)

        write_items(
            items(),
            report,
            publish=options["publish"],
            dry_run=options["dry_run"],
            section=options["section"],
            batch=max(1, options["batch"]),
            progress=lambda report: self.progress(len(sources), report),
        )
        self.progress(len(sources), report, final=True)
        for label, reason in report.failures:
            self.stderr.write(f"failed: {label}: {reason}")
        prefix = "dry run, nothing stored: " if options["dry_run"] else ""
        self.stdout.write(f"{prefix}{report.summary()}")
        return report

    def items_of(self, importer, source):
        try:
            yield from importer.items(source)
        except IMPORT_FAILURES as exc:
            yield Item(source=source, ref="", error=str(exc))

    def progress(self, total, report, final=False):
        """A progress bar over the sources, with the stories done and the rate: redrawn in place on a terminal
        (at most five times a second), a line each time another 1,000 items are done otherwise, and at the end."""
        done, now = report.done, time.monotonic()
        terminal = self.stdout.isatty()
        if not final and (now - self.shown < 0.2 if terminal else done // 1000 == self.thousands):
            return
        self.shown, self.thousands = now, done // 1000
        filled = round(BAR_WIDTH * self.source_number / total) if total else BAR_WIDTH
        rate = done / (now - self.started) if now > self.started else 0
        line = (
            f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] source {self.source_number}/{total}, "
            f"{done:,} items ({report.failed} failed), {rate:,.0f}/s"
        )
        if terminal:
            self.stdout.write(f"\r{line}", ending="\n" if final else "")
            self.stdout.flush()
        else:
            self.stdout.write(line)

    def watch(self, importer, options):
        if not hasattr(importer, "watch"):
            raise CommandError(f"--watch works with the feed format, not {options['format']}")
        importer.watch(self, options)
