"""Time the sitemap index, one month sitemap and the news sitemap on the configured database.

python -m dateline.syndication.bench        (median of 5 runs after a warm-up; run with PAGE_CACHE=false
                                             to time building them, true to time cache hits)
"""

import os
import re
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from dateline.newsroom.models import ArticlePage  # noqa: E402


def timed(client, url):
    client.get(url)
    runs = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            runs.append((time.perf_counter() - start) * 1000)
    return response, statistics.median(runs), len(queries)


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    print("stories:", ArticlePage.objects.count())
    response, ms, queries = timed(client, "/sitemap.xml")
    print(f"/sitemap.xml: {ms:.1f} ms, {queries} queries, {response.content.count(b'<sitemap>')} sitemaps listed")
    months = re.findall(rb"<loc>[^<]*(/sitemaps/stories-[0-9-]+\.xml)</loc>", response.content)
    month = months[len(months) // 2].decode()
    response, ms, queries = timed(client, month)
    print(f"{month}: {ms:.1f} ms, {queries} queries, {response.content.count(b'<url>')} URLs")
    response, ms, queries = timed(client, "/news-sitemap.xml")
    print(f"/news-sitemap.xml: {ms:.1f} ms, {queries} queries, {response.content.count(b'<url>')} URLs")


if __name__ == "__main__":
    main()
