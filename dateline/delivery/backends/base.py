class PurgeBackend:
    """Drops cached responses by content tag (see dateline.delivery.tags for the names).

    `local` is True for a backend that must be purged before the publishing request answers (the in-process
    cache); the others (proxies, CDNs) are purged by a background task.
    """

    local = False

    def __init__(self, params):
        self.params = params

    def purge_tags(self, tags):
        raise NotImplementedError
