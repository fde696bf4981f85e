"""Measure import throughput: N generated ninjs items imported by `manage.py import ninjs` into a fresh database.

    DATABASE_URL=sqlite:///var/bench/import.sqlite3 python -m dateline.ingest.bench --items 10000

Migrates the database, makes the home page, sections and story archive when missing, writes the items (the same
ones for the same --seed) as ninjs files of 500 items into a folder, then runs `manage.py import ninjs FOLDER`
twice, in this process: the first run creates every story, the second finds them all unchanged. It prints what
each run reported (created, updated, unchanged, failed) and its stories per second (wall clock, and CPU time of
this process). `--publish` imports published stories instead of drafts in the review workflow.
"""

import argparse
import json
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

FILE_ITEMS = 500


def ninjs_items(count, seed):
    from dateline.newsroom.generate import Writer

    writer = Writer(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    sections = ["world", "business", "sport"]
    for number in range(count):
        when = start + timedelta(minutes=37 * number)
        paragraphs = "".join(f"<p>{writer.prose(writer.rng.randint(50, 110))}</p>" for _ in range(5))
        yield {
            "uri": f"http://bench.example/items/{seed}/{number}",
            "type": "text",
            "firstcreated": when.isoformat().replace("+00:00", "Z"),
            "versioncreated": when.isoformat().replace("+00:00", "Z"),
            "headlines": [{"role": "main", "value": writer.headline()}],
            "descriptions": [{"role": "summary", "contenttype": "text/plain", "value": writer.sentence(20)}],
            "bodies": [
                {"role": "main", "contenttype": "text/html", "value": paragraphs + f"<h2>{writer.headline()}</h2>"}
            ],
            "by": f"Bench Author {number % 25}",
            "subjects": [
                {
                    "name": sections[number % 3].title(),
                    "rel": "section",
                    "uri": f"http://bench.example/ninjs/sections/{sections[number % 3]}",
                },
                {"name": f"Topic {number % 40}"},
            ],
        }


def prepare_site():
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from dateline.newsroom.archive import ArchiveMissing, story_archive
    from dateline.newsroom.models import HomePage, SectionPage, StoryArchivePage

    home = HomePage.objects.order_by("path").first()
    if home is None:
        raise SystemExit("no home page: this database has no Dateline site (run manage.py migrate first)")
    for slug in ("world", "business", "sport"):
        if not SectionPage.objects.filter(slug=slug).exists():
            home.add_child(instance=SectionPage(title=slug.title(), slug=slug))
    try:
        story_archive()
    except ArchiveMissing:
        home.add_child(instance=StoryArchivePage(title="Stories", slug="stories"))


def write_files(items, folder):
    """The items as ninjs files of FILE_ITEMS items each (a source file may hold at most 5 MB)."""
    for start in range(0, len(items), FILE_ITEMS):
        path = Path(folder) / f"items-{start // FILE_ITEMS:04d}.json"
        path.write_text(json.dumps(items[start : start + FILE_ITEMS]), encoding="utf-8")


def run(folder, publish):
    """One `manage.py import ninjs FOLDER`, as a user would run it; returns (report, wall seconds, CPU seconds)."""
    from importlib import import_module
    from io import StringIO

    from django.core.management import call_command

    command = import_module("dateline.ingest.management.commands.import").Command(stdout=StringIO(), stderr=StringIO())
    args = ["ninjs", str(folder)] + (["--publish"] if publish else [])
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        call_command(command, *args)
    except Exception as exc:  # CommandError when items failed: the report says which
        print("  import ended with:", exc)
    return command.report, time.perf_counter() - wall, time.process_time() - cpu


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--publish", action="store_true", help="import published stories (default: drafts)")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    prepare_site()
    folder = Path(tempfile.mkdtemp(prefix="dateline-bench-import-"))
    try:
        items = list(ninjs_items(args.items, args.seed))
        write_files(items, folder)
        kind = "published stories" if args.publish else "drafts in review"
        print(f"{len(items):,} ninjs items ({kind}) into {connection.vendor} ({connection.settings_dict['NAME']})")
        print(f"  tasks backend: {settings.TASKS['default']['BACKEND']}")
        for label in ("first import", "second import"):
            report, wall, cpu = run(folder, args.publish)
            print(
                f"{label}: {report.summary()} in {wall:.1f} s = {len(items) / wall:,.0f} stories/s "
                f"(CPU {cpu:.1f} s = {len(items) / cpu:,.0f} stories/s)"
            )
            for failure in report.failures[:5]:
                print("  failed:", *failure)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
