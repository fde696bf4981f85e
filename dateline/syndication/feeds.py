"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, each section, topic and author.

Built on Django's syndication framework. The generators are extended with what news readers expect
beyond the basics: the full story (content:encoded / Atom content / content_html), every author, and
the lead picture as Media RSS (media:content with its caption and credit).
"""

import json
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape, strip_tags

from dateline.newsroom.models import Author, SectionPage, SiteSettings, Topic
from dateline.syndication import stories as syndication
from dateline.syndication.cleaning import body_html
from dateline.syndication.freshness import conditional, last_change

MAX_ITEMS = 50
MEDIA_NS = "http://search.yahoo.com/mrss/"


def add_media_content(handler, picture):
    if picture is None:
        return
    attributes = {"url": picture.url, "medium": "image", "type": picture.mime_type}
    attributes.update(width=str(picture.width), height=str(picture.height))
    handler.startElement("media:content", attributes)
    if picture.caption:
        handler.addQuickElement("media:description", picture.caption, {"type": "plain"})
    if picture.credit:
        handler.addQuickElement("media:credit", picture.credit)
    handler.endElement("media:content")


class RssStoryFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS's own <author> must be an email address; Dublin Core names each writer instead.
        for name, _url in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        # RSS items have no "updated" of their own; Atom's element is the usual extension.
        handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content_html"])
        add_media_content(handler, item["picture"])


class AtomStoryFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})
        add_media_content(handler, item["picture"])


class JsonStoryFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "authors": [{"name": self.feed["author_name"], "url": self.feed["link"]}],
            "items": [self.item_data(item) for item in self.items],
        }
        outfile.write(json.dumps(feed, ensure_ascii=False, indent=1).encode(encoding))

    def item_data(self, item):
        data = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "summary": item["summary"],
            "content_html": item["content_html"],
            "date_published": rfc3339_date(item["pubdate"]),
            "date_modified": rfc3339_date(item["updateddate"]),
            "authors": [{"name": name, "url": url} for name, url in item["authors"]],
            "tags": item["categories"],
        }
        if item["picture"]:
            data["image"] = item["picture"].url
        return data


@dataclass
class FeedRequest:
    """Everything about one request that the feed's methods need (a Feed instance serves every request)."""

    request: object
    root_url: str
    site_settings: SiteSettings
    subject: object  # the section, topic or author the feed is about; None for the whole site
    stories: object


@dataclass
class Entry:
    title: str
    url: str
    guid: str
    summary: str
    published: object
    updated: object
    authors: list
    categories: list
    picture: object
    content_html: str


class StoryFeed(Feed):
    """The newest stories of the whole site. Subclasses narrow them to one section, topic or author."""

    def __init__(self, feed_type):
        self.feed_type = feed_type

    @classmethod
    def as_view(cls, feed_type):
        def changed_at(request, **kwargs):
            return last_change(cls.stories(**kwargs)[:MAX_ITEMS])

        return conditional(changed_at)(cls(feed_type))

    @staticmethod
    def stories(**kwargs):
        return syndication.syndicated_stories()

    def get_subject(self, **kwargs):
        return None

    def subject_url(self, feed, request):
        return feed.root_url + "/"

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Feed sets Last-Modified from the newest item; `conditional` sets one that also knows about
        # stories that were unpublished, and the two must agree for 304s to be right.
        response.headers.pop("Last-Modified", None)
        return response

    def get_object(self, request, **kwargs):
        return FeedRequest(
            request=request,
            root_url=syndication.site_root_url(request),
            site_settings=SiteSettings.for_request(request),
            subject=self.get_subject(**kwargs),
            stories=self.stories(**kwargs),
        )

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.site_settings.language
        return feed

    def title(self, obj):
        site_name = obj.site_settings.site_name
        return f"{site_name}: {obj.subject}" if obj.subject else site_name

    def link(self, obj):
        return self.subject_url(obj, obj.request)

    def description(self, obj):
        # A channel description is plain text, but some readers show it as HTML: no markup goes out.
        return strip_tags(obj.site_settings.tagline or f"The latest stories from {obj.site_settings.site_name}")

    def feed_url(self, obj):
        return syndication.absolute(obj.root_url, obj.request.path)

    def author_name(self, obj):
        # Atom wants an author for every entry; the newsroom stands in for stories without a byline.
        return obj.site_settings.site_name

    def items(self, obj):
        stories = syndication.with_people(obj.stories)[:MAX_ITEMS]
        return [self.entry(story, obj) for story in stories]

    def entry(self, story, feed):
        authors = syndication.authors_of(story)
        topics = syndication.topics_of(story)
        return Entry(
            title=story.title,
            url=story.get_full_url(feed.request),
            guid=syndication.story_guid(story, feed.root_url),
            summary=story.standfirst,
            published=story.published_at,
            updated=syndication.modified_at(story),
            authors=[
                (author.name, syndication.absolute(feed.root_url, author.get_absolute_url())) for author in authors
            ],
            categories=([story.section.title] if story.section else []) + [topic.name for topic in topics],
            picture=syndication.lead_picture(story, feed.root_url),
            content_html=body_html(story, feed.root_url),
        )

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.url

    def item_description(self, item):
        # RSS descriptions and Atom summaries (type="html") are HTML; the standfirst is plain text.
        return escape(item.summary)

    def item_guid(self, item):
        return item.guid

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_categories(self, item):
        return item.categories

    def item_extra_kwargs(self, item):
        return {
            "authors": item.authors,
            "summary": item.summary,
            "content_html": item.content_html,
            "picture": item.picture,
        }


class SectionFeed(StoryFeed):
    @staticmethod
    def stories(slug):
        return syndication.syndicated_stories().filter(section__slug=slug)

    def get_subject(self, slug):
        return get_object_or_404(SectionPage.objects.live(), slug=slug)

    def subject_url(self, feed, request):
        return feed.subject.get_full_url(request)

    def description(self, obj):
        return strip_tags(obj.subject.intro) or super().description(obj)


class TopicFeed(StoryFeed):
    @staticmethod
    def stories(slug):
        return syndication.syndicated_stories().filter(topic_links__topic__slug=slug)

    def get_subject(self, slug):
        return get_object_or_404(Topic, slug=slug)

    def subject_url(self, feed, request):
        return syndication.absolute(feed.root_url, feed.subject.get_absolute_url())

    def description(self, obj):
        return strip_tags(obj.subject.description or f"Stories about {obj.subject.name}")


class AuthorFeed(StoryFeed):
    @staticmethod
    def stories(slug):
        return syndication.syndicated_stories().filter(author_links__author__slug=slug)

    def get_subject(self, slug):
        return get_object_or_404(Author, slug=slug)

    def subject_url(self, feed, request):
        return syndication.absolute(feed.root_url, feed.subject.get_absolute_url())

    def description(self, obj):
        return strip_tags(f"Stories by {obj.subject.name}")
