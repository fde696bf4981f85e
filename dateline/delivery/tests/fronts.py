"""What the front-cache tests (Varnish, nginx) share: a counting wrapper of the live server's application and a
plain HTTP client."""

import socket
import threading
import urllib.error
import urllib.request

from django.db import connection

SPORT = {"section": "sport", "topics": ("Cricket",), "authors": ("Rohan Iyer",)}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class CountingApp:
    """Wraps the live server's application: records each path that reaches it, one request at a time on
    SQLite (whose shared in-memory test database fails overlapping connections instead of waiting). With
    `fail_with` set to a status, answers every request with that status instead (an application in trouble)."""

    def __init__(self, live_server):
        self.httpd = live_server.thread.httpd
        self.app = self.httpd.get_app()
        self.paths = []
        self.fail_with = None
        self.lock = threading.RLock() if connection.vendor == "sqlite" else None
        self.httpd.set_app(self)

    def __call__(self, environ, start_response):
        self.paths.append(environ["PATH_INFO"])
        if self.fail_with:
            start_response(f"{self.fail_with} Failing", [("Content-Type", "text/plain")])
            return [b"failing"]
        if self.lock is None:
            return self.app(environ, start_response)
        with self.lock:
            response = self.app(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()

    def restore(self):
        self.httpd.set_app(self.app)


def get(url, headers=None, decode=True):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (our own loopback server)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our own loopback server)
            body = response.read()
            return response.status, dict(response.headers), body.decode() if decode else body
    except urllib.error.HTTPError as error:
        body = error.read()
        return error.code, dict(error.headers), body.decode() if decode else body
