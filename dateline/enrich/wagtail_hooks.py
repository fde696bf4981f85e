"""The enrichment admin: suggestions to accept or reject, topic aliases, related stories and their overrides."""

import django_filters
from django.middleware.csrf import get_token
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from dateline.enrich import admin_views
from dateline.enrich.models import RelatedOverride, RelatedStory, Suggestion, TopicAlias


class DecisionColumn(Column):
    """Accept and reject buttons: small POST forms, one click each."""

    cell_template_name = "enrich/decision_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            suggestion=instance,
            csrf_token=get_token(request) if request else "",
            next=request.get_full_path() if request else "",
            accept_url=reverse("enrich_suggestion_accept", args=[instance.pk]),
            reject_url=reverse("enrich_suggestion_reject", args=[instance.pk]),
        )
        return context


class SuggestionFilterSet(WagtailFilterSet):
    story = django_filters.NumberFilter(field_name="story_id", label="Story ID")

    class Meta:
        model = Suggestion
        fields = ["status", "kind", "story"]


class SuggestionViewSet(ModelViewSet):
    model = Suggestion
    icon = "tag"
    menu_label = "Suggestions"
    name = "enrich_suggestion"
    url_prefix = "enrich/suggestions"
    filterset_class = SuggestionFilterSet
    search_fields = ["name"]
    list_display = [
        "name",
        Column("kind", label="Kind", accessor="get_kind_display"),
        Column("story", label="Story", accessor="story"),
        Column("confidence", label="Confidence"),
        Column("evidence", label="Evidence"),
        Column("status", label="Status", accessor="get_status_display"),
        DecisionColumn("decision", label="Decision"),
    ]
    list_per_page = 50
    form_fields = ["status"]
    add_to_admin_menu = False

    def get_queryset(self, request):
        return Suggestion.objects.select_related("story", "topic")


class TopicAliasViewSet(ModelViewSet):
    model = TopicAlias
    icon = "tag"
    menu_label = "Topic aliases"
    name = "enrich_topic_alias"
    url_prefix = "enrich/topic-aliases"
    list_display = ["alias", "topic"]
    search_fields = ["alias"]
    form_fields = ["topic", "alias"]


class RelatedFilterSet(WagtailFilterSet):
    story = django_filters.NumberFilter(field_name="story_id", label="Story ID")

    class Meta:
        model = RelatedStory
        fields = ["story"]


class RelatedStoryViewSet(ModelViewSet):
    """Why each story is related ("shares Afghanistan, Taliban; similarity 0.42; 3 days apart"); read-only."""

    model = RelatedStory
    icon = "link"
    menu_label = "Related stories"
    name = "enrich_related"
    url_prefix = "enrich/related"
    filterset_class = RelatedFilterSet
    list_display = [
        Column("story", label="Story", accessor="story"),
        Column("related", label="Related", accessor="related"),
        Column("score", label="Score"),
        Column("explanation", label="Why"),
    ]
    form_fields = ["score"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return RelatedStory.objects.select_related("story", "related")


class RelatedOverrideViewSet(ModelViewSet):
    model = RelatedOverride
    icon = "pick"
    menu_label = "Pinned and excluded"
    name = "enrich_related_override"
    url_prefix = "enrich/related-overrides"
    list_display = ["story", "related", "kind", "position"]
    form_fields = ["story", "related", "kind", "position"]


class EnrichViewSetGroup(ViewSetGroup):
    menu_label = "Enrichment"
    menu_icon = "wand"
    menu_order = 230
    items = [SuggestionViewSet, TopicAliasViewSet, RelatedStoryViewSet, RelatedOverrideViewSet]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return EnrichViewSetGroup()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("enrich/suggestions/<int:pk>/accept/", admin_views.accept_suggestion, name="enrich_suggestion_accept"),
        path("enrich/suggestions/<int:pk>/reject/", admin_views.reject_suggestion, name="enrich_suggestion_reject"),
    ]
