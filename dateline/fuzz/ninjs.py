"""The ninjs importer: JSON, schema validation of each item and the mapping to stories (pictures not loaded)."""

from dateline.fuzz import FIXTURES
from dateline.ingest.formats.base import IMPORT_FAILURES
from dateline.ingest.formats.ninjs import NinjsFormat

SEEDS = sorted(FIXTURES.glob("*.json"))
ALLOWED = IMPORT_FAILURES
FORMAT = NinjsFormat()


def test_one_input(data):
    list(FORMAT.items_from_bytes(data, "/fuzz/items.json"))
