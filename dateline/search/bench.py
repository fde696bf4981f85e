"""Time search, related stories and publishing on the configured database, and the suggestions' quality.

    DATABASE_URL=... python -m dateline.search.bench [--generate 10000] [--repeat 30] [--publish 10]

(`make bench-search` runs it on SQLite and PostgreSQL for each of BENCH_SEARCH_SIZES.) With --generate N, first
fills the archive with N generated stories (`dateline.newsroom.generate`, indexed as `update_index` would).
Prints the load, a reference (the newest 20 stories, one indexed query) to compare runs on a noisy machine by
ratio, then:

* p50 and p95 of `dateline.search.query.search` for a mix of one-word, two-word, phrase, filtered, deep-page,
  any-word, no-match and syntax-heavy queries (after one warm-up run of each);
* computing and storing one story's related stories (`compute_related`, rolled back each time);
* publishing a new story with and without the search-index and enrichment receivers, with a queueing task
  backend (as with a worker: the work is enqueued after the commit, run later), and the time those tasks then
  take in the worker; the difference between the two publish times is what indexing and linking cost a publish;
* the suggestions' precision and recall on the enrichment fixture stories.
"""

import argparse
import json
import os
import random
import statistics
import time
from pathlib import Path


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(action, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def search_queries(seed=1):
    from dateline.newsroom.generate import Writer

    writer = Writer(seed)
    words = [word for word in writer.words(200) if len(word) > 4][:6]
    return [
        ("one word", {"q": words[0]}),
        ("two words", {"q": f"{words[1]} {words[2]}"}),
        ("phrase", {"q": '"' + " ".join(writer.words(2)) + '"'}),
        ("any words", {"q": f"{words[3]} zzzqqq"}),
        ("no match", {"q": "zzzqqqxxj"}),
        ("filtered", {"q": words[4], "section": "world"}),
        ("page 5", {"q": words[5], "page": 5}),
        ("syntax", {"q": "'; DROP TABLE x; -- OR * <b>"}),
    ]


def measure_search(repeat):
    from django.http import QueryDict

    from dateline.search import query

    rows, everything = [], []
    for label, params in search_queries():
        data = QueryDict(mutable=True)
        data.update({key: str(value) for key, value in params.items() if key != "page"})

        def run(params=params, data=data):
            return query.search(params["q"], query.filters_from(data), page=params.get("page", 1))

        found = len(run().items)  # also the warm-up
        times = timed(run, repeat)
        everything.extend(times)
        rows.append((label, found, statistics.median(times), percentile(times, 0.95)))
    return rows, percentile(everything, 0.95)


def measure_related(repeat):
    from django.db import transaction

    from dateline.enrich.related import compute_related
    from dateline.newsroom.models import ArticlePage

    ids = list(ArticlePage.objects.live().order_by("?").values_list("pk", flat=True)[: repeat + 1])
    stories = list(ArticlePage.objects.filter(pk__in=ids))
    times = []
    for number, story in enumerate(stories):
        with transaction.atomic():
            started = time.perf_counter()
            compute_related(story)
            elapsed = (time.perf_counter() - started) * 1000
            transaction.set_rollback(True)
        if number:  # the first one warms up
            times.append(elapsed)
    return times


def reference_ms(repeat):
    """The newest 20 stories' ids: one short indexed query, a yardstick for this machine's load right now."""
    from dateline.newsroom.models import ArticlePage

    return statistics.median(
        timed(lambda: list(ArticlePage.objects.order_by("-published_at").values_list("pk", flat=True)[:20]), repeat)
    )


def search_and_linking_receivers(connect):
    """Connect or disconnect the receivers that index and link a published story (newsroom's search-index
    task, enrichment's task); everything else a publication does stays as it is."""
    from dateline.enrich import signal_handlers as enrich_handlers
    from dateline.newsroom.models import ArticlePage
    from dateline.newsroom.signal_handlers import queue_search_update
    from dateline.newsroom.signals import story_changed, story_published, story_unpublished

    if connect:
        for signal, uid in [
            (story_published, "published"),
            (story_changed, "changed"),
            (story_unpublished, "unpublished"),
        ]:
            signal.connect(queue_search_update, sender=ArticlePage, dispatch_uid=f"newsroom_search_{uid}")
        enrich_handlers.register()
        return
    for signal, uid in [(story_published, "published"), (story_changed, "changed"), (story_unpublished, "unpublished")]:
        signal.disconnect(sender=ArticlePage, dispatch_uid=f"newsroom_search_{uid}")
    for signal, uid in [(story_published, "enrich_published"), (story_changed, "enrich_changed")]:
        signal.disconnect(dispatch_uid=uid)
    story_unpublished.disconnect(dispatch_uid="enrich_unpublished")


def new_story(writer, number, section, topics, author):
    from django.utils import timezone

    from dateline.newsroom.story import Story

    return Story(
        headline=writer.headline(),
        standfirst=writer.sentence(20),
        body=[("paragraph", f"<p>{writer.prose(90)}</p>") for _ in range(6)],
        section=section,
        topics=topics,
        authors=[author],
        published_at=timezone.now(),
        source="bench-search",
        source_id=f"bench-{number}-{random.randrange(1 << 30)}",
    )


def measure_publish(repeat):
    """(publish ms without, with indexing and linking; {task: worker ms}) medians over `repeat` stories each."""
    from django.test.utils import override_settings
    from django_tasks import default_task_backend

    from dateline.newsroom.generate import Writer
    from dateline.newsroom.models import ArticlePage, ArticleTopic, Author, SectionPage
    from dateline.newsroom.story import page_from_story

    writer = Writer(7)
    section = SectionPage.objects.live().order_by("pk").values_list("slug", flat=True).first()
    busiest = ArticleTopic.objects.order_by("-published_at").values_list("topic__name", flat=True)[:50]
    topics = list(dict.fromkeys(busiest))[:2]
    author = Author.objects.order_by("pk").values_list("name", flat=True).first()
    without, with_work, worker, made = [], [], {}, []
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        try:
            for number in range(repeat + 1):
                for connect, times in [(False, without), (True, with_work)]:
                    search_and_linking_receivers(connect)
                    default_task_backend.clear()
                    story = new_story(writer, number, section, topics, author)
                    started = time.perf_counter()
                    page, _ = page_from_story(story, publish=True)
                    elapsed = (time.perf_counter() - started) * 1000
                    made.append(page.pk)
                    queued = list(default_task_backend.results)
                    if connect:
                        for result in queued:  # what the worker then does
                            started = time.perf_counter()
                            result.task.call(*result.args, **result.kwargs)
                            worker.setdefault(result.task.name, []).append((time.perf_counter() - started) * 1000)
                    if number:  # the first round warms up
                        times.append(elapsed)
        finally:
            search_and_linking_receivers(True)
            for page in ArticlePage.objects.filter(pk__in=made):
                page.delete()
            default_task_backend.clear()
    work = {name: statistics.median(values[1:] or values) for name, values in worker.items()}
    return statistics.median(without), statistics.median(with_work), work


def suggestion_quality():
    from dateline.enrich.entities import find_entities

    path = Path(__file__).resolve().parent.parent / "enrich" / "tests" / "fixtures" / "stories.json"
    known = {"afghanistan": (1, "Afghanistan", 0.9), "afghan": (1, "Afghanistan", 0.85)}
    tp = fp = fn = 0
    started = time.perf_counter()
    stories = json.loads(path.read_text())
    for story in stories:
        text = " ".join([story["headline"] + ".", story["standfirst"], *story["paragraphs"]])
        found = {entry.name for entry in find_entities(text, known) if entry.confidence >= 0.45}
        expected = set(story["expected"])
        tp, fp, fn = tp + len(found & expected), fp + len(found - expected), fn + len(expected - found)
    per_story = (time.perf_counter() - started) * 1000 / len(stories)
    return tp / ((tp + fp) or 1), tp / ((tp + fn) or 1), per_story


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--generate", type=int, default=0, help="generate this many stories first")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--publish", type=int, default=10, help="stories published for the publish timings")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    import django

    django.setup()
    from django.db import connection

    from dateline.newsroom.models import ArticlePage

    if args.generate:
        from dateline.newsroom.generate import generate_stories

        generate_stories(args.generate, seed=random.randrange(1 << 30), progress=print)
    total = ArticlePage.objects.live().count()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{connection.vendor}, {total} live stories; load average {load} on {os.cpu_count()} cores")
    reference = reference_ms(args.repeat)
    print(f"reference (newest 20 stories, one indexed query): {reference:.2f} ms")
    rows, p95 = measure_search(args.repeat)
    print(f"{'search':<12}{'results':>8}{'p50 ms':>10}{'p95 ms':>10}")
    for label, found, p50, p95_row in rows:
        print(f"{label:<12}{found:>8}{p50:>10.1f}{p95_row:>10.1f}")
    everything = statistics.median([row[2] for row in rows])
    print(f"search p95 over all queries: {p95:.1f} ms (median of the p50s {everything:.1f} ms)")
    if total:
        times = measure_related(min(args.repeat, 20))
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        print(f"related stories for one story (computed and stored): p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    if args.publish:
        without, with_work, work = measure_publish(args.publish)
        print(
            f"publish a story: {without:.0f} ms without indexing and linking, {with_work:.0f} ms with "
            f"(difference {with_work - without:+.0f} ms; the work is queued, a worker runs it)"
        )
        for name, value in sorted(work.items()):
            print(f"  then in the worker: {name} {value:.0f} ms")
    precision, recall, per_story = suggestion_quality()
    print(f"suggestions on fixture stories: precision {precision:.2f}, recall {recall:.2f}, {per_story:.1f} ms a story")


if __name__ == "__main__":
    main()
