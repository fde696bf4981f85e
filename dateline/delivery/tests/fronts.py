"""What the front-cache tests (Varnish, nginx) share: a front cache in front of the live server, a counting
wrapper of the live server's application and a plain HTTP client."""

import contextlib
import os
import shutil
import socket
import urllib.error
import urllib.request

from dateline.conftest import require
from dateline.delivery.front_keys import FrontCacheKeys
from dateline.delivery.nginxd import Nginx
from dateline.delivery.varnishd import Varnish
from dateline.newsroom.tests.browser import OneAtATime

LOCAL = {"BACKEND": "dateline.delivery.backends.local.LocalBackend"}
# What each front cache says in X-Front-Cache of a request it sends straight to the application.
BYPASSED = {"varnish": "PASS", "nginx": "BYPASS"}

SPORT = {"section": "sport", "topics": ("Cricket",), "authors": ("Rohan Iyer",)}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class CountingApp:
    """Wraps the live server's application: records each path that reaches it (one request at a time on SQLite:
    see OneAtATime). With `fail_with` set to a status, answers every request with that status instead (an
    application in trouble)."""

    def __init__(self, live_server):
        self.httpd = live_server.thread.httpd
        self.original = self.httpd.get_app()
        self.app = OneAtATime(live_server).serial_app()
        self.paths = []
        self.forwarded_for = []  # each request's X-Forwarded-For: the reader's address, added by the front cache
        self.fail_with = None
        self.httpd.set_app(self)

    def __call__(self, environ, start_response):
        self.paths.append(environ["PATH_INFO"])
        self.forwarded_for.append(environ.get("HTTP_X_FORWARDED_FOR", ""))
        if self.fail_with:
            start_response(f"{self.fail_with} Failing", [("Content-Type", "text/plain")])
            return [b"failing"]
        return self.app(environ, start_response)

    def restore(self):
        self.httpd.set_app(self.original)


def get(url, headers=None, decode=True):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (our own loopback server)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our own loopback server)
            body = response.read()
            return response.status, dict(response.headers), body.decode() if decode else body
    except urllib.error.HTTPError as error:
        body = error.read()
        return error.code, dict(error.headers), body.decode() if decode else body


def installed(binary):
    return shutil.which(binary) or os.path.exists(f"/usr/sbin/{binary}")


@contextlib.contextmanager
def front_cache(kind, live_server, settings):
    """(front, app): Varnish or nginx with the shipped configuration in front of the live server, purged by the
    application; `app` counts what reaches the live server."""
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    settings.DATELINE_PAGE_CACHE_WARM = False  # what the front cache holds after a publish comes only from purges
    backend = f"127.0.0.1:{live_server.thread.port}"
    if kind == "varnish":
        require(installed("varnishd"), "varnishd (Debian: varnish varnish-modules)")
        front = Varnish(f"127.0.0.1:{free_port()}", backend)
    else:
        require(installed("nginx"), "nginx (Debian: nginx-light)")
        front = Nginx(f"127.0.0.1:{free_port()}", backend)
    app = CountingApp(live_server)
    if kind == "nginx":
        live_server.thread.httpd.set_app(FrontCacheKeys(app))  # outermost, as in dateline.wsgi
    try:
        with front:
            if kind == "varnish":
                purger = {"BACKEND": "dateline.delivery.backends.varnish.VarnishBackend", "LOCATION": front.url + "/"}
            else:
                purger = {"BACKEND": "dateline.delivery.backends.nginx.NginxBackend", "LOCATION": str(front.cache_dir)}
            settings.DATELINE_PURGE_BACKENDS = {"local": LOCAL, kind: purger}
            yield front, app
    finally:
        app.restore()
