"""Each kind of change drops exactly the cached responses that showed it, or a list it now belongs to."""

import pytest
from django.urls import reverse

from dateline.newsroom.models import ArticlePage, Author, SectionPage, SiteSettings, Topic

SPORT = {"section": "sport", "topics": ("Cricket",), "authors": ("Rohan Iyer",)}


@pytest.fixture(autouse=True)
def no_warming(settings):
    settings.DATELINE_PAGE_CACHE_WARM = False


@pytest.fixture
def site(make_story, client):
    """Two world stories about Afghanistan (the second's "Read more" shows the first) and a sport story."""
    first = make_story("First world story", days_ago=2)
    second = make_story("Second world story", days_ago=1)
    sport = make_story("A sport story", days_ago=1, **SPORT)
    return {"first": first, "second": second, "sport": sport}


URLS = {
    "home": "/",
    "world": "/world/",
    "sport": "/sport/",
    "business": "/business/",
    "afghanistan": "/topics/afghanistan/",
    "cricket": "/topics/cricket/",
    "markets": "/topics/markets/",
    "topics": "/topics/",
    "asha": "/authors/asha-verma/",
    "rohan": "/authors/rohan-iyer/",
    "sitemap": "/sitemap.xml",
    "news_sitemap": "/news-sitemap.xml",
    "site_feed": "/feeds/rss/",
    "world_feed": "/feeds/section/world/rss/",
    "sport_feed": "/feeds/section/sport/rss/",
    "cricket_feed": "/feeds/topic/cricket/rss/",
    "afghanistan_feed": "/feeds/topic/afghanistan/rss/",
}


def cache_all(client, urls):
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Cache"] in ("MISS", "HIT"), url


def dropped(client, urls):
    """The names of the URLs whose cached copy is gone (each is cached again by looking)."""
    return {name for name, url in urls.items() if client.get(url)["X-Cache"] != "HIT"}


def all_urls(site):
    return {**URLS, **{f"{name}_story": story.url for name, story in site.items()}}


def test_publishing_a_sport_story_drops_its_lists_and_keeps_the_others(client, site, make_story, commit):
    urls = all_urls(site)
    cache_all(client, urls)
    with commit():
        new = make_story("Breaking sport story", **SPORT)
    assert dropped(client, urls) == {
        "home",
        "sport",
        "cricket",
        "rohan",
        "sitemap",
        "news_sitemap",
        "site_feed",
        "sport_feed",
        "cricket_feed",
        "sport_story",  # its "Read more on Cricket" now leads with the new story
    }
    assert client.get(new.url)["X-Cache"] == "MISS"


def test_changing_a_story_drops_every_page_that_showed_it(client, site, commit):
    urls = all_urls(site)
    cache_all(client, urls)
    first = site["first"]
    assert f"story:{first.pk}" in client.get(site["second"].url)["Surrogate-Key"]
    with commit():
        first.title = "First world story, corrected"
        first.save_revision().publish()
    assert dropped(client, urls) == {
        "first_story",
        "second_story",  # its "Read more on Afghanistan" showed the first story
        "home",
        "world",
        "afghanistan",
        "asha",
        "sitemap",
        "news_sitemap",
        "site_feed",
        "world_feed",
        "afghanistan_feed",
    }
    assert b"First world story, corrected" in client.get("/world/").content


def test_unpublishing_a_story_drops_its_page_and_lists(client, site, commit):
    urls = all_urls(site)
    cache_all(client, urls)
    with commit():
        ArticlePage.objects.get(pk=site["sport"].pk).unpublish()
    assert dropped(client, urls) == {
        "sport_story",
        "sport",
        "home",
        "cricket",
        "rohan",
        "sitemap",
        "news_sitemap",
        "site_feed",
        "sport_feed",
        "cricket_feed",
    }
    assert client.get(site["sport"].url).status_code == 404


@pytest.mark.parametrize("restricted", ["sport_story", "sport"])
def test_restricting_a_page_drops_its_copies(client, site, newsroom, commit, restricted):
    from wagtail.models import PageViewRestriction

    urls = all_urls(site)
    cache_all(client, urls)
    page = site["sport"] if restricted == "sport_story" else SectionPage.objects.get(slug="sport")
    with commit():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    gone = {name for name, url in urls.items() if client.get(url).get("X-Cache") != "HIT"}
    assert restricted in gone
    if restricted == "sport_story":
        assert not {"first_story", "second_story", "world", "afghanistan"} & gone
    # (A section's tag is on every page naming it in the navigation: all of those are dropped.)
    assert client.get(urls[restricted]).status_code == 302  # to the sign-in page, not the copy kept before
    with commit():
        restriction.delete()
    assert client.get(urls[restricted]).status_code == 200


def test_editing_a_topic_drops_its_pages_and_not_another_topics(client, site, commit):
    urls = all_urls(site)
    cache_all(client, urls)
    with commit():
        cricket = Topic.objects.get(name="Cricket")
        cricket.description = "Bat and ball."
        cricket.save()
    # The sport story names its topic; the Cricket pages and feed, the topic index and the sitemap list it.
    assert dropped(client, urls) == {"cricket", "cricket_feed", "topics", "sitemap", "sport_story"}
    assert "Bat and ball." in client.get(URLS["cricket"]).content.decode()


def test_editing_an_author_drops_their_pages_and_stories(client, site, commit):
    urls = all_urls(site)
    cache_all(client, urls)
    with commit():
        asha = Author.objects.get(name="Asha Verma")
        asha.role = "Chief foreign editor"
        asha.save()
    assert dropped(client, urls) == {"asha", "sitemap", "first_story", "second_story"}


def test_editing_a_section_drops_the_pages_naming_it(client, site, newsroom, commit):
    urls = all_urls(site)
    cache_all(client, urls)
    sport = newsroom["sections"]["sport"]
    with commit():
        sport.title = "Sports"
        sport.save_revision().publish()
    # Every reader page names the section in its navigation; feeds of other sections do not.
    html = {name for name in urls if "feed" not in name and "sitemap" not in name}
    assert dropped(client, urls) == html | {"sitemap", "sport_feed"}
    assert b">Sports<" in client.get("/").content


def test_editing_a_lead_image_drops_the_pages_showing_it(client, site, commit):
    urls = all_urls(site)
    cache_all(client, urls)
    image = site["sport"].lead_image
    with commit():
        image.caption = "A new caption"
        image.save()
    # The pages that show the sport story with its picture; feeds are tagged by their list, not their items.
    assert dropped(client, urls) == {"sport_story", "sport", "home", "cricket", "rohan"}


def test_site_settings_drop_everything(client, site, newsroom, commit):
    urls = all_urls(site)
    cache_all(client, urls)
    with commit():
        settings = SiteSettings.for_site(newsroom["home"].get_site())
        settings.tagline = "A new tagline"
        settings.save()
    assert dropped(client, urls) == set(urls)


def test_deleting_a_section_drops_its_page(client, site, newsroom, commit):
    culture = newsroom["home"].add_child(instance=SectionPage(title="Culture", slug="culture"))  # not in navigation
    urls = {"culture": "/culture/", "cricket": URLS["cricket"], "home": "/"}
    cache_all(client, urls)
    with commit():
        SectionPage.objects.get(pk=culture.pk).delete()
    assert client.get("/culture/").status_code == 404
    assert dropped(client, {"cricket": URLS["cricket"], "home": "/"}) == set()


def test_deleting_a_section_in_the_navigation_drops_every_page_naming_it(client, site, newsroom, commit):
    urls = {"business": "/business/", "cricket": URLS["cricket"], "world_feed": URLS["world_feed"]}
    cache_all(client, urls)
    with commit():
        SectionPage.objects.get(pk=newsroom["sections"]["business"].pk).delete()
    assert client.get("/business/").status_code == 404
    assert dropped(client, {"cricket": URLS["cricket"], "world_feed": URLS["world_feed"]}) == {"cricket"}


def test_nothing_is_dropped_before_the_change_commits(client, site, make_story, django_capture_on_commit_callbacks):
    cache_all(client, {"home": "/"})
    with django_capture_on_commit_callbacks() as callbacks:
        make_story("Not committed yet")
    assert client.get("/")["X-Cache"] == "HIT"
    for callback in callbacks:
        callback()
    assert client.get("/")["X-Cache"] == "MISS"


def test_feed_urls_resolve(site):
    assert reverse("syndication:topic_rss", args=["cricket"]) == URLS["cricket_feed"]
