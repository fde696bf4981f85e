"""Fetching http(s) sources for importers without letting a URL reach inside our own network.

A URL given to an importer (or found in a feed or an article) is untrusted: it may name a loopback or private
address, or redirect to one, to probe internal services. For every hop (the first request and each redirect) the
host is resolved once, every address it resolves to is checked, and the connection goes to exactly the address
that was checked: a DNS answer that changes between the check and the connection (DNS rebinding) cannot move it.
HTTPS still sends the host name (SNI) and checks the certificate against it. Redirects are followed by hand, and
bodies are read in chunks up to a limit.
"""

import ipaddress
import logging
import socket
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import certifi
import urllib3
from PIL import Image as PILImage
from requests.utils import get_encoding_from_headers
from urllib3.exceptions import HTTPError, NewConnectionError, SSLError
from urllib3.exceptions import TimeoutError as TimedOut

from dateline.ingest.formats.base import MAX_SOURCE_BYTES, ImportFailure
from dateline.newsroom.addresses import split_url
from dateline.newsroom.story import StoryImage

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
IMAGE_MAX_BYTES = 15 * 1024 * 1024
CHUNK_BYTES = 64 * 1024
USER_AGENT = "Dateline-importer/1.0 (+https://github.com/dateline)"
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
DEFAULT_PORTS = {"http": 80, "https": 443}


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


def resolve(host, port):
    """The addresses `host` resolves to, from one lookup; `fetch` takes another resolver for tests."""
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def fetch(url, *, allow_private=False, max_bytes=MAX_SOURCE_BYTES, timeout=10, headers=None, resolver=resolve):
    """GET a URL, following up to MAX_REDIRECTS redirects; raise ImportFailure saying what went wrong and where.

    `headers` may carry If-None-Match / If-Modified-Since; a 304 answer comes back as a result with status 304
    and no content. `resolver(host, port)` returns the host's addresses (default: the system's resolver).
    """
    request_headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate", **(headers or {})}
    for _hop in range(MAX_REDIRECTS + 1):
        address = check_url(url, allow_private=allow_private, resolver=resolver)
        response = open_pinned(url, address, request_headers, timeout)
        try:
            status, answer = response.status, dict(response.headers)
            if status in REDIRECT_STATUSES and response.headers.get("Location"):
                url = urljoin(url, response.headers["Location"])
                continue
            encoding = get_encoding_from_headers(response.headers)
            if status == 304:
                return FetchResult(b"", url, 304, answer, encoding)
            if status >= 400:
                raise ImportFailure(f"cannot fetch {url}: HTTP {status} {response.reason or ''}".rstrip())
            return FetchResult(read_limited(response, url, max_bytes), url, status, answer, encoding)
        finally:
            response.release_conn()
            response.close()
    raise ImportFailure(f"cannot fetch {url}: more than {MAX_REDIRECTS} redirects")


def check_url(url, *, allow_private=False, resolver=resolve):
    """The one address to connect to for `url`: its host is resolved once, and refused (ImportFailure) when the
    URL is not http(s) or when any address the host resolves to is not public (unless `allow_private`)."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise ImportFailure(f"cannot fetch {url}: not a readable URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise ImportFailure(f"cannot fetch {url}: only http and https URLs are allowed")
    host = parts.hostname
    if not host:
        raise ImportFailure(f"cannot fetch {url}: the URL has no host")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
        addresses = [ipaddress.ip_address(str(found).split("%")[0]) for found in resolver(host, port)]
    except (OSError, UnicodeError, ValueError) as exc:
        raise ImportFailure(f"cannot fetch {url}: cannot resolve {host} ({exc})") from None
    if not addresses:
        raise ImportFailure(f"cannot fetch {url}: {host} resolves to no address")
    # Every address must be public: a resolver may hand out any of them, and the next lookup another.
    for address in addresses:
        if not allow_private and not is_public(address):
            raise ImportFailure(f"cannot fetch {url}: {host} resolves to {address}, a non-public address")
    return addresses[0]


def open_pinned(url, address, headers, timeout):
    """Send the GET to exactly `address`, naming the URL's host in the Host header and, over TLS, in SNI and the
    certificate check."""
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]
    named = f"[{host}]" if ":" in host else host
    host_header = named if port == DEFAULT_PORTS[parts.scheme] else f"{named}:{port}"
    options = {"timeout": urllib3.Timeout(connect=timeout, read=timeout), "retries": False, "maxsize": 1}
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            str(address),
            port,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
            server_hostname=host,
            assert_hostname=host,
            **options,
        )
    else:
        pool = urllib3.HTTPConnectionPool(str(address), port, **options)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        return pool.urlopen(
            "GET",
            target,
            headers={**headers, "Host": host_header},
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
    except HTTPError as exc:
        pool.close()
        raise ImportFailure(f"cannot fetch {url}: {describe(exc)}") from None


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
    if declared.isascii() and declared.isdigit() and int(declared) > max_bytes:
        raise ImportFailure(f"cannot fetch {url}: {int(declared):,} bytes; the limit is {max_bytes:,}")
    chunks, size = [], 0
    try:
        for chunk in response.stream(CHUNK_BYTES, decode_content=True):
            size += len(chunk)
            if size > max_bytes:
                raise ImportFailure(f"cannot fetch {url}: more than {max_bytes:,} bytes")
            chunks.append(chunk)
    except HTTPError as exc:
        raise ImportFailure(f"cannot fetch {url}: {describe(exc)}") from None
    return b"".join(chunks)


def describe(exc):
    reason = getattr(exc, "reason", None)
    if isinstance(exc, TimedOut) or isinstance(reason, TimedOut):
        return "timed out"
    if isinstance(exc, SSLError) or isinstance(reason, SSLError):
        return f"TLS failed ({reason or exc})"
    if isinstance(exc, NewConnectionError) or isinstance(reason, NewConnectionError):
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
    elif folder is not None and url and not split_url(url).scheme:
        root = Path(folder).resolve()
        path = (root / unquote(split_url(url).path).lstrip("/")).resolve()
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
    stem = Path(unquote(split_url(url).path)).stem or "image"
    extension = {"jpeg": "jpg"}.get(kind, kind) or "img"
    return StoryImage(data=data, filename=f"{stem[:80]}.{extension}")
