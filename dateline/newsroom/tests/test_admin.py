import pytest
from django.contrib.auth import get_user_model

from dateline.newsroom.models import StoryMonthPage


@pytest.fixture
def editor_client(client, newsroom):
    user = get_user_model().objects.create_superuser("chief", "chief@example.com", "a-long-test-password")
    client.force_login(user)
    return client


def test_new_story_opens_the_editor_in_this_months_folder(editor_client):
    response = editor_client.get("/admin/newsroom/new-story/")
    folder = StoryMonthPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/add/newsroom/articlepage/{folder.pk}/"
    form = editor_client.get(response["Location"])
    assert form.status_code == 200 and "Headline" in form.content.decode()
    editor_client.get("/admin/newsroom/new-story/")
    assert StoryMonthPage.objects.count() == 1, "a second story reuses the month folder"


def test_story_listing_filters_by_section(editor_client, make_story):
    make_story("A world story")
    make_story("A sport story", section="sport", topics=("Cricket",))
    sport = newsroom_section("sport")
    html = editor_client.get(f"/admin/stories/?section={sport.pk}").content.decode()
    assert "A sport story" in html and "A world story" not in html


def test_story_edit_view_answers(editor_client, make_story):
    story = make_story("A story to edit")
    response = editor_client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200 and "A story to edit" in response.content.decode()


def test_new_story_needs_a_login(client, newsroom):
    response = client.get("/admin/newsroom/new-story/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def newsroom_section(slug):
    from dateline.newsroom.models import SectionPage

    return SectionPage.objects.get(slug=slug)


def test_a_reporter_can_open_a_new_story(client, newsroom):
    from django.contrib.auth.models import Group

    reporter = get_user_model().objects.create_user("reporter", "r@example.com", "a-long-test-password")
    reporter.groups.add(Group.objects.get(name="Reporter"))
    client.force_login(reporter)
    response = client.get("/admin/newsroom/new-story/")
    assert response.status_code == 302 and "/admin/pages/add/newsroom/articlepage/" in response["Location"]
    assert client.get(response["Location"]).status_code == 200


def test_someone_without_page_rights_cannot_open_a_new_story(client, newsroom):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("visitor", "v@example.com", "a-long-test-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/newsroom/new-story/")
    assert response.status_code in (302, 403) and "/admin/pages/add/" not in response.get("Location", "")
