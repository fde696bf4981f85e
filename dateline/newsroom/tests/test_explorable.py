"""The admin's shortcut permission filters list exactly the pages Wagtail's own `explorable_instances` does."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from dateline.newsroom.admin_listings import explorable_pages, explorable_stories
from dateline.newsroom.models import ArticlePage, HomePage


def make_user(name, *, groups=(), superuser=False, active=True):
    user = get_user_model().objects.create_user(name, f"{name}@example.com", "a-long-test-password-xyz")
    user.is_superuser, user.is_active = superuser, active
    user.save()
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def section_desk(section):
    """A user whose only permission is to edit the stories of one section."""
    group = Group.objects.create(name=f"{section.title} desk")
    GroupPagePermission.objects.create(
        group=group, page=section, permission=Permission.objects.get(codename="change_page")
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return make_user(f"{section.slug}-desk", groups=[group.name])


@pytest.fixture
def users(newsroom, make_story):
    for n in range(3):
        make_story(f"Story {n}", section=["world", "business", "sport"][n], image=False)
    make_story("A draft", publish=False)
    return {
        "reporter": make_user("reporter", groups=["Reporter"]),
        "editor": make_user("editor", groups=["Editor"]),
        "administrator": make_user("administrator", groups=["Administrator"]),
        "superuser": make_user("chief", superuser=True),
        "inactive editor": make_user("gone", groups=["Editor"], active=False),
        "nobody": make_user("nobody"),
        "world desk": section_desk(newsroom["sections"]["world"]),
    }


def wagtail_explorable(user):
    if not user.is_active:
        return set()
    return set(PagePermissionPolicy().explorable_instances(user).values_list("pk", flat=True))


@pytest.mark.parametrize(
    "role", ["reporter", "editor", "administrator", "superuser", "inactive editor", "nobody", "world desk"]
)
def test_the_same_pages_as_wagtail_for_every_kind_of_user(users, role):
    user = users[role]
    expected = wagtail_explorable(user)
    assert set(explorable_pages(user, Page.objects.all()).values_list("pk", flat=True)) == expected
    stories = set(ArticlePage.objects.filter(pk__in=expected).values_list("pk", flat=True))
    assert set(explorable_stories(user, ArticlePage.objects.all()).values_list("pk", flat=True)) == stories


def test_a_second_site_is_explored_only_with_permission_there(users):
    other = Page.get_first_root_node().add_child(instance=HomePage(title="Other site", slug="other-site"))
    for role in ("editor", "world desk", "superuser"):
        expected = wagtail_explorable(users[role])
        assert set(explorable_pages(users[role], Page.objects.all()).values_list("pk", flat=True)) == expected
    assert other.pk not in wagtail_explorable(users["editor"])


def test_an_editor_covering_the_site_gets_no_subquery(users):
    sql = str(explorable_pages(users["editor"], Page.objects.all()).query)
    assert "SELECT" not in sql.split("FROM", 1)[1]
