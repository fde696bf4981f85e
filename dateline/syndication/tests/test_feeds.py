"""RSS, Atom and JSON Feed: parsed as a feed reader would, every field checked."""

import json
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone
from lxml import etree

from dateline.newsroom.models import ArticlePage
from dateline.newsroom.story import paragraph_html
from dateline.syndication import feeds
from dateline.syndication.tests.conftest import TRICKY_HEADLINE

FEED_URLS = ["/feeds/rss/", "/feeds/atom/"]
MEDIA = "{http://search.yahoo.com/mrss/}"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def json_feed(client, url="/feeds/json/"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/feed+json")
    return json.loads(response.content)


@pytest.mark.parametrize("url", FEED_URLS)
def test_feed_items_carry_every_field(client, make_story, url):
    story = make_story("Talks resume in Doha", topics=("Afghanistan", "Russia"), authors=("Asha Verma", "Rohan Iyer"))
    story.refresh_from_db()
    feed = parse(client, url)

    assert feed.feed.title == "English News"
    assert feed.feed.link == "http://localhost/"
    [entry] = feed.entries
    assert entry.title == "Talks resume in Doha"
    assert entry.link == f"http://localhost{story.url}"
    first_published = timezone.localtime(story.first_published_at).date().isoformat()
    assert entry.id == f"tag:localhost,{first_published}:story/{story.pk}"
    assert entry.published_parsed[:6] == story.published_at.utctimetuple()[:6]
    assert entry.updated_parsed[:6] == story.last_published_at.utctimetuple()[:6]
    assert [author.name for author in entry.authors] == ["Asha Verma", "Rohan Iyer"]
    assert [tag.term for tag in entry.tags] == ["World", "Afghanistan", "Russia"]
    assert entry.summary == story.standfirst
    assert "<p>First paragraph of story 1.</p>" in entry.content[0].value
    assert "It is unacceptable" in entry.content[0].value
    [media] = entry.media_content
    assert media["url"].startswith("http://localhost/media/images/") and ".width-1200." in media["url"]
    assert int(media["width"]) == 1200
    assert entry.media_credit[0]["content"] == "Photo: lead-1 Agency"
    description = etree.fromstring(client.get(url).content).find(f".//{MEDIA}content/{MEDIA}description")
    assert description.text == "Caption of lead-1"


def test_atom_authors_link_to_their_pages(client, make_story):
    make_story(authors=("Asha Verma",))
    [entry] = parse(client, "/feeds/atom/").entries
    assert entry.authors[0].href == "http://localhost/authors/asha-verma/"


def test_json_feed(client, make_story):
    story = make_story("Talks resume", topics=("Afghanistan",), authors=("Asha Verma",))
    feed = json_feed(client)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "English News"
    assert feed["home_page_url"] == "http://localhost/"
    assert feed["feed_url"] == "http://localhost/feeds/json/"
    [item] = feed["items"]
    assert item["id"].startswith("tag:localhost,") and item["id"].endswith(f":story/{story.pk}")
    assert item["url"] == f"http://localhost{story.url}"
    assert item["title"] == "Talks resume"
    assert item["summary"] == story.standfirst
    assert "<p>First paragraph" in item["content_html"]
    assert ".width-1200." in item["image"]
    assert item["date_published"].startswith(story.published_at.date().isoformat())
    assert item["authors"] == [{"name": "Asha Verma", "url": "http://localhost/authors/asha-verma/"}]
    assert item["tags"] == ["World", "Afghanistan"]


def test_section_topic_and_author_feeds_hold_only_their_stories(client, make_story):
    world = make_story("World story", section="world", topics=("Russia",), authors=("Asha Verma",))
    sport = make_story("Sport story", section="sport", topics=("Cricket",), authors=("Rohan Iyer",))
    for kind in ("rss", "atom"):
        titles = {
            f"/feeds/section/world/{kind}/": [world.title],
            f"/feeds/section/sport/{kind}/": [sport.title],
            f"/feeds/topic/cricket/{kind}/": [sport.title],
            f"/feeds/author/asha-verma/{kind}/": [world.title],
            f"/feeds/{kind}/": [sport.title, world.title],
        }
        for url, expected in titles.items():
            assert [entry.title for entry in parse(client, url).entries] == expected, url
    assert parse(client, "/feeds/topic/cricket/atom/").feed.title == "English News: Cricket"
    for url in ["/feeds/section/nowhere/rss/", "/feeds/topic/nothing/atom/", "/feeds/author/nobody/rss/"]:
        assert client.get(url).status_code == 404


def test_feeds_hold_the_newest_items_only(client, make_story, monkeypatch):
    monkeypatch.setattr(feeds, "MAX_ITEMS", 2)
    for n in range(3):
        make_story(f"Story {n}", days_ago=3 - n, image=False)
    assert [entry.title for entry in parse(client, "/feeds/rss/").entries] == ["Story 2", "Story 1"]
    assert [item["title"] for item in json_feed(client)["items"]] == ["Story 2", "Story 1"]


def test_feeds_default_to_fifty_items():
    assert feeds.MAX_ITEMS == 50


def test_drafts_scheduled_and_expired_stories_never_appear(client, make_story):
    make_story("Published")
    make_story("Draft", publish=False)
    scheduled = make_story("Scheduled", publish=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    # The scheduler unpublishes on its next run; until then the page is still live.
    expired = make_story("Expired")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    early = make_story("Live but not yet due")
    ArticlePage.objects.filter(pk=early.pk).update(go_live_at=timezone.now() + timedelta(hours=1))

    for url in [*FEED_URLS, "/feeds/section/world/rss/", "/feeds/topic/afghanistan/atom/"]:
        assert [entry.title for entry in parse(client, url).entries] == ["Published"], url
    assert [item["title"] for item in json_feed(client)["items"]] == ["Published"]


@pytest.mark.parametrize("url", [*FEED_URLS, "/feeds/json/"])
def test_awkward_text_survives_every_format(client, make_story, url):
    body = [("paragraph", paragraph_html(TRICKY_HEADLINE))]
    make_story(TRICKY_HEADLINE, body=body, topics=("Afghanistan",), authors=("Asha Verma",))
    if url.endswith("json/"):
        [item] = json_feed(client)["items"]
        title, content = item["title"], item["content_html"]
    else:
        etree.fromstring(client.get(url).content)  # well-formed XML
        [entry] = parse(client, url).entries
        title, content = entry.title, entry.content[0].value
    assert title == TRICKY_HEADLINE
    assert "&lt;Jerry&gt;" in content and "مرحبا بالعالم" in content and "🎉" in content


def test_stories_without_a_lead_image_make_valid_feeds(client, make_story):
    make_story("No picture", image=False)
    for url in FEED_URLS:
        [entry] = parse(client, url).entries
        assert entry.title == "No picture"
        assert "media_content" not in entry
    assert "image" not in json_feed(client)["items"][0]


def test_feed_content_is_sanitised_and_absolute(client, make_story):
    hostile = (
        '<p>Read <a href="/world/">more</a><script>alert(1)</script><a href="javascript:alert(2)">this</a>'
        '<img src="/media/x.jpg" onerror="alert(3)" alt="x"><a href="http://[document]/">unreadable</a></p>'
        '<iframe src="https://evil.example/"></iframe>'
    )
    body = [("paragraph", hostile), ("embed", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"})]
    make_story("Hostile body", body=body)
    content = json_feed(client)["items"][0]["content_html"]
    for forbidden in ("<script", "<iframe", "javascript:", "onerror", "alert("):
        assert forbidden not in content
    assert '<a href="http://localhost/world/">more</a>' in content
    assert 'src="http://localhost/media/x.jpg"' in content
    assert "<a>unreadable</a>" in content
    assert '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">' in content
    rss_content = parse(client, "/feeds/rss/").entries[0].content[0].value
    assert "<iframe" not in rss_content and "youtube.com/watch" in rss_content


def test_channel_description_carries_no_markup(client, make_story, newsroom):
    from dateline.newsroom.models import SiteSettings

    make_story("Talks resume in Doha")
    settings = SiteSettings.for_site(newsroom["home"].get_site())
    settings.tagline = 'News <img src=x onerror="alert(1)"> from <b>everywhere</b>'
    settings.save()
    root = etree.fromstring(client.get("/feeds/rss/").content)
    assert root.findtext("channel/description") == "News  from everywhere"
