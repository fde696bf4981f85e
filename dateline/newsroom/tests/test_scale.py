"""Publishing stays off the heavy path (search indexing runs as a task), and reader listings use indexes."""

import pytest
from django.db import connection
from django.utils import timezone
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.search.models import IndexEntry

from dateline.newsroom import listings
from dateline.newsroom.generate import SOURCE, generate_stories
from dateline.newsroom.models import ArticlePage, Author, SectionPage, StoryMonthPage, StoryYearPage, Topic
from dateline.newsroom.models.pages import find_story
from dateline.newsroom.tasks import index_story

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def live_search(words):
    return list(ArticlePage.objects.live().search(words))


def queued(task):
    from django_tasks import default_task_backend

    return [result for result in default_task_backend.results if result.task.func == task.func]


def test_stories_are_not_indexed_on_every_save():
    from django.db.models.signals import post_save

    receivers = list(post_save._live_receivers(ArticlePage)[0])
    assert post_save_signal_handler not in receivers
    assert post_save_signal_handler in post_save._live_receivers(Topic)[0]  # other models keep Wagtail's way


def test_publishing_queues_the_index_task(make_story, settings, django_capture_on_commit_callbacks):
    settings.TASKS = DUMMY_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story("Quokkaphonic harvest festival opens in the hills")
    results = queued(index_story)
    assert [list(result.args) for result in results] == [[story.pk]]
    assert live_search("quokkaphonic") == []  # queued, not run yet

    index_story.call(*results[0].args)
    assert live_search("quokkaphonic") == [story]


def test_immediate_backend_indexes_once_published(make_story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story("Zanthorian rail bridge reopens after repairs")
    story.refresh_from_db()
    assert live_search("zanthorian") == [story]

    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Zanthorian rail bridge reopens after Velquist repairs"
        story.save_revision().publish()
    assert live_search("velquist") == [story]

    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert live_search("zanthorian") == []
    assert list(ArticlePage.objects.search("zanthorian")) == [story]  # still found by editors

    entries = IndexEntry.objects.filter(object_id=str(story.pk))
    assert entries.exists()
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    assert not entries.exists()


def test_index_task_runs_outside_the_publishing_transaction(make_story, settings, django_capture_on_commit_callbacks):
    settings.TASKS = DUMMY_TASKS
    with django_capture_on_commit_callbacks() as callbacks:
        make_story("A story published in a transaction")
    assert queued(index_story) == []  # nothing queued until the transaction commits
    for callback in callbacks:
        callback()
    assert len(queued(index_story)) == 1


# Query plans (PostgreSQL): every reader listing walks an index, however big the archive.


def plan(queryset):
    return queryset.explain()


def assert_no_scan(name, queryset):
    text = plan(queryset)
    for table in ("newsroom_articlepage", "wagtailcore_page"):
        assert f"Seq Scan on {table}" not in text, f"{name} scans {table}:\n{text}"


@pytest.fixture
def big_archive(newsroom):
    if connection.vendor != "postgresql":
        pytest.skip("query plans are checked on PostgreSQL (the production database)")
    generate_stories(3000, seed=5, index=False)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return newsroom


def test_reader_listings_use_indexes(big_archive):
    section = SectionPage.objects.get(slug="world")
    busy_topic, rare_topic = (
        Topic.objects.order_by("pk").first(),
        Topic.objects.filter(story_links__isnull=False).order_by("-pk").first(),
    )
    author = Author.objects.filter(story_links__isnull=False).order_by("-pk").first()
    month = StoryMonthPage.objects.order_by("path")[5]
    year = StoryYearPage.objects.order_by("path")[3]
    per_page = 21
    story = ArticlePage.objects.filter(source=SOURCE).order_by("pk")[1000]
    stories = listings.published_stories()
    checks = {
        "home, newest": stories[:7],
        "section": stories.filter(section=section)[:per_page],
        "section, page 20": stories.filter(section=section)[19 * 20 : 19 * 20 + per_page],
        "busy topic": stories.filter(topic_links__topic=busy_topic)[:per_page],
        "rare topic": stories.filter(topic_links__topic=rare_topic)[:per_page],
        "author": stories.filter(author_links__author=author)[:per_page],
        "month folder": stories.filter(published_at__gte=month.date_range()[0], published_at__lt=month.date_range()[1])[
            :per_page
        ],
        "year folder": stories.filter(published_at__gte=year.date_range()[0], published_at__lt=year.date_range()[1])[
            :per_page
        ],
        "read more": stories.filter(topic_links__topic=story.primary_topic).exclude(pk=story.pk)[:4],
    }
    for name, queryset in checks.items():
        assert_no_scan(name, queryset)
    day = timezone.localtime(story.published_at)
    assert find_story(f"{day:%Y}", f"{day:%m}", f"{day:%d}", story.slug) == story
