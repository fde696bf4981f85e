"""Head tags (canonical link, OpenGraph and Twitter cards, JSON-LD, feed links) and share links.

Usage in a base template's <head>: {% load syndication_tags %}{% social_meta %}{% structured_data %}{% feed_links %}
The tags work out what the page is from the usual context variables: `page` (a Wagtail page), or
`topic` / `author` on those listing pages.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.models import Page

from dateline.newsroom.models import ArticlePage, Author, HomePage, SectionPage, SiteSettings, Topic
from dateline.syndication import social
from dateline.syndication import structured_data as schema_org
from dateline.syndication.stories import absolute, site_root_url

register = template.Library()

FEED_FORMATS = [
    ("rss", "application/rss+xml", "RSS"),
    ("atom", "application/atom+xml", "Atom"),
]


def page_subject(context):
    """(kind, object) for the page being rendered; (None, None) when it is about nothing in particular."""
    page = context.get("page")
    for kind, model in (("article", ArticlePage), ("home", HomePage), ("section", SectionPage), ("archive", Page)):
        if isinstance(page, model):
            return kind, page
    if isinstance(context.get("topic"), Topic):
        return "topic", context["topic"]
    if isinstance(context.get("author"), Author):
        return "author", context["author"]
    return None, None


def page_card(context):
    """The page's social card, worked out once per render and shared by the tags below, in included templates
    too (the render context's outermost layer: each included template gets a layer of its own on top)."""
    whole_render = context.render_context.dicts[0]
    if "syndication_card" not in whole_render:
        request = context["request"]
        kind, subject = page_subject(context)
        listing = context.get("page_of_stories")
        whole_render["syndication_card"] = social.card_for(
            kind,
            subject,
            request,
            SiteSettings.for_request(request),
            site_root_url(request),
            page_number=getattr(listing, "number", 1),
        )
    return whole_render["syndication_card"]


@register.simple_tag(takes_context=True)
def social_meta(context):
    card = page_card(context)
    if card is None:
        return ""
    return render_to_string("syndication/includes/social_meta.html", {"card": card})


@register.simple_tag(takes_context=True)
def structured_data(context):
    card = page_card(context)
    if card is None:
        return ""
    request = context["request"]
    kind, subject = page_subject(context)
    site_settings = SiteSettings.for_request(request)
    graphs = schema_org.graphs_for(kind, subject, card, request, site_settings, site_root_url(request))
    # mark_safe: of a constant, the whitespace after the last block.
    return format_html_join("\n  ", "{}", ((schema_org.json_ld(graph),) for graph in graphs)) + mark_safe("\n  ")  # nosec B308


@register.simple_tag(takes_context=True)
def feed_links(context):
    """<link rel="alternate"> for the feeds of this page's section, topic or author, then the site's."""
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    root_url = site_root_url(request)
    kind, subject = page_subject(context)
    links = []
    if kind in ("section", "topic", "author"):
        name = subject.title if kind == "section" else subject.name
        for suffix, mime_type, label in FEED_FORMATS:
            href = reverse(f"syndication:{kind}_{suffix}", args=[subject.slug])
            links.append((f"{site_settings.site_name}: {name} ({label})", mime_type, absolute(root_url, href)))
    for suffix, mime_type, label in FEED_FORMATS + [("json", "application/feed+json", "JSON Feed")]:
        href = reverse(f"syndication:site_{suffix}")
        links.append((f"{site_settings.site_name} ({label})", mime_type, absolute(root_url, href)))
    return render_to_string("syndication/includes/feed_links.html", {"links": links})


@register.simple_tag(takes_context=True)
def share_links(context):
    """Share links for the story being rendered: [(network, label, href), ...]."""
    kind, page = page_subject(context)
    if kind != "article":
        return []
    card = page_card(context)
    return social.share_links(card.url, card.title, SiteSettings.for_request(context["request"]))
