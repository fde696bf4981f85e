import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from dateline.enrich.entities import find_entities
from dateline.enrich.models import Suggestion, TopicAlias
from dateline.enrich.suggest import accept, suggest_for
from dateline.newsroom.models import ArticlePage, Topic
from dateline.newsroom.story import paragraph_html

FIXTURES = json.loads((Path(__file__).parent / "fixtures" / "stories.json").read_text())
PRECISION_FLOOR = 0.85
RECALL_FLOOR = 0.85


@pytest.fixture
def story(make_story, django_capture_on_commit_callbacks):
    def make(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_story(*args, **kwargs)

    return make


def paragraphs(*texts):
    return [("paragraph", paragraph_html(text)) for text in texts]


def fixture_story(story, data):
    body = paragraphs(data["standfirst"], *data["paragraphs"])
    return story(data["headline"], body=body, topics=data["topics"], authors=())


def precision_recall(pairs):
    """pairs: (found names, expected names) per story."""
    tp = sum(len(found & expected) for found, expected in pairs)
    fp = sum(len(found - expected) for found, expected in pairs)
    fn = sum(len(expected - found) for found, expected in pairs)
    return tp / ((tp + fp) or 1), tp / ((tp + fn) or 1)


def test_suggestions_on_publication_meet_precision_and_recall_floors(story, newsroom):
    TopicAlias.objects.create(topic=Topic.objects.get(name="Afghanistan"), alias="Afghan")
    pairs = []
    for data in FIXTURES:
        page = fixture_story(story, data)
        found = set(Suggestion.objects.filter(story=page).values_list("name", flat=True))
        pairs.append((found, set(data["expected"]) - set(data["topics"])))
    precision, recall = precision_recall(pairs)
    assert precision >= PRECISION_FLOOR, pairs
    assert recall >= RECALL_FLOOR, pairs


def test_existing_topics_by_name_and_alias_on_word_boundaries(story, newsroom):
    afghanistan = Topic.objects.get(name="Afghanistan")
    TopicAlias.objects.create(topic=afghanistan, alias="Afghan")
    page = story(
        "Talks resume",
        topics=(),
        body=paragraphs("Afghan and Russian envoys met. Cricketers watched the MARKETS."),
    )
    by_name = {s.name: s for s in Suggestion.objects.filter(story=page)}
    assert by_name["Afghanistan"].topic == afghanistan and by_name["Afghanistan"].kind == "topic"
    assert by_name["Afghanistan"].evidence == "Afghan and Russian envoys met."
    assert by_name["Markets"].topic.name == "Markets"  # case-insensitive
    assert "Russia" not in by_name and "Cricket" not in by_name  # whole words only


def test_topics_the_story_has_are_not_suggested(story, newsroom):
    page = story("Afghanistan talks resume", topics=("Afghanistan",), body=paragraphs("Kabul hosted the talks."))
    names = set(Suggestion.objects.filter(story=page).values_list("name", flat=True))
    assert "Afghanistan" not in names and "Kabul" in names


def test_entities_kinds_and_confidence():
    text = "Mr Farhad Karimi said the Ministry of Finance in Kabul would pay. Karimi left for Pakistan."
    found = {entry.name: entry for entry in find_entities(text, {})}
    assert found["Farhad Karimi"].kind == "person" and found["Farhad Karimi"].confidence >= 0.8
    assert found["Ministry of Finance"].kind == "organisation"
    assert found["Kabul"].kind == "place" and found["Pakistan"].kind == "place"
    assert "Karimi" not in found  # a later mention by surname is the same person
    assert "Mr" not in found and "Mr Farhad Karimi" not in found


def test_places_need_a_capital_letter():
    assert [entry.name for entry in find_entities("what a nice day in Nice, France", {})] == ["France", "Nice"]


def test_accepting_a_new_entity_creates_the_topic_and_publishes_it_on_a_live_story(story, newsroom, client):
    page = story("Talks in Kabul", topics=("Russia",), body=paragraphs("Envoys met in Kabul on Monday."))
    suggestion = Suggestion.objects.get(story=page, name="Kabul")
    assert suggestion.topic is None and suggestion.kind == "place"
    accept([suggestion])
    page = ArticlePage.objects.get(pk=page.pk)
    assert [topic.name for topic in page.topics] == ["Russia", "Kabul"]
    assert page.live and not page.has_unpublished_changes
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.ACCEPTED and suggestion.topic.name == "Kabul"
    response = client.get("/topics/kabul/")
    assert response.status_code == 200 and page.title in response.content.decode()


def test_accepting_on_a_draft_adds_to_the_latest_draft(story, newsroom):
    page = story("Draft from Kabul", topics=(), publish=False, body=paragraphs("Envoys met in Kabul."))
    suggest_for(page)  # drafts get suggestions when asked (the importers call this)
    accept([Suggestion.objects.get(story=page, name="Kabul")])
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live and not page.topics
    assert [topic.name for topic in page.get_latest_revision_as_object().topics] == ["Kabul"]


def test_live_story_with_unpublished_changes_keeps_its_draft(story, newsroom):
    page = story("Kabul talks", topics=(), body=paragraphs("Envoys met in Kabul."))
    draft = page.get_latest_revision_as_object()
    draft.title = "Kabul talks (draft headline)"
    draft.save_revision()
    accept([Suggestion.objects.get(story=page, name="Kabul")])
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.title == "Kabul talks" and [t.name for t in page.topics] == ["Kabul"]
    latest = page.get_latest_revision_as_object()
    assert latest.title == "Kabul talks (draft headline)" and [t.name for t in latest.topics] == ["Kabul"]


def test_decisions_survive_recomputation(story, newsroom):
    page = story("Kabul and Tehran", topics=(), body=paragraphs("Envoys met in Kabul and Tehran."))
    rejected = Suggestion.objects.get(story=page, name="Tehran")
    rejected.status = Suggestion.REJECTED
    rejected.save()
    suggest_for(page)
    assert Suggestion.objects.get(story=page, name="Tehran").status == Suggestion.REJECTED
    assert Suggestion.objects.filter(story=page, name="Kabul", status=Suggestion.PENDING).exists()


def test_imports_auto_accept_above_the_threshold(story, newsroom, settings):
    settings.DATELINE_SUGGESTION_AUTO_ACCEPT = 0.8
    page = story("Kabul talks", topics=(), body=paragraphs("Envoys met in Kabul. Lahore was quiet."))
    page = ArticlePage.objects.get(pk=page.pk)
    assert "Afghanistan" not in [t.name for t in page.topics]
    # Countries (0.85) pass 0.8; cities (0.7) wait for an editor.
    statuses = dict(Suggestion.objects.filter(story=page).values_list("name", "status"))
    assert statuses == {"Kabul": "pending", "Lahore": "pending"}
    page2 = story("Pakistan votes", topics=(), body=paragraphs("Voters in Pakistan queued."))
    assert "Pakistan" in [t.name for t in ArticlePage.objects.get(pk=page2.pk).topics]
    assert Suggestion.objects.get(story=page2, name="Pakistan").status == Suggestion.ACCEPTED


def test_auto_accept_is_off_by_default(story, newsroom, settings):
    assert settings.DATELINE_SUGGESTION_AUTO_ACCEPT is None
    page = story("Pakistan votes", topics=(), body=paragraphs("Voters in Pakistan queued."))
    assert ArticlePage.objects.get(pk=page.pk).topics == []


def test_admin_listing_and_one_click_decisions(story, newsroom, client):
    page = story("Kabul and Tehran", topics=(), body=paragraphs("Envoys met in Kabul and Tehran."))
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "a-long-test-password")
    client.force_login(admin)
    listing = client.get("/admin/enrich/suggestions/", {"story": page.pk})
    content = listing.content.decode()
    assert listing.status_code == 200 and "Kabul" in content and "Accept" in content
    kabul = Suggestion.objects.get(story=page, name="Kabul")
    tehran = Suggestion.objects.get(story=page, name="Tehran")
    assert client.get(f"/admin/enrich/suggestions/{kabul.pk}/accept/").status_code == 405
    response = client.post(f"/admin/enrich/suggestions/{kabul.pk}/accept/", {"next": "/admin/enrich/suggestions/"})
    assert response.status_code == 302
    client.post(f"/admin/enrich/suggestions/{tehran.pk}/reject/")
    kabul.refresh_from_db()
    tehran.refresh_from_db()
    assert (kabul.status, tehran.status) == ("accepted", "rejected")
    assert [t.name for t in ArticlePage.objects.get(pk=page.pk).topics] == ["Kabul"]
    for url in ["/admin/enrich/topic-aliases/", "/admin/enrich/related/", "/admin/enrich/related-overrides/"]:
        assert client.get(url).status_code == 200, url


def test_decisions_need_permission(story, newsroom, client):
    page = story("Kabul talks", topics=(), body=paragraphs("Envoys met in Kabul."))
    kabul = Suggestion.objects.get(story=page, name="Kabul")
    response = client.post(f"/admin/enrich/suggestions/{kabul.pk}/accept/")
    assert response.status_code in (302, 403)
    kabul.refresh_from_db()
    assert kabul.status == Suggestion.PENDING
