"""Time the search page's query on the configured database, and enrichment's suggestions and related stories.

    DATABASE_URL=sqlite:///var/bench/search.sqlite3 python -m dateline.search.bench [--generate 10000] [--repeat 30]

With --generate N, first fills the archive with N generated stories (`dateline.newsroom.generate`, indexed as
`update_index` would). Prints p50 and p95 of `dateline.search.query.search` for a mix of one-word, two-word,
phrase, filtered, deep-page and no-match queries; the time to compute one story's related stories; and the
suggestions' precision and recall on the enrichment fixture stories.
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

        found = len(run().items)
        times = timed(run, repeat)
        everything.extend(times)
        rows.append((label, found, statistics.median(times), percentile(times, 0.95)))
    return rows, percentile(everything, 0.95)


def measure_related(repeat):
    from dateline.enrich.related import score_candidates
    from dateline.newsroom.models import ArticlePage

    ids = list(ArticlePage.objects.live().order_by("?").values_list("pk", flat=True)[:repeat])
    stories = list(ArticlePage.objects.filter(pk__in=ids))
    times = []
    for story in stories:
        started = time.perf_counter()
        score_candidates(story)
        times.append((time.perf_counter() - started) * 1000)
    return times


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
    print(f"{connection.vendor}, {total} live stories")
    rows, p95 = measure_search(args.repeat)
    print(f"{'search':<12}{'results':>8}{'p50 ms':>10}{'p95 ms':>10}")
    for label, found, p50, p95_row in rows:
        print(f"{label:<12}{found:>8}{p50:>10.1f}{p95_row:>10.1f}")
    print(f"search p95 over all queries: {p95:.1f} ms")
    if total:
        times = measure_related(min(args.repeat, 20))
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        print(f"related stories for one story: p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    precision, recall, per_story = suggestion_quality()
    print(f"suggestions on fixture stories: precision {precision:.2f}, recall {recall:.2f}, {per_story:.1f} ms a story")


if __name__ == "__main__":
    main()
