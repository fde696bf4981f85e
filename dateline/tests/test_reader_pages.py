"""Reader pages as the web's tools judge them: zero axe-core violations (WCAG 2.1 A/AA and best practices) in
the light and dark themes, zero errors from the Nu HTML checker, the article's weight budget, keyboard access,
and layouts that hold with hostile content (very long headlines and words, right-to-left text, fifty topics,
no image) at phone and desktop widths.

Drives Debian's Chromium against a live server; the checkers come from `make node_modules`. Skipped where
something is missing, failed in CI.
"""

from urllib.parse import urlencode

import pytest

from dateline.conftest import require
from dateline.newsroom.models import Author, Topic
from dateline.newsroom.story import paragraph_html
from dateline.newsroom.tests.browser import DESKTOP, OneAtATime, chromium, new_tab, screenshot
from dateline.tests import reader_audit

PHONE_NARROW = {"width": 360, "height": 780}
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
LONG_HEADLINE = (
    "Ministers from eleven countries agree after three days of talks to share the cost of rebuilding the "
    "flooded river ports"
)


def body_with_embed():
    return [
        ("paragraph", paragraph_html("The talks opened with a minute's silence for the victims of the floods.")),
        ("subheading", "A river that keeps rising"),
        ("paragraph", paragraph_html("Water levels rose again overnight, the river authority said.")),
        ("quotation", {"text": "We will rebuild every port", "attribution": "The transport minister"}),
        ("embed", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": "The minister's statement"}),
        ("paragraph", paragraph_html("Engineers will survey the ports next week.")),
    ]


@pytest.fixture
def reader_site(make_story):
    """Stories enough to fill every kind of reader page, and the paths of those pages."""
    article = make_story(headline="Flood talks end with a deal on river ports", body=body_with_embed())
    for number in range(6):
        make_story(
            headline=f"River port number {number} reopens to barges",
            section=["world", "business", "sport"][number % 3],
            topics=["Afghanistan", "Markets"] if number % 2 else ["Afghanistan"],
            days_ago=number + 1,
        )
    topic = Topic.objects.get(name="Afghanistan")
    author = Author.objects.get(name="Asha Verma")
    pages = {
        "home": "/",
        "section": "/world/",
        "topic": f"/topics/{topic.slug}/",
        "author": f"/authors/{author.slug}/",
        "article": article.url,
        "search": "/search/?" + urlencode({"q": "river ports"}),
        "search, no results": "/search/?" + urlencode({"q": "zzyzx quuxly"}),
        "topics": "/topics/",
        "not found": "/no-such-page/",
    }
    return pages


def hostile_stories(make_story):
    """Stories that break careless layouts."""
    for name in (f"Topic number {n} with a long name" for n in range(50)):
        Topic.objects.get_or_create(name=name)
    return {
        "long headline": make_story(headline=LONG_HEADLINE, topics=["Afghanistan"]).url,
        "long word": make_story(headline=f"A word: {LONG_WORD}", body=[("paragraph", paragraph_html(LONG_WORD))]).url,
        "right to left": make_story(
            headline="محادثات الفيضانات تنتهي باتفاق على الموانئ",
            body=[("paragraph", paragraph_html("ارتفع منسوب المياه مرة أخرى خلال الليل، بحسب هيئة النهر."))],
        ).url,
        "fifty topics": make_story(
            headline="A story filed under fifty topics",
            topics=[f"Topic number {n} with a long name" for n in range(50)],
        ).url,
        "no image": make_story(headline="A story without a picture", image=False).url,
    }


def require_node_tools():
    require(reader_audit.AXE_JS.exists(), f"axe-core ({reader_audit.AXE_JS}; run `make node_modules`)")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reader_pages_have_no_accessibility_violations(live_server, reader_site):
    require_node_tools()
    server = OneAtATime(live_server)
    found = []
    try:
        with chromium() as browser:
            for scheme in ("light", "dark"):
                context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, color_scheme=scheme)
                page = context.new_page()
                for name, path in reader_site.items():
                    page.goto(path)
                    found += [f"{scheme} {name}: {line}" for line in reader_audit.axe_violations(page)]
                context.close()
    finally:
        server.restore()
    assert found == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_keyboard_reaches_the_content_first(live_server, reader_site):
    server = OneAtATime(live_server)
    try:
        with chromium() as browser:
            page = new_tab(browser, live_server.url)
            page.goto(reader_site["article"])
            page.keyboard.press("Tab")
            skip = page.evaluate(
                """() => {
                    const link = document.activeElement;
                    return [link.textContent.trim(), getComputedStyle(link).outlineStyle,
                            link.getBoundingClientRect().height];
                }"""
            )
            page.keyboard.press("Enter")
            focused = page.evaluate("() => document.activeElement.id")
    finally:
        server.restore()
    assert skip[0] == "Skip to content"
    assert skip[1] != "none" and skip[2] > 0, "the skip link is visible, with a focus outline, when focused"
    assert focused == "main"


@pytest.mark.django_db
def test_reader_pages_are_valid_html(client, reader_site):
    require(reader_audit.VNU_JAR.exists(), f"the Nu HTML checker ({reader_audit.VNU_JAR}; run `make node_modules`)")
    require(reader_audit.java() is not None, "Java, for the Nu HTML checker")
    documents = {}
    for name, path in reader_site.items():
        response = client.get(path)
        assert response.status_code in (200, 404), (name, response.status_code)
        documents[name] = response.content.decode()
    assert reader_audit.html_errors(documents) == []


@pytest.mark.django_db
def test_the_html_checker_does_find_errors():
    require(reader_audit.VNU_JAR.exists() and reader_audit.java() is not None, "the Nu HTML checker and Java")
    broken = "<!DOCTYPE html><html lang=en><title>x</title><p><div>block in a paragraph</p></div><img src=a.jpg>"
    errors = reader_audit.html_errors({"broken": broken})
    assert any("alt" in line for line in errors), errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_article_stays_within_its_weight_budget(live_server, reader_site):
    server = OneAtATime(live_server)
    try:
        with chromium() as browser:
            page = new_tab(browser, live_server.url)
            page.goto(reader_site["article"], wait_until="load")
            weight, before_paint = reader_audit.page_weight(page)
    finally:
        server.restore()
    assert weight <= reader_audit.WEIGHT_BUDGET_BYTES, f"{weight:,} bytes of HTML, CSS and JS (compressed)"
    assert before_paint <= reader_audit.REQUESTS_BEFORE_FIRST_PAINT


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hostile_content_lays_out_cleanly(live_server, make_story):
    """No page scrolls sideways, at 360 px or 1280 px, whatever the story holds; screenshots are left in
    var/screenshots/ for a person to look at."""
    pages = hostile_stories(make_story)
    server = OneAtATime(live_server)
    overflowing = []
    try:
        with chromium() as browser:
            for label, viewport in (("phone", PHONE_NARROW), ("desktop", DESKTOP)):
                page = new_tab(browser, live_server.url, viewport=viewport)
                for name, path in {**pages, "home": "/", "topic index": "/topics/"}.items():
                    page.goto(path)
                    width = page.evaluate("() => document.documentElement.scrollWidth")
                    if width > viewport["width"]:
                        overflowing.append(f"{name} at {viewport['width']} px is {width} px wide")
                    screenshot(page, f"hostile-{name.replace(' ', '-')}-{label}")
    finally:
        server.restore()
    assert overflowing == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_article_reads_without_javascript_and_prints_cleanly(live_server, reader_site):
    """With JavaScript off the whole story is there and the navigation works; printed, it keeps the lead
    photo's caption and credit and drops the navigation. Every image has explicit dimensions (no layout shift)."""
    server = OneAtATime(live_server)
    try:
        with chromium() as browser:
            context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, java_script_enabled=False)
            page = context.new_page()
            page.goto(reader_site["article"])
            body_text = page.locator(".story__body").inner_text()
            unsized = page.evaluate(
                "() => [...document.images].filter(i => !i.getAttribute('width') || !i.getAttribute('height'))"
                ".map(i => i.src)"
            )
            page.get_by_role("navigation", name="Sections").get_by_role("link", name="Business").click()
            business_heading = page.locator("h1").first.inner_text()
            page.goto(reader_site["article"])
            page.emulate_media(media="print")
            printed = page.evaluate(
                """() => ({
                    nav: getComputedStyle(document.querySelector('nav.sections')).display,
                    caption: document.querySelector('.story__lead figcaption, figure figcaption')?.innerText || '',
                })"""
            )
            context.close()
    finally:
        server.restore()
    assert "Engineers will survey the ports next week." in body_text
    assert unsized == []
    assert business_heading == "Business"
    assert printed["nav"] == "none"
    assert "Caption of lead-1" in printed["caption"] and "Photo: lead-1 Agency" in printed["caption"]
