"""Two editors saving the same story through the admin's edit view: the later save is told, both are kept."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def editor(username):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "a-long-test-password-xyz")
    user.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(user)
    return user, client


def latest_revision(story):
    story.refresh_from_db()
    return story.get_latest_revision()


def open_editor(client, story):
    """Load the edit view as a browser does; the form it sends back carries the revision it was loaded from."""
    page = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    loaded = {
        name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }
    assert loaded["loaded_revision_id"] == str(latest_revision(story).pk)
    return loaded


def edit_form(story, loaded, standfirst):
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "standfirst": standfirst,
            "body": streamfield([("paragraph", rich_text("<p>First paragraph.</p>"))]),
            "section": story.section_id,
            "topic_links": inline_formset([{"topic": link.topic_id} for link in story.topic_links.all()]),
            "author_links": inline_formset([]),
            "notes": inline_formset([]),
            "lead_image_caption": story.lead_image_caption,
            "lead_image_credit": story.lead_image_credit,
        }
    )
    return {**data, **loaded}


@pytest.fixture
def story(make_story):
    return make_story("Floods close the coast road")


def test_the_later_save_is_told_and_both_revisions_are_kept(story):
    first, first_client = editor("first-editor")
    _, second_client = editor("second-editor")
    url = f"/admin/pages/{story.pk}/edit/"
    first_loaded, second_loaded = open_editor(first_client, story), open_editor(second_client, story)
    revisions_before = story.revisions.count()

    response = first_client.post(url, edit_form(story, first_loaded, "The first editor's standfirst."))
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    first_revision = latest_revision(story)

    # An autosave from the second editor's outdated copy is refused by Wagtail: nothing is overwritten.
    autosave = second_client.post(
        url, edit_form(story, second_loaded, "An autosave."), headers={"Accept": "application/json"}
    )
    assert autosave.status_code == 400
    assert autosave.json()["error_code"] == "invalid_revision"
    assert story.revisions.count() == revisions_before + 1

    # Saving with the button goes through, and tells the second editor who saved in between.
    response = second_client.post(url, edit_form(story, second_loaded, "The second editor's standfirst."))
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1 and "first-editor saved this story after you opened it" in warnings[0]
    second_revision = latest_revision(story)
    assert f"/admin/pages/{story.pk}/revisions/compare/{first_revision.pk}...{second_revision.pk}/" in warnings[0]

    # Both versions are kept: the later one is the latest, the earlier one is in the history, nothing lost.
    assert story.revisions.count() == revisions_before + 2
    assert first_revision.as_object().standfirst == "The first editor's standfirst."
    assert first_revision.user == first
    assert second_revision.as_object().standfirst == "The second editor's standfirst."
    compare = second_client.get(
        f"/admin/pages/{story.pk}/revisions/compare/{first_revision.pk}...{second_revision.pk}/"
    )
    assert compare.status_code == 200 and "Standfirst" in compare.content.decode()  # the change, word by word


def test_an_editor_saving_twice_is_not_warned(story):
    _, client = editor("only-editor")
    url = f"/admin/pages/{story.pk}/edit/"
    response = client.post(url, edit_form(story, open_editor(client, story), "Once."))
    assert response.status_code == 302
    response = client.post(url, edit_form(story, open_editor(client, story), "Twice."))
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
