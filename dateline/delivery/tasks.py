"""Background work of delivery: purging proxies and CDNs, lead-image renditions and warming after a publish."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)


# Before the other work a publication queues (renditions, warming, indexing, enrichment): readers behind Varnish
# see the story once this has run.
@task(priority=50)
def purge_remote(tags, urls=()):
    """Send invalidated tags to every non-local purge backend, and URLs to Wagtail's front-end cache."""
    from dateline.delivery.backends import get_backends

    for name, backend in get_backends().items():
        if backend.local:
            continue
        try:
            backend.purge_tags(tags)
        except Exception:
            logger.exception("Purge backend %s failed", name)
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(list(urls))
    return len(tags)


@task()
def warm_pages(paths):
    """Request pages as an anonymous reader, so that the first real reader gets a cached copy."""
    from django.test import Client

    parts = urlsplit(settings.SITE_URL)
    client = Client(HTTP_HOST=parts.netloc, secure=parts.scheme == "https", raise_request_exception=False)
    statuses = {}
    for path in dict.fromkeys(paths):
        statuses[path] = client.get(path).status_code
    return statuses


@task()
def render_renditions(image_pk):
    """Make the renditions a published story's lead image is shown in (see `dateline.delivery.renditions`)."""
    from wagtail.images import get_image_model

    from dateline.delivery.renditions import render_lead_image

    image = get_image_model().objects.filter(pk=image_pk).first()
    return render_lead_image(image) if image is not None else 0
