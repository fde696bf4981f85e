"""Driving Debian's Chromium with Playwright: launching it, naming steps, screenshots and the Wagtail admin's
recurring gestures (signing in, the footer's action menu, choosers)."""

import contextlib
import os
import re
import threading
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils.text import slugify

from dateline.conftest import require

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 15_000
AUTOSAVE_MS = 500  # Wagtail's default WAGTAIL_AUTOSAVE_INTERVAL
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, headless, under Playwright's sync API.

    The sync API runs an event loop in this thread, so Django's check against ORM calls from async code fires
    for the test's own queries; Playwright's documented remedy is DJANGO_ALLOW_ASYNC_UNSAFE.
    """
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        sync_playwright = None
    require(sync_playwright is not None, "Playwright for Python")
    require(os.access(CHROMIUM, os.X_OK), f"Chromium at {CHROMIUM}")
    expect.set_options(timeout=WAIT_MS)

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                # While Playwright's loop runs, Django keeps this thread's connections apart (per context): close
                # those the test opened here, or PostgreSQL refuses to drop the test database afterwards.
                connections.close_all()
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class OneAtATime:
    """Has a live server answer one request at a time on SQLite, and lets the test wait its turn for its queries.

    SQLite's in-memory test database is one shared-cache database that each server thread (and the test) reaches
    through its own connection; its table locks make overlapping requests (the editor's autosave, images, the
    next page) fail at once with “database table is locked” rather than wait. PostgreSQL needs none of this.
    """

    def __init__(self, live_server):
        self.lock = threading.RLock()
        self.httpd = live_server.thread.httpd
        self.app = self.httpd.get_app()
        self.serial = connection.vendor == "sqlite"
        if self.serial:
            self.httpd.set_app(self)

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.app(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()

    def __enter__(self):
        if self.serial:
            self.lock.acquire()
        return self

    def __exit__(self, *exc_info):
        if self.serial:
            self.lock.release()

    def restore(self):
        if self.serial:
            self.httpd.set_app(self.app)

    def serial_app(self):
        """The application to call for one request at a time (this, on SQLite), for a wrapper of its own."""
        return self if self.serial else self.app


def new_tab(browser, base_url, viewport=DESKTOP):
    """A page in a fresh context (its own cookies: a separate person), with the standard timeouts."""
    context = browser.new_context(base_url=base_url, viewport=viewport, locale="en-GB")
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    return context.new_page()


def screenshot(page, name, *, full_page=True):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


@contextlib.contextmanager
def step(title, page):
    """A named step of a story: a failure says which step it was and leaves a screenshot of the page."""
    try:
        yield
    except Exception as exc:
        shot, errors = None, []
        with contextlib.suppress(Exception):
            shot = screenshot(page, f"failed-{slugify(title)[:60]}")
            errors = [text.strip() for text in page.locator("[data-field-errors]").all_inner_texts() if text.strip()]
        where = f" (screenshot: {shot})" if shot else ""
        shown = f"\nErrors on the form: {'; '.join(errors)}" if errors else ""
        raise AssertionError(f"Step “{title}” failed{where}: {exc}{shown}") from exc


def sign_in(page, username, password):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def footer_action(page, name):
    """Press an action of the editor's footer: the primary button, or one in its “More actions” menu."""
    footer = page.locator("footer")
    button = footer.get_by_role("button", name=name, exact=True)
    if not button.first.is_visible():
        footer.get_by_role("button", name="More actions").click()
    button.first.click()


def settle_autosave(page):
    """Let the editor's autosave (500 ms after the last change) finish, as a person pausing before pressing a
    button does; a submission racing an autosave that is still creating the page would create it twice."""
    from playwright.sync_api import expect

    page.wait_for_timeout(AUTOSAVE_MS + 300)
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute("data-w-autosave-state-value", "saving")


def messages(page):
    """The admin's messages after an action (“Page '…' has been published.”)."""
    return page.locator(".messages")


def modal(page):
    """Wagtail's chooser modal, once it has loaded its content."""
    dialog = page.locator(".modal.fade.in, .modal.show").last
    dialog.locator(".modal-content").wait_for()
    return dialog
