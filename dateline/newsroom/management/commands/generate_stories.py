"""Fill the archive with generated stories (see dateline/newsroom/generate.py): `generate_stories 10000`."""

from django.core.management.base import BaseCommand, CommandError

from dateline.newsroom.archive import ArchiveMissing
from dateline.newsroom.generate import generate_stories


class Command(BaseCommand):
    help = "Write N generated, published stories into the archive, fast (bulk inserts), for load tests."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many stories to write")
        parser.add_argument("--seed", type=int, default=0, help="Same seed, same stories (default 0)")
        parser.add_argument("--batch", type=int, default=2000, help="Stories per transaction (default 2000)")
        parser.add_argument(
            "--no-index", action="store_true", help="Leave the search index alone (run `update_index` later)"
        )
        parser.add_argument(
            "--index-newest",
            type=int,
            metavar="N",
            help="Add only the newest N stories to the search index (the index dominates the time at scale on SQLite)",
        )

    def handle(self, *args, count, seed, batch, no_index, index_newest, **options):
        if count < 0 or batch < 1:
            raise CommandError("count must be 0 or more and --batch at least 1")

        def report(progress):
            self.stdout.write(f"generated {progress}")

        try:
            index = False if no_index else index_newest if index_newest is not None else True
            result = generate_stories(count, seed=seed, batch=batch, progress=report, index=index)
        except ArchiveMissing as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Done: {result}"))
