"""Topic pages that fill themselves: a description, the topics that come up with a topic, and its coverage month
by month. Every query is bounded (the newest CO_OCCURRENCE_STORIES stories; the last TIMELINE_MONTHS months,
counted once per change of a month and kept in the cache by `coverage`), so a busy topic's page costs the same
few queries whatever the archive's size."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list

from dateline.enrich import coverage
from dateline.newsroom.models import ArticleTopic, Topic

CO_OCCURRENCE_STORIES = 500
TIMELINE_MONTHS = 24


def visible_links(prefix=""):
    """Links whose story readers may see (the conditions of `visible_stories()`, on the link table's join)."""
    page = f"{prefix}page__"
    return Q(**{f"{page}live": True, f"{prefix}published_at__isnull": False}) & ~Q(
        **{f"{page}embargoed": True, f"{page}go_live_at__gt": timezone.now()}
    )


def co_occurring_topics(topic, limit=10, stories=CO_OCCURRENCE_STORIES):
    """The topics most often linked to the same visible stories as `topic` (among its newest `stories`), with
    `.together` (how many). One aggregated query."""
    shared = (
        ArticleTopic.objects.filter(visible_links(), topic=topic).order_by("-published_at").values("page_id")[:stories]
    )
    return list(
        Topic.objects.filter(story_links__page_id__in=shared)
        .exclude(pk=topic.pk)
        .annotate(together=Count("story_links__page_id", distinct=True))
        .order_by("-together", "name")[:limit]
    )


def month_start(moment):
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def months_back(moment, count):
    year, month = divmod(moment.year * 12 + moment.month - 1 - count, 12)
    return moment.replace(year=year, month=month + 1)


def coverage_timeline(topic, months=TIMELINE_MONTHS, now=None):
    """[{"month": first day of the month (aware datetime), "stories": count}] oldest first, for every month from
    the first with a story (within the last `months`) to this one, empty months included. The counts come from
    `coverage` (the cache), counted only for months that changed since."""
    now = timezone.localtime(now or timezone.now())
    cursor = months_back(month_start(now), months - 1)
    span = []
    while (cursor.year, cursor.month) <= (now.year, now.month):
        span.append(cursor)
        cursor = months_back(cursor, -1)
    counts = coverage.monthly_counts(topic, [(month.year, month.month) for month in span])
    first = next((index for index, month in enumerate(span) if counts[(month.year, month.month)]), None)
    if first is None:
        return []
    return [{"month": month, "stories": counts[(month.year, month.month)]} for month in span[first:]]


def topic_description(topic, timeline, together):
    """The topic's own description, or one written from its coverage."""
    if topic.description:
        return topic.description
    total = sum(row["stories"] for row in timeline)
    if not total:
        return ""
    since = date_format(next(row["month"] for row in timeline if row["stories"]), "F Y")
    text = f"{total} {'story' if total == 1 else 'stories'} about {topic.name} since {since}."
    if together:
        text += f" Often covered with {get_text_list([t.name for t in together[:3]], 'and')}."
    return text


def topic_overview(topic, limit=8):
    """What a topic page shows beyond its latest stories: one query, and one more for months whose counts changed."""
    timeline = coverage_timeline(topic)
    together = co_occurring_topics(topic, limit=limit)
    busiest = max((row["stories"] for row in timeline), default=0)
    for row in timeline:
        row["share"] = round(100 * row["stories"] / busiest) if busiest else 0
    return {
        "description": topic_description(topic, timeline, together),
        "together": together,
        "timeline": timeline,
        "total": sum(row["stories"] for row in timeline),
        "months": len(timeline),
    }
