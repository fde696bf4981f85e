"""The plain-text importer: decoding and the recovery of a story's structure from its lines."""

from dateline.fuzz import FIXTURES
from dateline.ingest.formats.base import IMPORT_FAILURES
from dateline.ingest.formats.text import decode_text, story_from_text

SEEDS = sorted(FIXTURES.glob("*.txt"))
ALLOWED = IMPORT_FAILURES


def test_one_input(data):
    story_from_text(decode_text(data))
