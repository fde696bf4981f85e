"""Partner access: API keys for the headless API and webhook endpoints with their delivery log."""

import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone


def new_api_key():
    return f"dlk_{secrets.token_urlsafe(30)}"


def new_webhook_secret():
    return f"whsec_{secrets.token_urlsafe(30)}"


class ApiKey(models.Model):
    """A partner's key for /api/, sent as `Authorization: Api-Key <key>`."""

    name = models.CharField(max_length=200, help_text="Who the key is for, e.g. the partner's name.")
    key = models.CharField(max_length=80, unique=True, default=new_api_key, editable=False)
    active = models.BooleanField(default=True, help_text="Inactive keys are refused.")
    rate_limit = models.PositiveIntegerField(
        "requests per minute", default=120, validators=[MinValueValidator(1)], help_text="Above this: 429."
    )
    section = models.ForeignKey(
        "newsroom.SectionPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Only this section's stories; leave empty for every section.",
    )
    embargoed_access = models.BooleanField(
        "sees embargoed stories",
        default=False,
        help_text="A trusted partner: embargoed stories are visible before their go-live time.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "API key"

    def __str__(self):
        return self.name


class WebhookEndpoint(models.Model):
    """A partner's URL that receives stories as ninjs when they are published, changed or withdrawn."""

    NINJS_VERSIONS = [("1.6", "ninjs 1.6"), ("2.2", "ninjs 2.2"), ("3.1", "ninjs 3.1")]

    name = models.CharField(max_length=200)
    url = models.URLField("URL", max_length=500, help_text="An https:// address on the public internet.")
    secret = models.CharField(
        max_length=80,
        default=new_webhook_secret,
        editable=False,
        help_text="Signs each delivery: X-Dateline-Signature is sha256=HMAC(secret, timestamp + '.' + body).",
    )
    ninjs_version = models.CharField(max_length=10, choices=NINJS_VERSIONS, default="2.2")
    section = models.ForeignKey(
        "newsroom.SectionPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Only this section's stories; leave empty for every section.",
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "webhook endpoint"

    def __str__(self):
        return self.name

    def clean(self):
        from dateline.syndication.webhooks.addresses import UnsafeAddress, check_url

        try:
            check_url(self.url)
        except UnsafeAddress as exc:
            raise ValidationError({"url": str(exc)}) from None


class WebhookDelivery(models.Model):
    """One event for one endpoint: the signed ninjs body, sent and retried until it succeeds or gives up."""

    PUBLISHED, UPDATED, CORRECTED, UNPUBLISHED = "published", "updated", "corrected", "unpublished"
    EVENTS = [(PUBLISHED, "Published"), (UPDATED, "Updated"), (CORRECTED, "Corrected"), (UNPUBLISHED, "Unpublished")]
    PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
    STATES = [(PENDING, "Pending"), (DELIVERED, "Delivered"), (FAILED, "Failed")]

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=20, choices=EVENTS)
    story_id = models.BigIntegerField(db_index=True)
    headline = models.CharField(max_length=255, blank=True)
    corrections = models.PositiveIntegerField(default=0, help_text="How many corrections the story had then.")
    payload = models.JSONField()
    state = models.CharField(max_length=20, choices=STATES, default=PENDING)
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_event_display()}: {self.headline} → {self.endpoint}"

    @property
    def last_attempt_summary(self):
        attempts = list(self.attempt_log.all())
        if not attempts:
            return ""
        last = attempts[-1]
        return f"#{last.number}: {last.status_code or ''} {last.error[:80]}".strip()

    def attempts_summary(self):
        """Every attempt, one line each, for the inspect page."""
        return "\n".join(
            f"#{a.number} at {a.attempted_at:%Y-%m-%d %H:%M:%S} ({a.duration_ms} ms): {a.status_code or ''} {a.error}"
            for a in self.attempt_log.all()
        )

    attempts_summary.short_description = "attempt log"


class WebhookAttempt(models.Model):
    """One POST of a delivery: what the receiver answered, or why it could not be reached."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveIntegerField()
    attempted_at = models.DateTimeField(default=timezone.now)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["delivery", "number"]

    def __str__(self):
        return f"attempt {self.number}: {self.status_code or self.error}"

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300
