"""Content tags: what a cached response was built from, so that a change drops exactly the pages it shows on.

Content tags name one thing a response showed:

    site                    the site settings (name, navigation, social links): every cached response
    home:<pk>               the home page itself        section:<pk>   a section page (its title, intro)
    story:<pk>              a story, as a page or a card in any list
    topic:<pk>, author:<pk> a topic or an author (its name, description, photo)
    page:<pk>               any other page (the archive and its year and month folders)
    path:<hash>             a 404 for this path (`path_tag`): a story published there later drops it

List tags name a list that a story not shown yet would join when it is published:

    list:home, list:section:<pk>, list:topic:<pk>, list:author:<pk>
    list:feeds (the site-wide feeds), list:sitemap (sitemaps), list:news-sitemap, list:archive (date archive)
    list:topics, list:authors (the indexes of topics and authors)

Reader pages are tagged without the newsroom knowing: the middleware reads the TemplateResponse context after
it renders (`collect`). Views that return a plain HttpResponse tag their response themselves::

    from dateline.delivery.tags import add_tags

    def my_view(request):
        ...
        add_tags(request, f"story:{story.pk}", "list:feeds")
        return HttpResponse(...)

`add_tags` does nothing for a request the page cache does not store, so views may call it unconditionally.
"""

import hashlib
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.db.models import Model

REQUEST_ATTR = "_delivery_tags"

STORY_LISTS = ("page_of_stories", "read_more", "top_stories", "stories")
STORY_SINGLES = ("lead", "story")


def add_tags(request, *tags):
    """Record that the response to this request shows these tags (see the module docstring for names)."""
    collected = getattr(request, REQUEST_ATTR, None)
    if collected is not None:
        collected.update(tag for tag in tags if tag)


def is_collecting(request):
    return getattr(request, REQUEST_ATTR, None) is not None


def start(request):
    setattr(request, REQUEST_ATTR, set())


def collected(request):
    return set(getattr(request, REQUEST_ATTR, None) or ())


@contextmanager
def collected_apart(request):
    """The tags added inside the block, as a set of their own (what one fragment showed); they also join the
    request's own when the block ends."""
    outer = getattr(request, REQUEST_ATTR, None)
    inner = set()
    setattr(request, REQUEST_ATTR, inner)
    try:
        yield inner
    finally:
        setattr(request, REQUEST_ATTR, outer)
        if outer is not None:
            outer.update(inner)


def path_tag(path_or_url):
    """The tag of a not-found answer for a path (the path hashed: any characters, any length, one short tag)."""
    path = urlsplit(path_or_url).path or "/"
    return f"path:{hashlib.sha256(path.encode()).hexdigest()[:16]}"


def story_card_tags(story):
    tags = {f"story:{story.pk}"}
    if getattr(story, "section_id", None):
        tags.add(f"section:{story.section_id}")
    return tags


def page_tags(page):
    """The tags of a page as the main content of a response."""
    from dateline.newsroom.models import (
        ArticlePage,
        HomePage,
        SectionPage,
        StoryArchivePage,
        StoryMonthPage,
        StoryYearPage,
    )

    page = getattr(page, "specific_deferred", page)
    if isinstance(page, ArticlePage):
        tags = story_card_tags(page)
        tags.update(f"topic:{topic.pk}" for topic in page.topics)
        tags.update(f"author:{author.pk}" for author in page.authors)
        if page.primary_topic is not None:  # "Read more on …" lists the topic's newest stories
            tags.add(f"list:topic:{page.primary_topic.pk}")
        return tags
    if isinstance(page, HomePage):
        return {f"home:{page.pk}", "list:home"}
    if isinstance(page, SectionPage):
        return {f"section:{page.pk}", f"list:section:{page.pk}"}
    if isinstance(page, StoryArchivePage | StoryYearPage | StoryMonthPage):
        return {f"page:{page.pk}", "list:archive"}
    return {f"page:{page.pk}"}


def context_tags(context):
    """Tags of what a reader template's context shows. Reads only objects already loaded: no queries."""
    from wagtail.models import Page

    from dateline.newsroom.models import Author, Topic

    tags = set()
    if not context:
        return tags
    page = context.get("page")
    if isinstance(page, Page):
        tags.update(page_tags(page))
    for name in STORY_LISTS:
        stories = context.get(name)
        if not getattr(stories, "is_loaded", True):
            continue  # never needed by this render (a kept fragment showed it, with its own tags)
        for story in stories or ():
            if isinstance(story, Model):
                tags.update(story_card_tags(story))
    for name in STORY_SINGLES:
        story = context.get(name)
        if isinstance(story, Model):
            tags.update(story_card_tags(story))
    for section, stories in context.get("section_blocks") or ():
        tags.add(f"section:{section.pk}")
        if not getattr(stories, "is_loaded", True):
            continue
        for story in stories:
            tags.update(story_card_tags(story))
    topic = context.get("topic")
    if isinstance(topic, Topic):
        tags.update({f"topic:{topic.pk}", f"list:topic:{topic.pk}"})
    author = context.get("author")
    if isinstance(author, Author):
        tags.update({f"author:{author.pk}", f"list:author:{author.pk}"})
    if "topics" in context:
        tags.add("list:topics")
    if "authors" in context and not isinstance(page, Page):
        tags.add("list:authors")
    return tags


def navigation_tags(request):
    """The sections named in the navigation of every reader page (already loaded by the template)."""
    from dateline.newsroom.models import SiteSettings

    return {f"section:{section.pk}" for section in SiteSettings.for_request(request).navigation_sections}


def route_tags(request):
    """Tags of feeds and sitemaps, from the URL they answer (their views are not all TemplateResponses)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.namespace != "syndication":
        return set()
    name = match.url_name or ""
    if name == "news_sitemap":
        return {"list:news-sitemap"}
    if name.startswith("sitemap"):
        return {"list:sitemap"}
    kind = name.split("_", 1)[0]
    slug = match.kwargs.get("slug")
    if kind == "site":
        return {"list:feeds"}
    if slug and kind in ("section", "topic", "author"):
        from dateline.newsroom.models import Author, SectionPage, Topic

        model = {"section": SectionPage, "topic": Topic, "author": Author}[kind]
        pk = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
        if pk is not None:
            return {f"{kind}:{pk}", f"list:{kind}:{pk}"}
    return set()
