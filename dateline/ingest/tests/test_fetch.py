import ipaddress
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.ingest import fetch as fetch_module
from dateline.ingest.fetch import fetch
from dateline.ingest.formats.base import ImportFailure


@contextmanager
def serve(routes):
    """A real HTTP server on 127.0.0.1. `routes` maps a path to (status, headers, body) or to a callable taking
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

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.requests = []
    server.handle_error = lambda request, address: None  # a client that timed out is expected, not an error
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
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
