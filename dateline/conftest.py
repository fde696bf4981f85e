import os
from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from PIL import Image as PILImage

from dateline.newsroom.story import Story, StoryImage, page_from_story, paragraph_html


def require(condition, what):
    """Skip a test that needs something missing, except in CI, where it fails loudly."""
    if condition:
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{what} is required in CI but is missing")
    pytest.skip(f"{what} is missing")


def use_redis_cache(settings, database, key_prefix):
    """Point the default cache at the local Redis (one of its numbered databases), as settings.py does with
    REDIS_URL; a missing Redis fails in CI and skips elsewhere. Returns the cleared cache."""
    import redis
    from django.core.cache import caches

    from dateline.config import cache_from_url

    # TEST_REDIS_DB_OFFSET lets two runs of the suite at once (CI's two databases) keep to their own databases.
    database += int(os.environ.get("TEST_REDIS_DB_OFFSET", "0"))
    url = f"redis://127.0.0.1:6379/{database}"
    try:
        reachable = redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        reachable = False
    require(reachable, f"Redis at {url}")
    settings.CACHES = {"default": cache_from_url(url, key_prefix)}
    caches["default"].clear()
    from dateline.delivery import local_copies

    local_copies.reset()  # copies a process kept of pages of an earlier test's cache
    return caches["default"]


def picture(name="photo", colour=(30, 80, 140), size=(1600, 900)):
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return StoryImage(
        data=buffer.getvalue(),
        filename=f"{name}.jpg",
        title=name,
        alt=f"Alt text for {name}",
        caption=f"Caption of {name}",
        credit=f"Photo: {name} Agency",
    )


@pytest.fixture
def newsroom(db):
    """A small site: three sections in the navigation, a handful of topics and authors, no stories yet."""
    from dateline.newsroom.models import Author, HomePage, SectionPage, SiteSettings, Topic

    home = HomePage.objects.get(slug="home")
    sections = {}
    for slug, title in [("world", "World"), ("business", "Business"), ("sport", "Sport")]:
        sections[slug] = home.add_child(instance=SectionPage(title=title, slug=slug, intro=f"{title} news"))
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.site_name = "English News"
    site_settings.tagline = "Test edition"
    site_settings.social_links = [
        ("link", {"network": "youtube", "url": "https://www.youtube.com/@englishnews"}),
        ("link", {"network": "facebook", "url": "https://www.facebook.com/englishnews"}),
        ("link", {"network": "twitter", "url": "https://x.com/englishnews"}),
    ]
    site_settings.navigation = [("section", page) for page in sections.values()]
    site_settings.save()
    for name in ["Afghanistan", "Russia", "Cricket", "Markets"]:
        Topic.objects.create(name=name)
    Author.objects.create(name="Asha Verma", role="Foreign editor", bio="Covers Central Asia.")
    Author.objects.create(name="Rohan Iyer", role="Sports writer")
    return {"home": home, "sections": sections}


@pytest.fixture
def make_story(newsroom):
    """Publish (or draft) a story with sensible defaults; returns the ArticlePage."""
    counter = {"n": 0}

    def make(
        headline=None,
        *,
        section="world",
        topics=("Afghanistan",),
        authors=("Asha Verma",),
        days_ago=0,
        publish=True,
        image=True,
        body=None,
        **extra,
    ):
        counter["n"] += 1
        n = counter["n"]
        story = Story(
            headline=headline or f"Story number {n} about the news",
            standfirst=f"Standfirst of story {n}.",
            body=body
            if body is not None
            else [
                ("paragraph", paragraph_html(f"First paragraph of story {n}.")),
                ("subheading", "What happened next"),
                ("paragraph", paragraph_html("Second paragraph.")),
                ("quotation", {"text": "It is unacceptable", "attribution": "A spokesperson"}),
            ],
            lead_image=picture(f"lead-{n}", colour=(n * 7 % 255, 90, 120)) if image else None,
            section=section,
            topics=list(topics),
            authors=list(authors),
            published_at=timezone.now() - timedelta(days=days_ago, hours=1) + timedelta(seconds=n),
            source="test",
            source_id=f"story-{n}",
            **extra,
        )
        page, _ = page_from_story(story, publish=publish)
        return page

    return make
