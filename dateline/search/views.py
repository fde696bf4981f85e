"""The reader's search page: /search/?q=…&section=…&topic=…&author=…&from=YYYY-MM-DD&to=YYYY-MM-DD&page=N."""

from datetime import timedelta

from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone

from dateline.newsroom.models import SectionPage, Topic
from dateline.search import query as search_query


def page_param(request):
    try:
        return max(1, int(request.GET.get("page", "1")[:6]))
    except ValueError:
        return 1


def search(request):
    filters = search_query.filters_from(request.GET)
    results = search_query.search(request.GET.get("q", ""), filters, page=page_param(request))
    context = {
        "results": results,
        "query": results.query,
        "filters": filters,
        "sections": SectionPage.objects.live().order_by("title").only("title", "slug"),
        "querystring": querystring_without_page(request),
    }
    if results.query and not results.items:
        context["suggested_topics"] = busy_topics()
    return TemplateResponse(request, "search/search.html", context)


def busy_topics(limit=8, days=90):
    """The topics with the most stories lately: something to read when a search finds nothing."""
    recent = Q(story_links__published_at__gte=timezone.now() - timedelta(days=days))
    return list(
        Topic.objects.annotate(stories=Count("story_links", filter=recent))
        .filter(stories__gt=0)
        .order_by("-stories", "name")[:limit]
    )


def querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
