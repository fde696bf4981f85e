import logging
import urllib.request

from dateline.delivery.backends.base import PurgeBackend

logger = logging.getLogger(__name__)


class VarnishBackend(PurgeBackend):
    """Varnish with the xkey module: one request per batch of tags, `PURGE` (or `BAN`) to LOCATION with the
    tags space-separated in the `xkey-purge` header (HEADER). Responses carry the same tags in Surrogate-Key
    (see the VCL in the delivery notes). Options: LOCATION (required), METHOD, HEADER, TIMEOUT, BATCH."""

    def __init__(self, params):
        super().__init__(params)
        self.location = params["LOCATION"]
        self.method = params.get("METHOD", "PURGE")
        self.header = params.get("HEADER", "xkey-purge")
        self.timeout = params.get("TIMEOUT", 5)
        self.batch = params.get("BATCH", 50)

    def purge_tags(self, tags):
        tags = sorted(tags)
        for start in range(0, len(tags), self.batch):
            chunk = tags[start : start + self.batch]
            request = urllib.request.Request(  # noqa: S310 (an operator-configured http(s) URL)
                self.location, method=self.method, headers={self.header: " ".join(chunk)}
            )
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    response.read()
            except OSError as error:
                logger.warning("Varnish purge of %d tags failed: %s", len(chunk), error)
