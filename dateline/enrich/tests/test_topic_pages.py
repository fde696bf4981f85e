"""Topic pages fill themselves: a description, the topics covered with this one and coverage month by month."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dateline.enrich.topics import coverage_timeline, topic_overview
from dateline.newsroom.models import Topic


@pytest.fixture
def coverage(make_story, newsroom):
    Topic.objects.create(name="Floods")
    for n, days in enumerate([0, 1, 2, 40, 75]):
        topics = ("Floods", "Afghanistan") if n < 3 else ("Floods", "Markets")
        make_story(f"Flood story {n}", topics=topics, days_ago=days)
    make_story("Hidden flood draft", topics=("Floods", "Cricket"), publish=False)
    make_story("A cricket story", topics=("Cricket",))
    return Topic.objects.get(name="Floods")


def test_topic_page_shows_co_occurring_topics_and_timeline(coverage, client):
    html = client.get(coverage.get_absolute_url()).content.decode()
    together = html.split('id="together-heading"')[1].split("</section>")[0]
    assert together.index("Afghanistan") < together.index("Markets")  # 3 stories together, then 2
    assert "(3 stories together)" in together and "Cricket" not in together  # the draft does not count
    timeline = html.split('id="timeline-heading"')[1].split("</section>")[0]
    assert "<table" in timeline and '<th scope="col">Month</th>' in timeline
    months = timeline.count('<th scope="row">')
    assert months >= 3  # from the oldest story's month to this one, empty months included
    now = timezone.localtime()
    assert f'<time datetime="{now:%Y-%m}">' in timeline
    assert "5 stories about Floods since" in html  # no description of its own: one written from the coverage
    assert "Often covered with Afghanistan and Markets." in html


def test_own_description_wins(coverage, client):
    coverage.description = "Rivers, rain and the people who live by them."
    coverage.save()
    html = client.get(coverage.get_absolute_url()).content.decode()
    assert "Rivers, rain and the people who live by them." in html and "stories about Floods since" not in html


def test_overview_counts_coverage_once_per_change(coverage, make_story, django_assert_num_queries):
    with django_assert_num_queries(2):  # the topics covered with it, the months counted
        overview = topic_overview(coverage)
    with django_assert_num_queries(1):  # nothing changed: the months' counts are kept
        assert topic_overview(coverage) == overview
    for n in range(6):
        make_story(f"More floods {n}", topics=("Floods", "Russia"), days_ago=n * 20)
    with django_assert_num_queries(2):  # only the months those stories went in are counted again
        busier = topic_overview(coverage)
    assert busier["total"] == overview["total"] + 6


def test_coverage_follows_unpublishing_and_other_topics_keep_their_counts(coverage, make_story):
    cricket = Topic.objects.get(name="Cricket")
    cricket_before = coverage_timeline(cricket)
    story = make_story("A flood story to withdraw", topics=("Floods",))
    assert sum(row["stories"] for row in coverage_timeline(coverage)) == 6
    story.unpublish()
    assert sum(row["stories"] for row in coverage_timeline(coverage)) == 5
    assert coverage_timeline(cricket) == cricket_before


def test_timeline_fills_empty_months(coverage):
    timeline = coverage_timeline(coverage)
    months = [(row["month"].year, row["month"].month) for row in timeline]
    assert months == sorted(set(months)) and len(months) >= 3
    for earlier, later in zip(months, months[1:], strict=False):
        assert (later[0] * 12 + later[1]) - (earlier[0] * 12 + earlier[1]) == 1
    assert sum(row["stories"] for row in timeline) == 5
    assert timeline[-1]["month"] <= timezone.now() < timeline[-1]["month"] + timedelta(days=32)
