"""Fetching http(s) sources for importers without letting a URL reach inside our own network.

A URL given to an importer (or found in a feed or an article) is untrusted: it may name a loopback or private
address, or redirect to one, to probe internal services. Every hop is resolved and checked before connecting,
redirects are followed by hand so that each one is checked too, and bodies are read in chunks up to a limit.
"""

import ipaddress
import logging
import socket
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import requests
from PIL import Image as PILImage

from dateline.ingest.formats.base import MAX_SOURCE_BYTES, ImportFailure
from dateline.newsroom.story import StoryImage

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
IMAGE_MAX_BYTES = 15 * 1024 * 1024
CHUNK_BYTES = 64 * 1024
USER_AGENT = "Dateline-importer/1.0 (+https://github.com/dateline)"
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


@dataclass
class FetchResult:
    content: bytes
    url: str  # the final URL, after redirects
    status: int
    headers: dict = field(default_factory=dict)
    encoding: str | None = None

    @property
    def not_modified(self):
        return self.status == 304


def fetch(url, *, allow_private=False, max_bytes=MAX_SOURCE_BYTES, timeout=10, headers=None):
    """GET a URL, following up to MAX_REDIRECTS redirects; raise ImportFailure saying what went wrong and where.

    `headers` may carry If-None-Match / If-Modified-Since; a 304 answer comes back as a result with status 304
    and no content.
    """
    request_headers = {"User-Agent": USER_AGENT, **(headers or {})}
    with requests.Session() as session:
        session.trust_env = False  # a proxy from the environment would connect on our behalf, unchecked
        for _hop in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private=allow_private)
            try:
                response = session.get(
                    url, headers=request_headers, timeout=(timeout, timeout), stream=True, allow_redirects=False
                )
            except requests.RequestException as exc:
                raise ImportFailure(f"cannot fetch {url}: {describe(exc)}") from None
            with response:
                if response.status_code in REDIRECT_STATUSES and response.headers.get("Location"):
                    url = urljoin(url, response.headers["Location"])
                    continue
                if response.status_code == 304:
                    return FetchResult(b"", url, 304, dict(response.headers), response.encoding)
                if response.status_code >= 400:
                    raise ImportFailure(f"cannot fetch {url}: HTTP {response.status_code} {response.reason}")
                content = read_limited(response, url, max_bytes)
                return FetchResult(content, url, response.status_code, dict(response.headers), response.encoding)
    raise ImportFailure(f"cannot fetch {url}: more than {MAX_REDIRECTS} redirects")


def check_url(url, *, allow_private=False):
    """Refuse URLs that are not http(s), or whose host resolves to an address we must not connect to."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ImportFailure(f"cannot fetch {url}: only http and https URLs are allowed")
    host = parts.hostname
    if not host:
        raise ImportFailure(f"cannot fetch {url}: the URL has no host")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise ImportFailure(f"cannot fetch {url}: cannot resolve {host} ({exc})") from None
    # Every address must be public: the connection may use any of them.
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not is_public(address):
            raise ImportFailure(f"cannot fetch {url}: {host} resolves to {address}, a non-public address")


def is_public(address):
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def read_limited(response, url, max_bytes):
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ImportFailure(f"cannot fetch {url}: {int(declared):,} bytes; the limit is {max_bytes:,}")
    chunks, size = [], 0
    try:
        for chunk in response.iter_content(CHUNK_BYTES):
            size += len(chunk)
            if size > max_bytes:
                raise ImportFailure(f"cannot fetch {url}: more than {max_bytes:,} bytes")
            chunks.append(chunk)
    except requests.RequestException as exc:
        raise ImportFailure(f"cannot fetch {url}: {describe(exc)}") from None
    return b"".join(chunks)


def describe(exc):
    if isinstance(exc, requests.Timeout):
        return "timed out"
    if isinstance(exc, requests.ConnectionError):
        return "connection failed"
    return type(exc).__name__


def load_image(url, *, folder=None, allow_private=False, max_bytes=IMAGE_MAX_BYTES):
    """A StoryImage for an http(s) image URL, or for a path relative to `folder` (a saved page's own folder).

    Returns None when the picture cannot be had or is not an image: a story keeps its words without it.
    """
    url = (url or "").strip()
    if url.startswith(("http://", "https://")):
        try:
            data = fetch(url, allow_private=allow_private, max_bytes=max_bytes).content
        except ImportFailure as exc:
            logger.warning("image not imported: %s", exc)
            return None
    elif folder is not None and not urlsplit(url).scheme and url:
        root = Path(folder).resolve()
        path = (root / unquote(urlsplit(url).path).lstrip("/")).resolve()
        # A saved page may only bring in files from its own folder.
        if not path.is_relative_to(root) or not path.is_file() or path.stat().st_size > max_bytes:
            logger.warning("image not imported: %s is not a readable file under %s", url, root)
            return None
        data = path.read_bytes()
    else:
        return None
    try:
        with PILImage.open(BytesIO(data)) as picture:
            kind = (picture.format or "").lower()
            picture.verify()
    except Exception:  # Pillow raises many kinds of error for bytes that are not a picture
        logger.warning("image not imported: %s is not a picture", url)
        return None
    stem = Path(unquote(urlsplit(url).path)).stem or "image"
    extension = {"jpeg": "jpg"}.get(kind, kind) or "img"
    return StoryImage(data=data, filename=f"{stem[:80]}.{extension}")
