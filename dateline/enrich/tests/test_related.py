from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from dateline.enrich.models import RelatedOverride, RelatedStory
from dateline.enrich.related import compute_related, related_for
from dateline.enrich.topics import co_occurring_topics, coverage_timeline
from dateline.newsroom.models import ArticlePage, Topic
from dateline.newsroom.story import paragraph_html


@pytest.fixture
def story(make_story, django_capture_on_commit_callbacks):
    def make(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_story(*args, **kwargs)

    return make


def paragraphs(*texts):
    return [("paragraph", paragraph_html(text)) for text in texts]


@pytest.fixture
def cluster(story, newsroom):
    """A story about a flood, two closely related ones, a loosely related one and an unrelated one."""
    Topic.objects.create(name="Floods")
    flood = "Monsoon floods swamped riverside villages; rescuers in boats reached stranded families near the dam."
    stories = {
        "main": story("Monsoon floods swamp villages", topics=("Floods", "Afghanistan"), body=paragraphs(flood)),
        "close": story(
            "Floods swamp more villages as dam overflows",
            topics=("Floods", "Afghanistan"),
            body=paragraphs(flood + " The dam overflowed again."),
            days_ago=3,
        ),
        "also": story(
            "Rescuers reach stranded families by boat",
            topics=("Floods",),
            body=paragraphs("Rescuers in boats reached stranded families after monsoon floods."),
            days_ago=1,
        ),
        "loose": story(
            "Aid budget debated", topics=("Afghanistan",), body=paragraphs("Ministers argued."), days_ago=200
        ),
        "unrelated": story("Cricket final tickets sold out", topics=("Cricket",), body=paragraphs("Fans queued.")),
    }
    return {name: ArticlePage.objects.get(pk=page.pk) for name, page in stories.items()}


def test_publication_computes_ranked_related_stories_with_reasons(cluster):
    main = cluster["main"]
    rows = list(RelatedStory.objects.filter(story=main).order_by("-score"))
    ranked = [row.related_id for row in rows]
    assert ranked[0] == cluster["close"].pk
    assert ranked.index(cluster["also"].pk) < ranked.index(cluster["loose"].pk)
    assert cluster["unrelated"].pk not in ranked and main.pk not in ranked
    close = rows[0]
    assert close.reasons["shared_topics"] == ["Afghanistan", "Floods"]
    assert close.reasons["days_apart"] == 3
    assert 0.3 < close.reasons["similarity"] <= 1
    assert close.explanation.startswith("shares Afghanistan, Floods; similarity 0.")
    assert close.explanation.endswith("; 3 days apart")


def test_a_new_story_is_offered_to_the_stories_it_relates_to(cluster):
    # "close" was published before "main" existed; main's publication put itself in close's list.
    assert RelatedStory.objects.filter(story=cluster["close"], related=cluster["main"]).exists()


def test_related_excludes_self_unpublished_and_excluded_and_honours_pins(cluster):
    main = cluster["main"]
    assert [s.pk for s in related_for(main)][:2] == [cluster["close"].pk, cluster["also"].pk]
    RelatedOverride.objects.create(story=main, related=cluster["close"], kind=RelatedOverride.EXCLUDED)
    RelatedOverride.objects.create(story=main, related=cluster["unrelated"], kind=RelatedOverride.PINNED)
    RelatedOverride.objects.create(story=main, related=main, kind=RelatedOverride.PINNED)
    shown = [s.pk for s in related_for(main)]
    assert shown[0] == cluster["unrelated"].pk
    assert cluster["close"].pk not in shown and main.pk not in shown
    cluster["also"].unpublish()
    assert cluster["also"].pk not in [s.pk for s in related_for(main)]
    assert not RelatedStory.objects.filter(related=cluster["also"]).exists()


def test_embargoed_and_scheduled_related_stories_are_hidden(cluster):
    main = cluster["main"]
    ArticlePage.objects.filter(pk=cluster["close"].pk).update(
        embargoed=True, go_live_at=timezone.now() + timedelta(hours=2)
    )
    assert cluster["close"].pk not in [s.pk for s in related_for(main)]


def test_reading_computes_nothing(cluster, django_assert_max_num_queries):
    main = cluster["main"]
    RelatedStory.objects.filter(story=main).delete()
    assert related_for(main) == []  # not computed on a view
    compute_related(main)
    with django_assert_max_num_queries(4):
        assert len(related_for(main)) >= 2


def test_template_tag(cluster):
    template = Template(
        "{% load enrich_tags %}{% related_stories page as related %}"
        "{% for story in related %}{{ story.title }}|{% endfor %}"
    )
    rendered = template.render(Context({"page": cluster["main"]}))
    assert rendered.split("|")[0] == cluster["close"].title
    assert cluster["main"].title + "|" not in rendered


def test_article_snippet_renders(cluster):
    snippet = Template(
        '{% load enrich_tags %}{% related_stories page as related %}{% include "enrich/related_stories.html" %}'
    )
    request = RequestFactory().get("/")
    html = snippet.render(Context({"page": cluster["main"], "request": request}))
    assert 'id="related-heading"' in html and cluster["close"].title in html


def test_co_occurring_topics_and_timeline(cluster, django_assert_num_queries):
    floods = Topic.objects.get(name="Floods")
    with django_assert_num_queries(1):
        together = co_occurring_topics(floods, limit=5)
    assert [(topic.name, topic.together) for topic in together] == [("Afghanistan", 2)]
    with django_assert_num_queries(1):
        timeline = coverage_timeline(floods)
    assert sum(month["stories"] for month in timeline) == 3
    assert all(month["month"].day == 1 for month in timeline)
    cluster["also"].unpublish()
    assert sum(month["stories"] for month in coverage_timeline(floods)) == 2


def test_related_never_repeats_a_story_listed_under_read_more(cluster, client):
    main = cluster["main"]  # primary topic Floods: "Read more on Floods" lists the newest other Floods stories
    html = client.get(main.url).content.decode()
    read_more = html.split('id="read-more-heading"')[1].split("</aside>")[0]
    assert cluster["close"].title in read_more and cluster["also"].title in read_more
    assert 'id="related-heading"' in html
    related = html.split('id="related-heading"')[1].split("</aside>")[0]
    assert cluster["close"].title not in related and cluster["also"].title not in related
    assert cluster["loose"].title in related  # shares Afghanistan only: not under Read more, still related


def test_shown_stories_are_left_out_and_the_list_refilled(cluster):
    main = cluster["main"]
    everything = [s.pk for s in related_for(main)]
    rest = [s.pk for s in related_for(main, shown=[cluster["close"]])]
    assert cluster["close"].pk not in rest and rest == [pk for pk in everything if pk != cluster["close"].pk]
