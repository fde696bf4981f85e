"""Conditional GET, and stories leaving every feed and sitemap the moment they are unpublished."""

import feedparser
import pytest
from django.utils import timezone

STORY_LISTS = [
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/json/",
    "/feeds/section/world/rss/",
    "/feeds/topic/afghanistan/atom/",
    "/feeds/author/asha-verma/rss/",
    "/sitemap.xml",
    "/sitemaps/pages.xml",
    "/news-sitemap.xml",
]


@pytest.mark.parametrize("url", STORY_LISTS)
def test_unchanged_lists_answer_not_modified(client, make_story, url):
    make_story()
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304


def test_a_new_story_changes_the_etag(client, make_story):
    make_story("First")
    first = client.get("/feeds/rss/")
    make_story("Second")
    again = client.get("/feeds/rss/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert [entry.title for entry in feedparser.parse(again.content).entries] == ["Second", "First"]


def test_unpublishing_removes_a_story_everywhere_at_once(client, make_story):
    kept = make_story("Kept")
    gone = make_story("Gone")
    month_sitemap = f"/sitemaps/stories-{timezone.localtime(gone.published_at):%Y-%m}.xml"
    story_lists = [*STORY_LISTS, month_sitemap]
    etags = {url: client.get(url)["ETag"] for url in story_lists}
    lists_of_stories = [url for url in story_lists if url not in ("/sitemap.xml", "/sitemaps/pages.xml")]
    for url in lists_of_stories:
        assert gone.slug in client.get(url).content.decode(), url

    gone.refresh_from_db()
    gone.unpublish()

    for url in story_lists:
        # Even a client that cached the list a moment ago gets the new one.
        response = client.get(url, headers={"If-None-Match": etags[url]})
        assert response.status_code == 200, url
    for url in lists_of_stories:
        content = client.get(url).content.decode()
        assert gone.slug not in content and kept.slug in content, url
