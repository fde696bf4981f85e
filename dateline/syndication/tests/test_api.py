"""The headless API at /api/: what anonymous callers and partner keys see, filters, pagination, fields, images,
ETags, rate limits and query counts."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.newsroom.models import ArticlePage
from dateline.syndication.models import ApiKey


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # rate-limit counters
    yield
    cache.clear()


def auth(key):
    return {"HTTP_AUTHORIZATION": f"Api-Key {key.key}"}


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def embargo(story, hours=2):
    ArticlePage.objects.filter(pk=story.pk).update(embargoed=True, go_live_at=timezone.now() + timedelta(hours=hours))


@pytest.fixture
def stories(make_story):
    return {
        "world": make_story("World story", section="world", topics=["Afghanistan"], authors=["Asha Verma"], days_ago=3),
        "sport": make_story("Sport story", section="sport", topics=["Cricket"], authors=["Rohan Iyer"], days_ago=2),
        "business": make_story("Markets story", section="business", topics=["Markets"], days_ago=1),
        "draft": make_story("Draft story", publish=False),
        "embargoed": make_story("Embargoed story", section="world", topics=["Russia"]),
    }


@pytest.fixture
def embargoed(stories):
    embargo(stories["embargoed"])
    return stories


def test_story_list_shows_published_stories_newest_first(client, embargoed):
    response = client.get("/api/stories/")
    assert response["Content-Type"] == "application/json"
    assert ids(response) == [embargoed[name].pk for name in ("business", "sport", "world")]
    first = response.json()["results"][0]
    assert first["headline"] == "Markets story"
    assert first["section"] == {"id": embargoed["business"].section_id, "slug": "business", "title": "Business"}
    assert first["topics"][0]["slug"] == "markets"
    assert first["url"].endswith(embargoed["business"].url)
    assert first["lead_image"]["caption"] and first["lead_image"]["credit"]
    assert first["embargoed_until"] is None
    assert "body_html" not in first  # lists leave the body out unless fields= asks for it


def test_story_detail_has_the_body_and_notes(client, stories):
    data = client.get(f"/api/stories/{stories['world'].pk}/").json()
    assert "<h2>What happened next</h2>" in data["body_html"]
    assert "<blockquote>" in data["body_html"]
    assert data["authors"] == [{"id": data["authors"][0]["id"], "slug": "asha-verma", "name": "Asha Verma"}]
    assert data["ninjs_url"].endswith(f"/api/ninjs/stories/{stories['world'].pk}/")
    assert data["notes"] == []


@pytest.mark.parametrize("path", ["/api/stories/{pk}/", "/api/ninjs/stories/{pk}/"])
def test_drafts_and_embargoed_stories_are_invisible_without_the_right_key(client, embargoed, path):
    for name in ("draft", "embargoed"):
        assert client.get(path.format(pk=embargoed[name].pk)).status_code == 404
    ordinary = ApiKey.objects.create(name="Ordinary partner")
    assert client.get(path.format(pk=embargoed["embargoed"].pk), **auth(ordinary)).status_code == 404
    trusted = ApiKey.objects.create(name="Trusted agency", embargoed_access=True)
    assert client.get(path.format(pk=embargoed["embargoed"].pk), **auth(trusted)).status_code == 200
    assert client.get(path.format(pk=embargoed["draft"].pk), **auth(trusted)).status_code == 404  # never drafts


def test_a_trusted_key_sees_embargoed_stories_with_their_go_live_time(client, embargoed):
    trusted = ApiKey.objects.create(name="Trusted agency", embargoed_access=True)
    listed = client.get("/api/stories/", **auth(trusted)).json()["results"]
    story = next(item for item in listed if item["id"] == embargoed["embargoed"].pk)
    assert story["embargoed_until"]
    assert embargoed["draft"].pk not in [item["id"] for item in listed]
    assert embargoed["embargoed"].pk not in ids(client.get("/api/stories/"))
    # Images of embargoed stories stay hidden too.
    image_id = ArticlePage.objects.get(pk=embargoed["embargoed"].pk).lead_image_id
    assert image_id not in ids(client.get("/api/images/"))
    assert client.get(f"/api/images/{image_id}/").status_code == 404
    assert client.get(f"/api/images/{image_id}/", **auth(trusted)).status_code == 200


def test_a_section_key_sees_only_its_section(client, stories, newsroom):
    key = ApiKey.objects.create(name="Sport partner", section=newsroom["sections"]["sport"])
    assert ids(client.get("/api/stories/", **auth(key))) == [stories["sport"].pk]
    assert client.get(f"/api/stories/{stories['world'].pk}/", **auth(key)).status_code == 404
    assert ids(client.get("/api/sections/", **auth(key))) == [newsroom["sections"]["sport"].pk]


def test_unknown_or_inactive_keys_are_refused(client, stories):
    response = client.get("/api/stories/", HTTP_AUTHORIZATION="Api-Key nope")
    assert response.status_code == 401
    assert response.json()["detail"] == "Unknown or inactive API key."
    assert response["WWW-Authenticate"].startswith("Api-Key")
    key = ApiKey.objects.create(name="Old partner", active=False)
    assert client.get("/api/stories/", **auth(key)).status_code == 401
    assert client.get("/api/stories/", HTTP_AUTHORIZATION="Bearer x").status_code == 401


def test_filters(client, stories):
    world, sport, business = stories["world"], stories["sport"], stories["business"]
    assert ids(client.get("/api/stories/?section=sport")) == [sport.pk]
    embargo(stories["embargoed"])
    assert ids(client.get("/api/stories/?topic=afghanistan")) == [world.pk]
    assert ids(client.get("/api/stories/?author=rohan-iyer")) == [sport.pk]
    after = (sport.published_at - timedelta(minutes=1)).isoformat()
    before = (business.published_at - timedelta(minutes=1)).isoformat()
    assert ids(client.get("/api/stories/", {"published_after": after, "published_before": before})) == [sport.pk]
    since = timezone.now() + timedelta(minutes=1)
    assert ids(client.get("/api/stories/", {"updated_since": since.isoformat()})) == []
    ArticlePage.objects.filter(pk=world.pk).update(updated_at=since + timedelta(minutes=1))
    assert ids(client.get("/api/stories/", {"updated_since": since.isoformat()})) == [world.pk]
    assert ids(client.get("/api/stories/?section=nowhere")) == []


def test_a_malformed_filter_says_which(client, stories):
    response = client.get("/api/stories/?published_after=yesterday")
    assert response.status_code == 400
    assert "published_after" in response.json()


def test_cursor_pagination_walks_every_story_once(client, make_story):
    made = [make_story(days_ago=n).pk for n in range(5)]
    seen, url = [], "/api/stories/?page_size=2"
    while url:
        data = client.get(url).json()
        assert len(data["results"]) <= 2
        seen += [item["id"] for item in data["results"]]
        url = data["next"]
    assert seen == made
    assert client.get("/api/stories/?cursor=garbage").status_code == 404


@pytest.mark.parametrize("size", ["0", "101", "two", "³", "٣"])  # the last two: str.isdigit(), not ASCII
def test_a_bad_page_size_says_so(client, stories, size):
    response = client.get("/api/stories/", {"page_size": size})
    assert response.status_code == 400
    assert "page_size" in response.json()


def test_fields_selects_top_level_fields(client, stories):
    data = client.get("/api/stories/?fields=id,headline,body_html").json()["results"][0]
    assert set(data) == {"id", "headline", "body_html"}
    response = client.get("/api/stories/?fields=id,password")
    assert response.status_code == 400
    assert "password" in response.json()["fields"]
    assert set(client.get("/api/topics/?fields=slug").json()["results"][0]) == {"slug"}


def test_sections_topics_and_authors(client, stories, newsroom):
    sections = client.get("/api/sections/").json()["results"]
    assert {section["slug"] for section in sections} == {"world", "business", "sport"}
    topics = client.get("/api/topics/").json()["results"]
    assert {"afghanistan", "cricket"} <= {topic["slug"] for topic in topics}
    topic = next(topic for topic in topics if topic["slug"] == "cricket")
    assert client.get(f"/api/topics/{topic['id']}/").json()["url"].endswith("/topics/cricket/")
    authors = client.get("/api/authors/").json()["results"]
    assert {"asha-verma", "rohan-iyer"} <= {author["slug"] for author in authors}


def test_images_have_rendition_urls_that_serve_the_picture(client, embargoed):
    images = client.get("/api/images/").json()["results"]
    assert len(images) == 3
    image = images[0]
    assert set(image["renditions"]) == {"thumbnail", "medium", "large"}
    rendition = client.get(image["renditions"]["thumbnail"])
    assert rendition.status_code == 302
    picture = client.get(rendition["Location"])
    assert picture.status_code == 200
    assert picture["Content-Type"] == "image/jpeg"
    tampered = re.sub(r"/api/images/[^/]+/", "/api/images/AAAA/", image["renditions"]["large"])
    assert client.get(tampered).status_code == 403


EVERY_GET = [
    "/api/stories/",
    "/api/stories/{story}/",
    "/api/sections/",
    "/api/topics/",
    "/api/authors/",
    "/api/images/",
    "/api/ninjs/stories/",
    "/api/ninjs/stories/{story}/",
    "/api/ninjs/stories/{story}/?version=1.6",
    "/api/schema/",
    "/api/docs/",
]


@pytest.mark.parametrize("path", EVERY_GET)
def test_every_get_has_an_etag_and_answers_304(client, stories, path):
    url = path.format(story=stories["world"].pk)
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    ArticlePage.objects.filter(pk=stories["world"].pk).update(title="A new headline")
    if "stories" in url:
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_keys_rate_limit_answers_429_with_retry_after(client, stories):
    key = ApiKey.objects.create(name="Busy partner", rate_limit=3)
    for _ in range(3):
        assert client.get("/api/stories/", **auth(key)).status_code == 200
    response = client.get("/api/stories/", **auth(key))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    other = ApiKey.objects.create(name="Quiet partner", rate_limit=3)
    assert client.get("/api/stories/", **auth(other)).status_code == 200  # limits are per key


def test_anonymous_callers_have_their_own_limit(client, stories, settings):
    settings.DATELINE_API_ANON_RATE_PER_MINUTE = 2
    assert client.get("/api/topics/").status_code == 200
    assert client.get("/api/topics/").status_code == 200
    assert client.get("/api/topics/").status_code == 429


@pytest.mark.parametrize("path", ["/api/stories/", "/api/ninjs/stories/", "/api/images/", "/api/sections/"])
def test_list_queries_do_not_grow_with_the_stories(client, make_story, path):
    make_story(days_ago=1)
    make_story(days_ago=2)
    client.get(path)  # renditions of new images are made on a first ninjs export; count the steady state

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    two = count()
    for n in range(4):
        make_story(days_ago=3 + n, topics=["Russia", "Markets"], authors=["Asha Verma", "Rohan Iyer"])
    client.get(path)
    assert count() == two


def test_keyed_answers_are_private_and_never_in_the_page_cache(client, stories, settings):
    from dateline.delivery.middleware import is_cacheable_request, is_storable

    settings.DATELINE_PAGE_CACHE = True
    key = ApiKey.objects.create(name="Partner", embargoed_access=True)
    keyed = client.get("/api/stories/", **auth(key))
    assert "private" in keyed["Cache-Control"]
    assert "Authorization" in keyed["Vary"]
    assert not is_cacheable_request(keyed.wsgi_request)
    assert not is_storable(keyed.wsgi_request, keyed)
    anonymous = client.get("/api/stories/")
    assert "public" in anonymous["Cache-Control"]
    assert anonymous.get("X-Cache") is None  # answered by the API, not by a stored copy
    assert client.get("/api/stories/").get("X-Cache") is None


def test_docs_work_offline(client):
    response = client.get("/api/docs/")
    assert not response.cookies  # the same page for everyone: no CSRF cookie
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets, html
    assert not [url for url in assets if url.startswith(("http:", "https:", "//"))]
    for url in assets:
        if url.endswith((".js", ".css")):
            assert client.get(url).status_code == 200, url
    assert "/api/schema/" in html


@pytest.mark.parametrize("version", ["1.6", "2.2", "3.1"])
def test_ninjs_of_every_version_is_valid(client, embargoed, version):
    from dateline.conftest import require
    from dateline.syndication import ninjs

    require(ninjs.SHARED_SCHEMAS.is_dir() or bool(ninjs.schemas_dir()), "the ninjs schemas")
    item = client.get(f"/api/ninjs/stories/{embargoed['world'].pk}/?version={version}").json()
    assert ninjs.validate_ninjs(item, version) == version
    listed = client.get(f"/api/ninjs/stories/?version={version}").json()["results"]
    assert len(listed) == 3
    for entry in listed:
        ninjs.validate_ninjs(entry, version)
    trusted = ApiKey.objects.create(name="Trusted agency", embargoed_access=True)
    url = f"/api/ninjs/stories/{embargoed['embargoed'].pk}/?version={version}"
    early = client.get(url, **auth(trusted)).json()
    assert ninjs.validate_ninjs(early, version) == version
    assert early["embargoedUntil" if version == "3.1" else "embargoed"]


def test_ninjs_defaults_to_2_2_and_refuses_unknown_versions(client, stories):
    item = client.get(f"/api/ninjs/stories/{stories['world'].pk}/").json()
    assert item["standard"]["version"] == "2.2"
    response = client.get(f"/api/ninjs/stories/{stories['world'].pk}/?version=9")
    assert response.status_code == 400
    assert "unsupported ninjs version" in response.json()["version"]


def test_query_parameters_lose_the_control_characters(client, make_story):
    story = make_story("Filtered by topic", topics=("Floods",))
    topic = story.topics[0]
    response = client.get("/api/stories/", {"topic": f"\x00{topic.slug}\x07"})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [story.pk]
