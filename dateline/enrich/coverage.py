"""How many visible stories each topic had, month by month, counted once and kept in the cache.

Counting a topic's stories over two years on every topic page grows with the archive's density (a busy topic of
a 100,000-story archive has thousands of links in two years). A month's count only changes when a story of that
month is published, changed or unpublished, so counts are kept per (topic, month) under the month's *epoch*: a
counter that every such story event moves on (`bump`, at once and again once the change commits). A topic page
reads the epochs of its months and their counts (two cache reads), counts only the months whose epoch moved (one
grouped query, usually just the current month) and stores them. Counts made under an old epoch are never read
again; they expire. An epoch that the cache lost starts again from the clock, so an old count never matches it.
"""

import time
from datetime import datetime

from django.core.cache import caches
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

PREFIX = "enrich:coverage"
COUNT_TIMEOUT = 7 * 24 * 3600


def cache():
    return caches["default"]


def month_label(year, month):
    return f"{year:04d}-{month:02d}"


def epoch_key(year, month):
    return f"{PREFIX}:epoch:{month_label(year, month)}"


def epochs(months):
    """{(year, month): epoch} for these months, starting any the cache does not hold."""
    keys = {month: epoch_key(*month) for month in months}
    found = cache().get_many(keys.values())
    missing = [key for key in keys.values() if key not in found]
    for key in missing:
        cache().add(key, time.time_ns(), timeout=None)
    if missing:
        found.update(cache().get_many(missing))
    return {month: found.get(key) for month, key in keys.items()}


def bump(moment):
    """Counts of the (local) month of `moment` are out of date."""
    local = timezone.localtime(moment)
    key = epoch_key(local.year, local.month)
    try:
        cache().incr(key)
    except ValueError:  # not held (never read, or evicted): a fresh epoch from the clock
        cache().set(key, time.time_ns(), timeout=None)


def count_key(topic_id, month, epoch):
    return f"{PREFIX}:{topic_id}:{month_label(*month)}:{epoch}"


def count_months(topic, months):
    """{(year, month): stories} counted from the database for these months (one grouped query)."""
    from dateline.enrich.topics import months_back, visible_links
    from dateline.newsroom.models import ArticleTopic

    tz = timezone.get_current_timezone()
    first, last = min(months), max(months)
    since = datetime(*first, 1, tzinfo=tz)
    until = months_back(datetime(*last, 1, tzinfo=tz), -1)
    rows = (
        ArticleTopic.objects.filter(visible_links(), topic=topic, published_at__gte=since, published_at__lt=until)
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(stories=Count("page_id", distinct=True))
        .order_by("month")
    )
    counted = {(row["month"].year, row["month"].month): row["stories"] for row in rows if row["month"] is not None}
    return {month: counted.get(month, 0) for month in months}


def monthly_counts(topic, months):
    """{(year, month): stories} for these months of a topic: from the cache, counting only what it lacks."""
    current = epochs(months)
    keys = {month: count_key(topic.pk, month, current[month]) for month in months}
    found = cache().get_many(keys.values())
    counts = {month: found[key] for month, key in keys.items() if key in found}
    missing = [month for month in months if month not in counts]
    if missing:
        fresh = count_months(topic, missing)
        counts.update(fresh)
        cache().set_many({keys[month]: fresh[month] for month in missing}, timeout=COUNT_TIMEOUT)
    return counts
