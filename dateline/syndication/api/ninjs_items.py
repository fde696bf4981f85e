"""Stories as ninjs items for partners: the one mapping (`dateline.syndication.ninjs`) plus publication status."""

from django.conf import settings
from django.utils import timezone

from dateline.syndication import ninjs

# The withdrawal of a story keeps only what identifies it.
WITHDRAWAL_KEYS = {"uri", "type", "language", "standard", "$standard", "headline", "headlines", "firstcreated"}


def _key(name, version):
    return ninjs.CAMEL_CASE.get(name, name) if version.startswith("3.") else name


def story_item(story, version=ninjs.DEFAULT_VERSION, *, request=None, base_url=None):
    """A published story as a ninjs item; an embargoed one says until when."""
    version = ninjs.schema_version(version)
    item = ninjs.story_to_ninjs(story, version, request=request, base_url=base_url)
    item[_key("pubstatus", version)] = "usable"
    if story.is_under_embargo:
        item[_key("embargoed", version)] = ninjs._date(story.go_live_at)
    return item


def withdrawal_item(story, version=ninjs.DEFAULT_VERSION, *, base_url=None):
    """The notice that a story was withdrawn: its identity, status "canceled" and the time of withdrawal."""
    version = ninjs.schema_version(version)
    full = ninjs.story_to_ninjs(story, version, base_url=base_url or settings.SITE_URL)
    item = {key: value for key, value in full.items() if key in WITHDRAWAL_KEYS or key == "firstCreated"}
    item[_key("versioncreated", version)] = ninjs._date(timezone.now())
    item[_key("pubstatus", version)] = "canceled"
    return item
