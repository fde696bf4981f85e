"""Each database answers searches through its own backend; on PostgreSQL, the story documents follow the stories."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dateline.search import query as search_query
from dateline.search.backends import get_backend, postgresql, sqlite
from dateline.search.models import StoryDocument, month_lexeme

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's story documents")


@pytest.fixture
def story(make_story, django_capture_on_commit_callbacks):
    def make(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_story(*args, **kwargs)

    return make


def test_each_database_has_its_backend(db):
    expected = {"postgresql": postgresql.SearchBackend, "sqlite": sqlite.SearchBackend}[connection.vendor]
    assert isinstance(get_backend(), expected)


@postgresql_only
def test_documents_follow_publication_and_unpublication(story, django_capture_on_commit_callbacks):
    page = story("Vessarine ferry returns", topics=("Cricket",), authors=("Rohan Iyer",))
    document = StoryDocument.objects.get(story_id=page.pk)
    assert document.published_at == page.published_at and document.section_id == page.section_id
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT document @@ plainto_tsquery('english', 'cricket iyer vessarine'), "
            "headline @@ plainto_tsquery('english', 'ferry'), headline @@ plainto_tsquery('english', 'cricket') "
            "FROM dateline_search_storydocument WHERE story_id = %s",
            [page.pk],
        )
        assert cursor.fetchone() == (True, True, False)  # topics and authors in the document, not the headline
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not StoryDocument.objects.filter(story_id=page.pk).exists()
    assert search_query.search("vessarine").items == []


@postgresql_only
def test_an_embargoed_story_is_found_from_its_go_live_time(story):
    page = story("Embargoed halvorite report")
    later = timezone.now() + timedelta(hours=2)
    StoryDocument.objects.filter(story_id=page.pk).update(embargoed_until=later)
    assert search_query.search("halvorite").items == []
    StoryDocument.objects.filter(story_id=page.pk).update(embargoed_until=timezone.now() - timedelta(minutes=1))
    assert [item.pk for item in search_query.search("halvorite").items] == [page.pk]


@postgresql_only
def test_a_row_left_behind_never_shows_a_hidden_story(story):
    page = story("Stale trelliform row")
    type(page).objects.filter(pk=page.pk).update(live=False)  # behind the index's back
    assert search_query.search("trelliform").items == []


def test_search_costs_a_fixed_number_of_queries(story, django_assert_max_num_queries):
    for n in range(12):
        story(f"Marrowfen flood update {n}", days_ago=n)
    with django_assert_max_num_queries(8):
        results = search_query.search("marrowfen flood", per_page=10)
    assert len(results.items) == 10 and results.has_next


@postgresql_only
def test_common_and_rare_words_are_ranked_within_the_pools(story, monkeypatch):
    monkeypatch.setattr(postgresql, "DOCUMENT_POOL", 3)
    monkeypatch.setattr(postgresql, "HEADLINE_POOL", 2)
    for n in range(5):
        story(f"Plain story {n}", body=[("paragraph", "<p>Ostrander wins.</p>")], days_ago=n)
    old = story("Ostrander in the headline", days_ago=30)
    found = [item.pk for item in search_query.search("ostrander").items]
    assert found[0] == old.pk  # a headline match, however old, is a candidate and outranks body matches
    assert len(found) == 4  # the newest 3 body matches and the 1 headline match


@postgresql_only
@pytest.mark.parametrize(
    ("common", "walk_share"), [(False, 0), (True, 0), (True, 2)], ids=["collected", "walked", "windowed"]
)
def test_every_way_of_finding_the_newest_matches_applies_every_filter(story, monkeypatch, common, walk_share):
    if common:  # as for a word the planner expects in more stories than these thresholds
        monkeypatch.setattr(postgresql, "HEADLINE_WALK_ABOVE", 0)  # headlines walked
        monkeypatch.setattr(postgresql, "COLLECT_AT_MOST", 0)
        monkeypatch.setattr(postgresql, "WALK_SHARE", walk_share)  # documents walked, or windowed
        monkeypatch.setattr(postgresql, "WINDOW_ROWS", 1)
    world = story("Tessaly ferry plan", section="world", topics=("Russia",), authors=("Asha Verma",), days_ago=10)
    business = story("Tessaly ferry shares", section="business", topics=("Markets",), authors=("Rohan Iyer",))
    in_body = story("Harbour report", section="business", body=[("paragraph", "<p>The tessaly ferry sailed.</p>")])
    today = timezone.localdate()

    def found(**params):
        filters = search_query.filters_from(params)
        return {item.pk for item in search_query.search("tessaly ferry", filters).items}

    assert found() == {world.pk, business.pk, in_body.pk}
    assert found(section="world") == {world.pk}
    assert found(section="business") == {business.pk, in_body.pk}
    assert found(topic="russia") == {world.pk}
    assert found(author="rohan-iyer", section="business") == {business.pk}
    assert found(**{"from": str(today - timedelta(days=3))}) == {business.pk, in_body.pk}
    assert found(to=str(today - timedelta(days=3))) == {world.pk}
    StoryDocument.objects.filter(story_id=business.pk).update(embargoed_until=timezone.now() + timedelta(hours=1))
    assert found(section="business") == {in_body.pk}


@postgresql_only
def test_documents_carry_their_month_which_no_reader_query_matches(story):
    page = story("Quorvane report")
    month = month_lexeme(page.published_at)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT document @@ %s::tsquery FROM dateline_search_storydocument WHERE story_id = %s", [month, page.pk]
        )
        assert cursor.fetchone() == (True,)
    assert search_query.search(month).items == [] and search_query.search(month[1:]).items == []


@postgresql_only
def test_a_common_words_newest_matches_are_found_in_the_newest_months(story, monkeypatch):
    monkeypatch.setattr(postgresql, "COLLECT_AT_MOST", 0)  # every word is common
    monkeypatch.setattr(postgresql, "WALK_SHARE", 2)  # but never so common as to walk
    monkeypatch.setattr(postgresql, "WINDOW_ROWS", 2)  # the months of the newest two documents
    monkeypatch.setattr(postgresql, "HEADLINE_POOL", 1)
    body = [("paragraph", "<p>The quorvane rose again.</p>")]
    newest = [story("Market day", body=body, days_ago=days) for days in (0, 1)]
    old = story("Market day", body=body, days_ago=100)  # months before the window
    with CaptureQueriesContext(connection) as queries:
        monkeypatch.setattr(postgresql, "DOCUMENT_POOL", 2)  # the window holds enough
        assert {item.pk for item in search_query.search("quorvane").items} == {page.pk for page in newest}
    assert any("::tsquery" in query["sql"] and "'~" in query["sql"] for query in queries.captured_queries)
    monkeypatch.setattr(postgresql, "DOCUMENT_POOL", 3)  # it does not: every match is collected
    assert {item.pk for item in search_query.search("quorvane").items} == {old.pk, *(page.pk for page in newest)}
