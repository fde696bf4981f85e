"""/api/: the read API, ninjs, signed image renditions, the OpenAPI schema and its docs. Every GET answers with an
ETag and 304 when the client's copy is current (Django's ConditionalGetMiddleware, applied per view)."""

from django.middleware.http import ConditionalGetMiddleware
from django.urls import path, re_path, register_converter
from django.utils.decorators import decorator_from_middleware
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from wagtail.images.views.serve import ServeView

from dateline.syndication.api import views
from dateline.syndication.api.converters import IdConverter

register_converter(IdConverter, "id")

conditional = decorator_from_middleware(ConditionalGetMiddleware)


def api(view_class, **initkwargs):
    return conditional(view_class.as_view(**initkwargs))


urlpatterns = [
    path("stories/", api(views.StoryList), name="api-stories"),
    path("stories/<id:pk>/", api(views.StoryDetail), name="api-story"),
    path("sections/", api(views.SectionList), name="api-sections"),
    path("sections/<id:pk>/", api(views.SectionDetail), name="api-section"),
    path("topics/", api(views.TopicList), name="api-topics"),
    path("topics/<id:pk>/", api(views.TopicDetail), name="api-topic"),
    path("authors/", api(views.AuthorList), name="api-authors"),
    path("authors/<id:pk>/", api(views.AuthorDetail), name="api-author"),
    path("images/", api(views.ImageList), name="api-images"),
    path("images/<id:pk>/", api(views.ImageDetail), name="api-image"),
    path("ninjs/stories/", api(views.NinjsStoryList), name="api-ninjs-stories"),
    path("ninjs/stories/<id:pk>/", api(views.NinjsStoryDetail), name="api-ninjs-story"),
    # Renditions by signed URL (Wagtail's image serve view): made on their first request, then redirected to.
    re_path(
        r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$",
        conditional(ServeView.as_view(action="redirect")),
        name="api-image-rendition",
    ),
    path("schema/", api(SpectacularAPIView), name="api-schema"),
    path(
        "docs/",
        api(SpectacularSwaggerView, url_name="api-schema", template_name_js="syndication/api/swagger_ui.js"),
        name="api-docs",
    ),
    path("docs/redoc/", api(SpectacularRedocView, url_name="api-schema"), name="api-redoc"),
]
