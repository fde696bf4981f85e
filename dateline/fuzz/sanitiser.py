"""The rich-text sanitiser and the HTML-to-body-blocks reader that every importer's HTML goes through."""

import re

from bs4 import BeautifulSoup

from dateline.fuzz import FIXTURES, as_text
from dateline.ingest.formats.base import IMPORT_FAILURES
from dateline.newsroom.html_blocks import SAFE_ATTRIBUTES, SAFE_TAGS, URL_SCHEMES, blocks_from_html, sanitize_html

SEEDS = sorted(FIXTURES.glob("*.html"))
ALLOWED = IMPORT_FAILURES
GENERIC_ATTRIBUTES = {"title", "lang"}  # nh3 keeps these two, inert, on every tag


def test_one_input(data):
    html = as_text(data)
    check_inert(sanitize_html(html))
    for kind, value in blocks_from_html(html, base_url="https://example.com/news/"):
        if kind == "paragraph":
            check_inert(value)


def check_inert(html):
    """The sanitiser's promise, read back by a parser: only its own tags, no handlers, only http(s)/mailto links."""
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name not in SAFE_TAGS:
            raise AssertionError(f"the sanitiser let <{tag.name}> through: {html[:200]!r}")
        for attribute, value in tag.attrs.items():
            if attribute not in SAFE_ATTRIBUTES.get(tag.name, set()) | GENERIC_ATTRIBUTES:
                raise AssertionError(f"the sanitiser let {attribute}= through: {html[:200]!r}")
            # Only a real scheme (ASCII letter, then letters, digits, + - .) counts: anything else is a relative URL.
            scheme = value.split(":", 1)[0].strip().lower() if ":" in value.split("/", 1)[0] else ""
            scheme = scheme if re.fullmatch(r"[a-z][a-z0-9+.-]*", scheme) else ""
            if attribute in ("href", "src") and scheme and scheme not in URL_SCHEMES:
                raise AssertionError(f"the sanitiser let a {scheme}: URL through: {html[:200]!r}")
