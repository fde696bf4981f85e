"""Full-text search over published stories, for the reader's search page.

The text goes to the configured search backend (Wagtail's database backend: PostgreSQL full-text search with the
`SEARCH_CONFIG` language configuration, or SQLite's FTS5), never as the backend's own query syntax: the reader's
input is reduced to words (and "quoted phrases"), so operators, SQL and markup are only ever searched for as words.
Relevance comes from the backend (ArticlePage.search_fields boosts the headline on PostgreSQL); the best
RERANK_WINDOW matches are then re-ranked by relevance × a field factor (words found in the headline, then the
standfirst: the same on every backend, as SQLite's bm25 ignores boosts) × a recency factor, so a headline match
outranks a body match and, at equal relevance, a newer story comes first. Only stories readers may see are searched
(`visible_stories()`): no drafts, scheduled or embargoed stories.
"""

import html
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.query import And, Phrase, PlainText

from dateline.newsroom.control_chars import strip_control_chars
from dateline.newsroom.listings import PageOfStories
from dateline.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTopic,
    Author,
    SectionPage,
    Topic,
    visible_stories,
)

RERANK_WINDOW = 200
MAX_TERMS = 12
MAX_TERM_LENGTH = 40
MAX_PAGE_NUMBER = 50
# Recency: the factor falls from 1 (today) towards RECENCY_FLOOR with this half-life; relevance still dominates.
RECENCY_HALF_LIFE_DAYS = 30
RECENCY_FLOOR = 0.5
SNIPPET_LENGTH = 240
HEADLINE_WEIGHT = 2.0
STANDFIRST_WEIGHT = 0.5

WORD = re.compile(r"\w+", re.UNICODE)
# Markup in the body's rich text (the newsroom's own sanitised HTML): dropped by a pattern, several times faster
# than an HTML parser; the text is escaped again wherever it is shown.
TAG = re.compile(r"<[^>]*>")
PHRASE = re.compile(r'"([^"]*)"')
OPERATORS = {"and", "or", "not"}


@dataclass
class ParsedQuery:
    text: str  # what the reader typed, cleaned and truncated: shown back in the search box
    terms: list  # the words to search for, lower-cased, in order, without duplicates
    phrases: list  # quoted phrases of two or more words

    def __bool__(self):
        return bool(self.terms)


def parse_query(raw):
    """Reduce the reader's text to words and phrases. Never raises, whatever the input."""
    text = " ".join(strip_control_chars(str(raw or "")).split())[: settings.DATELINE_SEARCH_MAX_QUERY_LENGTH]
    phrases = []
    for match in PHRASE.finditer(text):
        words = [word.lower() for word in WORD.findall(match.group(1)) if len(word) <= MAX_TERM_LENGTH]
        if len(words) > 1:
            phrases.append(" ".join(words[:MAX_TERMS]))
    terms = []
    for word in WORD.findall(text.replace("_", " ")):
        word = word.lower()
        if len(word) > MAX_TERM_LENGTH or word in terms or (word in OPERATORS and word != text.strip().lower()):
            continue
        terms.append(word)
        if len(terms) == MAX_TERMS:
            break
    return ParsedQuery(text=text, terms=terms, phrases=phrases[:3])


def backend_query(parsed, operator="and"):
    words = PlainText(" ".join(parsed.terms), operator=operator)
    if operator == "and" and parsed.phrases:
        return And([words, *(Phrase(phrase) for phrase in parsed.phrases)])
    return words


@dataclass
class Filters:
    section: SectionPage | None = None
    topic: Topic | None = None
    author: Author | None = None
    date_from: date | None = None
    date_to: date | None = None
    invalid: list = field(default_factory=list)  # parameters that were ignored, for the page to say so

    @property
    def active(self):
        return any([self.section, self.topic, self.author, self.date_from, self.date_to])


def parse_date(value):
    try:
        return date.fromisoformat(value.strip()[:10]) if value and value.strip() else None
    except ValueError:
        return False


def filters_from(params):
    """Filters from request parameters (slugs and ISO dates); unknown values are ignored and noted."""
    filters = Filters()
    for name, model in [("section", SectionPage), ("topic", Topic), ("author", Author)]:
        slug = (params.get(name) or "").strip()[:120]
        if slug:
            obj = model.objects.filter(slug=slug).first()
            setattr(filters, name, obj)
            if obj is None:
                filters.invalid.append(name)
    for name, attr in [("from", "date_from"), ("to", "date_to")]:
        value = parse_date(params.get(name))
        if value is False:
            filters.invalid.append(name)
        else:
            setattr(filters, attr, value)
    return filters


def local_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def searchable_stories(filters):
    """Visible, published stories matching the filters, as a queryset the search backend accepts.

    The backend only filters on indexed FilterFields, so visibility, topics and authors are applied as an
    `id__in` subquery and sections and dates on their own FilterFields.
    """
    allowed = visible_stories().filter(published_at__isnull=False)
    if filters.topic:
        allowed = allowed.filter(
            Exists(ArticleTopic.objects.filter(page=OuterRef("pk"), topic=filters.topic)),
        )
    if filters.author:
        allowed = allowed.filter(
            Exists(ArticleAuthor.objects.filter(page=OuterRef("pk"), author=filters.author)),
        )
    stories = ArticlePage.objects.filter(id__in=allowed.values("id"))
    if filters.section:
        stories = stories.filter(section=filters.section)
    if filters.date_from:
        stories = stories.filter(published_at__gte=local_start(filters.date_from))
    if filters.date_to:
        stories = stories.filter(published_at__lt=local_start(filters.date_to + timedelta(days=1)))
    return stories


def recency_factor(published_at, now):
    age_days = max((now - published_at).total_seconds() / 86400, 0) if published_at else 10 * 365
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * math.pow(0.5, age_days / RECENCY_HALF_LIFE_DAYS)


def stem(term):
    return term[:5] if len(term) > 6 else term


def share_of_terms(text, terms):
    words = [word.lower() for word in WORD.findall(text or "")]
    return sum(1 for term in terms if any(word.startswith(stem(term)) for word in words)) / len(terms)


def field_factor(story, terms):
    """Weight where the words matched, the same on every backend (SQLite's bm25 ignores field boosts):
    words in the headline count most, then the standfirst."""
    if not terms:
        return 1
    return (
        1
        + HEADLINE_WEIGHT * share_of_terms(story.title, terms)
        + STANDFIRST_WEIGHT * share_of_terms(story.standfirst, terms)
    )


def ranked_ids(parsed, filters, start, stop, operator="and", candidates=None):
    """(story id, blended score) pairs for results start..stop of the ranking, from the database's backend
    (`dateline.search.backends`); `candidates` caps the matches scored (for a caller that wants only the best few,
    such as related stories)."""
    from dateline.search.backends import get_backend

    return get_backend().ranked_ids(parsed, filters, start, stop, operator, candidates=candidates)


@dataclass
class SearchPage(PageOfStories):
    """A page of results: a listing page that also knows the query, its filters and how it matched."""

    query: ParsedQuery | None = None
    filters: Filters | None = None
    any_words: bool = False  # nothing matched every word, so these results match any of them


def search(raw_query, filters=None, page=1, per_page=None):
    """One page of results: stories (with `.snippet` set) in ranked order, and whether a next page exists."""
    parsed = parse_query(raw_query)
    filters = filters or Filters()
    per_page = per_page or settings.DATELINE_SEARCH_PER_PAGE
    page = min(max(int(page), 1), MAX_PAGE_NUMBER)
    result = SearchPage(query=parsed, filters=filters, items=[], number=page, has_next=False, per_page=per_page)
    if not parsed:
        return result
    start = (page - 1) * per_page
    rows = ranked_ids(parsed, filters, start, start + per_page + 1)
    if not rows and page == 1 and len(parsed.terms) > 1:
        rows = ranked_ids(parsed, filters, start, start + per_page + 1, operator="or")
        result.any_words = bool(rows)
    result.has_next = len(rows) > per_page
    ids = [pk for pk, _ in rows[:per_page]]
    stories = (
        visible_stories()
        .filter(pk__in=ids)
        .select_related("section", "lead_image")
        .prefetch_related("lead_image__renditions")
    )
    by_id = {story.pk: story for story in stories}
    for pk, score in rows[:per_page]:
        story = by_id.get(pk)
        if story is not None:
            story.search_score = score
            story.snippet = snippet(story, parsed.terms)
            result.items.append(story)
    return result


def story_text(story):
    """The standfirst and the body's text, without markup."""
    return " ".join(text_parts(story))


def story_body_text(story):
    """The body's text, without markup."""
    return " ".join(body_text_parts(story))


def text_parts(story):
    """The standfirst's, then each of the body's texts, without markup, one at a time (so a snippet stops reading
    once it has what it shows)."""
    standfirst = " ".join((story.standfirst or "").split())
    if standfirst:
        yield standfirst
    yield from body_text_parts(story)


def body_text_parts(story):
    stack = [story.body.raw_data if hasattr(story.body, "raw_data") else []]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            text = " ".join(html.unescape(TAG.sub(" ", value)).split())
            if text:
                yield text
        elif isinstance(value, dict):
            if "type" in value and "value" in value:
                stack.append(value["value"])
            else:
                stack.extend(reversed([v for k, v in value.items() if k not in ("id", "url", "page", "image")]))
        elif isinstance(value, list | tuple) or type(value).__name__ == "RawDataView":
            stack.extend(reversed(list(value)))


def highlight(text, terms):
    """Escape the text, then wrap the words that start with a search term in <mark>."""
    escaped = escape(text)
    if not terms:
        return mark_safe(escaped)  # noqa: S308 (escaped above)  # nosec B308 B703
    # Entities made by escaping (&amp; &#x27; …) are skipped whole, so a search for "amp" marks no markup.
    pattern = re.compile(r"(&#?\w+;)|\b(?:" + "|".join(re.escape(term) for term in terms) + r")\w*", re.IGNORECASE)
    marked = pattern.sub(lambda m: m.group(1) or f"<mark>{m.group(0)}</mark>", escaped)
    return mark_safe(marked)  # noqa: S308 (escaped above)  # nosec B308 B703


def snippet(story, terms, length=SNIPPET_LENGTH):
    """About `length` characters of the story's text around the first match, highlighted. The text is read a part
    at a time and no further than the snippet needs."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(term) for term in terms) + r")", re.IGNORECASE) if terms else None
    text, position = "", None
    for part in text_parts(story):
        if text and len(text) > (position or 0) + length and (position is not None or pattern is None):
            break  # enough text after the match: the rest is never shown
        offset = len(text) + 1 if text else 0
        text = f"{text} {part}" if text else part
        if position is None and pattern is not None:
            match = pattern.search(part)
            position = offset + match.start() if match else None
    if not text:
        return ""
    position = position or 0
    start = max(0, position - length // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space > 0 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    fragment = text[start:end]
    return highlight(("… " if start else "") + fragment + (" …" if end < len(text) else ""), terms)
