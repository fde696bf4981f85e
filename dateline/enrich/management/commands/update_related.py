"""Compute every live story's related stories (after an import that bypassed publication, or a change of weights)."""

import time

from django.core.management.base import BaseCommand

from dateline.enrich.related import compute_related
from dateline.newsroom.models import ArticlePage


class Command(BaseCommand):
    help = "Compute the related stories of every live story (or of the newest N), with progress."

    def add_arguments(self, parser):
        parser.add_argument("--newest", type=int, default=0, help="only the newest N stories")

    def handle(self, *args, newest=0, **options):
        ids = ArticlePage.objects.live().filter(published_at__isnull=False).order_by("-published_at")
        ids = list(ids.values_list("pk", flat=True)[:newest] if newest else ids.values_list("pk", flat=True))
        started = time.perf_counter()
        for done, story in enumerate(ArticlePage.objects.filter(pk__in=ids).iterator(chunk_size=200), start=1):
            compute_related(story)
            if done % 500 == 0 or done == len(ids):
                rate = done / (time.perf_counter() - started)
                self.stdout.write(f"{done}/{len(ids)} stories, {rate:.0f} a second")
        self.stdout.write(self.style.SUCCESS(f"Related stories computed for {len(ids)} stories"))
