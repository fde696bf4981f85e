from dateline.newsroom.listings import read_more
from dateline.newsroom.models import ArticlePage


def titles(stories):
    return [story.title for story in stories]


def test_read_more_is_the_newest_other_stories_of_the_primary_topic(make_story):
    current = make_story("Current story", topics=("Afghanistan", "Russia"), days_ago=2)
    newest = make_story("Newest Afghanistan story", topics=("Afghanistan",), days_ago=0)
    make_story("Draft Afghanistan story", topics=("Afghanistan",), publish=False)
    make_story("Russia-only story", topics=("Russia",), days_ago=0)
    secondary = make_story("Afghanistan as a second topic", topics=("Cricket", "Afghanistan"), days_ago=1)
    older = [make_story(f"Older Afghanistan story {n}", topics=("Afghanistan",), days_ago=3 + n) for n in range(4)]

    result = read_more(ArticlePage.objects.get(pk=current.pk))

    assert titles(result) == [newest.title, secondary.title, older[0].title, older[1].title]


def test_read_more_drops_unpublished_stories(make_story):
    current = make_story("Current story")
    other = make_story("Another story", days_ago=1)
    assert titles(read_more(current)) == [other.title]
    ArticlePage.objects.get(pk=other.pk).unpublish()
    assert read_more(ArticlePage.objects.get(pk=current.pk)) == []


def test_no_topic_means_no_read_more(make_story):
    make_story("Elsewhere")
    assert read_more(make_story("Story without topics", topics=())) == []


def test_read_more_on_the_page_excludes_the_story_itself(client, make_story):
    make_story("Sibling story", days_ago=1)
    current = make_story("The story being read")
    html = client.get(current.url).content.decode()
    aside = html[html.index('class="read-more"') :]
    assert "Sibling story" in aside and "The story being read" not in aside
