"""Conditional GET for feeds and sitemaps: crawlers and feed readers poll them all day long."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.views.decorators.http import condition
from wagtail.models import PageLogEntry

from dateline.newsroom.models import ArticlePage

# Log actions after which a story may have left a feed or sitemap without any live story changing.
REMOVAL_ACTIONS = ("wagtail.unpublish", "wagtail.unpublish.scheduled", "wagtail.delete")


def last_change(stories):
    """When a list of stories last changed: a (re)publication in it, or any story leaving the site.

    One aggregate over the stories given (slice them to bound it) and one over an indexed log table.
    An unpublished story no longer counts in the first, which is why the second is there.
    """
    newest = stories.aggregate(newest=Max("last_published_at"))["newest"]
    removed = PageLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ArticlePage), action__in=REMOVAL_ACTIONS
    ).aggregate(removed=Max("timestamp"))["removed"]
    return max((moment for moment in (newest, removed) if moment), default=None)


def conditional(last_change_for):
    """Decorate a view so it answers 304 Not Modified while `last_change_for(request, ...)` is unchanged.

    The ETag carries the full timestamp, so it stays exact where Last-Modified rounds to the second.
    """

    def changed_at(request, *args, **kwargs):
        # condition() asks twice, for the ETag and for Last-Modified; the database is asked once.
        if not hasattr(request, "_syndication_changed_at"):
            request._syndication_changed_at = last_change_for(request, *args, **kwargs)
        return request._syndication_changed_at

    def etag(request, *args, **kwargs):
        moment = changed_at(request, *args, **kwargs)
        key = f"{request.get_host()}|{request.get_full_path()}|{moment.isoformat() if moment else '-'}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]

    return condition(etag_func=etag, last_modified_func=changed_at)
