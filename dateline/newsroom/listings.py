"""The reader-facing story lists: newest first, only published, a bounded number of queries each."""

from dataclasses import dataclass

from django.conf import settings
from django.http import Http404

from dateline.newsroom.fragments import Deferred
from dateline.newsroom.models import SiteSettings, visible_stories

# Deep pages of an archive cost an OFFSET scan; readers past this go to the date archive instead.
MAX_PAGE_NUMBER = 500


def published_stories():
    """Live stories, newest first, with what a story card shows already joined."""
    return (
        visible_stories()
        .filter(published_at__isnull=False)
        .select_related("section", "lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-published_at", "-pk")
    )


@dataclass
class PageOfStories:
    """One page of a listing. Knows whether there is a next page without counting the whole archive."""

    items: list
    number: int
    has_next: bool
    per_page: int

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def next_page_number(self):
        return self.number + 1

    @property
    def previous_page_number(self):
        return self.number - 1

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


def page_number(request):
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        raise Http404(f"Page {raw!r} is not a number") from None
    if number < 1 or number > MAX_PAGE_NUMBER:
        raise Http404(f"Page {number} is out of range")
    return number


def paginate(queryset, request, per_page=None):
    per_page = per_page or settings.DATELINE_STORIES_PER_PAGE
    number = page_number(request)
    offset = (number - 1) * per_page
    rows = list(queryset[offset : offset + per_page + 1])
    if number > 1 and not rows:
        raise Http404(f"Page {number} is empty")
    return PageOfStories(items=rows[:per_page], number=number, has_next=len(rows) > per_page, per_page=per_page)


def stories_about(topic):
    """A topic's stories, newest first, walked off the (topic, published_at) index of the link table."""
    return published_stories().filter(topic_links__topic=topic).order_by("-topic_links__published_at", "-pk")


def stories_by(author):
    return published_stories().filter(author_links__author=author).order_by("-author_links__published_at", "-pk")


def read_more(story, limit=None):
    """The newest other published stories of a story's primary topic ("Read more on …")."""
    topic = story.primary_topic
    if topic is None:
        return []
    limit = limit or settings.DATELINE_READ_MORE_COUNT
    return list(stories_about(topic).exclude(pk=story.pk)[:limit])


def newest_by_section(sections, per_section, exclude=()):
    """The newest stories of each section: one short indexed query per section, so the cost does not grow
    with the archive (a window function over all stories of those sections does). Each section's list is read
    when first used (`Deferred`): a home page whose section blocks were kept reads none."""
    excluded = [story.pk for story in exclude]

    def newest(section):
        return lambda: published_stories().filter(section=section).exclude(pk__in=excluded)[:per_section]

    return {section.pk: Deferred(newest(section)) for section in sections}


def home_page_context(home, request):
    site_settings = SiteSettings.for_request(request)
    lead = home.lead_story if home.lead_story_id and home.lead_story and home.lead_story.live else None
    latest = list(published_stories()[:7])
    if lead is None and latest:
        lead = latest[0]
    top_stories = [story for story in latest if story.pk != getattr(lead, "pk", None)][:6]
    sections = site_settings.navigation_sections
    by_section = newest_by_section(sections, per_section=4, exclude=[lead] if lead else [])
    return {
        "lead": lead,
        "top_stories": top_stories,
        "section_blocks": [(section, by_section.get(section.pk, [])) for section in sections],
    }
