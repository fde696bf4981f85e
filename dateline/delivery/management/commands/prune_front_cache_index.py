"""Prune the index an nginx front cache's purges go by (`dateline.delivery.backends.nginx`): run it daily."""

from django.core.management.base import BaseCommand

from dateline.delivery.backends import get_backends
from dateline.delivery.backends.nginx import PRUNE_AFTER_SECONDS


class Command(BaseCommand):
    help = "Forget the nginx front cache's keys whose cached files are gone (evicted, expired or purged)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than", type=int, default=PRUNE_AFTER_SECONDS, help="seconds since a key was last recorded"
        )

    def handle(self, *args, older_than=PRUNE_AFTER_SECONDS, **options):
        backends = {name: backend for name, backend in get_backends().items() if hasattr(backend, "prune_index")}
        if not backends:
            self.stdout.write("No nginx front cache is configured (NGINX_CACHE_DIR): nothing to prune.")
            return
        for name, backend in backends.items():
            kept, removed = backend.prune_index(older_than)
            self.stdout.write(self.style.SUCCESS(f"{name}: {removed} index entries removed, {kept} kept"))
