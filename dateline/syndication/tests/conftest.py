from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from lxml import etree

from dateline.conftest import picture, require

# CI checks the repository out with the shared schemas folder beside it.
SCHEMAS = Path(settings.BASE_DIR).parent / "shared" / "schemas" / "sitemaps"


@cache
def _schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture
def validate_sitemap():
    """Parse a sitemap (or index, with index=True) and validate it against the official XSDs."""
    require((SCHEMAS / "sitemap-all.xsd").is_file(), f"The sitemap schemas in {SCHEMAS}")

    def validate(content, index=False):
        document = etree.fromstring(content)
        schema = _schema("siteindex-all.xsd" if index else "sitemap-all.xsd")
        assert schema.validate(document), schema.error_log
        return document

    return validate


@pytest.fixture
def site_logo(newsroom):
    """Give the site a logo, as most newsrooms have."""
    from dateline.newsroom.models import SiteSettings
    from dateline.newsroom.story import image_from_story_image

    site_settings = SiteSettings.for_site(newsroom["home"].get_site())
    site_settings.logo = image_from_story_image(picture("logo", size=(600, 600)))
    site_settings.save()
    return site_settings.logo


TRICKY_HEADLINE = 'Q&A: “Tom” & <Jerry> say "hi" </script><!-- 🎉 — مرحبا بالعالم'
