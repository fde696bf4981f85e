"""Topic and author pages: plain Django views, so their URLs cost no page-tree lookups."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from dateline.newsroom import listings
from dateline.newsroom.models import Author, Topic


def topic_index(request):
    return TemplateResponse(request, "newsroom/topic_index.html", {"topics": Topic.objects.all()})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    stories = listings.stories_about(topic)
    context = {"topic": topic, "page_of_stories": listings.paginate(stories, request)}
    return TemplateResponse(request, "newsroom/topic_page.html", context)


def author_index(request):
    return TemplateResponse(request, "newsroom/author_index.html", {"authors": Author.objects.all()})


def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    stories = listings.stories_by(author)
    context = {"author": author, "page_of_stories": listings.paginate(stories, request)}
    return TemplateResponse(request, "newsroom/author_page.html", context)
