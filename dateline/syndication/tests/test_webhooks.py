"""Webhooks: a real HTTP receiver on 127.0.0.1 gets signed ninjs on publication, update, correction and withdrawal;
a failing receiver is retried with back-off and every attempt is logged."""

import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from dateline.conftest import require
from dateline.newsroom.models import ArticlePage, StoryNote
from dateline.syndication import ninjs
from dateline.syndication.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from dateline.syndication.webhooks import signing


class Receiver:
    """A partner's endpoint: records each POST and answers with the next status in `statuses` (then 200)."""

    def __init__(self):
        self.received = []
        self.statuses = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/dateline"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def verified(self, secret):
        """The bodies whose signature checks out with this secret, parsed, with their event."""
        checked = []
        for headers, body in self.received:
            assert signing.verify(secret, headers[signing.TIMESTAMP_HEADER], body, headers[signing.SIGNATURE_HEADER])
            checked.append((headers[signing.EVENT_HEADER], json.loads(body)))
        return checked

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(settings):
    require(ninjs.SHARED_SCHEMAS.is_dir() or ninjs.schemas_dir(), "the ninjs schemas")
    settings.DATELINE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True  # the receiver listens on loopback
    settings.DATELINE_WEBHOOK_RETRY_BASE_SECONDS = 0.01
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpoint.objects.create(name="Partner", url=receiver.url)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def retry_until_settled(tries=10):
    """Run the scheduler's rounds (as `run_scheduler` would) until no delivery waits for a retry."""
    for _ in range(tries):
        if not WebhookDelivery.objects.filter(state=WebhookDelivery.PENDING).exists():
            return
        time.sleep(0.05)  # the next try is due RETRY_BASE (0.01 s) or a little more later
        call_command("run_scheduler", "--once", stdout=StringIO())


def republish(story, **changes):
    draft = ArticlePage.objects.get(pk=story.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision().publish()


def test_publication_is_posted_as_signed_ninjs(make_story, receiver, endpoint, committed):
    with committed():
        story = make_story("Ceasefire agreed")
    [(event, item)] = receiver.verified(endpoint.secret)
    assert event == "published"
    assert ninjs.validate_ninjs(item, "2.2") == "2.2"
    assert item["headlines"][0]["value"] == "Ceasefire agreed"
    assert item["pubstatus"] == "usable"
    delivery = WebhookDelivery.objects.get(story_id=story.pk)
    assert (delivery.state, delivery.attempts) == (WebhookDelivery.DELIVERED, 1)
    assert [attempt.status_code for attempt in delivery.attempt_log.all()] == [200]
    # A forged body does not verify.
    headers, body = receiver.received[0]
    assert not signing.verify(
        endpoint.secret, headers[signing.TIMESTAMP_HEADER], body + b" ", headers[signing.SIGNATURE_HEADER]
    )
    assert not signing.verify(
        "another-secret", headers[signing.TIMESTAMP_HEADER], body, headers[signing.SIGNATURE_HEADER]
    )


def test_nothing_is_sent_before_the_publication_commits(make_story, receiver, endpoint):
    make_story("Not yet committed")
    assert receiver.received == []
    assert WebhookDelivery.objects.get().state == WebhookDelivery.PENDING


@pytest.mark.parametrize("version", ["1.6", "2.2", "3.1"])
def test_update_correction_and_withdrawal(make_story, receiver, endpoint, committed, version):
    endpoint.ninjs_version = version
    endpoint.save()
    with committed():
        story = make_story("Flood warning")
    with committed():
        republish(story, title="Flood warning extended")
    with committed():
        note = StoryNote(kind=StoryNote.CORRECTION, text="The river's name was misspelt.", noted_at=timezone.now())
        republish(story, notes=[note])
    with committed():
        ArticlePage.objects.get(pk=story.pk).unpublish()
    received = receiver.verified(endpoint.secret)
    assert [event for event, _ in received] == ["published", "updated", "corrected", "unpublished"]
    for _, item in received:
        assert ninjs.validate_ninjs(item, version) == version
    status_key = "pubStatus" if version == "3.1" else "pubstatus"
    assert [item[status_key] for _, item in received] == ["usable", "usable", "usable", "canceled"]
    assert received[-1][1]["uri"] == received[0][1]["uri"]
    assert "bodies" not in received[-1][1] and "body_html" not in received[-1][1]


def test_a_failing_receiver_is_retried_and_each_attempt_logged(make_story, receiver, endpoint, committed):
    receiver.statuses = [500, 503]
    with committed():
        make_story("Retried story")
    assert WebhookDelivery.objects.get().attempts == 1, "the publication waits for one try, never for retries"
    retry_until_settled()
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == WebhookDelivery.DELIVERED
    attempts = list(delivery.attempt_log.all())
    assert [(a.number, a.status_code) for a in attempts] == [(1, 500), (2, 503), (3, 200)]
    assert attempts[0].error.startswith("HTTP 500")
    assert len(receiver.received) == 3
    assert len({headers[signing.DELIVERY_HEADER] for headers, _ in receiver.received}) == 1


def test_a_retry_waits_for_its_time(make_story, receiver, endpoint, committed, settings):
    settings.DATELINE_WEBHOOK_RETRY_BASE_SECONDS = 3600
    receiver.statuses = [500]
    with committed():
        make_story("Retried in an hour")
    call_command("run_scheduler", "--once", stdout=StringIO())
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts) == (WebhookDelivery.PENDING, 1)
    assert delivery.next_attempt_at > timezone.now() + timedelta(minutes=59)
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    call_command("run_scheduler", "--once", stdout=StringIO())
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (WebhookDelivery.DELIVERED, 2)


def test_a_receiver_that_keeps_failing_is_given_up_on(make_story, receiver, endpoint, committed, settings):
    settings.DATELINE_WEBHOOK_MAX_ATTEMPTS = 3
    receiver.statuses = [500] * 10
    with committed():
        make_story("Never delivered")
    retry_until_settled()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts) == (WebhookDelivery.FAILED, 3)
    assert WebhookAttempt.objects.filter(delivery=delivery).count() == 3


def test_an_unreachable_receiver_is_logged(make_story, receiver, settings, committed):
    settings.DATELINE_WEBHOOK_MAX_ATTEMPTS = 2
    endpoint = WebhookEndpoint.objects.create(name="Gone", url=receiver.url)
    receiver.close()
    with committed():
        make_story("Nobody listening")
    retry_until_settled()
    attempts = list(WebhookAttempt.objects.filter(delivery__endpoint=endpoint))
    assert len(attempts) == 2
    assert all(a.status_code is None and "ConnectionError" in a.error for a in attempts)
    receiver.server = type("Closed", (), {"shutdown": lambda self: None, "server_close": lambda self: None})()


def test_private_and_loopback_endpoints_are_refused_unless_allowed(make_story, receiver, settings, committed):
    settings.DATELINE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    for url in (receiver.url, "http://10.0.0.8/hook", "http://[::1]/hook", "http://169.254.169.254/latest"):
        with pytest.raises(ValidationError) as error:
            WebhookEndpoint(name="Inside", url=url).full_clean()
        assert "private, loopback or reserved" in str(error.value)
    with pytest.raises(ValidationError):
        WebhookEndpoint(name="Files", url="file:///etc/passwd").full_clean()
    # An endpoint saved earlier (or while allowed) is refused at sending time, and the refusal is logged.
    WebhookEndpoint.objects.create(name="Inside", url=receiver.url)
    settings.DATELINE_WEBHOOK_MAX_ATTEMPTS = 1
    with committed():
        make_story("Stays inside")
    assert receiver.received == []
    assert WebhookAttempt.objects.get().error.startswith("refused:")


def test_section_endpoints_get_only_their_section(make_story, receiver, newsroom, committed):
    sport = WebhookEndpoint.objects.create(name="Sport", url=receiver.url, section=newsroom["sections"]["sport"])
    with committed():
        make_story("World news", section="world")
        make_story("Cricket news", section="sport")
    [(event, item)] = receiver.verified(sport.secret)
    assert item["headlines"][0]["value"] == "Cricket news"


def test_the_admin_shows_endpoints_keys_and_the_delivery_log(make_story, receiver, endpoint, committed, admin_client):
    receiver.statuses = [500]
    with committed():
        make_story("Logged story")
    retry_until_settled()
    delivery = WebhookDelivery.objects.get()
    listing = admin_client.get("/admin/snippets/syndication/webhookdelivery/").content.decode()
    assert "Logged story" in listing
    inspect = admin_client.get(f"/admin/snippets/syndication/webhookdelivery/inspect/{delivery.pk}/").content.decode()
    assert "#1" in inspect and "HTTP 500" in inspect and "#2" in inspect
    assert admin_client.get("/admin/snippets/syndication/webhookendpoint/").status_code == 200
    response = admin_client.post(
        "/admin/snippets/syndication/apikey/add/", {"name": "Agency", "rate_limit": "60", "embargoed_access": "on"}
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    from dateline.syndication.models import ApiKey

    key = ApiKey.objects.get(name="Agency")
    assert key.key.startswith("dlk_") and key.embargoed_access
    assert key.key in admin_client.get(f"/admin/snippets/syndication/apikey/edit/{key.pk}/").content.decode()
