"""How the search page ranks stories on each database: `base.SearchBackend` (through Wagtail's search backend, any
database), `sqlite.SearchBackend` (Wagtail's FTS5 table, queried directly) and `postgresql.SearchBackend` (the
StoryDocument table's GIN indexes, queried directly)."""

from importlib import import_module

from django.db import connection

BACKENDS = {"sqlite": "dateline.search.backends.sqlite", "postgresql": "dateline.search.backends.postgresql"}


def get_backend():
    path = BACKENDS.get(connection.vendor, "dateline.search.backends.base")
    return import_module(path).SearchBackend()
