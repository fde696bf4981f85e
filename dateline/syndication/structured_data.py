"""schema.org JSON-LD: NewsArticle and BreadcrumbList for stories, WebSite for home, CollectionPage for lists.

Search engines read these to show a story's headline, picture, date and byline in their results.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from dateline.syndication.stories import absolute, lead_picture, logo_picture, modified_at

# The same escapes as django.utils.html.json_script: no "</script>" or "<!--" can appear in the output.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 (escaped for a script element above)  # nosec B308 B703


def image_object(picture):
    data = {"@type": "ImageObject", "url": picture.url, "width": picture.width, "height": picture.height}
    if picture.caption:
        data["caption"] = picture.caption
    if picture.credit:
        data["creditText"] = picture.credit
    return data


def organization(site_settings, root_url):
    data = {"@type": "Organization", "name": site_settings.site_name, "url": root_url + "/"}
    logo = logo_picture(site_settings, root_url)
    if logo:
        data["logo"] = image_object(logo)
    social = [block.value["url"] for block in site_settings.social_links]
    if social:
        data["sameAs"] = social
    return data


def news_article(page, request, site_settings, root_url):
    url = page.get_full_url(request)
    publisher = organization(site_settings, root_url)
    picture = lead_picture(page, root_url) or logo_picture(site_settings, root_url)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": page.published_at,
        "dateModified": modified_at(page),
        "inLanguage": site_settings.language,
        # Without a byline the newsroom itself is the author, as Google's guidelines suggest.
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute(root_url, author.get_absolute_url())}
            for author in page.authors
        ]
        or [publisher],
        "publisher": publisher,
    }
    if page.standfirst:
        data["description"] = page.standfirst
    if picture:
        data["image"] = [image_object(picture)]
    if page.section:
        data["articleSection"] = page.section.title
    if page.topics:
        data["keywords"] = [topic.name for topic in page.topics]
    return data


def breadcrumbs(page, request, site_settings, root_url):
    trail = [(site_settings.site_name, root_url + "/")]
    if page.section:
        trail.append((page.section.title, page.section.get_full_url(request)))
    trail.append((page.title, page.get_full_url(request)))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def website(site_settings, root_url):
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site_settings.site_name,
        "url": root_url + "/",
        "inLanguage": site_settings.language,
        "publisher": organization(site_settings, root_url),
    }
    if site_settings.tagline:
        data["description"] = site_settings.tagline
    return data


def collection_page(card, site_settings, root_url, about=None):
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": card.title,
        "url": card.url,
        "inLanguage": site_settings.language,
        "isPartOf": {"@type": "WebSite", "name": site_settings.site_name, "url": root_url + "/"},
    }
    if card.description:
        data["description"] = card.description
    if about:
        data["about"] = about
    return data


def graphs_for(kind, subject, card, request, site_settings, root_url):
    """The JSON-LD objects of a page of the given kind (see syndication_tags.page_subject)."""
    if kind == "article":
        return [
            news_article(subject, request, site_settings, root_url),
            breadcrumbs(subject, request, site_settings, root_url),
        ]
    if kind == "home":
        return [website(site_settings, root_url)]
    about = None
    if kind == "topic":
        about = {"@type": "Thing", "name": subject.name}
    elif kind == "author":
        about = {"@type": "Person", "name": subject.name, "url": card.url}
    return [collection_page(card, site_settings, root_url, about=about)]
