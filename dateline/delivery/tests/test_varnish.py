"""Varnish with the shipped VCL: its backend, purges by URL and soft purges by tag (test_front_caches.py has
what both front caches do)."""

import urllib.request

import pytest

from dateline.delivery.tests.fronts import front_cache, get
from dateline.delivery.varnishd import vcl_for


def test_vcl_backend_is_set_to_the_app_server():
    assert '.host = "10.0.0.5";' in vcl_for("10.0.0.5", 9000)
    assert '.port = "9000";' in vcl_for("10.0.0.5", 9000)


@pytest.fixture
def varnish(live_server, settings):
    with front_cache("varnish", live_server, settings) as (front, app):
        yield front, app


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_purge_by_url_and_soft_purge_by_tag(varnish, make_story):
    from dateline.delivery.backends.varnish import VarnishBackend

    front, app = varnish
    story = make_story("A story")
    get(front.url + story.url)
    # A URL purge, as Wagtail's front-end cache HTTPBackend sends it.
    request = urllib.request.Request(front.url + story.url, method="PURGE")  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
    assert get(front.url + story.url)[1]["X-Front-Cache"] == "MISS"

    assert get(front.url + story.url)[1]["X-Front-Cache"] == "HIT"
    soft = VarnishBackend({"LOCATION": front.url + "/", "SOFT": True})
    assert soft.header == "xkey-softpurge"
    assert soft.purge_tags([f"story:{story.pk}"]) == 1  # objects Varnish marked expired
    app.paths.clear()
    status, headers, _ = get(front.url + story.url)
    assert status == 200 and headers["X-Front-Cache"] == "HIT"  # the old copy, in grace, while it refetches
