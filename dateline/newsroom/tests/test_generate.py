"""The generated archive: reproducible, a consistent page tree, and stories that behave like published ones."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from wagtail.models import Page

from dateline.newsroom.generate import SOURCE, generate_stories
from dateline.newsroom.models import ArticlePage, StoryMonthPage, Topic


def generated_headlines(first, count):
    numbers = [str(number) for number in range(first, first + count)]
    stories = ArticlePage.objects.filter(source=SOURCE, source_id__in=numbers)
    return [title for _, title in sorted((int(s.source_id), s.title) for s in stories)]


@pytest.fixture
def archive(newsroom):
    generate_stories(300, seed=11, batch=120)
    return newsroom


def test_same_seed_same_stories(archive):
    generate_stories(300, seed=11, batch=120)
    first, again = generated_headlines(1, 300), generated_headlines(301, 300)
    assert len(first) == 300 and first == again
    generate_stories(20, seed=12)
    assert generated_headlines(601, 20) != first[:20]


def test_stories_look_like_news(archive):
    stories = list(ArticlePage.objects.filter(source=SOURCE).prefetch_related("topic_links", "author_links"))
    assert len(stories) == 300
    for story in stories[:50]:
        assert 6 <= len(story.title.split()) <= 10
        words = sum(len(block.value.source.split()) for block in story.body if block.block_type == "paragraph")
        assert 400 <= words <= 700
        assert 1 <= len(story.topic_links.all()) <= 3 and 1 <= len(story.author_links.all()) <= 2
        assert story.live and story.published_at == story.first_published_at == story.last_published_at
    years = {story.published_at.year for story in stories}
    assert len(years) >= 10  # ten years, evenly
    # Zipf-like: the busiest topic has far more stories than the median one.
    counts = sorted((topic.story_links.count() for topic in Topic.objects.all()), reverse=True)
    assert counts[0] >= 5 * max(counts[len(counts) // 2], 1)


def test_page_tree_is_consistent(archive):
    generate_stories(150, seed=3, batch=100)  # into folders that already have stories
    assert all(not problems for problems in Page.find_problems())
    output = StringIO()
    call_command("fixtree", interactive=False, stdout=output)
    assert "Remaining problems" not in output.getvalue()
    assert output.getvalue().count("No problems found") == 2
    for folder in StoryMonthPage.objects.all()[:20]:
        assert folder.numchild == folder.get_children().count()


def test_revisions_match_the_pages(archive):
    story = ArticlePage.objects.filter(source=SOURCE).order_by("?").first()
    assert story.latest_revision_id == story.live_revision_id
    revision = story.live_revision
    assert revision.content["title"] == story.title and revision.content["pk"] == story.pk
    assert revision.as_object().topics == story.topics
    # Editing a generated story through Wagtail works like editing any other.
    story.title = "An edited generated headline"
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.title == "An edited generated headline" and story.live_revision_id != revision.pk


def test_generated_stories_render_and_are_listed(client, archive):
    newest = ArticlePage.objects.filter(source=SOURCE).order_by("-published_at").first()
    oldest = ArticlePage.objects.filter(source=SOURCE).order_by("published_at").first()
    for story in (newest, oldest):
        response = client.get(story.url)
        assert response.status_code == 200
        assert story.title in response.content.decode()
    assert newest.title in client.get(newest.section.url).content.decode()
    assert newest.title in client.get("/").content.decode()
    topic = newest.topics[0]
    assert newest.title in client.get(reverse("newsroom:topic", args=[topic.slug])).content.decode()
    month = newest.get_parent()
    assert newest.title in client.get(month.url).content.decode()


def test_generated_stories_are_in_the_search_index(archive):
    story = ArticlePage.objects.filter(source=SOURCE).order_by("pk")[150]
    words = story.title.split()
    results = list(ArticlePage.objects.live().search(" ".join(words), operator="and"))
    assert story in results


def test_command_prints_progress(newsroom):
    output = StringIO()
    call_command("generate_stories", "30", "--seed", "4", "--batch", "10", stdout=output)
    lines = output.getvalue().splitlines()
    assert lines[0].startswith("generated 10/30 stories") and "Done: 30/30 stories" in lines[-1]
    assert ArticlePage.objects.filter(source=SOURCE).count() == 30


def test_command_can_index_only_the_newest_stories(newsroom):
    call_command("generate_stories", "30", "--seed", "4", "--batch", "7", "--index-newest", "8", stdout=StringIO())
    stories = list(ArticlePage.objects.filter(source=SOURCE).order_by("published_at"))

    def found(story):
        return story in ArticlePage.objects.live().search(story.title, operator="and")

    assert [found(story) for story in stories] == [False] * 22 + [True] * 8


def planner_statistics_rows(table):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        else:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchone()[0]:
                return 0
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        return cursor.fetchone()[0]


def test_generating_refreshes_the_planner_statistics(newsroom):
    # Statistics that still describe an empty archive make the database plan listings as if it were one.
    assert planner_statistics_rows("newsroom_articlepage") == 0
    generate_stories(30, seed=3)
    assert planner_statistics_rows("newsroom_articlepage") > 0


@pytest.mark.skipif(connection.vendor != "sqlite", reason="corrections to SQLite's own statistics")
def test_sqlite_statistics_keep_indexes_on_empty_columns_and_tables_usable(newsroom):
    generate_stories(30, seed=4)
    with connection.cursor() as cursor:
        # Every page's alias_of_id is NULL: looking a page's aliases up must use that column's index, not walk
        # the pages in path order.
        plan = cursor.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM wagtailcore_page WHERE alias_of_id = 1 ORDER BY path"
        ).fetchall()
        assert any("alias_of_id" in row[-1] for row in plan), plan
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'wagtailcore_pageviewrestriction' AND idx IS NULL")
        assert cursor.fetchone() == ("1",)
