"""Lead-image renditions are made when a story is published, before any reader asks for a page."""

import re

import pytest
from wagtail.images import get_image_model

RENDITION_FORMATS = {"webp", "jpeg"}


@pytest.fixture(autouse=True)
def no_warming(settings):
    settings.DATELINE_PAGE_CACHE_WARM = False  # warming renders pages, which would make renditions too


def renditions_of(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def test_renditions_exist_after_publishing_and_pages_use_only_those(
    client, make_story, django_capture_on_commit_callbacks
):
    make_story("An older story")  # so the new story is also a card in lists and "Read more"
    with django_capture_on_commit_callbacks() as callbacks:
        story = make_story("Pictured story")
    image = get_image_model().objects.get(pk=story.lead_image_id)
    assert renditions_of(image) == set(), "nothing is rendered before the publication commits"
    for callback in callbacks:
        callback()

    made = renditions_of(image)
    assert {spec.rsplit("-", 1)[-1] for spec in made for spec in spec.split("|") if spec.startswith("format-")} == (
        RENDITION_FORMATS
    )
    assert len(made) >= 8

    pages = {url: client.get(url) for url in (story.url, "/", "/world/", "/topics/afghanistan/")}
    assert all(response.status_code == 200 for response in pages.values())
    assert renditions_of(image) == made, "a page view made a rendition the publication had not"

    html = pages[story.url].content.decode()
    lead = re.search(r'<figure class="story__lead">\s*(<picture>.*?</picture>)', html, re.S)
    assert lead, "the lead image is a <picture>"
    picture = lead.group(1)
    webp = re.search(r'<source[^>]*srcset="([^"]+)"[^>]*type="image/webp"', picture)
    assert webp and webp.group(1).count(".webp") == 3
    img = re.search(r"<img[^>]*>", picture).group(0)
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert re.search(r'srcset="[^"]*\.jpg \d+w', img)

    card = re.search(r'<a class="card__media"[^>]*>(<picture>.*?</picture>)', pages["/world/"].content.decode(), re.S)
    assert card and 'type="image/webp"' in card.group(1)
    card_img = re.search(r"<img[^>]*>", card.group(1)).group(0)
    assert re.search(r'width="\d+"', card_img) and re.search(r'height="\d+"', card_img)
