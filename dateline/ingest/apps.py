from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "dateline.ingest"
    label = "ingest"
    verbose_name = "Ingest"

    def ready(self):
        from dateline.ingest import signal_handlers

        signal_handlers.register()
