"""Topic pages that fill themselves: the topics that come up with a topic, and its coverage month by month."""

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from dateline.newsroom.models import ArticleTopic, Topic


def visible_links(prefix=""):
    """Links whose story readers may see (the conditions of `visible_stories()`, on the link table's join)."""
    page = f"{prefix}page__"
    return Q(**{f"{page}live": True, f"{prefix}published_at__isnull": False}) & ~Q(
        **{f"{page}embargoed": True, f"{page}go_live_at__gt": timezone.now()}
    )


def co_occurring_topics(topic, limit=10):
    """The topics most often linked to the same visible stories as `topic`, with `.together` (how many).
    One aggregated query."""
    shared = ArticleTopic.objects.filter(visible_links(), topic=topic).values("page_id")
    return list(
        Topic.objects.filter(story_links__page_id__in=shared)
        .exclude(pk=topic.pk)
        .annotate(together=Count("story_links__page_id", distinct=True))
        .order_by("-together", "name")[:limit]
    )


def coverage_timeline(topic):
    """[{"month": first day of the month (aware datetime), "stories": count}] oldest first, months with stories
    only. One aggregated query."""
    return list(
        ArticleTopic.objects.filter(visible_links(), topic=topic)
        .annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(stories=Count("page_id", distinct=True))
        .order_by("month")
    )
