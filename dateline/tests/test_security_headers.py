"""What every response sends, under production settings: HSTS, Content-Security-Policy (strict on reader pages,
its own policy for the admin, the API and uploaded files), nosniff, Referrer-Policy, Permissions-Policy, framing
refused; session and CSRF cookies Secure, HttpOnly, SameSite=Lax and __Host- prefixed; the page cache replaying
those headers and never serving an editor (by the renamed cookies); and the reader pages and the admin raising no
CSP violation in Chromium. (`check --deploy` at warning level: tests/test_settings.py.)

The production server is gunicorn in a subprocess with production's environment (DEBUG=false, an https SITE_URL,
a SECRET_KEY) over a real socket, reading the test database: on PostgreSQL the test database itself, on SQLite a
copy of the in-memory one. Requests come as from the TLS-terminating proxy, with X-Forwarded-Proto: https.
"""

import base64
import hashlib
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.template.loader import render_to_string

from dateline.conftest import require
from dateline.newsroom import embeds
from dateline.newsroom.models import ArticlePage, Topic
from dateline.newsroom.tests.browser import DESKTOP, OneAtATime, chromium
from dateline.tests.test_reader_pages import body_with_embed

BASE_DIR = Path(settings.BASE_DIR)
HOST = "news.example.test"
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "security-test-only-9f2c1e7a4b8d6035e1f7a9c2b4d6e8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1",
    "SITE_URL": f"https://{HOST}",
    "ALLOWED_HOSTS": HOST,
    "PAGE_CACHE": "true",
    "STATIC_MANIFEST": "false",
    "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
}
PROXIED = {"Host": HOST, "X-Forwarded-Proto": "https"}
PASSWORD = "a long and unguessable passphrase 7"  # noqa: S105 (a test account's)

EVERY_RESPONSE = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
PERMISSIONS_OFF = ("camera", "microphone", "geolocation", "interest-cohort", "browsing-topics", "payment", "usb")


def directives(header):
    """A CSP header as {directive: [sources]}."""
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url_for_server(folder):
    """The test database as the server's DATABASE_URL: PostgreSQL's own, or a file copy of SQLite's memory one."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        user = f"{db['USER']}{':' + db['PASSWORD'] if db['PASSWORD'] else ''}@" if db["USER"] else ""
        return f"postgres://{user}{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    copy = folder / "db.sqlite3"
    copy.unlink(missing_ok=True)
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return f"sqlite:///{copy}"


class ProductionServer:
    def __init__(self, database_url, folder):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {name: value for name, value in os.environ.items() if name not in ("REDIS_URL", "VARNISH_URL")}
        env.update(PRODUCTION_ENV, DATABASE_URL=database_url, VAR_DIR=str(Path(settings.MEDIA_ROOT).resolve().parent))
        self.log = open(folder / "gunicorn.log", "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "dateline.wsgi", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", "1", "--threads", "2"],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited: {(folder / 'gunicorn.log').read_text()[-3000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError("gunicorn did not start within 60 s")

    def get(self, path, headers=None, **kwargs):
        return requests.get(
            self.url + path, headers={**PROXIED, **(headers or {})}, allow_redirects=False, timeout=30, **kwargs
        )

    def post(self, path, headers=None, **kwargs):
        return requests.post(
            self.url + path, headers={**PROXIED, **(headers or {})}, allow_redirects=False, timeout=30, **kwargs
        )

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture
def site(make_story, django_user_model):
    """An article with a lead image and an embed, more stories for a topic's overview, and an editor account."""
    article = make_story(headline="Harbour cranes return after the storm", body=body_with_embed())
    make_story(headline="Harbour number two reopens", days_ago=40, image=False)  # a second month on the topic page
    django_user_model.objects.create_superuser("chief", "chief@example.test", PASSWORD)
    topic = Topic.objects.get(name="Afghanistan")
    return {
        "article": article.url,
        "section": "/world/",
        "topic": f"/topics/{topic.slug}/",
        "search": "/search/?q=harbour",
        "feed": "/feeds/rss/",
        "api": "/api/stories/",
        "media": article.lead_image.file.url,
        "admin login": "/admin/login/",
    }


@pytest.fixture
def production(site):
    folder = Path(settings.VAR_DIR) / "security-headers"
    folder.mkdir(parents=True, exist_ok=True)
    server = ProductionServer(database_url_for_server(folder), folder)
    try:
        yield server
    finally:
        server.stop()


def set_cookies(response):
    """{name: Morsel} of every Set-Cookie header (requests folds them into one header)."""
    jar = SimpleCookie()
    for header in response.raw.headers.getlist("Set-Cookie"):
        jar.load(header)
    return dict(jar)


def assert_cookie_is_hardened(morsel, header, *, http_only=True):
    assert morsel.key.startswith("__Host-")
    assert morsel["secure"], header
    assert morsel["path"] == "/", header
    assert not morsel["domain"], header
    assert morsel["samesite"] == "Lax", header
    assert bool(morsel["httponly"]) is http_only, header


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_kind_of_response_sends_the_security_headers_in_production(production, site):
    policies = {}
    for name, path in site.items():
        response = production.get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        for header, value in EVERY_RESPONSE.items():
            assert response.headers.get(header) == value, (name, header, response.headers.get(header))
        assert response.headers["X-Frame-Options"] == "DENY", name
        permissions = response.headers["Permissions-Policy"]
        for feature in PERMISSIONS_OFF:
            assert f"{feature}=()" in permissions, (name, feature)
        policy = directives(response.headers["Content-Security-Policy"])
        expected_ancestors = ["'self'"] if name == "admin login" else ["'none'"]  # the editor frames its preview
        assert policy["frame-ancestors"] == expected_ancestors, name
        policies[name] = policy

    for name in ("article", "section", "topic", "search", "feed"):
        policy = policies[name]
        assert policy["default-src"] == ["'self'"], name
        assert policy["script-src"] == ["'self'"], name
        assert policy["style-src"][0] == "'self'" and all(
            source.startswith("'sha256-") for source in policy["style-src"][1:]
        ), name
        assert not any("unsafe" in source or "nonce" in source for sources in policy.values() for source in sources)
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"], name
        assert "upgrade-insecure-requests" in policy, name
        assert "'self'" in policy["form-action"], name
    youtube = embeds.parse_embed_url("https://youtu.be/dQw4w9WgXcQ").embed_url
    assert policies["article"]["frame-src"] == [re.match(r"https://[^/]+", youtube)[0]], "embeds' players only"
    for name in ("api", "media"):
        assert policies[name]["default-src"] == ["'none'"], name
    assert "sandbox" in policies["media"]
    assert "'unsafe-inline'" in policies["admin login"]["script-src"], "the admin's own, looser policy"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_page_cache_replays_the_headers_and_never_serves_a_signed_in_editor(production, site):
    first = production.get(site["article"])
    again = production.get(site["article"])
    assert (first.headers["X-Cache"], again.headers["X-Cache"]) == ("MISS", "HIT")
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", *EVERY_RESPONSE):
        assert again.headers[header] == first.headers[header], header

    # Plain HTTP is sent to HTTPS before anything else.
    insecure = production.get(site["article"], headers={"X-Forwarded-Proto": "http"})
    assert insecure.status_code == 301
    assert insecure.headers["Location"] == f"https://{HOST}{site['article']}"

    forged = production.post("/admin/login/", data={"username": "chief", "password": PASSWORD})
    assert forged.status_code == 403, "a sign-in without the CSRF cookie and token is refused"
    login_form = production.get("/admin/login/")
    cookies = set_cookies(login_form)
    assert set(cookies) == {"__Host-csrftoken"}
    assert_cookie_is_hardened(cookies["__Host-csrftoken"], login_form.raw.headers.getlist("Set-Cookie"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_form.text)[1]
    csrf_cookie = f"__Host-csrftoken={cookies['__Host-csrftoken'].value}"
    signed_in = production.post(
        "/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": "chief", "password": PASSWORD, "next": "/admin/"},
        headers={"Cookie": csrf_cookie, "Referer": f"https://{HOST}/admin/login/"},
    )
    assert signed_in.status_code == 302, signed_in.text[:500]
    cookies = set_cookies(signed_in)
    assert "__Host-sessionid" in cookies and "sessionid" not in cookies
    assert_cookie_is_hardened(cookies["__Host-sessionid"], signed_in.raw.headers.getlist("Set-Cookie"))
    session = f"__Host-sessionid={cookies['__Host-sessionid'].value}"
    if "__Host-csrftoken" in cookies:  # rotated at sign-in
        csrf_cookie = f"__Host-csrftoken={cookies['__Host-csrftoken'].value}"

    dashboard = production.get("/admin/", headers={"Cookie": f"{session}; {csrf_cookie}"})
    assert dashboard.status_code == 200
    admin_policy = directives(dashboard.headers["Content-Security-Policy"])
    assert admin_policy["frame-ancestors"] == ["'self'"], "the editor frames its own preview"
    assert not any(source.startswith("https://") for source in admin_policy["script-src"])

    # The editor's copy of the cached article is built for them (with the user bar), never the readers' copy.
    as_editor = production.get(site["article"], headers={"Cookie": session})
    assert "X-Cache" not in as_editor.headers
    assert "wagtail-userbar" in as_editor.text and "wagtail-userbar" not in again.text
    assert production.get(site["article"]).headers["X-Cache"] == "HIT"


def test_the_error_pages_inline_styles_are_allowed_by_their_hashes():
    """The 500 and 503 pages keep their inline <style> (they must render when little else works): the reader
    policy allows exactly those bytes."""
    allowed = settings.DATELINE_CSP_POLICIES[-1][1]["style-src"]
    for template in ("500.html", "delivery/503.html"):
        html = render_to_string(template, {"path": "/"})
        styles = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
        assert len(styles) == 1, template
        digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed, template


def csp_violations(page):
    return page.evaluate("() => window.__cspViolations")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reader_pages_and_the_admin_raise_no_csp_or_permissions_policy_errors(live_server, site):
    """Chromium under the real policies: a CSP violation is a console error (and costs Lighthouse's best-practices
    score); a Permissions-Policy feature Chromium does not know is a console warning."""
    require(Path("/usr/bin/chromium").exists(), "Chromium (/usr/bin/chromium)")
    server = OneAtATime(live_server)
    problems = []
    try:
        with chromium() as browser:
            context = browser.new_context(base_url=live_server.url, viewport=DESKTOP)
            # Init scripts run outside the page's CSP: they see every violation, including those of iframes' parents.
            context.add_init_script(
                "window.__cspViolations = [];"
                "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
                "`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"
            )
            page = context.new_page()
            page.on(
                "console",
                lambda message: (
                    problems.append(f"{page.url}: {message.text}")
                    if message.type in ("error", "warning")
                    and re.search(r"Content.Security.Policy|Permissions.Policy", message.text)
                    else None
                ),
            )
            paths = [site[name] for name in ("article", "section", "topic", "search")] + ["/"]
            for path in paths:
                page.goto(path)
                page.wait_for_load_state("load")
                problems += [f"{path}: {line}" for line in csp_violations(page)]
            page.goto("/api/docs/")  # Swagger UI, under the API docs' own policy
            page.wait_for_selector(".swagger-ui .information-container")
            problems += [f"/api/docs/: {line}" for line in csp_violations(page)]
            assert page.goto(site["topic"]).ok
            assert page.locator(".timeline__bar rect").count() > 0, "the topic's coverage bars are drawn"
            widths = page.locator(".timeline__bar rect").evaluate_all(
                "rects => rects.map(r => r.getBoundingClientRect().width)"
            )
            assert max(widths) > 0

            page.goto("/admin/login/")
            page.fill("#id_username", "chief")
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url("**/admin/")
            problems += [f"/admin/: {line}" for line in csp_violations(page)]
            story = ArticlePage.objects.get(url_path__endswith="/harbour-cranes-return-after-the-storm/")
            page.goto(f"/admin/pages/{story.pk}/edit/")  # the editor: StreamField, Draftail, panels, widgets
            page.wait_for_selector("#panel-child-content-body-section, [data-streamfield-stream-container]")
            problems += [f"editor: {line}" for line in csp_violations(page)]
            page.goto(site["article"])  # the reader page with Wagtail's user bar, as an editor sees it
            page.wait_for_selector(".w-userbar-trigger")  # in its shadow root, once userbar.js has run
            problems += [f"{site['article']} (editor): {line}" for line in csp_violations(page)]
            context.close()
    finally:
        server.restore()
    assert problems == []
