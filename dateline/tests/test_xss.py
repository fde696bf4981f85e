"""Every payload of xss_payloads.txt through every writable field and every importer, then every public and admin
page that shows them, read back by a real HTML parser (html5lib, as a browser parses): no script but the page's
own, no event handler, no script URL, no frame but the embeds'.

One story holds all the payloads (headline, standfirst, every body block, its picture, its topic and author), so the
test renders each page once.
"""

import json
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import html5lib
import pytest
from lxml import etree

from dateline.conftest import picture
from dateline.ingest.formats import get_format
from dateline.newsroom.html_blocks import blocks_from_html
from dateline.newsroom.models import ArticlePage, Author, SiteSettings, Topic
from dateline.newsroom.story import Story, page_from_story, paragraph_html

PAYLOADS = [line for line in (Path(__file__).parent / "xss_payloads.txt").read_text().splitlines() if line.strip()]
ALL = " ".join(PAYLOADS)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data", "background"}
URL_ATTRIBUTES |= {"cite", "longdesc", "manifest", "ping", "lowsrc", "dynsrc", "icon"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
EMBED_HOSTS = {"www.youtube-nocookie.com", "www.youtube.com", "www.facebook.com", "platform.twitter.com"}
JSON_SCRIPT_TYPES = {"application/ld+json", "application/json"}
# What a payload's script would contain; the page's own inline scripts contain none of it.
MARKERS = ("alert(", "msgbox(", "xss.example")


def scheme_of(value):
    """The scheme a browser would see: entities are already decoded by the parser; it also drops ASCII
    whitespace and control characters anywhere in the scheme."""
    squeezed = "".join(char for char in value if ord(char) > 32).lower()
    return squeezed.split(":", 1)[0] + ":" if ":" in squeezed else ""


def problems_in_html(document, where, *, fragment=False):
    parse = html5lib.parseFragment if fragment else html5lib.parse
    tree = parse(document, treebuilder="lxml", namespaceHTMLElements=False)
    roots = tree if fragment else [tree.getroot()]
    found = []
    for root in roots:
        if not isinstance(root, etree._Element):
            continue
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            tag = etree.QName(element).localname.lower()
            found += problems_of_element(element, tag, where)
    return found


def problems_of_element(element, tag, where):
    found = []
    for name, value in element.attrib.items():
        name = etree.QName(name).localname.lower() if name.startswith("{") else name.lower()
        if name.startswith("on"):
            found.append(f"{where}: <{tag} {name}={value[:60]!r}>")
        if name in URL_ATTRIBUTES or name.endswith(":href"):
            for candidate in value.split(",") if name == "srcset" else [value]:
                scheme = scheme_of(candidate.strip())
                picture_data = tag == "img" and scheme == "data:" and candidate.strip().startswith("data:image/")
                if scheme in SCRIPT_SCHEMES and not picture_data:
                    found.append(f"{where}: <{tag} {name}={value[:60]!r}>")
        if name == "style" and ("expression(" in value.lower() or "javascript:" in value.lower()):
            found.append(f"{where}: <{tag} style={value[:60]!r}>")
    if tag == "script":
        kind = (element.get("type") or "").lower()
        text = element.text or ""
        if kind in JSON_SCRIPT_TYPES:
            try:
                json.loads(text)
            except ValueError:
                found.append(f"{where}: a {kind} script that is not JSON: {text[:80]!r}")
            if "</script" in text.lower():
                found.append(f"{where}: a {kind} script holding </script")
        elif element.get("src") and urlsplit(element.get("src")).netloc:
            found.append(f"{where}: a script from elsewhere: {element.get('src')!r}")
        elif any(marker in text for marker in MARKERS):
            found.append(f"{where}: a payload's script: {text[:80]!r}")
    # An iframe without a source is empty (the admin's preview panel fills its own); any other must be an embed's.
    if tag == "iframe" and element.get("src") is not None and urlsplit(element.get("src")).hostname not in EMBED_HOSTS:
        found.append(f"{where}: an iframe of {element.get('src')!r}")
    if tag == "iframe" and element.get("srcdoc") is not None:
        found.append(f"{where}: an iframe with srcdoc")
    if tag in ("object", "embed", "base", "applet") or (
        tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh"
    ):
        found.append(f"{where}: <{tag}> {dict(element.attrib)}")
    return found


def problems_in_json(value, where):
    """Strings in an API or JSON feed answer that hold HTML are read as HTML fragments."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += problems_in_json(item, f"{where}.{key}")
    elif isinstance(value, list):
        for number, item in enumerate(value):
            found += problems_in_json(item, f"{where}[{number}]")
    elif isinstance(value, str) and "<" in value and where.split(".")[-1] in ("content_html", "body_html", "body"):
        found += problems_in_html(value, where, fragment=True)
    return found


def problems_in_xml(content, where):
    root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    found = []
    for element in root.iter():
        name = etree.QName(element).localname if isinstance(element.tag, str) else ""
        # Plain text by declaration: media:description type="plain", Atom type="text", and the channel's own
        # description (RSS gives HTML only to items).
        holds_html = name in ("description", "encoded", "content", "summary") and "<" in (element.text or "")
        if not holds_html:
            continue
        parent = etree.QName(element.getparent()).localname
        if element.get("type") not in ("plain", "text") and parent != "channel":
            found += problems_in_html(element.text, f"{where} <{parent}><{name}>", fragment=True)
    return found


@pytest.fixture
def hostile_story(newsroom, django_user_model):
    """One published story with a payload in every field an editor or an importer can write."""
    settings = SiteSettings.for_site(newsroom["home"].get_site())
    settings.site_name = PAYLOADS[3][:100]
    settings.tagline = PAYLOADS[4][:200]
    settings.social_links = [
        ("link", {"network": "twitter", "url": 'https://x.com/a?b="><script>alert(1)</script>'}),
        ("link", {"network": "facebook", "url": "https://facebook.com/a' onmouseover='alert(1)"}),
    ]
    settings.save()
    for number, payload in enumerate(PAYLOADS[:8]):
        Topic.objects.create(name=f"{payload[:100]} {number}", description=ALL)
        Author.objects.create(name=f"{payload[:100]} {number}", role=payload[:120], bio=ALL)
    image = picture("hostile")
    image.title, image.alt, image.caption, image.credit = PAYLOADS[0], PAYLOADS[11][:255], ALL[:500], PAYLOADS[12]
    body = blocks_from_html("".join(f"<p>{payload}</p>" for payload in PAYLOADS), base_url="https://wire.example/")
    body += [("paragraph", paragraph_html(payload)) for payload in PAYLOADS]
    # Every payload as a subheading, and as a quotation's text and attribution and an embed's caption.
    body += [("subheading", ALL[:255]), ("subheading", ALL[-255:])]
    body += [("quotation", {"text": ALL, "attribution": payload[:255]}) for payload in PAYLOADS[::8]]
    body += [("embed", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": ALL[:500]})]
    body += [("embed", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": ALL[-500:]})]
    body += [
        ("embed", {"url": 'https://www.youtube.com/watch?v=x"><script>alert(1)</script>', "caption": ""}),
        ("image", {"image": picture("inline"), "caption": ALL[:500], "credit": PAYLOADS[1]}),
        ("related_link", {"url": 'https://example.com/"><script>alert(1)</script>', "title": PAYLOADS[0]}),
    ]
    topics = [topic.name for topic in Topic.objects.order_by("id")][4:]
    authors = [author.name for author in Author.objects.order_by("id")][2:]
    story = Story(
        headline=PAYLOADS[4],
        standfirst=ALL[:1000],
        body=body,
        lead_image=image,
        lead_image_caption=PAYLOADS[44],
        lead_image_credit=PAYLOADS[45],
        section="world",
        topics=topics,
        authors=authors,
        source="xss",
        source_id="hostile",
    )
    page, _ = page_from_story(story, publish=True)
    # The SEO fields, as the promote tab saves them.
    ArticlePage.objects.filter(pk=page.pk).update(seo_title=PAYLOADS[5], search_description=ALL[:1000])
    admin = django_user_model.objects.create_superuser("xss-admin", "xss@example.com", "x")
    return {"page": ArticlePage.objects.get(pk=page.pk), "admin": admin}


def test_no_payload_runs_on_any_reader_page_feed_or_api(client, hostile_story):
    page = hostile_story["page"]
    topic, author = page.topics[0], page.authors[0]
    html_pages = [
        page.url,
        "/",
        "/world/",
        f"/topics/{topic.slug}/",
        f"/authors/{author.slug}/",
        "/topics/",
        "/search/?" + urlencode({"q": ALL[:200]}),
        "/search/?" + urlencode({"q": PAYLOADS[0]}),
        "/search/?" + urlencode({"q": "alert"}),
    ]
    found = []
    for url in html_pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        found += problems_in_html(response.content.decode(), url)
    for url in ["/feeds/rss/", "/feeds/atom/", "/sitemap.xml", "/news-sitemap.xml", "/feeds/section/world/rss/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        found += problems_in_xml(response.content, url)
    for url in ["/feeds/json/", "/api/stories/", f"/api/stories/{page.pk}/", "/api/ninjs/stories/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        found += problems_in_json(response.json(), url)
    assert not found, "\n".join(found)


def test_no_payload_runs_in_the_admin(client, hostile_story):
    client.force_login(hostile_story["admin"])
    page = hostile_story["page"]
    found = []
    for url in [
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.get_parent().pk}/",
        "/admin/pages/search/?" + urlencode({"q": "script"}),
        "/admin/snippets/newsroom/topic/",
        "/admin/snippets/newsroom/author/",
        "/admin/images/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        found += problems_in_html(response.content.decode(), url)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("format_name", ["text", "html", "ninjs", "feed", "wxr"])
def test_every_importer_stores_no_payload(tmp_path, newsroom, format_name):
    """Each format's own way of carrying markup, filled with every payload, imported and read back."""
    from xml.sax.saxutils import escape

    paragraphs = "".join(f"<p>{payload}</p>" for payload in PAYLOADS)
    long_text = "The council agreed the budget after a long night of talks in the capital. " * 3
    documents = {
        "text": ("story.txt", f"{PAYLOADS[0]}\n\n{long_text}\n\n" + "\n\n".join(PAYLOADS) + "\n"),
        "html": (
            "story.html",
            f"<html><head><title>{PAYLOADS[0]}</title><meta name=description content='{PAYLOADS[5]}'></head>"
            f"<body><article><h1>Headline {PAYLOADS[11]}</h1><p>{long_text}</p>{paragraphs}</article></body></html>",
        ),
        "ninjs": (
            "story.json",
            json.dumps(
                {
                    "uri": "http://wire.example/xss",
                    "type": "text",
                    "versioncreated": "2024-04-01T10:00:00Z",
                    "headline": PAYLOADS[0],
                    "body_html": paragraphs,
                    "subject": [{"name": PAYLOADS[3][:100]}],
                }
            ),
        ),
        "feed": (
            "feed.xml",
            f'<rss version="2.0"><channel><title>Wire</title><item><title>Wire story {escape(PAYLOADS[0])}</title>'
            f"<guid>https://wire.example/1</guid><category>{escape(PAYLOADS[3])}</category>"
            f"<description>{escape(paragraphs)}</description></item></channel></rss>",
        ),
        "wxr": (
            "export.xml",
            '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<channel><title>Blog</title><link>https://blog.example</link>"
            f"<item><title>Wire story {escape(PAYLOADS[0])}</title>"
            "<wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_id>1</wp:post_id>"
            "<wp:post_date_gmt>2024-04-01 10:00:00</wp:post_date_gmt>"
            f"<content:encoded>{escape(paragraphs)}</content:encoded></item></channel></rss>",
        ),
    }
    name, text = documents[format_name]
    path = tmp_path / name
    path.write_text(text)
    [item] = list(get_format(format_name, sections={"world": "world"}).items(str(path)))
    assert item.story is not None, item.error
    item.story.section = "world"
    page, _ = page_from_story(item.story, publish=True)
    found = []
    for block in page.body:
        if block.block_type == "paragraph":
            found += problems_in_html(block.value.source, f"{format_name} paragraph", fragment=True)
    from django.test import Client

    response = Client().get(page.url, follow=True)
    assert response.status_code == 200
    found += problems_in_html(response.content.decode(), f"{format_name} {page.url}")
    assert not found, "\n".join(found)
