"""Measure publishing and the reader listings against an archive already filled by `generate_stories`.

    DATABASE_URL=sqlite:///var/bench/10000.sqlite3 python -m dateline.newsroom.bench [--publish 20] [--repeat 5]

Prints one table: the median time to create and publish a story through `page_from_story`, with a
queueing task backend (what a worker setup pays on publication), with the immediate backend (indexing
runs right after the commit) and the index task alone; then each reader listing query and page.
`make bench` builds fresh archives of BENCH_SIZES stories under var/bench/ and runs this on each.
"""

import argparse
import os
import statistics
import time
import uuid
from datetime import timedelta


def median_ms(action, repeat, warm=1):
    for _ in range(warm):
        action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def bench_story(number):
    from django.utils import timezone

    from dateline.newsroom.generate import Writer
    from dateline.newsroom.story import Story, paragraph_html

    writer = Writer(10_000 + number)
    return Story(
        headline=writer.headline(),
        standfirst=writer.sentence(20),
        body=[("paragraph", paragraph_html(writer.prose(90))) for _ in range(6)],
        section="",
        topics=["Bench topic"],
        authors=["Bench author"],
        published_at=timezone.now() - timedelta(minutes=number),
        source="bench",
        source_id=uuid.uuid4().hex,
    )


def measure_publishing(count):
    from django.test import override_settings

    from dateline.newsroom.models import ArticlePage, SectionPage
    from dateline.newsroom.story import page_from_story
    from dateline.newsroom.tasks import index_story

    section = SectionPage.objects.order_by("path").first()
    rows = []
    pages = []
    for label, backend in [
        ("publish a story (worker backend: index queued)", "django_tasks.backends.dummy.DummyBackend"),
        ("publish a story (immediate backend: indexed at commit)", "django_tasks.backends.immediate.ImmediateBackend"),
    ]:
        times = []
        with override_settings(TASKS={"default": {"BACKEND": backend}}):
            for _ in range(count + 1):
                story = bench_story(len(pages))
                story.section = section.slug if section else ""
                started = time.perf_counter()
                page, _ = page_from_story(story, publish=True)
                times.append((time.perf_counter() - started) * 1000)
                pages.append(page.pk)
        rows.append((label, statistics.median(times[1:]), count))
    index_times = []
    for pk in pages[:count]:
        started = time.perf_counter()
        index_story.call(pk)
        index_times.append((time.perf_counter() - started) * 1000)
    rows.append(("index task for one story (runs on the worker)", statistics.median(index_times), count))
    for page in ArticlePage.objects.filter(pk__in=pages):
        page.delete()
    return rows


def listing_queries():
    from django.utils import timezone

    from dateline.newsroom import listings
    from dateline.newsroom.models import ArticlePage, Author, SectionPage, StoryMonthPage, Topic
    from dateline.newsroom.models.pages import find_story

    stories = listings.published_stories()
    section = SectionPage.objects.order_by("path").first()
    busy_topic = Topic.objects.order_by("pk").first()
    rare_topic = Topic.objects.filter(story_links__isnull=False).order_by("-pk").first()
    author = Author.objects.filter(story_links__isnull=False).order_by("pk").first()
    month = StoryMonthPage.objects.order_by("path").first()
    story = ArticlePage.objects.live().order_by("published_at")[ArticlePage.objects.count() // 2]
    day = timezone.localtime(story.published_at)
    start, end = month.date_range()
    sections = list(SectionPage.objects.live().order_by("path"))
    return (
        {
            "home: newest 7": lambda: list(stories[:7]),
            "home: newest 4 per section (a query each)": lambda: listings.newest_by_section(sections, 4),
            "section: page 1": lambda: list(stories.filter(section=section)[:21]),
            "section: page 50": lambda: list(stories.filter(section=section)[980:1001]),
            "busy topic: page 1": lambda: list(stories.filter(topic_links__topic=busy_topic)[:21]),
            "rare topic: page 1": lambda: list(stories.filter(topic_links__topic=rare_topic)[:21]),
            "author: page 1": lambda: list(stories.filter(author_links__author=author)[:21]),
            "oldest month folder: page 1": lambda: list(
                stories.filter(published_at__gte=start, published_at__lt=end)[:21]
            ),
            "story URL lookup (find_story)": lambda: find_story(f"{day:%Y}", f"{day:%m}", f"{day:%d}", story.slug),
            "read more (primary topic)": lambda: listings.read_more(story),
        },
        story,
        section,
        busy_topic,
    )


def reader_pages(story, section, topic):
    from django.test import Client
    from django.urls import reverse

    client = Client(HTTP_HOST="localhost")

    def get(url):
        def fetch():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return fetch

    return {
        "GET / (home)": get("/"),
        "GET section page": get(section.url),
        "GET busy topic page": get(reverse("newsroom:topic", args=[topic.slug])),
        "GET a story": get(story.url),
    }


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--publish", type=int, default=20, help="stories to publish per variant (median of these)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each reader query (median of these)")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from dateline.newsroom.models import ArticlePage

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    total = ArticlePage.objects.count()
    print(f"{total:,} stories in {connection.vendor} ({connection.settings_dict['NAME']})")
    rows = measure_publishing(args.publish)
    queries, story, section, topic = listing_queries()
    for name, action in queries.items():
        rows.append((name, median_ms(action, args.repeat), args.repeat))
    for name, action in reader_pages(story, section, topic).items():
        rows.append((name, median_ms(action, args.repeat), args.repeat))

    width = max(len(name) for name, _, _ in rows)
    print(f"| {'measurement'.ljust(width)} | median ms | n |")
    print(f"|{'-' * (width + 2)}|----------:|--:|")
    for name, value, count in rows:
        print(f"| {name.ljust(width)} | {value:9.1f} | {count} |")


if __name__ == "__main__":
    main()
