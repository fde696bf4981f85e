"""The editors' admin over a big section: every view answers, paginated, in a bounded number of queries, without
counting the archive; month folders have no menu order; publishing from the admin queues the search indexing."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from dateline.newsroom.admin_listings import big_sections
from dateline.newsroom.admin_paginator import NoCountPaginator
from dateline.newsroom.archive import month_folder
from dateline.newsroom.generate import generate_stories
from dateline.newsroom.models import ArticlePage, Author, SectionPage, StoryMonthPage, StoryYearPage, Topic
from dateline.newsroom.signals import story_published
from dateline.newsroom.tasks import index_story

STORIES = 2000
PAGINATED_STORIES = 130
PER_PAGE = 20
COMMON_WORD = "government"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def editor(username="desk-editor"):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def big_section(newsroom):
    """A few thousand generated stories, all in World, indexed for search."""
    generate_stories(STORIES, seed=21)
    world = SectionPage.objects.get(slug="world")
    ArticlePage.objects.update(section=world)
    return world


@pytest.fixture
def desk(client, big_section):
    client.force_login(editor())
    return client


def counts_the_archive(queries):
    """The queries that count stories (what Django's and Wagtail's paginators do over the whole listing)."""
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper() and "newsroom_articlepage" in q["sql"]]


def test_admin_views_answer_over_a_big_section(desk, big_section):
    month = StoryMonthPage.objects.order_by("-numchild", "path").first()
    story = ArticlePage.objects.child_of(month).order_by("-pk").first()
    other_month = StoryMonthPage.objects.exclude(pk=month.pk).order_by("-path").first()
    author = Author.objects.filter(story_links__isnull=False).order_by("pk").first()
    year = story.published_at.year
    views = {
        "stories": "/admin/stories/",
        "stories page 2": "/admin/stories/?p=2",
        "by section": f"/admin/stories/?section={big_section.pk}",
        "published only": "/admin/stories/?live=true",
        "by author": f"/admin/stories/?author_links__author={author.pk}",
        "by date": f"/admin/stories/?published_at_after={year}-01-01&published_at_before={year}-12-31",
        "search in stories": f"/admin/stories/?q={COMMON_WORD}",
        "month folder": f"/admin/pages/{month.pk}/",
        "month folder, menu order": f"/admin/pages/{month.pk}/?ordering=ord",
        "chooser": "/admin/choose-page/",
        "chooser, month folder": f"/admin/choose-page/{month.pk}/",
        "chooser search": f"/admin/choose-page/search/?q={COMMON_WORD}",
        "admin search": f"/admin/pages/search/?q={COMMON_WORD}",
        "edit": f"/admin/pages/{story.pk}/edit/",
        "move: destination": f"/admin/pages/{story.pk}/move/",
        "move: confirm": f"/admin/pages/{story.pk}/move/{other_month.pk}/confirm/",
    }
    for name, url in views.items():
        with CaptureQueriesContext(connection) as queries:
            response = desk.get(url)
        assert response.status_code == 200, (name, response.status_code)
        assert len(queries) <= 60, (name, len(queries))
        assert counts_the_archive(queries.captured_queries) == [], name

    for name in ["stories", "by section", "published only", "search in stories", "admin search"]:
        html = desk.get(views[name]).content.decode()
        assert html.count('href="/admin/pages/') and "p=2" in html, f"{name}: no link to a next page"
        assert "Page 1 of" not in html, f"{name}: pages numbered from a count"

    chooser_rows_know_their_parents(desk, month)
    chooser_search_lists_newest_matches(desk)
    sections_list_their_newest_changes(desk, big_section)

    with CaptureQueriesContext(connection) as queries:
        response = desk.post(f"/admin/pages/{story.pk}/move/{other_month.pk}/confirm/")
    assert response.status_code == 302 and ArticlePage.objects.get(pk=story.pk).get_parent().pk == other_month.pk
    assert len(queries) <= 120

    # The listings cost the same number of queries with more stories.
    listings = [
        "/admin/stories/",
        f"/admin/stories/?section={big_section.pk}",
        f"/admin/pages/search/?q={COMMON_WORD}",
        f"/admin/choose-page/search/?q={COMMON_WORD}",
    ]
    before = [query_count(desk, url) for url in listings]
    generate_stories(200, seed=22)
    assert [query_count(desk, url) for url in listings] == before


def listed_story_ids(html):
    return [int(pk) for pk in dict.fromkeys(re.findall(r'href="/admin/pages/(\d+)/edit/"', html))]


def sections_list_their_newest_changes(desk, big_section):
    """A big section (listed off the newest-change index on SQLite) and a small one (off the section index) list
    the same stories, in the same order, as the plain filter."""
    assert big_sections([big_section])
    small = SectionPage.objects.get(slug="sport")
    for section in (big_section, small):
        if section is small:
            moved = ArticlePage.objects.order_by("pk").values("pk")[:3]
            ArticlePage.objects.filter(pk__in=[row["pk"] for row in moved]).update(section=small)
            assert not big_sections([small])
        expected = ArticlePage.objects.filter(section=section).order_by("-latest_revision_created_at", "-pk")
        html = desk.get(f"/admin/stories/?section={section.pk}").content.decode()
        assert listed_story_ids(html) == list(expected.values_list("pk", flat=True)[:PER_PAGE]), section.slug


def chooser_rows(html):
    """(page id, parent id, URL) of each choosable row of the page chooser's HTML."""
    return [
        (int(pk), int(parent), url)
        for pk, url, parent in re.findall(
            r'class="choose-page"[^>]*data-id="(\d+)"[^>]*data-url="([^"]*)"'
            r'[^>]*data-parent-id="(\d+)"',
            html,
        )
    ]


def chooser_rows_know_their_parents(client, month):
    """Browsing a month folder costs the same queries for one story as for a page of them (no query a row)."""
    few = StoryMonthPage.objects.filter(numchild=1).first() or month
    with CaptureQueriesContext(connection) as queries:
        html = client.get(f"/admin/choose-page/{month.pk}/").json()["html"]  # a modal step: HTML inside JSON
    with CaptureQueriesContext(connection) as few_queries:
        client.get(f"/admin/choose-page/{few.pk}/")
    rows = [row for row in chooser_rows(html) if row[0] != month.pk]  # the folder itself is the first row
    assert len(rows) == min(month.numchild, 25) and {parent for _, parent, _ in rows} == {month.pk}
    assert len(queries) <= len(few_queries) + 1, (len(queries), len(few_queries))


def chooser_search_lists_newest_matches(client):
    """The chooser's search: a page of the newest matches, each with its parent and public URL, not counted."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(f"/admin/choose-page/search/?q={COMMON_WORD}").content.decode()
    rows = chooser_rows(html)
    assert len(rows) == 25 and len(queries) <= 20, (len(rows), len(queries))
    assert "There are" not in html and "Page 1 of" not in html and "p=2" in html
    matches = ArticlePage.objects.filter(title__icontains=COMMON_WORD).order_by("-latest_revision_created_at")
    newest = list(matches.select_related("section")[:25])
    assert [pk for pk, _, _ in rows] == [story.pk for story in newest]
    assert [(parent, url) for _, parent, url in rows] == [(story.get_parent().pk, story.url) for story in newest]
    second = chooser_rows(client.get(f"/admin/choose-page/search/?q={COMMON_WORD}&p=2").content.decode())
    assert [pk for pk, _, _ in second] == [story.pk for story in matches[25:50]]


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_month_folders_offer_no_menu_order(desk, big_section):
    month = StoryMonthPage.objects.order_by("-numchild", "path").first()
    user = get_user_model().objects.get(username="desk-editor")
    assert not month.permissions_for_user(user).can_reorder_children()
    assert not month.page_ptr.permissions_for_user(user).can_reorder_children(), "also through a plain Page"
    assert StoryYearPage.objects.first().permissions_for_user(user).can_reorder_children(), "year folders keep it"

    html = desk.get(f"/admin/pages/{month.pk}/?ordering=ord").content.decode()
    assert "Sort menu order" not in html  # (the pagination links keep the ignored parameter)
    assert html.count("data-bulk-action-checkbox") <= PER_PAGE + 1, "the menu-order view lists every story"
    year_html = desk.get(f"/admin/pages/{month.get_parent().pk}/").content.decode()
    assert f'/admin/pages/{month.pk}/?ordering=ord"' not in year_html

    story = ArticlePage.objects.child_of(month).first()
    assert not story.permissions_for_user(user).can_reorder_children()
    response = desk.post(f"/admin/pages/{story.pk}/set_position/?position=0")
    assert response.status_code == 400 and b"ordered by their date" in response.content


def test_no_count_paginator_pages_without_counting(newsroom):
    generate_stories(PAGINATED_STORIES, seed=22)
    stories = ArticlePage.objects.order_by("-published_at", "-pk")
    paginator = NoCountPaginator(stories, 20)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.get_page(3)
        assert page.has_next() and page.has_previous() and paginator.num_pages == 4
    assert [story.pk for story in page] == [story.pk for story in stories[40:60]]
    assert len(queries) == 1 and "COUNT(" not in queries[0]["sql"].upper()
    assert paginator.items_count_label == "61+ stories"

    per_page = 50
    last_number = -(-PAGINATED_STORIES // per_page)
    last = NoCountPaginator(stories, per_page).get_page(last_number)
    assert last.number == last_number and not last.has_next()
    assert len(last) == PAGINATED_STORIES - (last_number - 1) * per_page
    assert NoCountPaginator(stories, 20).get_page("x").number == 1
    assert NoCountPaginator(stories, 20).get_page(10_000).number == 1, "past the end: the first page"


def admin_story_form(headline, section, topic):
    data = nested_form_data(
        {
            "title": headline,
            "slug": "quillfeather-budget-vote",
            "standfirst": "A vote on the budget.",
            "body": streamfield([("paragraph", rich_text("<p>The council voted on the budget.</p>"))]),
            "section": section.pk,
            "topic_links": inline_formset([{"topic": topic.pk}]),
            "author_links": inline_formset([]),
            "notes": inline_formset([]),
            "lead_image_caption": "",
            "lead_image_credit": "",
        }
    )
    data["action-publish"] = "1"
    return data


def test_publishing_from_the_admin_queues_the_indexing(client, newsroom, settings, django_capture_on_commit_callbacks):
    from django_tasks import default_task_backend

    settings.TASKS = DUMMY_TASKS
    client.force_login(editor())
    world, topic = SectionPage.objects.get(slug="world"), Topic.objects.get(name="Markets")
    url = f"/admin/pages/add/newsroom/articlepage/{month_folder().pk}/"
    published = []
    receiver = lambda sender, story, **kwargs: published.append(story.pk)  # noqa: E731
    story_published.connect(receiver, weak=False)
    try:
        with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as queries:
            response = client.post(url, admin_story_form("Quillfeather council passes the budget", world, topic))
    finally:
        story_published.disconnect(receiver)
    assert response.status_code == 302
    story = ArticlePage.objects.get(slug="quillfeather-budget-vote")
    assert story.live and not story.has_unpublished_changes and story.first_published_at and story.published_at
    assert story.live_revision_id == story.latest_revision_id and story.revisions.count() == 1
    actions = list(PageLogEntry.objects.filter(page=story).order_by("pk").values_list("action", flat=True))
    assert actions == ["wagtail.create", "wagtail.edit", "wagtail.publish"], "the history Wagtail writes"
    assert published == [story.pk], "story_published was sent once"
    assert story.url == f"/world/{story.published_at:%Y/%m/%d}/quillfeather-budget-vote/"
    # Validated once by the form, not again by each save (Wagtail's own create view: about 125 queries).
    assert len(queries) <= 80, len(queries)
    queued = [result for result in default_task_backend.results if result.task.func == index_story.func]
    assert [list(result.args) for result in queued] == [[story.pk]], "the index task was queued, once"
    assert list(ArticlePage.objects.live().search("quillfeather")) == [], "not indexed inline"

    index_story.call(*queued[0].args)
    assert list(ArticlePage.objects.live().search("quillfeather")) == [story]
    html = client.get("/admin/pages/search/?q=quillfeather").content.decode()
    assert "Quillfeather council passes the budget" in html
