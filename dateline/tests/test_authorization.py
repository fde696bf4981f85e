"""Who may do what: a declared table of role × route × method and the outcome each role gets, walked per role.

Roles are the newsroom's groups (newsroom migration 0004): Reporter, Editor, Administrator, plus anonymous readers.
Beside the table: no route shows a reader (or a signed-in editor on a reader route) a draft, an embargoed story,
an expired one, or one whose expiry time has passed before the scheduler has unpublished it; and no admin route
lets a reporter publish, or change another reporter's published story.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from dateline.newsroom.archive import month_folder
from dateline.newsroom.models import ArticlePage
from dateline.newsroom.story import Story, page_from_story, paragraph_html
from dateline.newsroom.tasks import index_story

ROLES = ("anonymous", "reporter", "editor", "administrator")
OK, LOGIN, DENIED, GONE = "200", "sign-in", "denied", "404"
EVERYONE = dict.fromkeys(ROLES, OK)
NOBODY = dict.fromkeys(ROLES, GONE)
STAFF = {"anonymous": LOGIN, "reporter": OK, "editor": OK, "administrator": OK}
EDITORS = {"anonymous": LOGIN, "reporter": DENIED, "editor": OK, "administrator": OK}
ADMINISTRATORS = {"anonymous": LOGIN, "reporter": DENIED, "editor": DENIED, "administrator": OK}

# Headline words that only stories hidden from readers carry: no reader route may ever show them.
HIDDEN = {"draft": "Draftonly", "embargoed": "Embargoonly", "expired": "Expiredonly", "lapsed": "Lapsedonly"}

MATRIX = [
    # Reader pages
    ("GET", "/", EVERYONE),
    ("GET", "/world/", EVERYONE),
    ("GET", "{live.url}", EVERYONE),
    ("GET", "{other.url}", EVERYONE),
    ("GET", "{draft.url}", NOBODY),
    ("GET", "{embargoed.url}", NOBODY),
    ("GET", "{expired.url}", NOBODY),
    ("GET", "{lapsed.url}", NOBODY),
    ("GET", "/topics/afghanistan/", EVERYONE),
    ("GET", "/authors/asha-verma/", EVERYONE),
    ("GET", "/stories/{month}/", EVERYONE),
    ("GET", "/search/?q=kestrel", EVERYONE),
    # Feeds and sitemaps
    ("GET", "/feeds/rss/", EVERYONE),
    ("GET", "/feeds/atom/", EVERYONE),
    ("GET", "/feeds/json/", EVERYONE),
    ("GET", "/feeds/section/world/rss/", EVERYONE),
    ("GET", "/feeds/topic/afghanistan/atom/", EVERYONE),
    ("GET", "/feeds/author/asha-verma/rss/", EVERYONE),
    ("GET", "/sitemap.xml", EVERYONE),
    ("GET", "/sitemaps/pages.xml", EVERYONE),
    ("GET", "/sitemaps/stories-{month_dash}.xml", EVERYONE),
    ("GET", "/news-sitemap.xml", EVERYONE),
    # The API (partner keys only: a signed-in editor is a reader to it)
    ("GET", "/api/stories/", EVERYONE),
    ("GET", "/api/stories/{live.pk}/", EVERYONE),
    ("GET", "/api/stories/{draft.pk}/", NOBODY),
    ("GET", "/api/stories/{embargoed.pk}/", NOBODY),
    ("GET", "/api/stories/{expired.pk}/", NOBODY),
    ("GET", "/api/stories/{lapsed.pk}/", NOBODY),
    ("GET", "/api/ninjs/stories/", EVERYONE),
    ("GET", "/api/ninjs/stories/{live.pk}/", EVERYONE),
    ("GET", "/api/ninjs/stories/{draft.pk}/", NOBODY),
    ("GET", "/api/ninjs/stories/{embargoed.pk}/", NOBODY),
    ("GET", "/api/ninjs/stories/{expired.pk}/", NOBODY),
    ("GET", "/api/ninjs/stories/{lapsed.pk}/", NOBODY),
    ("GET", "/api/images/", EVERYONE),
    ("POST", "/api/stories/", dict.fromkeys(ROLES, "405")),
    # Previews: the reporter's own draft, another reporter's story
    ("GET", "/admin/pages/{draft.pk}/view_draft/", STAFF),
    ("GET", "/admin/pages/{embargoed.pk}/view_draft/", EDITORS),
    ("GET", "/admin/pages/{draft.pk}/edit/preview/", STAFF),
    ("GET", "/admin/pages/{other.pk}/view_draft/", EDITORS),
    # The admin
    ("GET", "/admin/", STAFF),
    ("GET", "/admin/pages/{folder.pk}/", STAFF),
    ("GET", "/admin/pages/{draft.pk}/edit/", STAFF),
    ("GET", "/admin/pages/{other.pk}/edit/", EDITORS),
    ("POST", "/admin/pages/{other.pk}/edit/", EDITORS | {"editor": "302", "administrator": "302"}),
    ("GET", "/admin/pages/{other.pk}/unpublish/", EDITORS),
    ("POST", "/admin/pages/{other.pk}/unpublish/", EDITORS | {"editor": "302", "administrator": "302"}),
    ("GET", "/admin/pages/{draft.pk}/delete/", ADMINISTRATORS | {"reporter": OK, "editor": OK}),
    ("GET", "/admin/users/", ADMINISTRATORS),
    ("GET", "/admin/users/new/", ADMINISTRATORS),
    ("GET", "/admin/groups/", ADMINISTRATORS),
    ("GET", "/admin/settings/newsroom/sitesettings/{site.pk}/", ADMINISTRATORS),
    ("GET", "/admin/sites/", ADMINISTRATORS),
    ("GET", "/admin/workflows/list/", ADMINISTRATORS),
]


def make_user(role, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "a-long-test-password-xyz")
    user.groups.add(Group.objects.get(name=role))
    return user


def build_newsroom():
    """The conftest's small site (three sections, topics, authors), made once for the whole table."""
    from dateline.newsroom.models import Author, HomePage, SectionPage, SiteSettings, Topic

    home = HomePage.objects.get(slug="home")
    sections = [
        home.add_child(instance=SectionPage(title=title, slug=title.lower(), intro=f"{title} news"))
        for title in ("World", "Business")
    ]
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.navigation = [("section", page) for page in sections]
    site_settings.save()
    Topic.objects.create(name="Afghanistan")
    Author.objects.create(name="Asha Verma", role="Foreign editor")


def build_story(headline, n, publish=True):
    story = Story(
        headline=headline,
        standfirst=f"Standfirst of story {n}.",
        body=[("paragraph", paragraph_html(f"First paragraph of story {n}."))],
        section="world",
        topics=["Afghanistan"],
        authors=["Asha Verma"],
        published_at=timezone.now() - timedelta(hours=1) + timedelta(seconds=n),
        source="test",
        source_id=f"authorization-{n}",
    )
    return page_from_story(story, publish=publish)[0]


@pytest.fixture(scope="module")
def desk(django_db_setup, django_db_blocker):
    """Two reporters' stories in every state a reader must or must not see, indexed for search; made once for the
    module inside a transaction that is rolled back after it (each test runs in a savepoint of its own)."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_newsroom()
        users = {
            "reporter": make_user("Reporter", "reporter"),
            "other reporter": make_user("Reporter", "other-reporter"),
            "editor": make_user("Editor", "editor"),
            "administrator": make_user("Administrator", "administrator"),
        }
        now = timezone.now()
        stories = {
            "live": build_story("Kestrel count rises on the coast", 1),
            "other": build_story("Kestrel nests found in the city", 2),
            "draft": build_story(f"{HIDDEN['draft']} kestrel plan", 3, publish=False),
            "embargoed": build_story(f"{HIDDEN['embargoed']} kestrel results", 4),
            "expired": build_story(f"{HIDDEN['expired']} kestrel warning", 5),
            "lapsed": build_story(f"{HIDDEN['lapsed']} kestrel offer", 6),
        }
        own = [stories[name].pk for name in ("live", "draft")]
        ArticlePage.objects.filter(pk__in=own).update(owner=users["reporter"])
        ArticlePage.objects.exclude(pk__in=own).update(owner=users["other reporter"])
        ArticlePage.objects.filter(pk=stories["embargoed"].pk).update(
            embargoed=True, go_live_at=now + timedelta(hours=2)
        )
        # Expired as the scheduler leaves it; "lapsed": its expiry time has passed, the scheduler has not run yet.
        ArticlePage.objects.filter(pk=stories["expired"].pk).update(live=False, expired=True, expire_at=now)
        ArticlePage.objects.filter(pk=stories["lapsed"].pk).update(expire_at=now - timedelta(minutes=1))
        for story in stories.values():
            index_story.call(story.pk)
        stories = {name: ArticlePage.objects.get(pk=story.pk) for name, story in stories.items()}
        yield {"users": users, "stories": stories}
        transaction.set_rollback(True)


def story_form(story, **changes):
    """The edit form's fields for a story, as the admin posts them."""
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "standfirst": story.standfirst,
            "body": streamfield([("paragraph", rich_text("<p>First paragraph.</p>"))]),
            "section": story.section_id or "",
            "topic_links": inline_formset([{"topic": link.topic_id} for link in story.topic_links.all()]),
            "author_links": inline_formset([]),
            "notes": inline_formset([]),
            "lead_image_caption": "",
            "lead_image_credit": "",
        }
    )
    return {**data, **changes}


def url_for(template, desk):
    now = timezone.localtime()
    return template.format(
        **desk["stories"],
        folder=month_folder(),
        site=Site.objects.get(is_default_site=True),
        month=now.strftime("%Y/%m"),
        month_dash=now.strftime("%Y-%m"),
    )


def outcome(response):
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith("/admin/login/"):
        return LOGIN
    if response.status_code == 403 or (response.status_code == 302 and location == "/admin/"):
        return DENIED  # Wagtail answers a missing permission by sending the user to the dashboard with a message
    if response.status_code == 200 and "form" in (response.context or {}) and response.context["form"].errors:
        return "invalid form"
    return str(response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_authorization_matrix(role, desk, client, db):
    if role != "anonymous":
        client.force_login(desk["users"][role])
    mismatches = []
    for method, template, expected in MATRIX:
        url = url_for(template, desk)
        data = story_form(desk["stories"]["other"]) if template.endswith("/edit/") else {}
        response = client.get(url) if method == "GET" else client.post(url, data)
        got = outcome(response)
        if got != expected[role]:
            mismatches.append(f"{method} {url} ({template}): expected {expected[role]}, got {got}")
        if not url.startswith("/admin/") and response.status_code == 200:
            body = response.content.decode()
            shown = [word for word in HIDDEN.values() if word in body]
            if shown:
                mismatches.append(f"{method} {url} ({template}) shows hidden stories: {shown}")
    assert not mismatches, "\n".join(mismatches)


def test_reporter_never_publishes_nor_changes_another_reporters_story(desk, client, db):
    reporter = desk["users"]["reporter"]
    draft, other = desk["stories"]["draft"], desk["stories"]["other"]
    other_revision = other.latest_revision_id
    client.force_login(reporter)

    data = story_form(draft)
    client.post(f"/admin/pages/{draft.pk}/edit/", {**data, "action-publish": "1"})
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}", {})
    changed = story_form(other, title="Changed by a reporter")
    client.post(f"/admin/pages/{other.pk}/edit/", changed)
    client.post(f"/admin/pages/{other.pk}/edit/", {**changed, "action-publish": "1"})
    client.post(f"/admin/pages/{other.pk}/unpublish/", {})
    client.post(f"/admin/pages/{other.pk}/delete/", {})
    client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={other.pk}", {})

    draft.refresh_from_db()
    other.refresh_from_db()
    assert not draft.live and draft.first_published_at is None
    assert other.live and other.title == "Kestrel nests found in the city"
    assert other.latest_revision_id == other_revision
