"""The newsroom's day: roles, review, scheduling, embargo, corrections and the checks before publishing."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from dateline.newsroom.archive import month_folder
from dateline.newsroom.listings import published_stories
from dateline.newsroom.models import ArticlePage, SectionPage, StoryNote, Topic


def user_in(role, username=None):
    username = username or role.lower()
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "a-long-test-password")
    user.groups.add(Group.objects.get(name=role))
    return user


def story_form(title="A story from the desk", *, section=None, topics=(), action="action-publish"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "a-story-from-the-desk",
            "standfirst": "What happened.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>First paragraph.</p>")),
                    ("subheading", "What came next"),
                    ("quotation", {"text": "We will rebuild", "attribution": "The mayor"}),
                ]
            ),
            "section": section.pk if section else "",
            "topic_links": inline_formset([{"topic": topic.pk} for topic in topics]),
            "author_links": inline_formset([]),
            "notes": inline_formset([]),
            "lead_image_caption": "",
            "lead_image_credit": "",
        }
    )
    data[action] = "1"
    return data


def add_url():
    return f"/admin/pages/add/newsroom/articlepage/{month_folder().pk}/"


@pytest.fixture
def world(newsroom):
    return SectionPage.objects.get(slug="world")


@pytest.mark.django_db
def test_roles_and_workflow_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Reporter", "Editor", "Administrator"}
    workflow = Workflow.objects.get(name="Edit and publish")
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Editor"]


def test_reporter_cannot_publish_even_by_crafting_the_request(client, world):
    client.force_login(user_in("Reporter"))
    response = client.post(add_url(), story_form(section=world, topics=[Topic.objects.get(name="Afghanistan")]))
    assert response.status_code in (200, 302)
    story = ArticlePage.objects.get(title="A story from the desk")
    assert not story.live and not published_stories().filter(pk=story.pk).exists()


def test_reporter_submits_and_an_editor_approves(client, world):
    afghanistan = Topic.objects.get(name="Afghanistan")
    reporter, editor = user_in("Reporter"), user_in("Editor")
    client.force_login(reporter)
    client.post(add_url(), story_form(section=world, topics=[afghanistan], action="action-submit"))
    story = ArticlePage.objects.get(title="A story from the desk")
    state = story.current_workflow_state
    assert state is not None and state.status == "in_progress" and not story.live
    assert client.get("/world/").content.decode().count("A story from the desk") == 0

    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(story, editor)
    assert not task_state.task.specific.get_actions(story, reporter), "a reporter cannot approve"
    task_state.task.specific.on_action(task_state, editor, "approve")
    story.refresh_from_db()
    assert story.live and "A story from the desk" in client.get("/world/").content.decode()


def test_editor_publishes_directly(client, world):
    client.force_login(user_in("Editor"))
    client.post(add_url(), story_form(section=world, topics=[Topic.objects.get(name="Russia")]))
    assert ArticlePage.objects.get(title="A story from the desk").live


def test_publishing_checks_explain_what_is_missing(client, world):
    client.force_login(user_in("Editor"))
    response = client.post(add_url(), story_form(section=None, topics=[]))
    html = response.content.decode()
    assert response.status_code == 200 and not ArticlePage.objects.exists()
    assert "Choose the story&#x27;s section before publishing." in html
    assert "Add at least one topic before publishing" in html

    response = client.post(add_url(), story_form("x" * 111, section=world, topics=[Topic.objects.get(name="Russia")]))
    assert "Headlines are at most 110 characters" in response.content.decode()

    # A draft may be incomplete.
    client.post(add_url(), story_form(section=None, topics=[], action="action-draft"))
    assert ArticlePage.objects.filter(live=False).count() == 1


def test_long_headline_warns_but_publishes(client, world):
    client.force_login(user_in("Editor"))
    headline = "A headline that runs well past seventy characters and so gets a friendly warning"
    response = client.post(add_url(), story_form(headline, section=world, topics=[Topic.objects.get(name="Russia")]))
    assert ArticlePage.objects.get(title=headline).live
    follow = client.get(response["Location"])
    assert "cut short in search results" in follow.content.decode()


def test_scheduled_story_goes_live_when_due(make_story, client):
    story = make_story("Tomorrow's story", publish=False)
    story.go_live_at = timezone.now() + timedelta(seconds=2)
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live and client.get(story.url).status_code == 404
    call_command("run_scheduler", "--once", verbosity=0)
    assert not ArticlePage.objects.get(pk=story.pk).live, "not due yet"

    time.sleep(2.2)
    call_command("run_scheduler", "--once", verbosity=0)
    story.refresh_from_db()
    assert story.live and "Tomorrow&#x27;s story" in client.get("/").content.decode()


def test_embargoed_story_is_invisible_until_go_live(make_story, client):
    story = make_story("Embargoed results")
    ArticlePage.objects.filter(pk=story.pk).update(embargoed=True, go_live_at=timezone.now() + timedelta(hours=2))
    url = story.url
    assert client.get(url).status_code == 404
    assert "Embargoed results" not in client.get("/").content.decode()
    assert "Embargoed results" not in client.get("/world/").content.decode()
    ArticlePage.objects.filter(pk=story.pk).update(go_live_at=timezone.now() - timedelta(minutes=1))
    assert client.get(url).status_code == 200


def test_a_correction_appears_and_moves_the_updated_time(make_story, client):
    story = make_story("Story with a mistake")
    assert story.updated_at is None
    draft = story.get_latest_revision_as_object()
    noted = timezone.now()
    draft.notes = [
        StoryNote(kind=StoryNote.CORRECTION, text="An earlier version misspelt the minister's name.", noted_at=noted)
    ]
    draft.save_revision().publish()
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.updated_at == noted
    html = client.get(story.url).content.decode()
    assert '<h2 id="corrections-heading">Corrections</h2>' in html
    assert "misspelt the minister&#x27;s name" in html
    assert html.index("Corrections</h2>") > html.index('class="story__body"')
