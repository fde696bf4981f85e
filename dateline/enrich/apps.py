from django.apps import AppConfig


class EnrichConfig(AppConfig):
    """Topic suggestions for stories, related stories and self-filling topic pages."""

    name = "dateline.enrich"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dateline.enrich import signal_handlers

        signal_handlers.register()
