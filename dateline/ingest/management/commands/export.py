"""python manage.py export ninjs — the published stories as a JSON array (or JSON lines) of ninjs items."""

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from datetime import datetime, time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from dateline.newsroom.models import SectionPage
from dateline.syndication.ninjs import DEFAULT_VERSION, NinjsError, schema_version, story_to_ninjs
from dateline.syndication.stories import syndicated_stories, with_people

CHUNK = 200  # stories fetched per query: memory stays flat however big the archive is


class Command(BaseCommand):
    help = "Export published stories as ninjs (IPTC News in JSON)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # --version here is the ninjs version, in place of Django's "print Django's version".
        return super().create_parser(prog_name, subcommand, conflict_handler="resolve", **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("format", choices=["ninjs"])
        parser.add_argument("--version", dest="ninjs_version", default=DEFAULT_VERSION, help="ninjs 1.6, 2.2 or 3.1")
        parser.add_argument("--section", default="", help="only stories of the section with this slug")
        parser.add_argument("--since", default="", help="only stories first published on or after DATE[THH:MM]")
        parser.add_argument("--output", default="-", help="file to write; - (the default) is standard output")
        parser.add_argument("--jsonl", action="store_true", help="one item per line instead of one JSON array")

    def handle(self, *args, **options):
        try:
            version = schema_version(options["ninjs_version"])
        except NinjsError as exc:
            raise CommandError(str(exc)) from None
        stories = self.stories(options)
        total = stories.count()
        with output(options["output"], self.stdout) as stream:
            written = self.write(stream, stories, version, options["jsonl"], total)
        self.stderr.write(f"exported {written} stories as ninjs {version}")

    def stories(self, options):
        stories = with_people(syndicated_stories()).select_related("section", "lead_image")
        if options["section"]:
            section = SectionPage.objects.filter(slug=options["section"]).first()
            if section is None:
                raise CommandError(f"no section with the slug {options['section']!r}")
            stories = stories.filter(section=section)
        if options["since"]:
            stories = stories.filter(published_at__gte=parse_since(options["since"]))
        return stories.order_by("published_at", "pk")

    def write(self, stream, stories, version, jsonl, total):
        written = 0
        stream.write("" if jsonl else "[")
        for story in stories.iterator(chunk_size=CHUNK):
            item = json.dumps(story_to_ninjs(story, version), ensure_ascii=False)
            if jsonl:
                stream.write(item + "\n")
            else:
                stream.write(("," if written else "") + "\n" + item)
            written += 1
            if written % 100 == 0:
                self.stderr.write(f"  {written}/{total} stories")
        stream.write("" if jsonl else "\n]\n")
        return written


def parse_since(value):
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"--since {value!r} is not a date (YYYY-MM-DD) or date and time")
        moment = datetime.combine(day, time.min)
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


@contextmanager
def output(path, stdout):
    """Standard output, or a file that appears only once it is complete (written beside it, then renamed)."""
    if path == "-":
        yield stdout._out if hasattr(stdout, "_out") else sys.stdout
        return
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
