"""Publish stories whose go-live time has come and unpublish expired ones, every INTERVAL seconds.

`make run` starts it beside the development server; in production run it as a service
(see docs/deployment.md). It is Wagtail's `publish_scheduled` in a loop; each round also sends
`scheduler_tick`, so other apps' due work (webhook retries) runs without a worker.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from dateline.newsroom.signals import scheduler_tick


class Command(BaseCommand):
    help = "Publish due and unpublish expired stories in a loop."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=30, help="seconds between runs (default 30)")
        parser.add_argument("--once", action="store_true", help="run once and exit")

    def handle(self, *args, interval, once, **options):
        self.stdout.write(f"Scheduler: publishing due stories every {interval} s")
        while True:
            try:
                call_command("publish_scheduled", verbosity=0)
                scheduler_tick.send(sender=self.__class__)
            except Exception as exc:  # a failed round is retried next time; the loop must not die
                self.stderr.write(f"Scheduler: {type(exc).__name__}: {exc}")
            if once:
                return
            time.sleep(interval)
            close_old_connections()  # a long-lived loop must not hold a dead or stale connection
