"""Related stories: computed after a story is published or changed, stored in RelatedStory, read on page views.

For a story, candidates are the newest stories sharing one of its topics and the stories the search backend finds
for the story's most distinctive words, so the work stays bounded however large the archive is. Each candidate is
scored by a blend of

* text similarity: cosine of TF-IDF vectors over headline (counted three times), standfirst and body, with
  document frequencies taken over the candidates;
* shared topics: Jaccard overlap of the two stories' topics;
* closeness in time: exp(-days apart / RECENCY_DAYS).

The best STORED_PER_STORY are kept, with their reasons. A story's publication also offers it to the stories it
is related to (the relation is symmetric enough), and its unpublication removes it from every list.
"""

import html
import math
import re
from collections import Counter

from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from dateline.enrich.models import RelatedOverride, RelatedStory
from dateline.newsroom.models import ArticleTopic, visible_stories

STORED_PER_STORY = 12
TOPIC_CANDIDATES = 15  # newest stories per shared topic
SEARCH_CANDIDATES = 25
SEARCH_POOL = 75  # matches the search scores to find them (a reader's search scores up to 400)
MAX_CANDIDATES = 50
BODY_WORDS = 250  # of each candidate's body: the opening says what a story is about
QUERY_TERMS = 8
RECENCY_DAYS = 30
WEIGHTS = {"similarity": 0.55, "topics": 0.3, "recency": 0.15}
MIN_SCORE = 0.05

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
STOP_WORDS = {
    "about", "above", "after", "again", "against", "also", "among", "another", "because", "been", "before", "being",
    "below", "between", "both", "could", "does", "doing", "down", "during", "each", "even", "every", "first",
    "from", "further", "have", "having", "here", "into", "itself", "just", "last", "like", "made", "make", "many",
    "more", "most", "much", "must", "new", "news", "only", "other", "over", "people", "said", "same", "says",
    "second", "should", "since", "some", "still", "story", "such", "than", "that", "their", "them", "then", "there",
    "these", "they", "third", "this", "those", "through", "told", "under", "until", "very", "week", "were", "what",
    "when", "where", "which", "while", "will", "with", "within", "without", "would", "year", "years", "your",
    # Three-letter words the pattern keeps: without them the candidate search asks for "the" and "and".
    "all", "and", "any", "are", "but", "can", "did", "for", "had", "has", "her", "him", "his", "how", "its", "may",
    "not", "now", "off", "one", "our", "out", "own", "per", "she", "the", "too", "two", "was", "who", "why", "yet",
    "you",
}  # fmt: skip


def terms(text):
    return [word for word in (match.lower() for match in WORD.findall(text)) if word not in STOP_WORDS]


TAG = re.compile(r"<[^>]*>")


def plain_words(story, limit=None):
    """The standfirst's and body's words (markup dropped, entities left as words), the first `limit` of them.
    A regular expression rather than an HTML parser: the body is the newsroom's own sanitised rich text, and only
    its words matter here (this runs for every candidate)."""
    words = (story.standfirst or "").split()
    stack = [story.body.raw_data if hasattr(story.body, "raw_data") else []]
    while stack and (limit is None or len(words) < limit):
        value = stack.pop()
        if isinstance(value, str):
            words.extend(html.unescape(TAG.sub(" ", value)).split())
        elif isinstance(value, dict):
            if "type" in value and "value" in value:
                stack.append(value["value"])
            else:
                stack.extend(reversed([v for k, v in value.items() if k not in ("id", "url", "page", "image")]))
        elif isinstance(value, list | tuple) or type(value).__name__ == "RawDataView":
            stack.extend(reversed(list(value)))
    return " ".join(words[:limit] if limit else words)


def document(story, body_words=None):
    return terms(f"{story.title} {story.title} {story.title} {plain_words(story, body_words)}")


def eligible():
    return visible_stories().filter(published_at__isnull=False)


def search_ids(story, words):
    """The visible stories the search backend ranks best for the story's most frequent words."""
    from dateline.search.query import Filters, ParsedQuery, ranked_ids

    top = [word for word, _ in Counter(words).most_common(QUERY_TERMS)]
    if not top:
        return []
    parsed = ParsedQuery(text=" ".join(top), terms=top, phrases=[])
    ranked = ranked_ids(parsed, Filters(), 0, SEARCH_CANDIDATES + 1, operator="or", candidates=SEARCH_POOL)
    return [pk for pk, _ in ranked if pk != story.pk]


def tfidf(documents):
    """Unit-length TF-IDF vectors ({term: weight}) for a list of term lists."""
    frequencies = Counter()
    for words in documents:
        frequencies.update(set(words))
    count = len(documents)
    idf = {term: math.log((1 + count) / (1 + n)) + 1 for term, n in frequencies.items()}
    vectors = []
    for words in documents:
        weights = {term: (1 + math.log(n)) * idf[term] for term, n in Counter(words).items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1
        vectors.append({term: weight / norm for term, weight in weights.items()})
    return vectors


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0) for term, weight in a.items())


def score_candidates(story):
    """[(candidate, score, reasons)] for a story, best first."""
    words = document(story)
    topic_links = list(ArticleTopic.objects.filter(page=story).select_related("topic"))
    topic_names = {link.topic_id: link.topic.name for link in topic_links}
    ids = candidate_ids(story, words, list(topic_names))
    if not ids:
        return []
    candidates = list(
        eligible().filter(pk__in=ids).exclude(pk=story.pk).only("pk", "title", "standfirst", "body", "published_at")
    )
    if not candidates:
        return []
    their_topics = {}
    for page_id, topic_id in ArticleTopic.objects.filter(page_id__in=[c.pk for c in candidates]).values_list(
        "page_id", "topic_id"
    ):
        their_topics.setdefault(page_id, set()).add(topic_id)
    vectors = tfidf([words, *(document(candidate, BODY_WORDS) for candidate in candidates)])
    mine = set(topic_names)
    scored = []
    for candidate, vector in zip(candidates, vectors[1:], strict=True):
        similarity = cosine(vectors[0], vector)
        theirs = their_topics.get(candidate.pk, set())
        shared = mine & theirs
        overlap = len(shared) / len(mine | theirs) if shared else 0.0
        apart = abs((story.published_at or timezone.now()) - (candidate.published_at or timezone.now()))
        days = round(apart.total_seconds() / 86400)
        closeness = math.exp(-days / RECENCY_DAYS)
        score = WEIGHTS["similarity"] * similarity + WEIGHTS["topics"] * overlap + WEIGHTS["recency"] * closeness
        if similarity < 0.02 and not shared:
            continue
        reasons = {
            "shared_topics": sorted(topic_names[pk] for pk in shared),
            "similarity": round(similarity, 3),
            "days_apart": days,
        }
        scored.append((candidate, round(score, 4), reasons))
    scored.sort(key=lambda row: (-row[1], -row[0].pk))
    return [row for row in scored if row[1] >= MIN_SCORE]


def candidate_ids(story, words, topic_ids):
    ids = []
    for topic_id in topic_ids:
        ids.extend(
            ArticleTopic.objects.filter(topic_id=topic_id, published_at__isnull=False)
            .exclude(page_id=story.pk)
            .order_by("-published_at")
            .values_list("page_id", flat=True)[:TOPIC_CANDIDATES]
        )
    ids.extend(search_ids(story, words))
    return list(dict.fromkeys(ids))[:MAX_CANDIDATES]


@transaction.atomic
def compute_related(story):
    """Recompute and store a story's related stories; offer the story to those it is related to.
    Returns the stored rows, best first."""
    RelatedStory.objects.filter(story=story).delete()
    if not eligible().filter(pk=story.pk).exists():
        RelatedStory.objects.filter(related=story).delete()
        return []
    now = timezone.now()
    rows = [
        RelatedStory(story=story, related=candidate, score=score, reasons=reasons, computed_at=now)
        for candidate, score, reasons in score_candidates(story)[:STORED_PER_STORY]
    ]
    RelatedStory.objects.bulk_create(rows)
    offer(story, rows, now)
    return rows


def offer(story, rows, now):
    """Put `story` in the lists of the stories it is related to (`rows`), where it is good enough, keeping each
    list at STORED_PER_STORY. Three queries for all of them."""
    if not rows:
        return
    lists = {}
    for pk, owner_id, related_id, score in (
        RelatedStory.objects.filter(story_id__in=[row.related_id for row in rows])
        .order_by("story_id", "-score")
        .values_list("pk", "story_id", "related_id", "score")
    ):
        lists.setdefault(owner_id, []).append((pk, related_id, score))
    create, update, drop = [], [], []
    for row in rows:
        entries = lists.get(row.related_id, [])
        mine = next((pk for pk, related_id, _ in entries if related_id == story.pk), None)
        if mine is not None:
            update.append(RelatedStory(pk=mine, score=row.score, reasons=row.reasons, computed_at=now))
            continue
        if len(entries) >= STORED_PER_STORY and entries[STORED_PER_STORY - 1][2] >= row.score:
            continue
        create.append(
            RelatedStory(story_id=row.related_id, related=story, score=row.score, reasons=row.reasons, computed_at=now)
        )
        drop.extend(pk for pk, _, _ in entries[STORED_PER_STORY - 1 :])
    if update:
        RelatedStory.objects.bulk_update(update, ["score", "reasons", "computed_at"])
    if drop:
        RelatedStory.objects.filter(pk__in=drop).delete()
    if create:
        RelatedStory.objects.bulk_create(create)


def forget(story):
    """The story left the site: drop it from every list. Returns the ids of stories that listed it."""
    affected = list(RelatedStory.objects.filter(related=story).values_list("story_id", flat=True))
    RelatedStory.objects.filter(related=story).delete()
    RelatedStory.objects.filter(story=story).delete()
    return affected


def related_for(story, limit=None, shown=()):
    """The related stories to show with a story: pinned ones first, then the best stored ones, never the story
    itself, an excluded one, one readers may not see, or one already `shown` on the page (the stories listed
    under "Read more on …"). Reads only; two queries plus the cards' joins."""
    from django.conf import settings

    limit = limit or settings.DATELINE_RELATED_COUNT
    overrides = list(RelatedOverride.objects.filter(story_id=story.pk).values_list("related_id", "kind", "position"))
    excluded = {related_id for related_id, kind, _ in overrides if kind == RelatedOverride.EXCLUDED}
    excluded |= {getattr(item, "pk", item) for item in shown or ()}
    pinned = [related_id for related_id, kind, _ in sorted(overrides, key=lambda o: o[2]) if kind == "pinned"]
    stored = list(
        RelatedStory.objects.filter(story_id=story.pk)
        .exclude(related_id__in=excluded | {story.pk})
        .order_by("-score")
        .values_list("related_id", flat=True)[: limit + len(pinned) + 5]
    )
    order = [pk for pk in dict.fromkeys([*pinned, *stored]) if pk != story.pk and pk not in excluded]
    if not order:
        return []
    position = Case(*(When(pk=pk, then=Value(i)) for i, pk in enumerate(order)), output_field=IntegerField())
    from dateline.newsroom.listings import published_stories

    return list(published_stories().filter(pk__in=order).order_by(position)[:limit])
