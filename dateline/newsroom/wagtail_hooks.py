from django.contrib import messages
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from dateline.newsroom import (
    admin_views,
    edit_conflicts,  # noqa: F401 (registers its hooks)
)
from dateline.newsroom.admin_listings import NewsroomPageViewSet, StoryFilterSet, StoryIndexView, StoryPageViewSet
from dateline.newsroom.forms import HEADLINE_WARN
from dateline.newsroom.models import ArticlePage, Author, StoryMonthPage, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "role", "slug"]
    search_fields = ["name"]


class PlainDateColumn(DateColumn):
    """A date as text, without Wagtail's relative date and its tooltip (two template renders a cell)."""

    cell_template_name = "newsroom/admin/date_cell.html"


class StoryListingViewSet(PageListingViewSet):
    """A flat list of every story, whatever archive folder it is in, filterable the way a desk works."""

    model = ArticlePage
    index_view_class = StoryIndexView
    icon = "doc-full"
    menu_label = "Stories"
    menu_order = 150
    add_to_admin_menu = True
    filterset_class = StoryFilterSet
    columns = [
        *PageListingViewSet.columns[:2],
        Column("section", label="Section", accessor="section"),
        PlainDateColumn("published_at", label="Published", sort_key="published_at"),
        PlainDateColumn(
            "latest_revision_created_at", label="Updated", sort_key="latest_revision_created_at", width="12%"
        ),
        *PageListingViewSet.columns[4:],
    ]


register_snippet(TopicViewSet)
register_snippet(AuthorViewSet)


@hooks.register("register_admin_viewset")
def register_story_listing():
    return StoryListingViewSet("stories")


@hooks.register("register_admin_viewset")
def register_story_page_views():
    # Stories in the explorer (month folders) and the admin's page search; dateline/newsroom/admin_listings.py.
    return [StoryPageViewSet("story_pages"), NewsroomPageViewSet("newsroom_pages")]


@hooks.register("construct_page_chooser_queryset")
def join_what_story_rows_show(pages, request):
    """The page chooser inside a month folder: each story row shows its URL (its section) and status."""
    parent_id = getattr(request.resolver_match, "kwargs", {}).get("parent_page_id")
    if parent_id and StoryMonthPage.objects.filter(pk=parent_id).exists():
        pages = pages.select_related("section", for_specific_subqueries=True).annotate_approved_schedule()
        pages = pages.prefetch_workflow_states()
    return pages


# In a story's row the title already links to the editor and the status tag to the live page; the row's "More"
# menu leaves both out (each button is a template render per row, and a listing page renders twenty rows).
ROW_DUPLICATES = {"edit", "doc-empty"}  # icons of Wagtail's "Edit" and "View live" buttons


@hooks.register("construct_page_listing_buttons")
def trim_story_row_menus(buttons, page, user, context=None):
    if not isinstance(page, ArticlePage):
        return
    for button in buttons:
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [b for b in button.dropdown_buttons if b.icon_name not in ROW_DUPLICATES]


@hooks.register("register_admin_urls")
def register_newsroom_admin_urls():
    return [path("newsroom/new-story/", admin_views.new_story, name="newsroom_new_story")]


@hooks.register("register_admin_menu_item")
def register_new_story_menu_item():
    return MenuItem("New story", reverse("newsroom_new_story"), icon_name="plus", order=140)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_long_headlines(request, page):
    if isinstance(page, ArticlePage) and len(page.title) > HEADLINE_WARN:
        messages.warning(
            request,
            f"The headline is {len(page.title)} characters long; above {HEADLINE_WARN} it is cut short in search "
            "results and on social networks.",
        )
