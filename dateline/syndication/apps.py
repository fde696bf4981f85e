from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Feeds, sitemaps, structured data, social cards and the headless API: how other sites and apps see the
    newsroom; webhooks tell partners about each publication."""

    name = "dateline.syndication"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dateline.syndication.webhooks import signal_handlers

        signal_handlers.register()
