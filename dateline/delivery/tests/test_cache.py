"""Storing and answering pages: hits, bypasses, headers, conditional requests."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse


def test_second_request_is_a_hit_with_zero_queries(client, make_story, django_assert_num_queries):
    story = make_story("A story worth caching")
    first = client.get(story.url)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(story.url)
    assert second.status_code == 200
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert b"A story worth caching" in second.content


@pytest.mark.parametrize("url", ["/", "/world/", "/topics/afghanistan/", "/authors/asha-verma/", "/topics/"])
def test_reader_pages_are_cached(client, make_story, url, django_assert_num_queries):
    make_story()
    assert client.get(url)["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        assert client.get(url)["X-Cache"] == "HIT"


def test_tracking_parameters_share_the_pages_copy(client, make_story):
    make_story()
    assert client.get("/world/")["X-Cache"] == "MISS"
    assert client.get("/world/?utm_source=newsletter&utm_medium=email&fbclid=IwAR0abc")["X-Cache"] == "HIT"
    assert client.get("/world/?page=2")["X-Cache"] == "MISS"  # pages of a list are pages of their own
    assert client.get("/world/?gclid=x&page=2&_ga=1.2")["X-Cache"] == "HIT"


@pytest.mark.parametrize(
    ("full_path", "kept"),
    [
        ("/a/?utm_source=x&q=1&fbclid=2", "/a/?q=1"),
        ("/a/?utm_campaign=spring_sale", "/a/"),
        ("/a/?fbclid", "/a/"),
        ("/a/?utm=1&_gallery=2&page=3", "/a/?utm=1&_gallery=2&page=3"),  # not tracking parameters
        ("/a/", "/a/"),
    ],
)
def test_what_the_key_leaves_out(full_path, kept):
    from dateline.delivery.store import without_tracking

    assert without_tracking(full_path) == kept


def test_headers_of_a_cached_page(client, make_story):
    story = make_story()
    response = client.get(story.url)
    cache_control = response["Cache-Control"]
    for part in ("public", "max-age=", "s-maxage=", "stale-while-revalidate=", "stale-if-error="):
        assert part in cache_control
    keys = response["Surrogate-Key"].split()
    assert f"story:{story.pk}" in keys
    assert f"section:{story.section_id}" in keys
    assert f"topic:{story.topics[0].pk}" in keys
    assert f"author:{story.authors[0].pk}" in keys
    assert "site" in keys
    assert response["Cache-Tag"].split(",") == keys
    assert response["ETag"].startswith('"')
    assert "Cookie" in response["Vary"]


def test_listing_tags_every_story_shown(client, make_story, newsroom):
    stories = [make_story(f"World story {n}") for n in range(3)]
    sport = make_story("Sport story", section="sport", topics=("Cricket",), authors=("Rohan Iyer",))
    keys = client.get("/world/")["Surrogate-Key"].split()
    assert {f"story:{story.pk}" for story in stories} <= set(keys)
    assert f"story:{sport.pk}" not in keys
    assert f"list:section:{newsroom['sections']['world'].pk}" in keys
    home_keys = client.get("/")["Surrogate-Key"].split()
    assert {f"story:{story.pk}" for story in [*stories, sport]} <= set(home_keys)
    assert "list:home" in home_keys


def test_matching_etag_answers_304(client, make_story, django_assert_num_queries):
    story = make_story()
    etag = client.get(story.url)["ETag"]
    with django_assert_num_queries(0):
        response = client.get(story.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert client.get(story.url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_matching_etag_on_a_miss_answers_304(client, make_story, page_cache):
    story = make_story()
    etag = client.get(story.url)["ETag"]
    page_cache.clear()
    response = client.get(story.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["X-Cache"] == "MISS"


def test_head_is_answered_from_the_cache(client, make_story):
    story = make_story()
    client.get(story.url)
    assert client.head(story.url)["X-Cache"] == "HIT"


def test_logged_in_editor_bypasses_the_cache(client, make_story, django_assert_max_num_queries):
    story = make_story("Seen by an editor")
    client.get(story.url)  # cached for readers
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "a-long-password-1234")
    client.force_login(user)
    response = client.get(story.url)
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert "Surrogate-Key" not in response


def test_a_session_or_csrf_cookie_bypasses_the_cache(client, make_story):
    story = make_story()
    client.get(story.url)
    client.cookies["csrftoken"] = "x" * 32
    assert "X-Cache" not in client.get(story.url)


def test_admin_and_documents_are_never_cached(client, newsroom):
    response = client.get("/admin/login/")
    assert "X-Cache" not in response
    assert "X-Cache" not in client.get("/documents/1/missing.pdf")


def test_404_is_cached_briefly(client, newsroom, settings):
    settings.DATELINE_PAGE_CACHE_404_SECONDS = 30
    first = client.get("/no-such-page/")
    assert first.status_code == 404
    assert first["X-Cache"] == "MISS"
    second = client.get("/no-such-page/")
    assert second.status_code == 404
    assert second["X-Cache"] == "HIT"
    assert "max-age=30" in second["Cache-Control"]


def test_responses_setting_cookies_are_not_stored(rf, page_cache):
    from django.http import HttpResponse

    from dateline.delivery.middleware import PageCacheMiddleware

    def view(request):
        response = HttpResponse("personal")
        response.set_cookie("seen", "1")
        return response

    middleware = PageCacheMiddleware(view)
    assert "X-Cache" not in middleware(rf.get("/personal/"))
    assert "X-Cache" not in middleware(rf.get("/personal/"))


def test_add_tags_tags_plain_responses(rf, page_cache):
    from django.http import HttpResponse

    from dateline.delivery.middleware import PageCacheMiddleware
    from dateline.delivery.store import bump
    from dateline.delivery.tags import add_tags

    renders = []

    def view(request):
        renders.append(1)
        add_tags(request, "story:41", "list:feeds")
        return HttpResponse("a feed", content_type="application/rss+xml")

    middleware = PageCacheMiddleware(view)
    first = middleware(rf.get("/feeds/custom/"))
    assert set(first["Surrogate-Key"].split()) == {"story:41", "list:feeds", "site"}
    assert middleware(rf.get("/feeds/custom/"))["X-Cache"] == "HIT"
    bump(["story:41"])
    assert middleware(rf.get("/feeds/custom/"))["X-Cache"] == "MISS"
    assert len(renders) == 2


def test_feeds_and_sitemaps_are_tagged_by_route(client, make_story, newsroom):
    story = make_story()
    world = newsroom["sections"]["world"]
    feed = client.get(reverse("syndication:section_rss", args=["world"]))
    assert feed.status_code == 200
    assert f"list:section:{world.pk}" in feed["Surrogate-Key"].split()
    assert "list:feeds" in client.get(reverse("syndication:site_rss"))["Surrogate-Key"].split()
    assert "list:sitemap" in client.get("/sitemap.xml")["Surrogate-Key"].split()
    assert "list:news-sitemap" in client.get("/news-sitemap.xml")["Surrogate-Key"].split()
    assert f"story:{story.pk}" in client.get("/")["Surrogate-Key"].split()
