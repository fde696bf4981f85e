import re

import pytest
from django.urls import reverse

from dateline.newsroom.models import ArticlePage, SectionPage, Topic


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def story(make_story):
    return make_story(
        "Russia extends its sphere of influence around Afghanistan",
        topics=("Afghanistan", "Russia"),
        authors=("Asha Verma", "Rohan Iyer"),
    )


def test_article_url_is_section_date_slug(story):
    day = story.published_at.strftime("%Y/%m/%d")
    assert story.url == f"/world/{day}/russia-extends-its-sphere-of-influence-around-afghanistan/"


def test_article_page_shows_every_part_of_the_seed_in_order(client, story, make_story):
    make_story("Taliban's rise masks Pashtun assertion", days_ago=1)
    html = html_of(client, story.url)
    parts = [
        'class="brand__name">English News<',  # site name
        "social__link--youtube",
        "social__link--facebook",
        "social__link--twitter",
        '<h1 id="headline" class="story__headline" dir="auto">'
        "Russia extends its sphere of influence around Afghanistan</h1>",
        '<figure class="story__lead">',
        '<span class="caption">Caption of lead-1</span>',
        '<span class="credit">Photo: lead-1 Agency</span>',
        'class="byline">By <a href="/authors/asha-verma/" rel="author">Asha Verma</a> and',
        "Published <time",
        '<h2 class="subheading">What happened next</h2>',
        "<blockquote><p>It is unacceptable</p></blockquote>",
        'href="/topics/afghanistan/" rel="tag">Afghanistan</a>',
        'Read more on <a href="/topics/afghanistan/">Afghanistan</a>',
        "Taliban&#x27;s rise masks Pashtun assertion",
    ]
    positions = [html.find(part) for part in parts]
    missing = [part for part, position in zip(parts, positions, strict=True) if position < 0]
    assert not missing, missing
    assert positions == sorted(positions), "the parts are not in the seed page's order"
    assert 'alt="Alt text for lead-1"' in html


def test_article_routes_only_at_its_canonical_url(client, story):
    tree_url = story.url_path.replace("/home", "", 1)  # /stories/yyyy/mm/slug/
    response = client.get(tree_url)
    assert response.status_code == 301 and response["Location"] == story.url
    moved = story.url.replace("/world/", "/sport/")
    response = client.get(moved)
    assert response.status_code == 301 and response["Location"] == story.url
    wrong_day = re.sub(r"/(\d{2})/russia", "/01/russia", story.url) if "/01/russia" not in story.url else None
    if wrong_day:
        assert client.get(wrong_day).status_code == 404


def test_draft_is_not_served(client, make_story):
    draft = make_story("A draft nobody may read", publish=False)
    assert client.get(draft.url).status_code == 404
    assert "A draft nobody may read" not in html_of(client, "/")


def test_home_page_has_lead_and_sections(client, make_story):
    make_story("Older world story", days_ago=3)
    make_story("Markets rally on budget", section="business", topics=("Markets",))
    lead = make_story("The newest story leads")
    html = html_of(client, "/")
    assert 'class="card card--lead"' in html
    lead_block = html[html.index("card--lead") : html.index("front__latest")]
    assert lead.title in lead_block
    assert 'id="section-' in html and ">Business</a></h2>" in html
    assert "Markets rally on budget" in html and "Older world story" in html


def test_section_page_lists_newest_first_and_paginates(client, make_story, settings):
    settings.DATELINE_STORIES_PER_PAGE = 2
    for days in (5, 1, 3):
        make_story(f"World story from {days} days ago", days_ago=days)
    make_story("A sport story", section="sport", topics=("Cricket",))
    html = html_of(client, "/world/")
    assert html.index("from 1 days ago") < html.index("from 3 days ago")
    assert "from 5 days ago" not in html and "A sport story" not in html
    assert 'rel="next" href="?page=2"' in html
    second = html_of(client, "/world/?page=2")
    assert "from 5 days ago" in second and 'rel="prev"' in second and 'rel="next"' not in second
    assert client.get("/world/?page=3").status_code == 404
    assert client.get("/world/?page=abc").status_code == 404


def test_topic_and_author_pages(client, make_story):
    make_story("Cricket final goes to the last ball", section="sport", topics=("Cricket",), authors=("Rohan Iyer",))
    make_story("Kabul markets reopen", topics=("Afghanistan", "Markets"))
    topic_html = html_of(client, reverse("newsroom:topic", args=["cricket"]))
    assert "<h1>Cricket</h1>" in topic_html and "Cricket final goes to the last ball" in topic_html
    assert "Kabul markets reopen" not in topic_html
    author_html = html_of(client, reverse("newsroom:author", args=["rohan-iyer"]))
    assert "<h1>Rohan Iyer</h1>" in author_html and "Sports writer" in author_html
    assert "Cricket final goes to the last ball" in author_html and "Kabul markets reopen" not in author_html
    assert "Cricket" in html_of(client, reverse("newsroom:topic_index"))
    assert "Rohan Iyer" in html_of(client, reverse("newsroom:author_index"))
    html_of(client, reverse("newsroom:topic", args=["no-such-topic"]), status=404)


def test_unknown_url_gets_the_styled_404(client, newsroom):
    html = html_of(client, "/no/such/page/", status=404)
    assert "We couldn’t find that page" in html and 'class="brand__name">English News<' in html


def test_story_survives_deleting_its_section_and_topic(client, story):
    SectionPage.objects.get(slug="world").delete()
    Topic.objects.get(name="Afghanistan").delete()
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.section is None
    html = html_of(client, story.url)
    assert story.url.startswith("/stories/")
    assert story.title in html and "Read more on" not in html.replace('Read more on <a href="/topics/russia/', "")
