import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.conftest import require
from dateline.ingest import fetch as fetch_module
from dateline.ingest.fetch import fetch
from dateline.ingest.formats.base import ImportFailure


@contextmanager
def serve(routes, host="127.0.0.1", port=0):
    """A real HTTP server on `host` (127.0.0.1). `routes` maps a path to (status, headers, body) or to a callable taking
    the request handler and returning one; every request's headers are recorded in server.requests."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            server.requests.append((self.path, dict(self.headers)))
            route = routes.get(self.path, (404, {}, b"not found"))
            status, headers, body = route(self) if callable(route) else route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    server.requests = []
    server.handle_error = lambda request, address: None  # a client that timed out is expected, not an error
    server.port = server.server_address[1]
    server.url = f"http://{host}:{server.port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def loopback_is_public(monkeypatch):
    """Treat the test server's 127.0.0.1 as a public address, so that redirects out of it are checked as they
    would be from a real public host."""
    original = fetch_module.is_public
    monkeypatch.setattr(
        fetch_module, "is_public", lambda address: address == ipaddress.ip_address("127.0.0.1") or original(address)
    )


def test_fetch_returns_the_body_and_headers_from_a_local_server():
    with serve({"/feed": (200, {"Content-Type": "text/plain; charset=utf-8", "ETag": '"v1"'}, b"hello")}) as server:
        result = fetch(f"{server.url}/feed", allow_private=True)
    assert (result.content, result.status, result.headers["ETag"]) == (b"hello", 200, '"v1"')
    assert result.encoding == "utf-8"
    assert server.requests[0][1]["User-Agent"].startswith("Dateline-importer")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.1.2.3/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://0.0.0.0/",
    ],
)
def test_fetch_refuses_non_public_addresses(url):
    with pytest.raises(ImportFailure, match="non-public address") as failure:
        fetch(url)
    assert url in str(failure.value)


def test_fetch_refuses_the_local_server_unless_private_addresses_are_allowed():
    with serve({"/": (200, {}, b"inside")}) as server:
        with pytest.raises(ImportFailure, match="127.0.0.1, a non-public address"):
            fetch(server.url + "/")
        assert server.requests == []  # refused before connecting
        assert fetch(server.url + "/", allow_private=True).content == b"inside"


@pytest.mark.parametrize(
    "target", ["http://10.0.0.7/admin", "http://169.254.169.254/latest/meta-data/", "http://[::1]:9/"]
)
def test_fetch_refuses_a_redirect_into_a_private_address(loopback_is_public, target):
    with serve({"/story": (302, {"Location": target}, b""), "/": (200, {}, b"home")}) as server:
        assert fetch(server.url + "/").content == b"home"  # the server itself counts as public here
        with pytest.raises(ImportFailure, match="non-public address") as failure:
            fetch(server.url + "/story")
    assert target in str(failure.value)


def test_fetch_follows_redirects_and_checks_every_hop(loopback_is_public):
    routes = {"/a": (301, {"Location": "/b"}, b""), "/b": (307, {"Location": "/c"}, b""), "/c": (200, {}, b"done")}
    with serve(routes) as server:
        result = fetch(server.url + "/a")
    assert result.content == b"done"
    assert result.url == server.url + "/c"


def test_fetch_gives_up_after_five_redirects():
    routes = {f"/{n}": (302, {"Location": f"/{n + 1}"}, b"") for n in range(10)}
    with serve(routes) as server, pytest.raises(ImportFailure, match="more than 5 redirects"):
        fetch(server.url + "/0", allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/feed.xml", "gopher://x/", "http:///nohost"])
def test_fetch_only_allows_http_urls_with_a_host(url):
    with pytest.raises(ImportFailure, match="only http and https|has no host"):
        fetch(url)


@pytest.mark.parametrize("url", ["http://[document]/feed.xml", "https://[x/", "http://example.com:99999/"])
def test_fetch_refuses_an_address_python_cannot_read(url):
    with pytest.raises(ImportFailure, match="not a readable URL|cannot resolve"):
        fetch(url)


def test_fetch_stops_reading_at_the_size_limit():
    with serve({"/big": (200, {}, b"x" * 5000)}) as server, pytest.raises(ImportFailure, match="the limit is 1,000"):
        fetch(server.url + "/big", allow_private=True, max_bytes=1000)


def test_fetch_reports_http_errors_and_timeouts():
    def slow(handler):
        time.sleep(1.5)
        return 200, {}, b"late"

    with serve({"/slow": slow}) as server:
        with pytest.raises(ImportFailure, match=r"HTTP 404"):
            fetch(server.url + "/missing", allow_private=True)
        with pytest.raises(ImportFailure, match="timed out"):
            fetch(server.url + "/slow", allow_private=True, timeout=0.3)


def test_conditional_get_returns_304_without_content():
    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"'}, b"<rss/>"

    with serve({"/feed": conditional}) as server:
        first = fetch(server.url + "/feed", allow_private=True)
        second = fetch(server.url + "/feed", allow_private=True, headers={"If-None-Match": first.headers["ETag"]})
    assert (first.status, first.content) == (200, b"<rss/>")
    assert (second.status, second.content, second.not_modified) == (304, b"", True)


# --- DNS rebinding: the address that was checked is the address connected to ---------------------------------


class Resolver:
    """A resolver that answers each host from a list of answers, the next one on each lookup (the last repeats):
    a DNS server that rebinds a name between a check and a connection."""

    def __init__(self, answers):
        self.answers = {host: list(found) for host, found in answers.items()}
        self.lookups = []

    def __call__(self, host, port):
        self.lookups.append(host)
        found = self.answers[host]
        return found.pop(0) if len(found) > 1 else found[0]


@contextmanager
def public_and_internal(public_routes):
    """A "public" server on 127.0.0.1 (public under `loopback_is_public`) and an internal one on 127.0.0.2, on the
    same port, so that only the address tells them apart."""
    internal = {"/": (200, {}, b"internal"), "/story": (200, {}, b"internal")}
    with serve(public_routes) as public, serve(internal, "127.0.0.2", public.port) as inside:
        yield public, inside


def test_a_name_that_rebinds_after_the_check_still_reaches_the_checked_address(loopback_is_public):
    resolver = Resolver({"news.example": [["127.0.0.1"], ["127.0.0.2"]]})
    with public_and_internal({"/story": (200, {}, b"public story")}) as (public, inside):
        result = fetch(f"http://news.example:{public.port}/story", resolver=resolver)
    assert result.content == b"public story"
    assert resolver.lookups == ["news.example"]  # resolved once, not again to connect
    assert inside.requests == []
    assert public.requests[0][1]["Host"] == f"news.example:{public.port}"


def test_every_redirect_is_resolved_once_and_checked(loopback_is_public):
    resolver = Resolver({"news.example": [["127.0.0.1"]], "cdn.example": [["127.0.0.1"], ["127.0.0.2"]]})
    routes = {}  # filled in once the port is known
    with public_and_internal(routes) as (public, inside):
        routes["/a"] = (302, {"Location": f"http://cdn.example:{public.port}/b"}, b"")
        routes["/b"] = (302, {"Location": f"http://cdn.example:{public.port}/story"}, b"")
        with pytest.raises(ImportFailure, match="cdn.example resolves to 127.0.0.2, a non-public address"):
            fetch(f"http://news.example:{public.port}/a", resolver=resolver)
    assert resolver.lookups == ["news.example", "cdn.example", "cdn.example"]  # once per hop
    assert [path for path, _ in public.requests] == ["/a", "/b"]
    assert inside.requests == []


@pytest.mark.parametrize(
    "addresses",
    [
        ["127.0.0.1", "10.0.0.5"],  # one good answer among them is not enough
        ["::ffff:10.0.0.5"],  # IPv4-mapped IPv6
        ["::ffff:127.0.0.2"],
        ["224.0.0.1"],  # multicast
        ["240.0.0.1"],  # reserved
        ["fe80::1%eth0"],  # link-local, with a zone
        ["169.254.169.254"],
        ["::1"],
    ],
)
def test_every_resolved_address_is_checked(loopback_is_public, addresses):
    resolver = Resolver({"news.example": [addresses]})
    with serve({"/": (200, {}, b"public")}) as public, pytest.raises(ImportFailure, match="a non-public address"):
        fetch(f"http://news.example:{public.port}/", resolver=resolver)
    assert public.requests == []


def test_allowing_private_addresses_still_pins_the_checked_one():
    resolver = Resolver({"intranet.example": [["127.0.0.1"], ["127.0.0.2"]]})
    with public_and_internal({"/": (200, {}, b"first answer")}) as (public, inside):
        result = fetch(f"http://intranet.example:{public.port}/", resolver=resolver, allow_private=True)
    assert (result.content, resolver.lookups, inside.requests) == (b"first answer", ["intranet.example"], [])


def test_https_names_the_host_in_sni_and_checks_the_certificate_against_it(tmp_path):
    """A real TLS server with a self-signed certificate for the host: the connection goes to the pinned address,
    sends the host name (SNI) and refuses the certificate, which no trusted authority signed."""
    require(shutil.which("openssl"), "the openssl command (to make a test certificate)")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=news.example"]
        + ["-addext", "subjectAltName=DNS:news.example", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    names = []
    context.sni_callback = lambda connection, name, ctx: names.append(name)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def accept():
        connection, _ = listener.accept()
        try:
            context.wrap_socket(connection, server_side=True).close()
        except (ssl.SSLError, OSError):
            pass  # the client hangs up on a certificate it does not trust
        finally:
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    resolver = Resolver({"news.example": [["127.0.0.1"], ["127.0.0.2"]]})
    try:
        with pytest.raises(ImportFailure, match="TLS failed"):
            fetch(f"https://news.example:{port}/", resolver=resolver, allow_private=True, timeout=5)
    finally:
        thread.join(5)
        listener.close()
    assert names == ["news.example"]
    assert resolver.lookups == ["news.example"]
