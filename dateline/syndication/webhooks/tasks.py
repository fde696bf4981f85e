"""Sending webhook deliveries in the background (django-tasks), with retries and exponential back-off.

Each task run makes one try. After a failure the next one is due `RETRY_BASE * 2**(n-1)` seconds later: a
backend that can defer (a worker) schedules it; otherwise (the immediate backend of development and small
installs) `send_due_deliveries`, called on every round of the newsroom's scheduler, picks it up. Nothing ever
waits inline, so a failing receiver never holds up the publication that triggered it.
"""

import json
import time
from datetime import timedelta

import requests
from django.conf import settings
from django.utils import timezone
from django_tasks import task

from dateline.syndication.webhooks import signing
from dateline.syndication.webhooks.addresses import UnsafeAddress, check_url


def conf(name, default):
    return getattr(settings, name, default)


def backoff(attempt):
    """Seconds to wait after the `attempt`-th failed try."""
    return conf("DATELINE_WEBHOOK_RETRY_BASE_SECONDS", 30) * 2 ** (attempt - 1)


def attempt(delivery):
    """One POST of the delivery, logged as a WebhookAttempt; True when the receiver answered 2xx."""
    from dateline.syndication.models import WebhookAttempt

    endpoint = delivery.endpoint
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Dateline-Webhooks/1",
        signing.SIGNATURE_HEADER: signing.sign(endpoint.secret, timestamp, body),
        signing.TIMESTAMP_HEADER: timestamp,
        signing.EVENT_HEADER: delivery.event,
        signing.DELIVERY_HEADER: str(delivery.pk),
    }
    delivery.attempts += 1
    log = WebhookAttempt(delivery=delivery, number=delivery.attempts)
    started = time.monotonic()
    try:
        check_url(endpoint.url)
        response = requests.post(  # it has a timeout, given below  # nosec B113
            endpoint.url,
            data=body,
            headers=headers,
            timeout=conf("DATELINE_WEBHOOK_TIMEOUT_SECONDS", 10),
            allow_redirects=False,
        )
        log.status_code = response.status_code
        if not log.succeeded:
            log.error = f"HTTP {response.status_code}: {response.text[:200]}"
    except UnsafeAddress as exc:
        log.error = f"refused: {exc}"
    except requests.RequestException as exc:
        log.error = f"{type(exc).__name__}: {exc}"[:1000]
    log.duration_ms = int((time.monotonic() - started) * 1000)
    log.save()
    return log.succeeded


@task()
def deliver(delivery_id):
    """Send one delivery, retrying with back-off up to WEBHOOK_MAX_ATTEMPTS tries in all."""
    from dateline.syndication.models import WebhookDelivery

    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.state != WebhookDelivery.PENDING:
        return "gone"
    limit = conf("DATELINE_WEBHOOK_MAX_ATTEMPTS", 5)
    if attempt(delivery):
        delivery.state, delivery.next_attempt_at = WebhookDelivery.DELIVERED, None
        delivery.save(update_fields=["state", "attempts", "next_attempt_at"])
        return "delivered"
    if delivery.attempts >= limit:
        delivery.state, delivery.next_attempt_at = WebhookDelivery.FAILED, None
        delivery.save(update_fields=["state", "attempts", "next_attempt_at"])
        return "failed"
    delivery.next_attempt_at = timezone.now() + timedelta(seconds=backoff(delivery.attempts))
    delivery.save(update_fields=["attempts", "next_attempt_at"])
    if deliver.get_backend().supports_defer:
        deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    return "retrying"


def send_due_deliveries(**kwargs):
    """Retry the pending deliveries whose next try is due (for backends that cannot defer a task)."""
    from dateline.syndication.models import WebhookDelivery

    if deliver.get_backend().supports_defer:
        return 0
    due = WebhookDelivery.objects.filter(state=WebhookDelivery.PENDING, next_attempt_at__lte=timezone.now())
    sent = 0
    for delivery_id in due.order_by("next_attempt_at").values_list("pk", flat=True)[:500]:
        deliver.enqueue(delivery_id)
        sent += 1
    return sent
