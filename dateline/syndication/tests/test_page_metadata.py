"""JSON-LD, OpenGraph and Twitter cards, canonical links, feed autodiscovery and share links."""

import json
from datetime import timedelta

import extruct
import feedparser
import pytest
from bs4 import BeautifulSoup

from dateline.syndication.tests.conftest import TRICKY_HEADLINE


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def json_ld(html, url):
    return {item["@type"]: item for item in extruct.extract(html, base_url=url, syntaxes=["json-ld"])["json-ld"]}


def meta(html):
    """OpenGraph / Twitter / description values, by property or name (lists where repeated)."""
    soup = BeautifulSoup(html, "html.parser")
    values = {}
    for tag in soup.head.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            values.setdefault(key, []).append(tag.get("content"))
    return values


def test_article_news_article_json_ld(client, make_story):
    story = make_story("Talks resume", topics=("Afghanistan", "Russia"), authors=("Asha Verma", "Rohan Iyer"))
    story.refresh_from_db()
    url = f"http://localhost{story.url}"
    article = json_ld(page(client, story.url), url)["NewsArticle"]

    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Talks resume"
    assert article["description"] == story.standfirst
    [image] = article["image"]
    assert ".width-1200." in image["url"] and image["width"] >= 1200
    assert image["caption"] == "Caption of lead-1" and image["creditText"] == "Photo: lead-1 Agency"
    assert article["datePublished"].startswith(story.published_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert article["dateModified"].startswith(story.last_published_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert article["author"] == [
        {"@type": "Person", "name": "Asha Verma", "url": "http://localhost/authors/asha-verma/"},
        {"@type": "Person", "name": "Rohan Iyer", "url": "http://localhost/authors/rohan-iyer/"},
    ]
    assert article["publisher"]["@type"] == "Organization" and article["publisher"]["name"] == "English News"
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["articleSection"] == "World"
    assert article["keywords"] == ["Afghanistan", "Russia"]


def test_article_breadcrumbs(client, make_story):
    story = make_story("Talks resume")
    crumbs = json_ld(page(client, story.url), "http://localhost/")["BreadcrumbList"]["itemListElement"]
    assert [(crumb["position"], crumb["name"], crumb["item"]) for crumb in crumbs] == [
        (1, "English News", "http://localhost/"),
        (2, "World", "http://localhost/world/"),
        (3, "Talks resume", f"http://localhost{story.url}"),
    ]


def test_updated_stories_report_their_update_time(client, make_story):
    story = make_story("Updated story")
    story.updated_at = story.published_at + timedelta(minutes=30)
    story.save_revision().publish()
    article = json_ld(page(client, story.url), "http://localhost/")["NewsArticle"]
    assert article["dateModified"].startswith(story.updated_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert [entry.updated_parsed[:6] for entry in feedparser.parse(client.get("/feeds/atom/").content).entries] == [
        story.updated_at.utctimetuple()[:6]
    ]


def test_json_ld_cannot_be_broken_out_of(client, make_story):
    story = make_story(TRICKY_HEADLINE)
    html = page(client, story.url)
    assert "</script><!--" not in html
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script", type="application/ld+json"):
        json.loads(script.string)
    assert json_ld(html, "http://localhost/")["NewsArticle"]["headline"] == TRICKY_HEADLINE
    assert meta(html)["og:title"] == [TRICKY_HEADLINE]


def test_without_a_lead_image_the_logo_stands_in(client, make_story, site_logo):
    story = make_story("No picture", image=False)
    html = page(client, story.url)
    article = json_ld(html, "http://localhost/")["NewsArticle"]
    logo = article["publisher"]["logo"]
    assert logo["@type"] == "ImageObject" and logo["url"].startswith("http://localhost/media/images/logo")
    assert article["image"][0]["url"] == logo["url"]
    assert meta(html)["og:image"] == [logo["url"]]


def test_without_any_image_the_json_ld_is_still_valid(client, make_story):
    story = make_story("No picture", image=False, authors=())
    article = json_ld(page(client, story.url), "http://localhost/")["NewsArticle"]
    assert "image" not in article and "logo" not in article["publisher"]
    assert article["author"][0]["name"] == "English News"  # the newsroom stands in for a byline


def test_home_section_topic_and_author_pages(client, make_story):
    make_story()
    assert json_ld(page(client, "/"), "http://localhost/")["WebSite"]["url"] == "http://localhost/"
    for url, name in [
        ("/world/", "World"),
        ("/topics/afghanistan/", "Afghanistan"),
        ("/authors/asha-verma/", "Asha Verma"),
    ]:
        collection = json_ld(page(client, url), "http://localhost/")["CollectionPage"]
        assert collection["name"] == name
        assert collection["url"] == f"http://localhost{url}"


def test_article_social_cards(client, make_story):
    story = make_story("Talks resume", topics=("Afghanistan", "Russia"))
    story.refresh_from_db()
    html = page(client, story.url)
    values = meta(html)
    url = f"http://localhost{story.url}"
    assert values["og:title"] == ["Talks resume"]
    assert values["og:description"] == [story.standfirst]
    assert values["og:type"] == ["article"]
    assert values["og:url"] == [url]
    assert ".width-1200." in values["og:image"][0]
    assert values["og:image:width"] == ["1200"] and values["og:image:height"] == ["675"]
    assert values["og:site_name"] == ["English News"]
    assert values["article:published_time"][0].startswith(story.published_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert values["article:modified_time"]
    assert values["article:section"] == ["World"]
    assert values["article:tag"] == ["Afghanistan", "Russia"]
    assert values["twitter:card"] == ["summary_large_image"]
    assert values["twitter:site"] == ["@englishnews"]
    assert values["description"] == [story.standfirst]
    soup = BeautifulSoup(html, "html.parser")
    assert [link["href"] for link in soup.head.find_all("link", rel="canonical")] == [url]


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/", "http://localhost/"),
        ("/sport/", "http://localhost/sport/"),
        ("/topics/cricket/", "http://localhost/topics/cricket/"),
    ],
)
def test_listing_pages_have_canonical_links(client, newsroom, url, canonical):
    soup = BeautifulSoup(page(client, url), "html.parser")
    assert [link["href"] for link in soup.head.find_all("link", rel="canonical")] == [canonical]
    assert len(soup.head.find_all("meta", attrs={"name": "description"})) == 1


def test_pages_link_their_feeds(client, make_story):
    story = make_story()
    expected = {
        "/": [],
        "/world/": ["/feeds/section/world/rss/", "/feeds/section/world/atom/"],
        "/topics/afghanistan/": ["/feeds/topic/afghanistan/rss/", "/feeds/topic/afghanistan/atom/"],
        "/authors/asha-verma/": ["/feeds/author/asha-verma/rss/", "/feeds/author/asha-verma/atom/"],
        story.url: [],
    }
    site_feeds = ["/feeds/rss/", "/feeds/atom/", "/feeds/json/"]
    for url, own_feeds in expected.items():
        soup = BeautifulSoup(page(client, url), "html.parser")
        hrefs = [link["href"] for link in soup.head.find_all("link", rel="alternate")]
        assert hrefs == [f"http://localhost{feed}" for feed in own_feeds + site_feeds], url
        for href in hrefs:
            assert client.get(href.removeprefix("http://localhost")).status_code == 200


def test_share_links_follow_the_story_body(client, make_story):
    story = make_story("Talks & more")
    soup = BeautifulSoup(page(client, story.url), "html.parser")
    share = soup.find("aside", class_="share")
    assert share.find_previous_sibling("div", class_="story__body") is not None
    hrefs = [link["href"] for link in share.find_all("a")]
    quoted_url = f"http%3A%2F%2Flocalhost{story.url.replace('/', '%2F')}"
    assert hrefs == [
        f"https://www.facebook.com/sharer/sharer.php?u={quoted_url}",
        f"https://x.com/intent/post?url={quoted_url}&text=Talks%20%26%20more",
        f"https://wa.me/?text=Talks%20%26%20more%20{quoted_url}",
        f"mailto:?subject=Talks%20%26%20more&body={quoted_url}",
    ]
    assert not soup.find_all("script", src=True)
