from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    """Feeds, sitemaps, structured data and social cards: how other sites and apps see the newsroom."""

    name = "dateline.syndication"
    default_auto_field = "django.db.models.BigAutoField"
