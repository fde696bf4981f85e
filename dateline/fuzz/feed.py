"""The RSS/Atom importer: the XML checks, feedparser and the mapping of entries to stories (pictures not loaded)."""

from dateline.fuzz import FIXTURES
from dateline.ingest.formats.base import IMPORT_FAILURES
from dateline.ingest.formats.feed import FeedFormat

SEEDS = sorted([*FIXTURES.glob("feed_*.xml"), *FIXTURES.glob("*.rss"), *FIXTURES.glob("*.atom")])
ALLOWED = IMPORT_FAILURES


class OfflineFeedFormat(FeedFormat):
    def load_image(self, url):
        return None


FORMAT = OfflineFeedFormat()


def test_one_input(data):
    list(FORMAT.items_from_bytes(data, "/fuzz/feed.xml"))
