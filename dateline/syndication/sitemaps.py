"""What the sitemaps list: every story, by month of publication, the site's other pages, and the news.

Sitemap files may hold at most 50,000 URLs. Stories are split by month of first publication, so a file
is one range scan on the published_at index however large the archive grows, and the index is one
grouped query. A month with more stories than a file can hold is split into days.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain, islice

from django.db.models import Count, Max
from django.db.models.functions import TruncDay, TruncMonth
from django.http import Http404
from django.utils import timezone
from wagtail.models import Site

from dateline.newsroom.models import Author, SectionPage, Topic
from dateline.newsroom.models.pages import local_midnight
from dateline.syndication.stories import absolute, site_root_url, syndicated_stories

MAX_URLS = 50_000
NEWS_WINDOW = timedelta(hours=48)
MAX_NEWS_URLS = 1_000
# Only what a story's URL, dates and picture need: a sitemap file may list tens of thousands of them.
URL_FIELDS = ("url_path", "slug", "published_at", "first_published_at", "last_published_at", "updated_at")


@dataclass(frozen=True)
class Url:
    loc: str
    lastmod: datetime | None = None
    image: str = ""
    title: str = ""
    published: datetime | None = None


@dataclass(frozen=True)
class Period:
    """The stories of one month ("2026-05") or, for a very busy month, one day ("2026-05-17")."""

    label: str
    lastmod: datetime | None = None

    @property
    def date_range(self):
        try:
            numbers = [int(part) for part in self.label.split("-")]
            if len(numbers) == 2:
                year, month = numbers
                return local_midnight(year, month, 1), local_midnight(year + month // 12, month % 12 + 1, 1)
            if len(numbers) == 3:
                start = local_midnight(*numbers)
                return start, start + timedelta(days=1)
        except (ValueError, OverflowError):
            pass
        raise Http404(f"No sitemap for {self.label!r}")


def story_periods():
    """Every month (or day) with published stories, oldest first: one grouped query, two if a month is full."""
    stories = syndicated_stories().order_by()
    months = (
        stories.annotate(month=TruncMonth("published_at"))
        .values("month")
        .annotate(count=Count("pk"), lastmod=Max("last_published_at"))
        .order_by("month")
    )
    periods = []
    for row in months:
        month = timezone.localtime(row["month"])
        if row["count"] <= MAX_URLS:
            periods.append(Period(f"{month:%Y-%m}", row["lastmod"]))
        else:
            start, end = Period(f"{month:%Y-%m}").date_range
            days = (
                stories.filter(published_at__gte=start, published_at__lt=end)
                .annotate(day=TruncDay("published_at"))
                .values("day")
                .annotate(lastmod=Max("last_published_at"))
                .order_by("day")
            )
            periods.extend(Period(f"{timezone.localtime(day['day']):%Y-%m-%d}", day["lastmod"]) for day in days)
    return periods


def stories_of_period(label):
    start, end = Period(label).date_range
    return syndicated_stories().filter(published_at__gte=start, published_at__lt=end)


def story_urls(request, stories, limit=MAX_URLS):
    """Sitemap entries for stories, streamed from the database without loading their bodies."""
    root_url = site_root_url(request)
    rows = (
        stories.select_related("section", "lead_image")
        .prefetch_related(None)
        # An image's file field reads its width and height as it loads.
        .only(*URL_FIELDS, "title", "section__slug", "lead_image__file", "lead_image__width", "lead_image__height")[
            :limit
        ]
    )
    for story in rows.iterator(chunk_size=2000):
        yield Url(
            loc=story.get_full_url(request),
            lastmod=story.updated_at or story.last_published_at,
            # The original file: renditions would have to be made on the spot for thousands of stories.
            image=absolute(root_url, story.lead_image.file.url) if story.lead_image_id else "",
            title=story.title,
            published=story.published_at,
        )


def page_urls(request):
    """The home page, live sections, topics and authors (the pages that list stories)."""
    root_url = site_root_url(request)
    site = Site.find_for_request(request)
    newest = syndicated_stories().order_by().aggregate(newest=Max("last_published_at"))["newest"]
    home = [Url(site.root_page.get_full_url(request) if site else root_url + "/", newest)]
    by_section = dict(syndicated_stories().order_by().values_list("section").annotate(lastmod=Max("last_published_at")))
    sections = (
        Url(section.get_full_url(request), by_section.get(section.pk))
        for section in SectionPage.objects.live().order_by("path")
    )
    topics = (absolute(root_url, topic.get_absolute_url()) for topic in Topic.objects.only("slug").order_by("pk"))
    authors = (absolute(root_url, author.get_absolute_url()) for author in Author.objects.only("slug").order_by("pk"))
    people_and_topics = (Url(loc) for loc in chain(topics, authors))
    return list(islice(chain(home, sections, people_and_topics), MAX_URLS))


def news_stories():
    return syndicated_stories().filter(published_at__gte=timezone.now() - NEWS_WINDOW)


def news_language(code):
    """Google News accepts ISO 639 codes, with zh-cn and zh-tw as the only regional variants."""
    code = (code or "en").lower().replace("_", "-")
    return code if code in ("zh-cn", "zh-tw") else code.split("-")[0]
