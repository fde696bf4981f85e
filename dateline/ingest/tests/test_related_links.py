from io import StringIO
from pathlib import Path

from django.core.management import call_command

from dateline.ingest.models import PendingRelatedLink
from dateline.ingest.signal_handlers import normalise_headline
from dateline.newsroom.models import ArticlePage
from dateline.newsroom.story import Story, page_from_story, paragraph_html

FIXTURE = Path(__file__).parent / "fixtures" / "text_article.txt"
DREDGING = "Dredging of the main channel finished ahead of schedule"
RENT = "Council weighs rent cuts for promenade traders"


def import_market_story(*flags):
    call_command("import", "text", str(FIXTURE), *flags, stdout=StringIO(), stderr=StringIO())
    return ArticlePage.objects.get(source="text")


def links(page):
    return {child.value["title"]: child.value["page"] for child in page.body if child.block_type == "related_link"}


def test_headlines_are_normalised_for_matching():
    assert normalise_headline("  Taliban’s  rise “masks” ASSERTION ") == normalise_headline(
        'taliban\'s rise "masks" assertion'
    )


def test_links_wait_for_stories_that_arrive_later(newsroom, make_story):
    market = import_market_story("--publish")
    assert links(market) == {DREDGING: None, RENT: None}
    assert set(PendingRelatedLink.objects.values_list("normalised_headline", flat=True)) == {
        normalise_headline(DREDGING),
        normalise_headline(RENT),
    }

    # Dated stories reach the site as a "change" (story_changed), undated ones as a first publication.
    dredging = make_story("Dredging of the Main Channel  finished ahead of schedule")
    rent = page_from_story(Story(headline="Council weighs rent cuts for promenade traders", body=[]), publish=True)[0]

    market.refresh_from_db()
    assert links(market) == {DREDGING: dredging, RENT: rent}
    assert not market.has_unpublished_changes
    assert links(market.get_latest_revision_as_object()) == {DREDGING: dredging, RENT: rent}
    assert not PendingRelatedLink.objects.exists()


def test_headlines_of_existing_stories_resolve_at_import(newsroom, make_story):
    rent = make_story("COUNCIL WEIGHS RENT CUTS FOR PROMENADE TRADERS")
    market = import_market_story("--publish")
    assert links(market) == {DREDGING: None, RENT: rent}
    assert list(PendingRelatedLink.objects.values_list("headline", flat=True)) == [DREDGING]


def test_drafts_are_not_link_targets_until_published(newsroom, make_story):
    # (newsroom's page_from_story links exact-title matches itself, drafts included; this title differs in case)
    draft = make_story(DREDGING.upper(), publish=False)
    market = import_market_story("--publish")
    assert links(market)[DREDGING] is None
    draft.get_latest_revision().publish()
    market.refresh_from_db()
    assert links(market)[DREDGING] == draft


def test_a_waiting_draft_gets_the_link_in_its_latest_revision_and_stays_a_draft(newsroom, make_story):
    market = import_market_story()
    dredging = make_story(DREDGING)
    market.refresh_from_db()
    assert not market.live
    assert links(market.get_latest_revision_as_object())[DREDGING] == dredging
    assert market.revisions.count() == 2


def test_a_live_story_with_unpublished_edits_keeps_its_live_version(newsroom, make_story):
    market = import_market_story("--publish")
    edit = market.get_latest_revision_as_object()
    edit.standfirst = "An edit waiting for review."
    edit.save_revision()
    dredging = make_story(DREDGING)
    market.refresh_from_db()
    assert links(market)[DREDGING] is None  # the live version is untouched
    latest = market.get_latest_revision_as_object()
    assert (latest.standfirst, links(latest)[DREDGING]) == ("An edit waiting for review.", dredging)
    assert market.has_unpublished_changes


def test_a_story_that_stops_naming_a_headline_stops_waiting(newsroom):
    market = import_market_story("--publish")
    edit = market.get_latest_revision_as_object()
    edit.body = [("paragraph", paragraph_html("No related stories now."))]
    edit.save_revision()
    assert not PendingRelatedLink.objects.filter(story=market).exists()
