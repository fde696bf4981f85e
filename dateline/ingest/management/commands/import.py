"""python manage.py import FORMAT SOURCE... — bring stories in from files, folders or URLs."""

from django.core.management.base import BaseCommand, CommandError

from dateline.ingest.formats import FORMAT_MODULES, get_format
from dateline.ingest.formats.base import ImportFailure, Item
from dateline.ingest.writer import ImportReport, write_item


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
        report = ImportReport()
        sources = list(importer.expand(options["sources"]))
        for number, source in enumerate(sources, start=1):
            for item in self.items_of(importer, source):
                write_item(
                    item, report, publish=options["publish"], dry_run=options["dry_run"], section=options["section"]
                )
                self.progress(number, len(sources), report)
        self.stdout.write("")
        for label, reason in report.failures:
            self.stderr.write(f"failed: {label}: {reason}")
        prefix = "dry run, nothing stored: " if options["dry_run"] else ""
        self.stdout.write(f"{prefix}{report.summary()}")
        return report

    def items_of(self, importer, source):
        try:
            yield from importer.items(source)
        except ImportFailure as exc:
            yield Item(source=source, ref="", error=str(exc))

    def progress(self, number, total, report):
        done = sum(report.counts.values())
        if self.stdout.isatty():
            self.stdout.write(f"\r  source {number}/{total}, {done} items", ending="")
            self.stdout.flush()
        elif done % 100 == 0:
            self.stdout.write(f"  source {number}/{total}, {done} items")

    def watch(self, importer, options):
        if not hasattr(importer, "watch"):
            raise CommandError(f"--watch works with the feed format, not {options['format']}")
        importer.watch(self, options)
