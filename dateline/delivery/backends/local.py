from dateline.delivery import store
from dateline.delivery.backends.base import PurgeBackend


class LocalBackend(PurgeBackend):
    """The page cache of this site itself (Django's default cache)."""

    local = True

    def purge_tags(self, tags):
        store.bump(tags)
