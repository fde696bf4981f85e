"""Sitemaps, the Google News sitemap and robots.txt, validated against the official schemas."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.newsroom.models import ArticlePage, SiteSettings
from dateline.syndication import sitemaps
from dateline.syndication.tests.conftest import TRICKY_HEADLINE

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return response.content


def locs(document, path="sm:url/sm:loc"):
    return [element.text for element in document.findall(path, NS)]


def all_story_urls(client, validate_sitemap):
    """Every URL of every story sitemap the index lists, each sitemap validated on the way."""
    index = validate_sitemap(fetch(client, "/sitemap.xml"), index=True)
    urls = []
    for loc in locs(index, "sm:sitemap/sm:loc"):
        assert loc.startswith("http://localhost/")
        document = validate_sitemap(fetch(client, loc.removeprefix("http://localhost")))
        if "/stories-" in loc:
            urls += locs(document)
    return urls


def test_index_lists_pages_and_one_sitemap_per_month(client, make_story, validate_sitemap):
    make_story("This month")
    make_story("Two months ago", days_ago=62)
    index = validate_sitemap(fetch(client, "/sitemap.xml"), index=True)
    listed = locs(index, "sm:sitemap/sm:loc")
    months = {f"{timezone.localtime(timezone.now() - timedelta(days=days, hours=1)):%Y-%m}" for days in (0, 62)}
    assert listed == ["http://localhost/sitemaps/pages.xml"] + [
        f"http://localhost/sitemaps/stories-{month}.xml" for month in sorted(months)
    ]
    assert all(element.text for element in index.findall("sm:sitemap/sm:lastmod", NS))


def test_story_sitemaps_list_every_story_with_lastmod_and_image(client, make_story, validate_sitemap):
    pictured = make_story("With a picture")
    bare = make_story("Without a picture", image=False)
    month = f"{timezone.localtime(pictured.published_at):%Y-%m}"
    document = validate_sitemap(fetch(client, f"/sitemaps/stories-{month}.xml"))
    entries = {url.findtext("sm:loc", namespaces=NS): url for url in document.findall("sm:url", NS)}
    assert set(entries) == {f"http://localhost{pictured.url}", f"http://localhost{bare.url}"}
    for entry in entries.values():
        assert entry.findtext("sm:lastmod", namespaces=NS)
    image = entries[f"http://localhost{pictured.url}"].findtext("image:image/image:loc", namespaces=NS)
    assert image.startswith("http://localhost/media/original_images/")
    assert entries[f"http://localhost{bare.url}"].find("image:image", NS) is None


def test_pages_sitemap_lists_home_sections_topics_and_authors(client, make_story, validate_sitemap):
    make_story()
    urls = locs(validate_sitemap(fetch(client, "/sitemaps/pages.xml")))
    assert urls[:4] == [
        "http://localhost/",
        "http://localhost/world/",
        "http://localhost/business/",
        "http://localhost/sport/",
    ]
    assert "http://localhost/topics/afghanistan/" in urls
    assert "http://localhost/authors/asha-verma/" in urls


def test_a_month_too_big_for_one_file_is_split_into_days(client, make_story, validate_sitemap, monkeypatch):
    monkeypatch.setattr(sitemaps, "MAX_URLS", 1)
    today = make_story("Today")
    yesterday = make_story("Yesterday", days_ago=1)
    periods = [period.label for period in sitemaps.story_periods()]
    days = sorted({f"{timezone.localtime(story.published_at):%Y-%m-%d}" for story in (today, yesterday)})
    months = sorted({label[:7] for label in days})
    # Split only where a month holds more than one story.
    assert periods == days if len(months) == 1 else periods == months
    for label in periods:
        document = validate_sitemap(fetch(client, f"/sitemaps/stories-{label}.xml"))
        assert len(locs(document)) == 1


def test_unknown_or_empty_periods_are_not_found(client, make_story):
    make_story()
    for url in ["/sitemaps/stories-2026-13.xml", "/sitemaps/stories-1999-01.xml", "/sitemaps/stories-2026-02-30.xml"]:
        assert client.get(url).status_code == 404, url


def test_news_sitemap_lists_the_last_two_days(client, make_story, validate_sitemap):
    fresh = make_story(TRICKY_HEADLINE)
    make_story("Three days old", days_ago=3)
    make_story("A draft", publish=False)
    document = validate_sitemap(fetch(client, "/news-sitemap.xml"))
    [url] = document.findall("sm:url", NS)
    assert url.findtext("sm:loc", namespaces=NS) == f"http://localhost{fresh.url}"
    assert url.findtext("news:news/news:publication/news:name", namespaces=NS) == "English News"
    assert url.findtext("news:news/news:publication/news:language", namespaces=NS) == "en"
    assert url.findtext("news:news/news:title", namespaces=NS) == TRICKY_HEADLINE
    assert url.findtext("news:news/news:publication_date", namespaces=NS).startswith(f"{fresh.published_at:%Y-%m-%d}")


def test_news_sitemap_is_capped(client, make_story, validate_sitemap, monkeypatch):
    monkeypatch.setattr(sitemaps, "MAX_NEWS_URLS", 2)
    for n in range(3):
        make_story(f"Story {n}", image=False)
    assert len(validate_sitemap(fetch(client, "/news-sitemap.xml")).findall("sm:url", NS)) == 2
    assert sitemaps.MAX_URLS == 50_000


def test_news_sitemap_uses_the_site_language(client, make_story, newsroom, validate_sitemap):
    site_settings = SiteSettings.for_site(newsroom["home"].get_site())
    site_settings.language = "pt-BR"
    site_settings.save()
    make_story()
    document = validate_sitemap(fetch(client, "/news-sitemap.xml"))
    assert document.findtext("sm:url/news:news/news:publication/news:language", namespaces=NS) == "pt"


@pytest.mark.parametrize(("code", "expected"), [("en", "en"), ("en-GB", "en"), ("zh-TW", "zh-tw"), ("", "en")])
def test_news_language(code, expected):
    assert sitemaps.news_language(code) == expected


def test_only_published_stories_are_listed(client, make_story, validate_sitemap):
    published = make_story("Published")
    make_story("Draft", publish=False)
    expired = make_story("Expired")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert all_story_urls(client, validate_sitemap) == [f"http://localhost{published.url}"]


def test_awkward_headlines_and_missing_images_still_validate(client, make_story, validate_sitemap):
    make_story(TRICKY_HEADLINE, image=False)
    assert len(all_story_urls(client, validate_sitemap)) == 1
    validate_sitemap(fetch(client, "/news-sitemap.xml"))


def test_robots_txt_points_to_both_sitemaps(client, newsroom):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Sitemap: http://localhost/news-sitemap.xml" in lines
