"""Measure import throughput: N generated ninjs items, imported into the configured (fresh) database.

    DATABASE_URL=sqlite:///var/bench/import.sqlite3 python -m dateline.ingest.bench --items 10000

Migrates the database, makes the home page, sections and story archive when missing, generates the items
(the same ones for the same --seed), then imports them twice: the first run creates every story, the second
finds them all unchanged. Each run maps and validates every item exactly as `manage.py import ninjs` does and
stores the stories with the batched writer (`--one-by-one`: through `page_from_story`, one story at a time).
"""

import argparse
import os
import time
from datetime import UTC, datetime, timedelta


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


def run(items, one_by_one):
    from dateline.ingest.bulk import write_items
    from dateline.ingest.formats.ninjs import NinjsFormat
    from dateline.ingest.writer import ImportReport, write_item

    importer = NinjsFormat()
    report = ImportReport()
    started = time.perf_counter()
    mapped = (importer.item("bench", number, entry) for number, entry in enumerate(items, start=1))
    if one_by_one:
        for item in mapped:
            write_item(item, report, publish=True)
    else:
        write_items(mapped, report, publish=True)
    return report, time.perf_counter() - started


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-by-one", action="store_true", help="store through page_from_story, one at a time")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.db import connection

    prepare_site()
    items = list(ninjs_items(args.items, args.seed))
    print(f"{len(items):,} ninjs items into {connection.vendor} ({connection.settings_dict['NAME']})")
    for label in ("first import", "second import"):
        report, seconds = run(items, args.one_by_one)
        print(f"{label}: {report.summary()} in {seconds:.1f} s = {len(items) / seconds:,.0f} stories/s")
        for failure in report.failures[:5]:
            print("  failed:", *failure)


if __name__ == "__main__":
    main()
