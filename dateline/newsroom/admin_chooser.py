"""The page chooser (the modal that picks a page for a link or a chooser field), made to stay fast with 100,000
stories. `dateline/urls.py` puts these URLs before Wagtail's admin URLs, under the same names.

* **Search** (`choose-page/search/`): Wagtail's ranks every match by relevance, counts them for "There are N
  matches", and asks each row for its parent, its section (its URL) and its workflow state (four queries a row,
  110 for 25 rows; 2 s for a common word at 100,000 stories). Here matches come newest change first off the
  date index through `autocomplete_matches` (the admin search's query), paginated by `NoCountPaginator`, with
  what each row shows loaded for the whole page at once.
* **Browsing a folder** (`choose-page/<id>/`): the title cell of every row asks for the row's parent (one query
  a row); all rows but the first are children of the folder being browsed, which the view already holds.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.views import chooser
from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns

from dateline.newsroom.admin_listings import NEWEST_CHANGE, attach_sections, autocomplete_matches
from dateline.newsroom.admin_paginator import NoCountPaginator

PER_PAGE = 25


def attach_parents(pages):
    """Give each page its parent (treebeard's cached parent), loaded for all of them in one query."""
    steplen = Page.steplen
    paths = {page.path[:-steplen] for page in pages if page.depth > 1}
    parents = {parent.path: parent for parent in Page.objects.filter(path__in=paths)}
    for page in pages:
        if page.depth > 1:
            page._cached_parent_obj = parents.get(page.path[:-steplen])


class ParentKnownTitleColumn(chooser.PageTitleColumn):
    """The title cell (it names the row's parent) of a folder's listing, where the parent is that folder."""

    def __init__(self, *args, folder, **kwargs):
        super().__init__(*args, **kwargs)
        self.folder = folder

    def get_cell_context_data(self, instance, parent_context):
        if instance.depth == self.folder.depth + 1:
            instance._cached_parent_obj = self.folder
        return super().get_cell_context_data(instance, parent_context)


class BrowseView(chooser.BrowseView):
    @property
    def columns(self):
        return [
            ParentKnownTitleColumn(
                column.name, label=column.label, is_multiple_choice=self.is_multiple_choice, folder=self.parent_page
            )
            if type(column) is chooser.PageTitleColumn
            else column
            for column in super().columns
        ]


class SearchView(chooser.SearchView):
    """The chooser's search: newest change first, never counted, each row's parent, section and status joined."""

    results_template_name = "newsroom/admin/chooser_search_results.html"

    def get(self, request):
        self.i18n_enabled = False  # the newsroom has one locale
        self.is_multiple_choice = request.GET.get("multiple")
        page_type_string = request.GET.get("page_type") or chooser.base_page_type_string
        try:
            desired_classes = chooser.page_models_from_string(page_type_string)
        except (ValueError, LookupError) as error:
            raise Http404 from error

        pages = Page.objects.all()
        for hook in hooks.get_hooks("construct_page_chooser_queryset"):
            pages = hook(pages, request)
        search_form = SearchForm(request.GET)
        if search_form.is_valid() and search_form.cleaned_data["q"]:
            pages = pages.exclude(depth=1).type(*desired_classes).order_by(NEWEST_CHANGE)
            pages = pages.defer_streamfields().specific().annotate_approved_schedule().prefetch_workflow_states()
            pages = autocomplete_matches(pages, search_form.cleaned_data["q"])
        else:
            pages = pages.none()

        pages = NoCountPaginator(pages, PER_PAGE).get_page(request.GET.get("p"))
        rows = list(pages)
        attach_parents(rows)
        attach_sections(rows)
        for page in rows:
            page.can_choose = True
            page.is_parent_page = False

        table = chooser.PageChooserTable(self.columns, rows, show_locale_labels=False)
        return TemplateResponse(
            request,
            self.results_template_name,
            chooser.shared_context(
                request,
                {
                    "searchform": search_form,
                    "table": table,
                    "pages": pages,
                    "page_type_string": page_type_string,
                },
            ),
        )


# Decorated as Wagtail decorates its admin URLs: admin access required, never cached.
urlpatterns = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("", BrowseView.as_view(), name="wagtailadmin_choose_page"),
            path("<int:parent_page_id>/", BrowseView.as_view(), name="wagtailadmin_choose_page_child"),
            path("search/", SearchView.as_view(), name="wagtailadmin_choose_page_search"),
        ],
        require_admin_access,
    ),
    never_cache,
)
