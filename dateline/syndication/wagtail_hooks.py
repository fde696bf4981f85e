"""The admin's "Partners" menu: API keys, webhook endpoints and the webhook delivery log (read-only)."""

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from dateline.syndication.models import ApiKey, WebhookDelivery, WebhookEndpoint


class ApiKeyViewSet(SnippetViewSet):
    model = ApiKey
    icon = "key"
    list_display = ["name", "active", "rate_limit", "section", "embargoed_access", DateColumn("last_used_at")]
    list_filter = ["active", "embargoed_access"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("key", read_only=True, heading="Key (sent as “Authorization: Api-Key <key>”)"),
        FieldPanel("active"),
        FieldPanel("rate_limit"),
        FieldPanel("section"),
        FieldPanel("embargoed_access"),
    ]


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    list_display = ["name", "url", "ninjs_version", "section", "active"]
    search_fields = ["name", "url"]
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret", read_only=True),
        HelpPanel(
            "Each story is POSTed as ninjs on publication, update, correction and withdrawal, with headers "
            "X-Dateline-Event, X-Dateline-Timestamp and X-Dateline-Signature: "
            "sha256=HMAC-SHA256(secret, timestamp + '.' + body) in hex."
        ),
        FieldPanel("ninjs_version"),
        FieldPanel("section"),
        FieldPanel("active"),
    ]


class WebhookDeliveryViewSet(SnippetViewSet):
    """The delivery log: every event for every endpoint, with each attempt on its inspect page."""

    model = WebhookDelivery
    icon = "list-ul"
    menu_label = "Webhook log"
    inspect_view_enabled = True
    inspect_view_fields = [
        *("endpoint", "event", "story_id", "headline", "state", "attempts", "created_at", "attempts_summary", "payload")
    ]
    list_display = [
        "headline",
        "event",
        "endpoint",
        "state",
        "attempts",
        Column("last_attempt", label="Last attempt", accessor="last_attempt_summary"),
        DateColumn("created_at"),
    ]
    list_filter = ["state", "event", "endpoint"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return WebhookDelivery.objects.select_related("endpoint").prefetch_related("attempt_log")


class PartnersGroup(SnippetViewSetGroup):
    items = (ApiKeyViewSet, WebhookEndpointViewSet, WebhookDeliveryViewSet)
    menu_icon = "globe"
    menu_label = "Partners"
    menu_name = "partners"
    menu_order = 800


register_snippet(PartnersGroup)
