"""The API's views: Django REST framework generics over the scoped querysets of `scope`."""

from django.utils.cache import patch_cache_control, patch_vary_headers
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from dateline.newsroom.models import Author, Topic
from dateline.syndication import ninjs
from dateline.syndication.api import scope
from dateline.syndication.api.auth import api_key_of
from dateline.syndication.api.filters import StoryFilter
from dateline.syndication.api.ninjs_items import story_item
from dateline.syndication.api.serializers import (
    AuthorSerializer,
    ImageSerializer,
    SectionSerializer,
    StorySerializer,
    TopicSerializer,
)


def fields_parameter(serializer_class):
    names = list(serializer_class().fields)
    return OpenApiParameter(
        "fields",
        {"type": "array", "items": {"type": "string", "enum": names}, "minItems": 1},
        style="form",
        explode=False,
        description="Comma-separated names of the fields to return (default: all; lists leave out body_html).",
    )


ERRORS = {
    400: OpenApiResponse(description="A malformed parameter; the body names it."),
    401: OpenApiResponse(description="An unknown or inactive API key."),
    429: OpenApiResponse(description="Over the key's rate limit; Retry-After says when to come back."),
}
LIST_ERRORS = {**ERRORS, 404: OpenApiResponse(description="A cursor that this API did not give out.")}


class Cursor(CursorPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = ("-pk",)

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError({"page_size": f"a whole number from 1 to {self.max_page_size}, not {raw!r}"})
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
        return parameters


class StoryCursor(Cursor):
    ordering = ("-published_at", "-pk")


class ApiViewMixin:
    """Shared by every API view: field selection and cache headers (a keyed answer is private)."""

    list_fields = None  # the default fields of a list, when they differ from the detail's

    def selected_fields(self):
        raw = self.request.query_params.get("fields")
        serializer_fields = list(self.get_serializer_class()().fields)
        if raw is None:
            return self.list_fields if getattr(self, "is_list", False) and self.list_fields else None
        wanted = [name.strip() for name in raw.split(",") if name.strip()]
        unknown = [name for name in wanted if name not in serializer_fields]
        if unknown or not wanted:
            raise ValidationError(
                {
                    "fields": f"unknown field(s) {', '.join(unknown) or raw!r}; "
                    f"choose from {', '.join(serializer_fields)}"
                }
            )
        return wanted

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("fields", self.selected_fields())
        return super().get_serializer(*args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        if api_key_of(request) is not None:
            patch_cache_control(response, private=True, max_age=0)
        else:
            patch_cache_control(response, public=True, max_age=60)
        return response


class ListView(ApiViewMixin, generics.ListAPIView):
    is_list = True
    pagination_class = Cursor


class DetailView(ApiViewMixin, generics.RetrieveAPIView):
    pass


@extend_schema(
    tags=["stories"],
    parameters=[fields_parameter(StorySerializer)],
    responses={200: StorySerializer(many=True), **LIST_ERRORS},
)
class StoryList(ListView):
    """Published stories, newest first. Embargoed and draft stories are left out unless a key allows them."""

    serializer_class = StorySerializer
    pagination_class = StoryCursor
    filter_backends = [DjangoFilterBackend]
    filterset_class = StoryFilter
    list_fields = [name for name in StorySerializer().fields if name != "body_html"]

    def get_queryset(self):
        return scope.stories_for(self.request)


@extend_schema(
    tags=["stories"],
    parameters=[fields_parameter(StorySerializer)],
    responses={200: StorySerializer, 404: None, **ERRORS},
)
class StoryDetail(DetailView):
    serializer_class = StorySerializer

    def get_queryset(self):
        return scope.stories_for(self.request)


@extend_schema(
    tags=["sections"],
    parameters=[fields_parameter(SectionSerializer)],
    responses={200: SectionSerializer(many=True), **LIST_ERRORS},
)
class SectionList(ListView):
    serializer_class = SectionSerializer

    def get_queryset(self):
        return scope.sections_for(self.request)


@extend_schema(
    tags=["sections"],
    parameters=[fields_parameter(SectionSerializer)],
    responses={200: SectionSerializer, 404: None, **ERRORS},
)
class SectionDetail(DetailView):
    serializer_class = SectionSerializer

    def get_queryset(self):
        return scope.sections_for(self.request)


@extend_schema(
    tags=["topics"],
    parameters=[fields_parameter(TopicSerializer)],
    responses={200: TopicSerializer(many=True), **LIST_ERRORS},
)
class TopicList(ListView):
    serializer_class = TopicSerializer
    queryset = Topic.objects.all()


@extend_schema(
    tags=["topics"],
    parameters=[fields_parameter(TopicSerializer)],
    responses={200: TopicSerializer, 404: None, **ERRORS},
)
class TopicDetail(DetailView):
    serializer_class = TopicSerializer
    queryset = Topic.objects.all()


@extend_schema(
    tags=["authors"],
    parameters=[fields_parameter(AuthorSerializer)],
    responses={200: AuthorSerializer(many=True), **LIST_ERRORS},
)
class AuthorList(ListView):
    serializer_class = AuthorSerializer
    queryset = Author.objects.all()


@extend_schema(
    tags=["authors"],
    parameters=[fields_parameter(AuthorSerializer)],
    responses={200: AuthorSerializer, 404: None, **ERRORS},
)
class AuthorDetail(DetailView):
    serializer_class = AuthorSerializer
    queryset = Author.objects.all()


@extend_schema(
    tags=["images"],
    parameters=[fields_parameter(ImageSerializer)],
    responses={200: ImageSerializer(many=True), **LIST_ERRORS},
)
class ImageList(ListView):
    """Lead images of the stories the caller may see, with signed rendition URLs."""

    serializer_class = ImageSerializer

    def get_queryset(self):
        return scope.images_for(self.request)


@extend_schema(
    tags=["images"],
    parameters=[fields_parameter(ImageSerializer)],
    responses={200: ImageSerializer, 404: None, **ERRORS},
)
class ImageDetail(DetailView):
    serializer_class = ImageSerializer

    def get_queryset(self):
        return scope.images_for(self.request)


# --- ninjs -----------------------------------------------------------------------------------------------

VERSION_PARAMETER = OpenApiParameter(
    "version", OpenApiTypes.STR, enum=["1.6", "2.2", "3.1"], description="The ninjs version (default 2.2)."
)


class NinjsItemSerializer(serializers.Serializer):
    """An IPTC ninjs item of the version asked for, valid against the official schema."""


def ninjs_version(request):
    try:
        return ninjs.schema_version(request.query_params.get("version") or ninjs.DEFAULT_VERSION)
    except ninjs.NinjsError as exc:
        raise ValidationError({"version": str(exc)}) from None


class NinjsMixin(ApiViewMixin):
    def selected_fields(self):
        return None

    def item(self, story):
        return story_item(story, ninjs_version(self.request), request=self.request._request)


@extend_schema(
    tags=["ninjs"],
    parameters=[VERSION_PARAMETER],
    responses={200: NinjsItemSerializer(many=True), **LIST_ERRORS},
)
class NinjsStoryList(NinjsMixin, generics.ListAPIView):
    """Stories as ninjs items, newest first, with the same filters as /api/stories/."""

    pagination_class = StoryCursor
    filter_backends = [DjangoFilterBackend]
    filterset_class = StoryFilter
    serializer_class = StorySerializer  # for the schema's filter parameters only

    def get_queryset(self):
        return scope.stories_for(self.request)

    def list(self, request, *args, **kwargs):
        version = ninjs_version(request)
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        items = [story_item(story, version, request=request._request) for story in page]
        return self.get_paginated_response(items)


@extend_schema(
    tags=["ninjs"], parameters=[VERSION_PARAMETER], responses={200: NinjsItemSerializer, 404: None, **ERRORS}
)
class NinjsStoryDetail(NinjsMixin, generics.RetrieveAPIView):
    serializer_class = StorySerializer

    def get_queryset(self):
        return scope.stories_for(self.request)

    def retrieve(self, request, *args, **kwargs):
        story = self.get_object()
        return Response(self.item(story))
