"""Fill the archive with generated stories, fast, for load tests and benchmarks.

`generate_stories(n, seed=...)` writes `n` published stories with bulk inserts instead of Wagtail's
one-page-at-a-time API (about 70 ms a story), while leaving everything Wagtail relies on consistent:

* the page tree: treebeard paths (4 base-36 characters per level), depth, numchild and url_path of each
  story and of the year/month folders it goes in (folders are made with `archive.month_folder`);
* the page fields the admin and the front end read: draft_title, locale, content_type, live,
  first/last_published_at, translation_key, and a live revision per story whose content is the page's
  `serializable_data()`, set as both `latest_revision` and `live_revision`;
* sections, topics and authors (created when missing) linked with Zipf-like popularity, so a few are
  very busy and most are rare, like a real newsroom;
* the search index: each batch is added with the search backends' `add_bulk`, the call `update_index`
  uses, so generated stories are found like published ones.

Dates are spread evenly over ten years ending now; headlines have 6 to 10 words and bodies 400 to 700,
drawn from a fixed vocabulary with `random.Random(seed)`, so the same seed gives the same stories.

Not written for generated rows: page log entries (the admin's history of a story starts empty) and
Wagtail's reference index (`manage.py rebuild_references_index` fills it when needed).
"""

import random
import time
import uuid
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from wagtail.models import Page, Revision

from dateline.newsroom.archive import month_folder, refresh_planner_statistics, story_archive
from dateline.newsroom.models import ArticleAuthor, ArticlePage, ArticleTopic, Author, HomePage, SectionPage, Topic

SOURCE = "generated"
YEARS = 10

SECTION_NAMES = [
    "World",
    "Politics",
    "Business",
    "Technology",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Environment",
    "Opinion",
]

TOPIC_COUNT = 300
AUTHOR_COUNT = 150

# Common news words first: a Zipf-weighted draw picks the early words often, the invented ones rarely.
NEWS_WORDS = str.split("""
the of and to in a for on says after over with new as government minister police city election court
year people first report by state health plan market workers school police talks deal price water
country rise fall share bank budget vote party leader president council war peace trade crisis energy
power rain flood heat record team match win loss coach player season league final cup goal strike
protest union fire rescue hospital doctors patients study scientists climate data company firm jobs
growth inflation rates tax fuel oil gas coal solar wind farmers crop harvest rail road bridge airport
flight border army talks summit treaty aid ministry judge trial verdict appeal law bill senate house
mayor village district region capital coast river hills forest wildlife park museum festival film music
book award artist theatre stadium fans ticket series test century wicket innings runs bowler batsman
chief officer spokesperson agency report survey figures quarter profit revenue investors shares index
startup app phone internet network cyber attack privacy software chip factory exports imports tariff
currency rupee dollar euro loan debt pension housing rent homes builders schools students exam results
teachers university research vaccine virus outbreak clinic nurses medicine drug trial cancer heart
children women men families residents villagers commuters drivers passengers tourists visitors
storm cyclone drought quake landslide snow monsoon temperature warning alert emergency relief
recovery rebuild repairs damage losses insurance claims victims survivors witnesses suspects arrest
charges bail prison sentence fine ban rules reform policy review inquiry probe audit scandal
resigns appoints names wins loses beats draws signs opens closes launches unveils warns urges backs
rejects approves delays cuts raises doubles halves returns extends ends begins faces seeks plans
""")

SYLLABLES = str.split(
    "ka ri to me na sa lo vi de ra pu mi ko ta ne shi ru ya ga bo li se an el or un is ar en ul im ok az"
)

FIRST_NAMES = str.split(
    "Asha Rohan Meera Arjun Priya Vikram Nisha Rahul Kavya Sanjay Anita Dev Leela Karan Tara Imran Sara "
    "Omar Lina Noor Hana Yusuf Maya Ravi Deepa Amit Sunita Farah Zain Ila"
)
LAST_NAMES = str.split("Verma Iyer Khan Patel Rao Singh Das Menon Nair Bose Gupta Shah Kapoor Reddy Joshi Sen Ali")


def _vocabulary(size=6000):
    """The news words, then invented words made of syllables: the same list in every process."""
    words = list(dict.fromkeys(NEWS_WORDS))
    maker = random.Random(20261125)  # noqa: S311 (deterministic test content)
    seen = set(words)
    while len(words) < size:
        word = "".join(maker.choice(SYLLABLES) for _ in range(maker.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _word_table(words, size=1 << 18, exponent=1.05):
    """Each word repeated in proportion to 1/rank**exponent (at least once): a Zipf draw by index."""
    weights = [1 / (rank**exponent) for rank in range(1, len(words) + 1)]
    scale = size / sum(weights)
    table = []
    for word, weight in zip(words, weights, strict=True):
        table.extend([word] * max(1, round(weight * scale)))
    return table


VOCABULARY = _vocabulary()
WORD_TABLE = _word_table(VOCABULARY)


def zipf_cum_weights(count, exponent=1.0):
    return list(accumulate(1 / (rank**exponent) for rank in range(1, count + 1)))


@dataclass
class Progress:
    done: int = 0
    total: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self):
        return time.monotonic() - self.started

    @property
    def rate(self):
        return self.done / self.elapsed if self.elapsed else 0.0

    def __str__(self):
        return f"{self.done:,}/{self.total:,} stories, {self.elapsed:.1f} s, {self.rate:,.0f} stories/s"


class Writer:
    """Draws words and picks sections, topics and authors; all randomness comes from one seeded generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)  # noqa: S311 (deterministic test content)

    def words(self, count):
        # An unweighted draw from a table where each word appears as often as its Zipf weight says:
        # several times faster than a weighted draw, which matters for half a million words a second.
        return self.rng.choices(WORD_TABLE, k=count)

    def headline(self):
        words = self.words(self.rng.randint(6, 10))
        return " ".join([words[0].capitalize(), *words[1:]])

    def sentence(self, count):
        words = self.words(count)
        return " ".join([words[0].capitalize(), *words[1:]]) + "."

    def prose(self, count):
        """`count` words as sentences of 8 to 22 words (one draw from the vocabulary for all of them)."""
        words = self.words(count)
        randint = self.rng.randint
        sentences, position = [], 0
        while position < count:
            length = randint(8, 22)
            chunk = words[position : position + length]
            chunk[0] = chunk[0].capitalize()
            sentences.append(" ".join(chunk) + ".")
            position += length
        return " ".join(sentences)

    def body(self):
        """Paragraphs of 50 to 110 words, 400 to 700 words in all, with a subheading half way."""
        left = self.rng.randint(400, 700)
        blocks = []
        while left > 0:
            count = min(left, self.rng.randint(50, 110))
            blocks.append({"type": "paragraph", "value": f"<p>{self.prose(count)}</p>", "id": self.block_id()})
            left -= count
        blocks.insert(len(blocks) // 2, {"type": "subheading", "value": self.headline(), "id": self.block_id()})
        return blocks

    def block_id(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def pick(self, items, cum_weights, count):
        """`count` distinct items, drawn by Zipf-like popularity."""
        chosen = []
        count = min(count, len(items))
        while len(chosen) < count:
            item = items[bisect_left(cum_weights, self.rng.random() * cum_weights[-1])]
            if item not in chosen:
                chosen.append(item)
        return chosen


def ensure_sections(home):
    sections = list(SectionPage.objects.child_of(home).live().order_by("path"))
    if not sections:
        for name in SECTION_NAMES:
            section = SectionPage(title=name, slug=slugify(name), intro=f"{name} news")
            sections.append(home.add_child(instance=section))
    return sections


def ensure_people(model, names):
    existing = set(model.objects.filter(name__in=names).values_list("name", flat=True))
    missing = [model(name=name, slug=slugify(name)[:120]) for name in names if name not in existing]
    taken = set(model.objects.filter(slug__in=[item.slug for item in missing]).values_list("slug", flat=True))
    missing = [item for item in missing if item.slug not in taken]
    model.objects.bulk_create(missing)
    missing = list(model.objects.filter(name__in=[item.name for item in missing]))
    for backend in get_search_backends():
        backend.add_bulk(model, missing)
    return list(model.objects.order_by("pk"))


def topic_names():
    maker = random.Random(7)  # noqa: S311 (deterministic test content)
    names = []
    while len(names) < TOPIC_COUNT:
        name = " ".join(word.capitalize() for word in maker.sample(VOCABULARY[40:1500], maker.randint(1, 2)))
        if name not in names:
            names.append(name)
    return names


def author_names():
    return [f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES][:AUTHOR_COUNT]


@dataclass
class Folder:
    """A month folder and where its next story goes in the tree."""

    page: Page
    next_position: int
    slugs: set
    added: int = 0


def open_folder(when, archive):
    page = month_folder(when, archive=archive)
    children = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1)
    last = children.order_by("-path").values_list("path", flat=True).first()
    position = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    return Folder(page=page, next_position=position, slugs=set(children.values_list("slug", flat=True)))


def story_dates(count, end, writer):
    """`count` instants spread evenly over YEARS years ending at `end`, oldest first."""
    span = timedelta(days=365.25 * YEARS)
    start = end - span
    step = span / max(count, 1)
    return [start + step * (number + writer.rng.random() * 0.98) for number in range(count)]


def generate_stories(count, *, seed=0, batch=2000, progress=None, index=True):
    """Write `count` published stories into the archive; returns the Progress at the end.

    `progress`, if given, is called with the Progress after each batch. `index`: True adds every story to the
    search index, False none, a number the newest that many (stories are written oldest first). On SQLite the
    index is most of the cost at scale: modelsearch extracts each story's text three times (title, body,
    autocomplete) and rescans its whole table after each batch (title norms); 100,000 stories fully indexed took
    over half an hour on a busy machine, the newest 10,000 a few minutes.
    """
    writer = Writer(seed)
    home = HomePage.objects.order_by("path").first()
    archive = story_archive()
    sections = ensure_sections(home)
    topics = ensure_people(Topic, topic_names())
    authors = ensure_people(Author, author_names())
    section_weights = zipf_cum_weights(len(sections), 0.9)
    topic_weights = zipf_cum_weights(len(topics), 1.1)
    author_weights = zipf_cum_weights(len(authors), 0.9)

    article_type = ContentType.objects.get_for_model(ArticlePage)
    page_type = ContentType.objects.get_for_model(Page)
    locale_id = archive.locale_id
    other_relations = [
        relation.get_accessor_name()
        for relation in get_all_child_relations(ArticlePage)
        if relation.get_accessor_name() not in ("topic_links", "author_links")
    ]
    first_number = ArticlePage.objects.filter(source=SOURCE).count() + 1
    dates = story_dates(count, timezone.now(), writer)
    folders = {}
    state = Progress(total=count)
    indexed_from = 0 if index is True else count if not index else max(count - int(index), 0)

    for start in range(0, count, batch):
        with transaction.atomic():
            stories, topic_links, author_links = [], [], []
            touched = {}
            for number in range(start, min(start + batch, count)):
                when = dates[number]
                local = timezone.localtime(when)
                key = (local.year, local.month)
                if key not in folders:
                    folders[key] = open_folder(when, archive)
                folder = folders[key]
                touched[key] = folder
                headline = writer.headline()
                slug = base = slugify(headline)[:80] or "story"
                suffix = 2
                while slug in folder.slugs:
                    slug, suffix = f"{base}-{suffix}", suffix + 1
                folder.slugs.add(slug)
                parent = folder.page
                story = ArticlePage(
                    title=headline,
                    draft_title=headline,
                    slug=slug,
                    content_type_id=article_type.pk,
                    locale_id=locale_id,
                    translation_key=uuid.uuid4(),
                    path=Page._get_path(parent.path, parent.depth + 1, folder.next_position),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=when,
                    last_published_at=when,
                    latest_revision_created_at=when,
                    standfirst=writer.sentence(writer.rng.randint(14, 28)),
                    body=writer.body(),
                    section_id=writer.pick(sections, section_weights, 1)[0].pk,
                    published_at=when,
                    updated_at=when + timedelta(hours=writer.rng.randint(1, 30)) if writer.rng.random() < 0.1 else None,
                    source=SOURCE,
                    source_id=str(first_number + number),
                )
                story._generated_topics = writer.pick(topics, topic_weights, writer.rng.choice((1, 1, 2, 2, 3)))
                story._generated_authors = writer.pick(authors, author_weights, writer.rng.choice((1, 1, 1, 1, 2)))
                folder.next_position += 1
                folder.added += 1
                stories.append(story)

            # The page rows (the base table), then the story rows that extend them.
            Page.objects.bulk_create(stories, batch_size=500)
            for story in stories:
                story.page_ptr_id = story.id
                story._state.adding = False
                story_topics = [
                    ArticleTopic(page_id=story.pk, topic=topic, sort_order=order, published_at=story.published_at)
                    for order, topic in enumerate(story._generated_topics)
                ]
                story_authors = [
                    ArticleAuthor(page_id=story.pk, author=author, sort_order=order, published_at=story.published_at)
                    for order, author in enumerate(story._generated_authors)
                ]
                topic_links.extend(story_topics)
                author_links.extend(story_authors)
                story.topic_links = story_topics
                story.author_links = story_authors
                for name in other_relations:
                    setattr(story, name, [])
            insert_rows(ArticlePage, stories, ArticlePage._meta.local_concrete_fields)
            ArticleTopic.objects.bulk_create(topic_links, batch_size=500)
            ArticleAuthor.objects.bulk_create(author_links, batch_size=500)

            revisions = [
                Revision(
                    content_type_id=article_type.pk,
                    base_content_type_id=page_type.pk,
                    object_id=str(story.pk),
                    created_at=story.first_published_at,
                    object_str=story.title,
                    content=story.serializable_data(),
                )
                for story in stories
            ]
            Revision.objects.bulk_create(revisions, batch_size=500)
            link_revisions([story.pk for story in stories], page_type)

            for folder in touched.values():
                Page.objects.filter(pk=folder.page.pk).update(numchild=F("numchild") + folder.added)
                folder.page.numchild += folder.added
                folder.added = 0

            to_index = stories[max(indexed_from - start, 0) :]
            if to_index:
                for backend in get_search_backends():
                    backend.add_bulk(ArticlePage, to_index)

        state.done += len(stories)
        if progress:
            progress(state)
    refresh_planner_statistics()
    return state


def link_revisions(page_ids, page_type):
    """Point each page at its (only) revision, as both latest and live revision, in one UPDATE per chunk."""
    newest = (
        Revision.objects.filter(base_content_type_id=page_type.pk, object_id=Cast(OuterRef("pk"), CharField()))
        .order_by("-pk")
        .values("pk")[:1]
    )
    for start in range(0, len(page_ids), 500):
        chunk = page_ids[start : start + 500]
        Page.objects.filter(pk__in=chunk).update(latest_revision_id=Subquery(newest))
        Page.objects.filter(pk__in=chunk).update(live_revision_id=F("latest_revision_id"))


def insert_rows(model, objs, fields):
    """A plain multi-row INSERT of `model`'s own table (Django's bulk_create refuses child models)."""
    size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
    size = min(size, 500)
    for start in range(0, len(objs), size):
        model._base_manager._insert(objs[start : start + size], fields=fields, returning_fields=None)
