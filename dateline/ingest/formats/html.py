"""Article pages, saved as HTML files or fetched by URL.

The page's own metadata (JSON-LD NewsArticle/Article, then OpenGraph and <meta> tags) gives the headline,
standfirst, authors, dates, section, tags and lead image. The body is the element the page marks as the article
body (itemprop=articleBody, <article>, the usual CMS classes), else the element holding most paragraph text.

trafilatura was tried for finding the body; it works offline but brings twelve more packages (dateparser, regex,
babel, tld, …) and returns text or simplified HTML without figures' credits or embeds, which we need. Pages we
import mark their article well enough for BeautifulSoup (already a Wagtail dependency) to find it.
"""

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from django.utils.text import slugify

from dateline.ingest.fetch import load_image
from dateline.ingest.formats.base import Format, ImportFailure, Item
from dateline.newsroom.html_blocks import (
    blocks_from_html,
    join_url,
    normalise_credit,
    parse_html,
    remove_junk,
    split_credit,
    split_url,
)
from dateline.newsroom.story import Story, paragraph_html

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report"}
BODY_SELECTORS = [
    "[itemprop=articleBody]",
    "article .article-body",
    "article .story-body",
    "article .entry-content",
    ".article-body",
    ".story-body",
    ".entry-content",
    ".post-content",
    "article",
    "main",
]
# Furniture that sits inside an article element but is not the body text.
NOT_BODY = re.compile(r"\b(byline|standfirst|dek|kicker|author|dateline|timestamp|article-meta|tags?)\b", re.I)
MIN_ARTICLE_CHARS = 150
STANDFIRST_MAX = 400


class HtmlFormat(Format):
    name = "html"
    suffixes = (".html", ".htm")

    def items(self, source):
        data = self.read_bytes(source)
        story = self.story_from_html(data, source)
        yield Item(source=source, ref="", story=story)

    def story_from_html(self, data, source):
        soup = parse_html(data)
        is_url = source.startswith(("http://", "https://"))
        base_url = source if is_url else None
        meta = page_metadata(soup)
        headline = first(meta.get("headline"), meta.get("og:title"), text_of(soup.find("h1")), text_of(soup.title))
        loader = self.image_loader(source)
        body_element = find_body(soup)
        if not headline or body_element is None and not meta.get("articleBody"):
            raise ImportFailure("no article found (no headline or no article body on the page)")

        lead_url = meta.get("image")
        lead_caption, lead_credit = meta.get("image_caption", ""), meta.get("image_credit", "")
        if body_element is not None:
            lead_figure = find_lead_figure(body_element, lead_url)
            if lead_figure is not None:
                lead_url = lead_url or lead_figure.img.get("src")
                lead_caption, lead_credit = figure_caption(lead_figure, lead_caption, lead_credit)
                lead_figure.decompose()
            for tag in body_element.find_all(["h1", "header", "time"]) + body_element.find_all(class_=NOT_BODY):
                if tag.name:  # not inside one removed before it (Tag.decomposed searches the tree)
                    tag.decompose()
            body = blocks_from_html(str(body_element), base_url=base_url, load_image=loader)
        else:
            body = [("paragraph", paragraph_html(part)) for part in meta["articleBody"].split("\n") if part.strip()]
        if not any(kind == "paragraph" for kind, _ in body):
            raise ImportFailure("no article found (the article body has no paragraphs)")

        standfirst = first(meta.get("description"), meta.get("og:description"))
        story = Story(
            headline=headline[:255],
            standfirst=standfirst[:STANDFIRST_MAX],
            body=body,
            lead_image_caption=lead_caption[:500],
            lead_image_credit=lead_credit[:255],
            section=slugify(meta.get("section", ""))[:80],
            topics=meta.get("tags", []),
            authors=meta.get("authors", []),
            published_at=parse_date(meta.get("published")),
            updated_at=parse_date(meta.get("modified")),
            source="html",
            source_id=meta.get("url") or (source if is_url else str(Path(source).resolve())),
        )
        if lead_url:
            lead_url = join_url(base_url or "", lead_url)
            story.lead_image = loader(lead_url) if lead_url else None
            if story.lead_image is not None:
                story.lead_image.caption, story.lead_image.credit = lead_caption, lead_credit
        return story

    def image_loader(self, source):
        """load_image(url) for this page: fetched for web pages and absolute URLs, else read beside the file."""
        folder = None if source.startswith(("http://", "https://")) else Path(source).resolve().parent

        def load(url):
            return load_image(url, folder=folder, allow_private=self.allow_private)

        return load


def page_metadata(soup):
    """What the page says about itself: JSON-LD article fields first, then OpenGraph and <meta> tags."""
    meta = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = (tag.get("content") or "").strip()
        if not key or not value:
            continue
        key = key.lower()
        if key == "article:tag":
            meta.setdefault("og_tags", []).append(value)
        else:
            meta.setdefault(key, value)
    canonical = soup.find("link", rel="canonical")
    article = json_ld_article(soup)
    authors = [person_name(a) for a in as_list(article.get("author"))] or split_names(meta.get("author", ""))
    tags = meta.get("og_tags", []) + keywords(article.get("keywords")) + keywords(meta.get("keywords"))
    image = first_image(article.get("image"))
    return {
        "headline": clean(article.get("headline") or article.get("name")),
        "og:title": clean(meta.get("og:title") or meta.get("twitter:title")),
        "description": clean(article.get("description")),
        "og:description": clean(meta.get("og:description") or meta.get("description")),
        "articleBody": article.get("articleBody") or "",
        "authors": unique([a for a in authors if a]),
        "published": article.get("datePublished") or meta.get("article:published_time"),
        "modified": article.get("dateModified") or meta.get("article:modified_time"),
        "section": clean(first_of(article.get("articleSection")) or meta.get("article:section")),
        "tags": unique(tags)[:20],
        "image": image.get("url") or meta.get("og:image"),
        "image_caption": split_credit(clean(image.get("caption")))[0],
        "image_credit": normalise_credit(clean(image.get("creditText") or image.get("copyrightHolder"))),
        "canonical": canonical.get("href", "").strip() if canonical else "",
        "og:url": meta.get("og:url", ""),
        "url": (canonical.get("href", "").strip() if canonical else "") or meta.get("og:url", ""),
    }


def json_ld_article(soup):
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue  # broken JSON-LD is common; the other metadata still counts
        stack = as_list(data)
        while stack:
            node = stack.pop(0)
            if not isinstance(node, dict):
                continue
            if set(as_list(node.get("@type"))) & ARTICLE_TYPES:
                return node
            stack.extend(as_list(node.get("@graph")))
    return {}


def find_body(soup):
    remove_junk(soup)
    for selector in BODY_SELECTORS:
        for element in soup.select(selector):
            if paragraph_chars(element) >= MIN_ARTICLE_CHARS:
                return element
    # No marked body: the element with the most paragraph text directly inside it.
    candidates = soup.find_all(["div", "section", "td"])
    best = max(candidates, key=lambda element: paragraph_chars(element, recursive=False), default=None)
    return best if best is not None and paragraph_chars(best, recursive=False) >= MIN_ARTICLE_CHARS else None


def paragraph_chars(element, recursive=True):
    return sum(len(p.get_text(strip=True)) for p in element.find_all("p", recursive=recursive))


def find_lead_figure(body, lead_url):
    """The figure showing the lead image, else a figure that comes before any paragraph of the body."""
    first_paragraph = body.find("p")
    for figure in body.find_all("figure"):
        src = figure.img.get("src", "") if figure.img else ""
        if lead_url and src and split_url(src).path == split_url(lead_url).path:
            return figure
    figure = body.find("figure")
    before_text = first_paragraph is None or figure in first_paragraph.find_all_previous("figure")
    if figure is not None and figure.img is not None and before_text:
        return figure
    return None


def figure_caption(figure, caption, credit):
    caption_tag = figure.find("figcaption")
    if caption_tag is None:
        return caption, credit
    credit_tag = caption_tag.find(class_=re.compile(r"credit|copyright", re.I))
    if credit_tag is not None:
        credit = normalise_credit(text_of(credit_tag))
        credit_tag.decompose()
    found_caption, found_credit = split_credit(text_of(caption_tag))
    return found_caption or caption, credit or found_credit


def parse_date(value):
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def person_name(value):
    if isinstance(value, dict):
        return clean(value.get("name"))
    return clean(value) if isinstance(value, str) and not value.startswith("http") else ""


def split_names(text):
    text = re.sub(r"^by\s+", "", clean(text), flags=re.I)
    return [name.strip() for name in re.split(r",|\band\b|&", text) if name.strip()]


def keywords(value):
    if isinstance(value, list):
        return [clean(v) for v in value if isinstance(v, str) and clean(v)]
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def first_image(value):
    value = first_of(value)
    if isinstance(value, str):
        return {"url": value}
    return value if isinstance(value, dict) else {}


def as_list(value):
    return value if isinstance(value, list) else [] if value is None else [value]


def first_of(value):
    values = as_list(value)
    return values[0] if values else None


def unique(values):
    seen, result = set(), []
    for value in values:
        if value.casefold() not in seen:
            seen.add(value.casefold())
            result.append(value)
    return result


def clean(value):
    return " ".join(str(value).split()) if value else ""


def first(*values):
    return next((value for value in values if value), "")


def text_of(tag):
    return clean(tag.get_text(" ")) if tag is not None else ""


FORMAT_CLASS = HtmlFormat
