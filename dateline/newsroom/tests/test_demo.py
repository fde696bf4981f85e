from collections import Counter

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from dateline.newsroom.demo import content
from dateline.newsroom.listings import read_more
from dateline.newsroom.models import ArticlePage, Author, NewsImage, SectionPage, SiteSettings, Topic


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": NewsImage.objects.count(),
        "topics": Topic.objects.count(),
        "authors": Author.objects.count(),
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
    }


@pytest.mark.django_db
def test_demo_loader_is_idempotent_and_complete(client):
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first

    stories = ArticlePage.objects.live()
    assert stories.count() == len(content.STORIES) >= 20
    assert SectionPage.objects.filter(stories__isnull=False).distinct().count() >= 4
    assert Topic.objects.count() >= 5 and Author.objects.count() == 2
    primary_counts = Counter(story.primary_topic.slug for story in stories)
    assert max(primary_counts.values()) >= 6
    assert all(story.lead_image and story.lead_caption and story.lead_credit for story in stories)

    busiest = max(primary_counts, key=primary_counts.get)
    story = next(story for story in stories if story.primary_topic.slug == busiest)
    assert len(read_more(story)) == 4
    settings = SiteSettings.objects.get()
    assert settings.site_name == "English News" and len(settings.navigation_sections) == 5
    html = client.get(story.url).content.decode()
    assert f'Read more on <a href="/topics/{busiest}/">' in html


def test_demo_content_is_consistent():
    slugs = [story["slug"] for story in content.STORIES]
    assert len(slugs) == len(set(slugs))
    headlines = {story["headline"] for story in content.STORIES}
    for story in content.STORIES:
        assert sum(kind == "subheading" for kind, _ in story["body"]) >= 2
        for kind, value in story["body"]:
            if kind == "related_link":
                assert value["title"] in headlines
