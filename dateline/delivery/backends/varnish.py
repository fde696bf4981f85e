import logging
import re
import urllib.request

from dateline.delivery.backends.base import PurgeBackend

logger = logging.getLogger(__name__)

PURGED_RE = re.compile(rb"(?:Soft-)?[Pp]urged (\d+)")


class VarnishBackend(PurgeBackend):
    """Varnish with the xkey module and the shipped VCL (deploy/varnish/dateline.vcl): one `PURGE` request to
    LOCATION per batch of tags, the tags space-separated in the `xkey-purge` header, or in `xkey-softpurge` with
    SOFT (Varnish keeps serving the old copy within grace while it refetches; a hard purge makes the next reader
    wait for the new page, and Varnish sends concurrent readers' requests as one). Responses carry the same tags in
    Surrogate-Key, which the VCL indexes. Options: LOCATION (required), SOFT, METHOD, HEADER, TIMEOUT, BATCH,
    IMMEDIATE.

    IMMEDIATE (the default): purged as soon as the change commits, by the process that made it, like the
    application's own cache, rather than by the task worker once it gets to it (behind the renditions, indexing
    and enrichment of earlier publications): readers behind Varnish see a story within the time of one PURGE
    request. IMMEDIATE=False leaves it to the background task (a far-away Varnish, a slow network)."""

    def __init__(self, params):
        super().__init__(params)
        self.local = bool(params.get("IMMEDIATE", True))
        self.location = params["LOCATION"]
        self.soft = bool(params.get("SOFT", False))
        self.method = params.get("METHOD", "PURGE")
        self.header = params.get("HEADER", "xkey-softpurge" if self.soft else "xkey-purge")
        self.timeout = params.get("TIMEOUT", 2)
        self.batch = params.get("BATCH", 50)

    def purge_tags(self, tags):
        """Purge these tags; returns how many objects Varnish says it purged (None if it did not say)."""
        tags = sorted(tags)
        purged = 0
        for start in range(0, len(tags), self.batch):
            chunk = tags[start : start + self.batch]
            request = urllib.request.Request(  # noqa: S310 (an operator-configured http(s) URL)
                self.location, method=self.method, headers={self.header: " ".join(chunk)}
            )
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (VARNISH_URL, from settings)  # nosec B310
                    body = response.read()
            except OSError as error:
                logger.warning("Varnish purge of %d tags failed: %s", len(chunk), error)
                continue
            match = PURGED_RE.search(body)
            if match is None:
                purged = None
            elif purged is not None:
                purged += int(match.group(1))
        return purged
