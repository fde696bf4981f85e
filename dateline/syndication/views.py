"""Sitemaps, the Google News sitemap and robots.txt, as small views over templates."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from dateline.newsroom.models import SiteSettings
from dateline.syndication import sitemaps
from dateline.syndication.freshness import conditional, last_change
from dateline.syndication.stories import absolute, site_root_url, syndicated_stories

XML = "application/xml; charset=utf-8"


@require_safe
@conditional(lambda request: last_change(syndicated_stories()))
def sitemap_index(request):
    root_url = site_root_url(request)
    periods = sitemaps.story_periods()
    newest = max((period.lastmod for period in periods if period.lastmod), default=None)
    entries = [sitemaps.Url(absolute(root_url, reverse("syndication:sitemap_pages")), newest)]
    entries += [
        sitemaps.Url(absolute(root_url, reverse("syndication:sitemap_stories", args=[period.label])), period.lastmod)
        for period in periods
    ]
    return TemplateResponse(request, "syndication/sitemap_index.xml", {"sitemaps": entries}, content_type=XML)


@require_safe
@conditional(lambda request: last_change(syndicated_stories()))
def sitemap_pages(request):
    context = {"urls": sitemaps.page_urls(request)}
    return TemplateResponse(request, "syndication/sitemap.xml", context, content_type=XML)


@require_safe
@conditional(lambda request, period: last_change(sitemaps.stories_of_period(period)))
def sitemap_stories(request, period):
    urls = list(sitemaps.story_urls(request, sitemaps.stories_of_period(period)))
    if not urls:
        raise Http404(f"No stories in {period}")
    return TemplateResponse(request, "syndication/sitemap.xml", {"urls": urls}, content_type=XML)


@require_safe
@conditional(lambda request: last_change(sitemaps.news_stories()[: sitemaps.MAX_NEWS_URLS]))
def news_sitemap(request):
    site_settings = SiteSettings.for_request(request)
    context = {
        "urls": sitemaps.story_urls(request, sitemaps.news_stories(), limit=sitemaps.MAX_NEWS_URLS),
        "publication_name": site_settings.site_name,
        "publication_language": sitemaps.news_language(site_settings.language),
    }
    return TemplateResponse(request, "syndication/news_sitemap.xml", context, content_type=XML)


@require_safe
def robots_txt(request):
    root_url = site_root_url(request)
    context = {
        "sitemaps": [
            absolute(root_url, reverse("syndication:sitemap_index")),
            absolute(root_url, reverse("syndication:news_sitemap")),
        ]
    }
    return TemplateResponse(request, "syndication/robots.txt", context, content_type="text/plain; charset=utf-8")
