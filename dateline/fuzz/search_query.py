"""The reader's search query: reduced to words and phrases, then to the backend's query, then highlighted."""

import unicodedata

from modelsearch.query import And, PlainText

from dateline.fuzz import as_text
from dateline.search.query import backend_query, highlight, parse_query

SEEDS = []
ALLOWED = ()


def is_word(term):
    """Letters and digits, and the combining marks lower-casing can bring ("İ".lower() is "i" and a dot above,
    as the search index lower-cases it too)."""
    return bool(term) and all(char.isalnum() or unicodedata.category(char).startswith("M") for char in term)


def test_one_input(data):
    raw = as_text(data)
    parsed = parse_query(raw)
    if not all(is_word(term) for term in parsed.terms):
        raise AssertionError(f"a search term is not a word: {parsed.terms!r}")
    if parsed:
        for operator in ("and", "or"):
            if not isinstance(backend_query(parsed, operator), And | PlainText):
                raise AssertionError("backend_query gave something other than words and phrases")
    marked = str(highlight(raw, parsed.terms)).replace("<mark>", "").replace("</mark>", "")
    if "<" in marked:
        raise AssertionError(f"highlighting let markup through: {marked[:200]!r}")
