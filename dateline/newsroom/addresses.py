"""URL parsing that never raises on a malformed address.

Python's urllib raises ValueError for some addresses that arrive from outside ("http://[document]/", an unclosed
IPv6 bracket, a port out of range); imported pages, feeds and editors' links can hold any of them. Every reading
of an untrusted URL goes through these, so a bad address is an empty one rather than a crash.
"""

from urllib.parse import SplitResult, urljoin, urlsplit

EMPTY = SplitResult("", "", "", "", "")


def split_url(url):
    """urlsplit, or an empty address for one Python cannot read."""
    try:
        return urlsplit(url or "")
    except ValueError:
        return EMPTY


def join_url(base_url, url):
    """urljoin, or "" for an address Python cannot read."""
    try:
        return urljoin(base_url, url)
    except ValueError:
        return ""
