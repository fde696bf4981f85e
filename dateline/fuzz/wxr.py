"""The WordPress export importer: the XML checks, lxml, shortcodes and autop, and the mapping of posts."""

from dateline.fuzz import FIXTURES
from dateline.ingest.formats.base import IMPORT_FAILURES
from dateline.ingest.formats.wxr import WxrFormat

SEEDS = sorted(FIXTURES.glob("wxr_*.xml"))
ALLOWED = IMPORT_FAILURES
# The site's sections are given rather than read from the database: no query per input.
FORMAT = WxrFormat(sections={"world": "world", "business": "business"})


def test_one_input(data):
    list(FORMAT.items_from_bytes(data, "/fuzz/export.xml"))
