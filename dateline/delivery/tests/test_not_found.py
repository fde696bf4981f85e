"""A 404 cached at a story's URL before it went live is dropped when the story is published."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from dateline.delivery.tags import path_tag


@pytest.fixture(autouse=True)
def no_warming(settings):
    settings.DATELINE_PAGE_CACHE_WARM = False


def test_a_404_is_tagged_with_its_path(client, newsroom):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert path_tag("/no-such-page/") in response["Surrogate-Key"].split()
    assert path_tag("/no-such-page/") != path_tag("/other-page/")


def test_publishing_a_draft_drops_the_404_cached_at_its_url(client, make_story, commit):
    story = make_story("Not out yet", publish=False)
    url = story.url
    assert client.get(url).status_code == 404
    assert client.get(url)["X-Cache"] == "HIT"
    assert client.get("/no-such-page/").status_code == 404  # another 404, kept
    with commit():
        story.save_revision().publish()
    response = client.get(url)
    assert response.status_code == 200 and b"Not out yet" in response.content
    assert client.get("/no-such-page/")["X-Cache"] == "HIT"


def test_an_embargoed_story_going_live_drops_the_404_cached_at_its_url(client, make_story, commit):
    story = make_story("Results at noon", publish=False)
    story.embargoed = True
    story.go_live_at = timezone.now() + timedelta(hours=1)
    story.save_revision().publish()  # scheduled: not live until the scheduler publishes it
    url = story.url
    assert client.get(url).status_code == 404
    assert client.get(url)["X-Cache"] == "HIT"

    # The go-live time comes: move it into the past rather than wait.
    due = timezone.now() - timedelta(seconds=1)
    revision = Revision.objects.get(object_id=str(story.pk), approved_go_live_at__isnull=False)
    revision.approved_go_live_at = due
    revision.content["go_live_at"] = due.isoformat()
    revision.save()
    with commit():
        call_command("run_scheduler", "--once", verbosity=0)
    response = client.get(url)
    assert response.status_code == 200 and b"Results at noon" in response.content
