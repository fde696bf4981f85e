"""The HTML page importer: metadata, JSON-LD, finding the article and its body blocks (pictures not loaded)."""

from dateline.fuzz import FIXTURES
from dateline.ingest.formats.base import IMPORT_FAILURES
from dateline.ingest.formats.html import HtmlFormat

SEEDS = sorted(FIXTURES.glob("*.html"))
ALLOWED = IMPORT_FAILURES


class OfflineHtmlFormat(HtmlFormat):
    """Pictures are neither fetched nor read from disk: the fuzz loop stays on the parsing layer."""

    def image_loader(self, source):
        return lambda url: None


FORMAT = OfflineHtmlFormat()


def test_one_input(data):
    FORMAT.story_from_html(data, "/fuzz/page.html")
