"""Feeds and sitemaps cost a fixed number of queries, however many stories they list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

URLS = ["/feeds/rss/", "/feeds/atom/", "/feeds/json/", "/feeds/topic/afghanistan/rss/", "/sitemap.xml",
        "/sitemaps/pages.xml", "/news-sitemap.xml", "/sitemaps/stories-{month}.xml"]  # fmt: skip


def queries_for(client, url):
    client.get(url)  # renditions and site root paths are made once, on the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("url", URLS)
def test_queries_do_not_grow_with_stories(client, make_story, url):
    url = url.format(month=f"{timezone.localtime():%Y-%m}")
    make_story("Lonely story")
    few = queries_for(client, url)
    topics = ("Afghanistan", "Russia", "Cricket", "Markets")
    for n in range(8):
        make_story(f"Busy story {n}", topics=topics, authors=("Asha Verma", "Rohan Iyer"), image=n % 2 == 0)
    many = queries_for(client, url)
    assert many == few <= 10, url
