"""The rich-text sanitiser and the HTML-to-body-blocks reader that every importer's HTML goes through."""

import re

from bs4 import BeautifulSoup

from dateline.fuzz import FIXTURES, as_text
from dateline.ingest.formats.base import IMPORT_FAILURES
from dateline.newsroom.html_blocks import SAFE_ATTRIBUTES, SAFE_TAGS, URL_SCHEMES, blocks_from_html, sanitize_html

SEEDS = sorted(FIXTURES.glob("*.html"))
ALLOWED = IMPORT_FAILURES
GENERIC_ATTRIBUTES = {"title", "lang"}  # nh3 keeps these two, inert, on every tag
# Fragments the size of a few paragraphs: each input is parsed four times here (about 2 ms a kilobyte), so small
# inputs buy many more mutations of the sanitiser's promise. Whole pages go through the same code in the html target.
MAX_LEN = 1024
C0_AND_SPACE = "".join(chr(code) for code in range(0x21))


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
            scheme = url_scheme(value)
            if attribute in ("href", "src") and scheme and scheme not in URL_SCHEMES:
                raise AssertionError(f"the sanitiser let a {scheme}: URL through: {html[:200]!r}")


def url_scheme(url):
    """The scheme a browser reads in an attribute's URL, or "" for a relative one (the WHATWG URL parser: spaces
    and C0 controls around it dropped, tabs and newlines dropped everywhere, then an ASCII letter followed by
    letters, digits, + - . and a colon; "ht :x" is a relative path, "java\tscript:x" is javascript:)."""
    url = re.sub(r"[\t\n\r]", "", url).strip(C0_AND_SPACE)
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return match[1].lower() if match else ""
