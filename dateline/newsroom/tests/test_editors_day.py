"""An editor's day in a real browser: a reporter files a story, an editor approves it, readers find it
everywhere it belongs, and a correction follows.

Drives Debian's Chromium against a live server. Skipped where Chromium or Playwright is missing, failed in CI.
Screenshots of the finished story are left in var/screenshots/, with one of the page at any step that fails.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from PIL import Image as PILImage

from dateline.conftest import picture
from dateline.newsroom.models import ArticlePage, HomePage, SectionPage, SiteSettings, Topic
from dateline.newsroom.story import Story, page_from_story, paragraph_html
from dateline.newsroom.tests.browser import (
    DESKTOP,
    PHONE,
    OneAtATime,
    chromium,
    footer_action,
    messages,
    modal,
    new_tab,
    screenshot,
    settle_autosave,
    sign_in,
    step,
)

HEADLINE = "Aid convoys reach Herat after the earthquake"
SLUG = "aid-convoys-reach-herat-after-the-earthquake"
STANDFIRST = "Trucks carrying tents and medicine crossed from Iran overnight, the UN said."
IMAGE_TITLE = "Aid convoy in Herat"
ALT = "Workers carry boxes from a lorry"
CAPTION = "Relief workers unload tents outside Herat."
CREDIT = "Photo: Dateline/Mina Karimi"
SUBHEADINGS = ["Roads reopened overnight", "Winter is weeks away"]
QUOTE, QUOTE_BY = "We need shelter before the snow comes", "A provincial official"
CORRECTION = "An earlier version of this story gave the wrong number of trucks."
PASSWORD = "a-long-test-password-for-the-browser"


def person(username, role):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user


def set_up_newsroom():
    """Sections in the navigation, topics, a reporter, an editor, and an earlier story about Afghanistan."""
    home = HomePage.objects.get(slug="home")
    sections = [
        home.add_child(instance=SectionPage(title=title, slug=title.lower(), intro=f"{title} news"))
        for title in ["World", "Business", "Sport"]
    ]
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.site_name = "English News"
    site_settings.navigation = [("section", section) for section in sections]
    site_settings.save()
    for name in ["Afghanistan", "Russia"]:
        Topic.objects.create(name=name)
    earlier, _ = page_from_story(
        Story(
            headline="Talks on Afghan aid resume in Doha",
            standfirst="Donors meet for a second day.",
            body=[("paragraph", paragraph_html("Delegates met again on Tuesday."))],
            lead_image=picture("doha"),
            section="world",
            topics=["Afghanistan"],
            published_at=timezone.now() - timedelta(hours=3),
            source="test",
            source_id="earlier",
        ),
        publish=True,
    )
    return {"reporter": person("reporter", "Reporter"), "editor": person("editor", "Editor"), "earlier": earlier}


@pytest.fixture
def newsroom_day():
    return set_up_newsroom()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editors_day(live_server, newsroom_day, tmp_path):
    server = OneAtATime(live_server)
    try:
        with chromium() as browser:
            run_the_day(browser, live_server.url, server, newsroom_day, tmp_path)
    finally:
        server.restore()


def add_block(body, kind):
    """Append a block to a StreamField: its last “Insert a block” button, then the kind in the block menu."""
    blocks = body.locator("[data-streamfield-child]")
    count = blocks.count()
    body.get_by_role("button", name="Insert a block").last.click()
    body.page.get_by_role("option", name=kind, exact=True).click()
    block = blocks.nth(count)
    block.wait_for()
    return block


def write_paragraph(block, text):
    editor = block.get_by_role("textbox")
    editor.click()
    editor.press_sequentially(text)


def run_the_day(browser, base_url, server, day, tmp_path):
    """The day, step by step; `with server:` around the test's own queries keeps them clear of requests."""
    from playwright.sync_api import expect

    earlier_url = day["earlier"].url

    # The reporter files the story and submits it for review.
    desk = new_tab(browser, base_url)
    with step("the reporter signs in and opens “New story”", desk):
        sign_in(desk, "reporter", PASSWORD)
        desk.get_by_role("link", name="New story").click()
        expect(desk, "“New story” opens the story editor for a reporter").to_have_url(
            re.compile(r"/admin/pages/add/newsroom/articlepage/\d+/$")
        )

    with step("the reporter writes the headline and standfirst", desk):
        headline = desk.get_by_role("textbox", name="Headline")
        headline.click()
        headline.press_sequentially(HEADLINE)  # typed, as the slug follows the headline key by key
        desk.get_by_role("textbox", name="Standfirst").fill(STANDFIRST)
        slug = desk.get_by_role("textbox", name="Slug", include_hidden=True)
        expect(slug, "the slug (Promote tab) follows the headline").to_have_value(SLUG)

    with step("the reporter uploads the lead image", desk):
        lead = desk.get_by_role("region", name="Lead image")
        lead.get_by_role("button", name="Choose an image").click()
        chooser = modal(desk)
        chooser.get_by_role("tab", name="Upload").click()
        upload = chooser.locator("form").filter(has=desk.locator("input[type=file]"))
        photo = tmp_path / "herat.jpg"
        PILImage.new("RGB", (1200, 800), (200, 120, 40)).save(photo, "JPEG")
        upload.locator("input[type=file]").set_input_files(photo)
        upload.get_by_role("textbox", name="Title").fill(IMAGE_TITLE)
        upload.get_by_role("textbox", name="Description").fill(ALT)  # the alt text the publishing checks ask for
        upload.get_by_role("button", name="Upload").click()
        expect(chooser).to_be_hidden()
        expect(lead.get_by_text(IMAGE_TITLE)).to_be_visible()
        lead.get_by_role("textbox", name="Caption").fill(CAPTION)
        lead.get_by_role("textbox", name="Credit").fill(CREDIT)

    with step("the reporter chooses the section and the topic", desk):
        desk.get_by_role("region", name="Section").get_by_role("button", name="Choose a page").click()
        chooser = modal(desk)
        chooser.get_by_role("link", name="World", exact=True).click()
        expect(chooser).to_be_hidden()
        expect(desk.get_by_role("region", name="Section")).to_contain_text("World")
        topics = desk.get_by_role("region", name="Topics")
        topics.get_by_role("button", name="Add topic").click()
        topics.get_by_role("button", name="Choose topic").click()
        chooser = modal(desk)
        chooser.get_by_role("link", name="Afghanistan", exact=True).click()
        expect(chooser).to_be_hidden()
        expect(topics.get_by_text("Afghanistan")).to_be_visible()

    with step("the reporter writes the body", desk):
        body = desk.get_by_role("region", name="Body")
        write_paragraph(add_block(body, "Paragraph"), "The first lorries arrived at dawn.")
        for number, subheading in enumerate(SUBHEADINGS, start=1):
            add_block(body, "Subheading").get_by_role("textbox").fill(subheading)
            write_paragraph(add_block(body, "Paragraph"), f"Paragraph {number} after the subheading.")
        quotation = add_block(body, "Quotation")
        quotation.get_by_role("textbox", name="Text").fill(QUOTE)
        quotation.get_by_role("textbox", name="Attribution").fill(QUOTE_BY)

    with step("the reporter submits the story for review", desk):
        settle_autosave(desk)
        footer_action(desk, "Submit to Edit and publish")
        # “created and submitted” if autosave has not created the draft yet, “has been submitted” if it has.
        submitted = re.compile(rf"Page '{re.escape(HEADLINE)}' (created and|has been) submitted for moderation")
        expect(messages(desk)).to_contain_text(submitted)
        with server:
            story = ArticlePage.objects.get(title=HEADLINE)
            state = story.current_workflow_state
            assert not story.live and state is not None and state.status == "in_progress", "the story awaits review"
            blocks = [block.block_type for block in story.get_latest_revision_as_object().body]
            story_url = story.get_url()
        assert blocks == ["paragraph", *["subheading", "paragraph"] * 2, "quotation"], blocks

    # Readers cannot see it yet.
    reader = new_tab(browser, base_url)
    with step("readers do not see the story before review", reader):
        for url in ["/", "/world/", "/topics/afghanistan/"]:
            reader.goto(url)
            expect(reader.get_by_role("main"), f"{url} before review").not_to_contain_text(HEADLINE)
        response = reader.goto(story_url)
        assert response.status == 404, f"{story_url} answered {response.status} before review"

    # The editor approves it.
    chief = new_tab(browser, base_url)
    with step("the editor finds the story awaiting review and approves it", chief):
        sign_in(chief, "editor", PASSWORD)
        awaiting = chief.locator("section").filter(has=chief.get_by_role("heading", name="Awaiting your review"))
        awaiting.get_by_role("link", name=HEADLINE).click()
        chief.wait_for_url(re.compile(rf"/admin/pages/{story.pk}/edit/$"))
        footer_action(chief, "Approve and Publish")
        chief.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        expect(messages(chief)).to_contain_text(HEADLINE)
        with server:
            story.refresh_from_db()
            assert story.live and story.current_workflow_state is None, "approving publishes the story"
            story_url = story.get_url()

    # Each visit below is a new reader: in production pages tell browsers to keep them for a minute.
    reader = new_tab(browser, base_url)
    with step("readers find the story on the home, section and topic pages and under Read more", reader):
        for url in ["/", "/world/", "/topics/afghanistan/"]:
            reader.goto(url)
            expect(reader.get_by_role("main").get_by_role("link", name=HEADLINE).first, url).to_be_visible()
        reader.goto(earlier_url)
        read_more = reader.get_by_role("complementary", name="Read more on Afghanistan")
        expect(read_more.get_by_role("link", name=HEADLINE)).to_be_visible()

    with step("the story's page shows the lead image with caption and credit, subheadings and quotation", reader):
        with reader.expect_navigation(url=re.compile(re.escape(story_url) + "$")) as navigation:
            read_more.get_by_role("link", name=HEADLINE).click()
        status = navigation.value.status
        assert status == 200, f"{story_url} answers {status} once published"
        expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
        lead_image = reader.locator("figure.story__lead")
        expect(lead_image.get_by_role("img", name=ALT)).to_be_visible()
        expect(lead_image).to_contain_text(CAPTION)
        expect(lead_image).to_contain_text(CREDIT)
        for subheading in SUBHEADINGS:
            expect(reader.get_by_role("heading", name=subheading, level=2)).to_be_visible()
        expect(reader.locator("blockquote")).to_have_text(QUOTE)
        expect(reader.locator("figure.quotation")).to_contain_text(QUOTE_BY)

    with step("the editor adds a correction and publishes", chief):
        chief.goto(f"/admin/pages/{story.pk}/edit/")
        notes = chief.get_by_role("region", name="Corrections and updates")
        notes.get_by_role("button", name="Add note").click()
        notes.get_by_role("combobox", name="Kind").select_option(label="Correction")
        notes.get_by_role("textbox", name="Text").fill(CORRECTION)
        settle_autosave(chief)
        footer_action(chief, "Publish")
        expect(messages(chief)).to_contain_text(f"Page '{HEADLINE}' has been published")
        with server:
            notes = [(note.kind, note.text) for note in story.notes.all()]
        assert notes == [("correction", CORRECTION)], notes

    reader = new_tab(browser, base_url)
    with step("the story shows its correction", reader):
        reader.goto(story_url)
        expect(reader.get_by_role("region", name="Corrections")).to_contain_text(CORRECTION)

    with step("the finished story at phone and desktop sizes", reader):
        for name, viewport in [("article-phone", PHONE), ("article-desktop", DESKTOP)]:
            reader.set_viewport_size(viewport)
            reader.goto(story_url)
            reader.wait_for_load_state("networkidle")
            width = reader.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"the page is {width}px wide in a {viewport['width']}px window"
            screenshot(reader, name)
