"""Reader pages cost a fixed number of queries, however many topics, authors or stories they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dateline.newsroom.models import Author, Topic


def queries_for(client, url):
    client.get(url)  # warm caches that every request after the first finds filled (site root paths, renditions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def small_and_large(make_story):
    """Two comparable situations: one of everything, and many of everything."""
    for name in [f"Extra topic {n}" for n in range(6)]:
        Topic.objects.create(name=name)
    for name in [f"Extra author {n}" for n in range(4)]:
        Author.objects.create(name=name)

    lonely = make_story("A lonely story", section="sport", topics=("Cricket",), authors=("Rohan Iyer",))
    make_story("Another cricket story", section="sport", topics=("Cricket",), authors=("Rohan Iyer",), days_ago=1)

    many_topics = ["Afghanistan"] + [f"Extra topic {n}" for n in range(6)]
    many_authors = ["Asha Verma"] + [f"Extra author {n}" for n in range(4)]
    for n in range(12):
        make_story(f"Busy story {n}", topics=many_topics, authors=many_authors, days_ago=n + 1)
    busy = make_story("The busiest story", topics=many_topics, authors=many_authors)
    return lonely, busy


def test_article_queries_do_not_grow(client, small_and_large):
    lonely, busy = small_and_large
    small, large = queries_for(client, lonely.url), queries_for(client, busy.url)
    assert large == small
    assert large <= 20  # routing, the story, its links and pictures, read more, related stories, settings


def test_listing_queries_do_not_grow(client, small_and_large):
    assert queries_for(client, "/sport/") == queries_for(client, "/world/") <= 10
    cricket = queries_for(client, reverse("newsroom:topic", args=["cricket"]))
    afghanistan = queries_for(client, reverse("newsroom:topic", args=["afghanistan"]))
    assert cricket == afghanistan <= 10
    rohan = queries_for(client, reverse("newsroom:author", args=["rohan-iyer"]))
    asha = queries_for(client, reverse("newsroom:author", args=["asha-verma"]))
    assert rohan == asha <= 10


def test_home_queries_do_not_grow_with_stories(client, make_story, newsroom):
    make_story("First world story", days_ago=1)
    make_story("First business story", section="business", topics=("Markets",), days_ago=1)
    make_story("First sport story", section="sport", topics=("Cricket",), days_ago=1)
    make_story("The lead")
    few = queries_for(client, "/")
    for n in range(10):
        make_story(f"World {n}", days_ago=n)
        make_story(f"Business {n}", section="business", topics=("Markets",), days_ago=n)
        make_story(f"Sport {n}", section="sport", topics=("Cricket",), days_ago=n)
    many = queries_for(client, "/")
    # A short indexed query per navigation section (and its renditions), none per story.
    assert many == few <= 16
