"""The admin's lists of stories (Stories, month folders in the explorer, page search), made to stay fast with
100,000 stories.

What Wagtail's page listings do that grows with the archive, and what these views do instead:

* pagination counts the whole listing (`COUNT(*)` on every page view, twice more for "N matches"):
  `NoCountPaginator` fetches one row more than a page;
* the owner and "edited by" filters list users by scanning every page or log entry (`SELECT DISTINCT owner_id`):
  here they list the newsroom's people (superusers and members of a group);
* the permission filter is `pk IN (every explorable page)`: skipped when the user's permissions cover the archive
  (the story lists) or every site (the page search);
* a story row's URL needs its section (one query a row): joined up front;
* search ranks every match by relevance before taking a page of them (seconds for a common word): the admin's
  search lists matches newest first, which the database answers from an index and stops after a page;
* the search page counts the matches per page type and in all (three more passes over every match): left out;
* "Sort menu order" shows every child of a folder on one page and reorders by rewriting siblings' tree paths:
  stories are ordered by date, so month folders offer no menu order (`StoryFolderPermissionTester`).
"""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.http import HttpResponseBadRequest
from django.views import View
from django_filters import DateFromToRangeFilter, ModelMultipleChoiceFilter
from wagtail.admin.filters import DateRangePickerWidget, MultipleUserFilter
from wagtail.admin.views.pages.listing import ExplorableIndexView, IndexView, PageFilterSet
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.search.query import MATCH_ALL
from wagtail.search.utils import parse_query_string

from dateline.newsroom.admin_paginator import NoCountPaginator
from dateline.newsroom.admin_publishing import StoryCreateView
from dateline.newsroom.models import ArticleAuthor, ArticlePage, Author, SectionPage, StoryArchivePage

NEWEST_CHANGE = "-latest_revision_created_at"
EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}
WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
BIG_SECTION = 2000  # stories: above this, SQLite lists a section off the newest-change index (filter_sections)


def autocomplete_matches(queryset, query):
    """The pages of `queryset` whose title has words starting with the query's words (Wagtail's admin
    autocomplete), keeping the queryset's own order, so a page of the newest matches comes off the date index.

    PostgreSQL: the search backend's autocomplete without relevance ranking. SQLite: the backend's own query
    loops over every index entry of the model and probes FTS5 for each (0.3 s at 1,000 stories, growing with
    the archive); here FTS5 is asked once for the matching rows and the result joined as a subquery.
    """
    if connection.vendor != "sqlite":
        return queryset.autocomplete(query, order_by_relevance=False)
    text = query if isinstance(query, str) else getattr(query, "query_string", "")
    terms = WORD.findall(text or "")[:MAX_TERMS]
    if not terms:
        return queryset
    from modelsearch.conf import get_app_config
    from modelsearch.utils import get_descendants_content_types_pks

    app = get_app_config()
    entries, fts = app.get_model("IndexEntry")._meta.db_table, app.get_model("SQLiteFTSIndexEntry")._meta.db_table
    content_types = list(get_descendants_content_types_pks(queryset.model))
    # Terms are \w+ only: safe inside FTS5 quotes.
    match = "{autocomplete} : (" + " AND ".join(f'"{term}"*' for term in terms) + ")"
    sql = (
        f"SELECT CAST(e.object_id AS INTEGER) FROM {entries} e "  # noqa: S608 (table names, no input)  # nosec B608
        f"WHERE e.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s) "
        f"AND e.content_type_id IN ({', '.join(['%s'] * len(content_types))})"
    )
    return queryset.filter(pk__in=RawSQL(sql, [match, *content_types]))  # noqa: S611 (parameters bound)  # nosec B611


def newsroom_people(request=None):
    """The people who write and edit: superusers and members of a group (not every user who ever owned a page)."""
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(Q(is_superuser=True) | Q(groups__isnull=False)).distinct().order_by("username")


def explore_roots(user, permissions=None):
    """Tree paths of the pages whose permissions let the user explore below them."""
    policy = PagePermissionPolicy()
    codenames = policy._get_permission_codenames(EXPLORE_ACTIONS)
    permissions = policy.get_cached_permissions_for_user(user) if permissions is None else permissions
    return {perm.page.path for perm in permissions if perm.permission.codename in codenames}


def explorable_stories(user, stories):
    """Stories the user may explore in the admin, like Wagtail's `explorable_instances` but without an
    `IN (every explorable page)` subquery when the user's permissions cover the whole archive."""
    if not user.is_active:
        return stories.none()
    if user.is_superuser:
        return stories
    roots = explore_roots(user)
    if not roots:
        return stories.none()
    archive_paths = list(StoryArchivePage.objects.values_list("path", flat=True))
    if archive_paths and all(any(path.startswith(root) for root in roots) for path in archive_paths):
        return stories
    covered = Q()
    for root in roots:
        covered |= Q(path__startswith=root)
    return stories.filter(covered)


def explorable_pages(user, pages):
    """The pages of `pages` the user may explore: Wagtail's `explorable_instances`, without its
    `pk IN (every explorable page)` subquery when the user's permissions cover every site. PostgreSQL plans that
    subquery as a probe of every page (2.5 s for a common word's search at 100,000 stories)."""
    if not user.is_active:
        return pages.none()
    if user.is_superuser:
        return pages
    policy = PagePermissionPolicy()
    permissions = list(policy.get_cached_permissions_for_user(user))
    roots = explore_roots(user, permissions)
    sites = list(Page.objects.filter(depth=2).values_list("path", flat=True))
    if roots and all(any(site.startswith(root) for root in roots) for site in sites):
        # Every page below the tree's root is explorable; the root is too when Wagtail keeps it as an ancestor,
        # that is when it is the permissions' first common ancestor.
        top = Page.objects.first_common_ancestor_of([perm.page for perm in permissions])
        if top.depth == 1:
            return pages
        if len(sites) == 1:
            return pages.filter(depth__gt=1)
    return pages.filter(pk__in=policy.explorable_instances(user).values_list("pk", flat=True))


def big_sections(sections):
    """Whether these sections hold at least BIG_SECTION stories, read off the section index (1-2 ms)."""
    stories = ArticlePage.objects.filter(section__in=sections).order_by().values("pk")
    return stories[BIG_SECTION - 1 : BIG_SECTION].exists()


class StoryFilterSet(PageFilterSet):
    # No DISTINCT (django-filter's default for multiple choices): SELECT DISTINCT … ORDER BY … LIMIT sorts every
    # matching story before taking a page (1.3 s for a section at 100,000 on PostgreSQL). A story has one section,
    # and authors are matched with EXISTS, so no story can appear twice.
    section = ModelMultipleChoiceFilter(
        queryset=SectionPage.objects.order_by("title"), distinct=False, method="filter_sections"
    )
    author_links__author = ModelMultipleChoiceFilter(
        queryset=Author.objects.order_by("name"), label="Author", distinct=False, method="filter_authors"
    )
    published_at = DateFromToRangeFilter(label="First published", widget=DateRangePickerWidget)
    owner = MultipleUserFilter(label="Owner", queryset=newsroom_people)
    edited_by = None  # Wagtail's lists users from every page log entry; the history of a story shows who edited

    class Meta:
        model = ArticlePage
        fields = ["live", "section", "author_links__author", "published_at"]

    def filter_sections(self, queryset, name, value):
        if not value:
            return queryset
        if connection.vendor != "sqlite" or not big_sections(value):
            return queryset.filter(section__in=value)
        # SQLite takes a section's stories off the section index, then works out each one's row (Wagtail's
        # annotations) before sorting them: 233 ms for a section of 30,000. For a big section, walking the
        # newest-change index and skipping other sections' stories finds a page of them within a few hundred rows
        # (0.2 ms); for a small or empty one that walk would read the archive, so those keep the index.
        return queryset.alias(section_unindexed=F("section_id") + 0).filter(
            section_unindexed__in=[section.pk for section in value]
        )

    def filter_authors(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Exists(ArticleAuthor.objects.filter(page=OuterRef("pk"), author__in=value)))


class StoryListingMixin:
    """What the stories' listings share: no count, sections joined, newest change first, search by date."""

    paginator_class = NoCountPaginator
    paginate_by = 20  # Wagtail's 50 rows with their action menus take 0.3 s to render on a busy machine

    def annotate_queryset(self, pages):
        return super().annotate_queryset(pages).select_related("section", for_specific_subqueries=True)

    def order_queryset(self, queryset):
        if self.ordering == NEWEST_CHANGE:
            # Wagtail orders "NULLS LAST", which no plain index serves on PostgreSQL; every story has a revision.
            return queryset.order_by(NEWEST_CHANGE, "-pk")
        return super().order_queryset(queryset)

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        if not self.is_explicitly_ordered:
            queryset = queryset.order_by(NEWEST_CHANGE)
        # Newest first, not by relevance: ranking every match of a common word costs seconds at 100,000 stories.
        return autocomplete_matches(queryset, self.search_query)


class StoryIndexView(StoryListingMixin, IndexView):
    """The Stories menu: every story in one flat list, newest change first, filtered the way a desk works."""

    def get_base_queryset(self):
        stories = explorable_stories(self.request.user, ArticlePage.objects.all())
        return self.annotate_queryset(stories)


class StoryFolderIndexView(StoryListingMixin, ExplorableIndexView):
    """The explorer inside a month folder: its stories, paginated, never in menu order."""

    sort_order_field = None  # no "?ordering=ord": that view lists every child unpaginated
    base_filterset_class = StoryFilterSet

    def get_base_queryset(self):
        # Wagtail's, with the permission filter of explorable_pages (no subquery over every explorable page).
        if self.is_searching or self.is_filtering:
            manager = self.model._default_manager
            pages = manager.all() if self.is_searching_whole_tree else manager.descendant_of(self.parent_page)
        else:
            pages = self.model._default_manager.child_of(self.parent_page)
        if not self.is_searching or getattr(settings, "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS", True):
            pages = explorable_pages(self.request.user, pages)
        return self.annotate_queryset(pages)


class FixedOrderView(View):
    """Stories are ordered by date: moving one among its siblings is refused (Wagtail rewrites every sibling's
    tree path to do it, O(siblings × table))."""

    def post(self, request, *args, **kwargs):
        return HttpResponseBadRequest("Stories are ordered by their date; their menu order cannot be changed.")


class StoryPageViewSet(PageViewSet):
    model = ArticlePage
    index_view_class = StoryFolderIndexView
    set_page_position_view_class = FixedOrderView
    add_view_class = StoryCreateView  # "Publish" validates and writes the new story once (admin_publishing.py)


class ArchiveSearchView(SearchView):
    """Wagtail's page search (the admin's search box), newest change first, without counting every match."""

    paginator_class = NoCountPaginator
    results_template_name = "newsroom/admin/page_search_results.html"

    def get_queryset(self):
        # Wagtail's SearchView.get_queryset without the per-type facet counts (one more pass over every match).
        self.ordering = self.ordering or NEWEST_CHANGE
        pages = Page.objects.all()
        if getattr(settings, "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS", True):
            pages = explorable_pages(self.request.user, pages)
        if self.selected_content_type:
            pages = pages.filter(content_type=self.selected_content_type)
        filters, query = parse_query_string(self.search_query, operator="and", zero_terms=MATCH_ALL)
        live = (filters.get("live") or filters.get("published") or "").lower()
        if live in ("yes", "true", "no", "false"):
            pages = pages.filter(live=live in ("yes", "true"))
        self.all_pages = None
        return autocomplete_matches(self.annotate_queryset(pages.order_by(self.ordering)), query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_sections(context["object_list"])
        return context


def attach_sections(pages):
    """Load the sections of the stories among these pages in one query (a story's URL needs its section)."""
    stories = [page for page in pages if isinstance(page, ArticlePage) and page.section_id]
    sections = SectionPage.objects.in_bulk({story.section_id for story in stories})
    for story in stories:
        story.section = sections.get(story.section_id)


class NewsroomPageViewSet(PageViewSet):
    """The viewset of every page type without its own, with the archive's page search."""

    search_view_class = ArchiveSearchView


__all__ = [
    "ArchiveSearchView",
    "NewsroomPageViewSet",
    "StoryFilterSet",
    "StoryIndexView",
    "StoryPageViewSet",
    "explorable_pages",
    "explorable_stories",
    "newsroom_people",
]
