"""NUL and C0 control characters posted to the admin's forms (PostgreSQL refuses NUL) never reach the database:
plain fields, the rich-text editor's JSON, which carries them as escapes, and forms other than the story's."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from dateline.newsroom.control_chars import strip_control_chars_from_field
from dateline.newsroom.models import SectionPage, Topic

CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f"


@pytest.fixture
def admin_client(db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "a-long-test-password-xyz")
    client = Client()
    client.force_login(user)
    return client


def draftail(text):
    block = {"key": "a1b2c", "text": text, "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


def test_a_story_saved_in_the_editor_keeps_its_words_and_loses_the_control_characters(admin_client, make_story):
    story = make_story("Floods close the coast road")
    data = nested_form_data(
        {
            "title": f"Floods{CONTROL} close the coast road",
            "slug": story.slug,
            "standfirst": f"Rain{CONTROL} for a week\tand\nmore",
            "body": streamfield([("paragraph", draftail(f"Water{CONTROL} rose overnight."))]),
            "section": story.section_id,
            "topic_links": inline_formset([{"topic": link.topic_id} for link in story.topic_links.all()]),
            "author_links": inline_formset([]),
            "notes": inline_formset([]),
            "lead_image_caption": f"The road{CONTROL} at dawn",
            "lead_image_credit": story.lead_image_credit,
        }
    )
    response = admin_client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()
    saved = story.get_latest_revision().as_object()
    assert saved.title == "Floods close the coast road"
    assert saved.standfirst == "Rain for a week\tand\nmore"
    assert saved.lead_image_caption == "The road at dawn"
    assert str(saved.body[0].value) == '<p data-block-key="a1b2c">Water rose overnight.</p>'


def test_sections_and_topics_lose_the_control_characters_too(admin_client, newsroom):
    section = SectionPage.objects.get(slug="world")
    data = {"title": f"World{CONTROL}", "slug": "world", "intro": f"News{CONTROL} from abroad"}
    response = admin_client.post(f"/admin/pages/{section.pk}/edit/", {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    section.refresh_from_db()
    assert (section.title, section.intro) == ("World", "News from abroad")

    topic = Topic.objects.first()
    data = {"name": f"Floods{CONTROL}", "slug": "floods", "description": f"Rising{CONTROL} water"}
    response = admin_client.post(f"/admin/snippets/newsroom/topic/edit/{topic.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    topic.refresh_from_db()
    assert (topic.name, topic.description) == ("Floods", "Rising water")


@pytest.mark.parametrize(
    ("posted", "kept"),
    [
        ('{"text": "a\\u0000b\\u001bc\\bd\\fe"}', '{"text":"abcde"}'),
        ('{"text": "a literal \\\\u0000 and \\\\b stay"}', '{"text": "a literal \\\\u0000 and \\\\b stay"}'),
        ("[not json \\u0000", "[not json \\u0000"),
        ("plain \\u0000 text", "plain \\u0000 text"),
        ("ünïcode\x00 stays", "ünïcode stays"),
    ],
)
def test_json_values_lose_escaped_control_characters_and_nothing_else(posted, kept):
    assert strip_control_chars_from_field(posted) == kept
