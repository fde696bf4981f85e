"""The newsroom's story signals → one WebhookDelivery per matching endpoint, queued once the change commits."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q

from dateline.newsroom.signals import scheduler_tick, story_changed, story_published, story_unpublished


def event_for(story, signal):
    """published, updated, corrected (a new correction since the last delivery) or unpublished."""
    from dateline.syndication.models import WebhookDelivery

    if signal is story_published:
        return WebhookDelivery.PUBLISHED, 0
    if signal is story_unpublished:
        return WebhookDelivery.UNPUBLISHED, None
    corrections = len(story.corrections)
    sent = WebhookDelivery.objects.filter(story_id=story.pk).aggregate(most=Max("corrections"))["most"] or 0
    return (WebhookDelivery.CORRECTED if corrections > sent else WebhookDelivery.UPDATED), corrections


def queue_deliveries(sender, story, signal, **kwargs):
    from dateline.syndication.api.ninjs_items import story_item, withdrawal_item
    from dateline.syndication.models import WebhookDelivery, WebhookEndpoint
    from dateline.syndication.webhooks.tasks import deliver

    endpoints = list(WebhookEndpoint.objects.filter(active=True).filter(Q(section=None) | Q(section=story.section_id)))
    if not endpoints:
        return
    event, corrections = event_for(story, signal)
    if corrections is None:
        corrections = len(story.corrections)
    payloads = {}
    deliveries = []
    for endpoint in endpoints:
        version = endpoint.ninjs_version
        if version not in payloads:
            if event == WebhookDelivery.UNPUBLISHED:
                payloads[version] = withdrawal_item(story, version, base_url=settings.SITE_URL)
            else:
                payloads[version] = story_item(story, version, base_url=settings.SITE_URL)
        deliveries.append(
            WebhookDelivery(
                endpoint=endpoint,
                event=event,
                story_id=story.pk,
                headline=story.title[:255],
                corrections=corrections,
                payload=payloads[version],
            )
        )
    created = WebhookDelivery.objects.bulk_create(deliveries)
    for delivery in created:
        transaction.on_commit(partial(deliver.enqueue, delivery.pk))


def send_due_deliveries(sender, **kwargs):
    from dateline.syndication.webhooks.tasks import send_due_deliveries as send

    send()


def register():
    from dateline.newsroom.models import ArticlePage

    for signal, uid in [(story_published, "published"), (story_changed, "changed"), (story_unpublished, "unpublished")]:
        signal.connect(queue_deliveries, sender=ArticlePage, dispatch_uid=f"syndication_webhooks_{uid}")
    scheduler_tick.connect(send_due_deliveries, dispatch_uid="syndication_webhooks_retries")
