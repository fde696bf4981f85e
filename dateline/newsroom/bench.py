"""Measure publishing, the editors' admin and the reader listings against an archive filled by `generate_stories`.

    DATABASE_URL=sqlite:///var/bench/10000.sqlite3 python -m dateline.newsroom.bench [--publish 20] [--repeat 5]

Prints each measurement as it is taken, then one table of medians: wall time, the CPU time of this process (close
to the idle cost on a shared machine; PostgreSQL's own work is not in it) and SQL queries per run where it applies:

* publishing a story: through the admin's editor (an Editor POSTs the create form with "Publish", as in the
  browser), through the page API the editor runs (`add_child` + `save_revision().publish()` in this month's
  folder), and through `page_from_story` (imports); with a queueing task backend (what a worker setup pays on
  publication), with the immediate backend (indexing runs right after the commit), and the index task alone;
* the admin views an editor uses, fetched by a logged-in Editor through `django.test.Client`: the Stories
  listing and its filters (section, status, author, date) and search, a month folder in the explorer (and its
  former "Sort menu order" URL), the page chooser (root, a month folder, a search), the admin search for a
  common word, a story's edit view, moving a story (destination chooser, confirmation, the move itself);
* each reader listing query and page.

`make bench-archive` builds archives of BENCH_SIZES stories on SQLite and PostgreSQL and runs this on each.
"""

import argparse
import os
import statistics
import time
import uuid
from datetime import timedelta

WORKER_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A word in about a fifth of generated headlines and most bodies: the admin search's hard case.
COMMON_WORD = "government"


def median_ms(action, repeat, warm=1):
    return median_ms_and_queries(action, repeat, warm)[:2]


def median_ms_and_queries(action, repeat, warm=1):
    """(median wall ms, median CPU ms of this process, most SQL queries) of `repeat` runs after `warm` ones.

    CPU time is what the run cost this process (on SQLite that includes the SQL; PostgreSQL's own work is not in
    it): on a machine shared with other work it stays close to the idle cost while wall time grows with the load.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warm):
        action()
    times, cpu, queries = [], [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            action()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        queries.append(len(captured))
    return statistics.median(times), statistics.median(cpu), max(queries)


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


def bench_editor():
    """A member of the Editor group (who may publish directly), made once per archive."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, created = get_user_model().objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    if created:
        user.groups.add(Group.objects.get(name="Editor"))
    return user


def story_form(number, section, topic):
    """The create form as the editor's browser posts it, with the "Publish" button."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    from dateline.newsroom.generate import Writer

    writer = Writer(20_000 + number)
    data = nested_form_data(
        {
            "title": writer.headline(),
            "slug": f"bench-{uuid.uuid4().hex[:12]}",
            "standfirst": writer.sentence(20),
            "body": streamfield([("paragraph", rich_text(f"<p>{writer.prose(90)}</p>")) for _ in range(6)]),
            "section": section.pk,
            "topic_links": inline_formset([{"topic": topic.pk}]),
            "author_links": inline_formset([]),
            "notes": inline_formset([]),
            "lead_image_caption": "",
            "lead_image_credit": "",
        }
    )
    data["action-publish"] = "1"
    return data


def publish_through_the_admin(count, pages):
    """An Editor creates and publishes stories with the admin's create view (POST, as the browser does)."""
    from django.test import Client

    from dateline.newsroom.archive import month_folder
    from dateline.newsroom.models import ArticlePage, SectionPage, Topic

    client = Client(HTTP_HOST="localhost")
    client.force_login(bench_editor())
    section = SectionPage.objects.order_by("path").first()
    topic = Topic.objects.order_by("pk").first()
    url = f"/admin/pages/add/newsroom/articlepage/{month_folder().pk}/"
    times, cpu, queries = [], [], []
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(count + 1):
        data = story_form(len(pages) + number, section, topic)
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.post(url, data)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        queries.append(len(captured))
        assert response.status_code == 302, (response.status_code, response.content[:2000])
        page = ArticlePage.objects.get(slug=data["slug"])
        assert page.live, "the editor's story was not published"
        pages.append(page.pk)
    return statistics.median(times[1:]), statistics.median(cpu[1:]), max(queries[1:])


def publish_through_the_page_api(count, pages):
    """What the create view runs: `add_child` in this month's folder, then `save_revision(user).publish()`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dateline.newsroom.archive import month_folder
    from dateline.newsroom.models import ArticlePage, ArticleTopic, SectionPage, Topic

    user = bench_editor()
    section = SectionPage.objects.order_by("path").first()
    topic = Topic.objects.order_by("pk").first()
    times, cpu, queries = [], [], []
    for number in range(count + 1):
        story = bench_story(len(pages) + number)
        page = ArticlePage(
            title=story.headline,
            slug=f"bench-{uuid.uuid4().hex[:12]}",
            standfirst=story.standfirst,
            body=story.body,
            section=section,
            owner=user,
        )
        page.topic_links = [ArticleTopic(topic=topic)]
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            month_folder().add_child(instance=page)
            page.save_revision(user=user, log_action=True).publish(user=user)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        queries.append(len(captured))
        pages.append(page.pk)
    return statistics.median(times[1:]), statistics.median(cpu[1:]), max(queries[1:])


def timed(action):
    """(wall ms, CPU ms, result) of one call."""
    started, started_cpu = time.perf_counter(), time.process_time()
    result = action()
    return (time.perf_counter() - started) * 1000, (time.process_time() - started_cpu) * 1000, result


def measure_publishing(count, inline_count, report):
    """Publishing rows, each passed to `report` as it is measured. `inline_count` bounds the variants that run the
    background work inline (the immediate backend and the index task): on SQLite each index write rescans the whole
    search index (modelsearch's title norms), seconds a story at 100,000."""
    from django.test import override_settings

    from dateline.newsroom.models import ArticlePage, SectionPage
    from dateline.newsroom.story import page_from_story
    from dateline.newsroom.tasks import index_story

    section = SectionPage.objects.order_by("path").first()
    pages = []
    with override_settings(TASKS=WORKER_TASKS):
        report("publish: editor POSTs the admin form (worker backend)", *publish_through_the_admin(count, pages), count)
        report(
            "publish: add_child + save_revision().publish() (worker)",
            *publish_through_the_page_api(count, pages),
            count,
        )
    for label, tasks, runs in [
        ("publish: page_from_story (worker backend: index queued)", WORKER_TASKS, count),
        ("publish: page_from_story (immediate backend: indexed at commit)", IMMEDIATE_TASKS, inline_count),
    ]:
        times, cpu = [], []
        with override_settings(TASKS=tasks):
            for _ in range(runs + 1):
                story = bench_story(len(pages))
                story.section = section.slug if section else ""
                wall, used, (page, _) = timed(lambda story=story: page_from_story(story, publish=True))
                times.append(wall)
                cpu.append(used)
                pages.append(page.pk)
        report(label, statistics.median(times[1:]), statistics.median(cpu[1:]), None, runs)
    index_runs = [timed(lambda pk=pk: index_story.call(pk))[:2] for pk in pages[:inline_count]]
    report(
        "index task for one story (runs on the worker)",
        statistics.median(wall for wall, _ in index_runs),
        statistics.median(used for _, used in index_runs),
        None,
        inline_count,
    )
    with override_settings(TASKS=WORKER_TASKS):  # removing them from the index is not what is measured
        for page in ArticlePage.objects.filter(pk__in=pages):
            page.delete()


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
            "home: newest 4 per section (a query each)": lambda: [
                len(block) for block in listings.newest_by_section(sections, 4).values()
            ],
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


def admin_views(story, section, topic):
    """The admin views an editor uses, as (name, action) pairs; each action asserts its answer."""
    from django.test import Client

    from dateline.newsroom.archive import month_folder
    from dateline.newsroom.models import ArticlePage, Author, StoryMonthPage

    client = Client(HTTP_HOST="localhost")
    client.force_login(bench_editor())
    author = Author.objects.filter(story_links__isnull=False).order_by("pk").first()
    months = StoryMonthPage.objects.filter(numchild__gt=0).order_by("-path")
    month, other_month = months[0], months[1]  # the newest folders with stories
    year = timezone_year(story)
    mover = ArticlePage.objects.child_of(month).order_by("-pk").first()

    def get(url, expect=200):
        def fetch():
            response = client.get(url)
            assert response.status_code == expect, (url, response.status_code)

        return fetch

    def move_and_back():
        # Move a story to another month folder and back: two MoveConfirmView POSTs, as the editor's clicks do.
        for destination in (other_month, month):
            response = client.post(f"/admin/pages/{mover.pk}/move/{destination.pk}/confirm/")
            assert response.status_code == 302, response.status_code

    return {
        "admin: Stories, newest changes": get("/admin/stories/"),
        "admin: Stories, page 5": get("/admin/stories/?p=5"),
        "admin: Stories by section": get(f"/admin/stories/?section={section.pk}"),
        "admin: Stories, published only": get("/admin/stories/?live=true"),
        "admin: Stories by author": get(f"/admin/stories/?author_links__author={author.pk}"),
        "admin: Stories in a month (date filter)": get(
            f"/admin/stories/?published_at_after={year}-03-01&published_at_before={year}-03-31"
        ),
        "admin: Stories, section + author + month": get(
            f"/admin/stories/?section={section.pk}&author_links__author={author.pk}"
            f"&published_at_after={year - 1}-01-01&published_at_before={year}-12-31"
        ),
        f"admin: Stories, search '{COMMON_WORD}'": get(f"/admin/stories/?q={COMMON_WORD}"),
        "admin: explorer, a month folder": get(f"/admin/pages/{month.pk}/"),
        "admin: explorer, month folder ?ordering=ord": get(f"/admin/pages/{month.pk}/?ordering=ord"),
        "admin: page chooser": get("/admin/choose-page/"),
        "admin: page chooser, a month folder": get(f"/admin/choose-page/{month.pk}/"),
        f"admin: page chooser, search '{COMMON_WORD}'": get(f"/admin/choose-page/search/?q={COMMON_WORD}"),
        f"admin: search '{COMMON_WORD}'": get(f"/admin/pages/search/?q={COMMON_WORD}"),
        "admin: edit a story (GET)": get(f"/admin/pages/{story.pk}/edit/"),
        "admin: move a story, choose destination": get(f"/admin/pages/{mover.pk}/move/"),
        "admin: move a story, confirm page": get(f"/admin/pages/{mover.pk}/move/{other_month.pk}/confirm/"),
        "admin: move a story there and back (2 POSTs)": move_and_back,
        "admin: new story (redirect to the form)": get("/admin/newsroom/new-story/", expect=302),
        "admin: new story form": get(f"/admin/pages/add/newsroom/articlepage/{month_folder().pk}/"),
    }


def timezone_year(story):
    from django.utils import timezone

    return timezone.localtime(story.published_at).year


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
    parser.add_argument(
        "--inline", type=int, default=5, help="stories for the variants that index inline (immediate backend, task)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each reader query (median of these)")
    parser.add_argument(
        "--only",
        default="publish,admin,reader",
        help="comma-separated parts to run: publish, admin, reader (e.g. two archives' publishing side by side)",
    )
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from dateline.newsroom.models import ArticlePage

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    total = ArticlePage.objects.count()
    print(f"{total:,} stories in {connection.vendor} ({connection.settings_dict['NAME']}), load {load()}", flush=True)
    parts = set(args.only.split(","))
    # Every row: (measurement, median wall ms, median CPU ms, SQL queries per run or None, number of runs).
    rows = []

    def report(*row):
        rows.append(row)
        name, wall, cpu, queries, count = row
        print(f"  {time.strftime('%H:%M:%S')} {name}: {wall:.1f} ms (CPU {cpu:.1f} ms), {queries} queries", flush=True)

    if "publish" in parts:
        measure_publishing(args.publish, min(args.inline, args.publish), report)
    queries, story, section, topic = listing_queries()
    if "admin" in parts:
        for name, action in admin_views(story, section, topic).items():
            report(name, *median_ms_and_queries(action, args.repeat, warm=2), args.repeat)
    if "reader" in parts:
        for name, action in queries.items():
            report(name, *median_ms(action, args.repeat), None, args.repeat)
        for name, action in reader_pages(story, section, topic).items():
            report(name, *median_ms_and_queries(action, args.repeat), args.repeat)

    width = max(len(name) for name, *_ in rows)
    print(f"load {load()}")
    print(f"| {'measurement'.ljust(width)} | median ms | CPU ms | queries | n |")
    print(f"|{'-' * (width + 2)}|----------:|-------:|--------:|--:|")
    for name, value, cpu, queries, count in rows:
        shown = "" if queries is None else str(queries)
        print(f"| {name.ljust(width)} | {value:9.1f} | {cpu:6.1f} | {shown:>7} | {count} |")


def load():
    """The 1-, 5- and 15-minute load averages, as `uptime` shows them."""
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
