from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from dateline.newsroom import login_limits
from dateline.newsroom import urls as newsroom_urls
from dateline.search import views as search_views
from dateline.syndication import urls as syndication_urls
from dateline.syndication.api import urls as api_urls


def favicon(request):
    """Browsers and feed readers that ask for /favicon.ico get the site's icon (pages link to it)."""
    return HttpResponsePermanentRedirect(static("newsroom/img/favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon),
    # Wagtail's sign-in and password reset with abuse limits (newsroom/login_limits.py), ahead of Wagtail's own.
    path("admin/login/", login_limits.LimitedLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/password_reset/", login_limits.LimitedPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # The page chooser over 100,000 stories (newsroom/admin_chooser.py), ahead of Wagtail's own.
    path("admin/choose-page/", include("dateline.newsroom.admin_chooser")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("api/", include(api_urls)),
    path("", include(newsroom_urls)),
    path("", include(syndication_urls)),
]

if settings.SERVE_MEDIA:
    # Development and small installs; production puts media behind the web server or a CDN.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))

urlpatterns.append(path("", include(wagtail_urls)))
