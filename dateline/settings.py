"""Dateline's settings: one module, configured by environment variables.

Production differs from development only by the variables it sets (see README.md).
"""

from pathlib import Path

from dateline.config import ConfigError, cache_from_url, database_from_url, env_bool, env_int, env_list, env_str
from dateline.security import inline_style_hashes

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = BASE_DIR / "dateline"
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ConfigError("SECRET_KEY is not set; it is required unless DEBUG=true")
    SECRET_KEY = "dateline-development-only-key-never-use-in-production-0123456789"  # noqa: S105 (DEBUG only)

SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if not SITE_URL.startswith(("http://", "https://")):
    raise ConfigError(f"SITE_URL={SITE_URL!r} must start with http:// or https://")
HTTPS = env_bool("HTTPS", SITE_URL.startswith("https://"))

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
_site_host = SITE_URL.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0]
if _site_host not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(_site_host)
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    "dateline.newsroom",
    "dateline.ingest",
    "dateline.syndication",
    "dateline.delivery",
    "dateline.search",
    "dateline.enrich",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",  # the database queue behind TASKS_BACKEND=django_tasks_db.DatabaseBackend
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc served from static files: the API docs work offline
    "csp",  # django-csp: its system checks (the middleware is dateline.security's)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "dateline.delivery.middleware.PageCacheMiddleware",  # first: a cache hit skips everything below
    # Below the page cache, so that the headers these two set are stored with a page and replayed on every hit.
    "django.middleware.security.SecurityMiddleware",
    "dateline.security.PathPolicyCSPMiddleware",  # Content-Security-Policy by path (DATELINE_CSP_POLICIES)
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dateline.newsroom.control_chars.ControlCharactersMiddleware",  # no NUL or C0 characters in any posted form
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "dateline.urls"
WSGI_APPLICATION = "dateline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Databases: SQLite under var/ by default; PostgreSQL in production (DATABASE_URL=postgres://...), with persistent
# connections (DB_CONN_MAX_AGE seconds) that are health-checked before reuse.
DATABASES = {
    "default": database_from_url(
        "DATABASE_URL", f"sqlite:///{VAR_DIR / 'dateline.sqlite3'}", conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default; Redis in production (REDIS_URL=redis://...), a miss whenever Redis is unreachable.
REDIS_URL = env_str("REDIS_URL")
CACHES = {"default": cache_from_url(REDIS_URL, env_str("CACHE_KEY_PREFIX", "dateline"))}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Sign-in and password reset tries a minute, per client address and per account (newsroom/login_limits.py).
DATELINE_LOGIN_TRIES_PER_MINUTE = env_int("LOGIN_TRIES_PER_MINUTE", 10)

# Background work (search indexing, image renditions, front-end cache purges) runs through django-tasks.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en-gb")
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Compressed, hashed file names with far-future caching, once `collectstatic` has run.
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Uploads: Wagtail's own limits, plus Django's request limits.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]

# Wagtail
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Dateline")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILIMAGES_IMAGE_MODEL = "newsroom.NewsImage"
# Stories are indexed by a task when they are published, changed or unpublished (dateline/newsroom/tasks.py),
# not on each save; with a worker TASKS_BACKEND that work leaves the publishing request entirely.
WAGTAILSEARCH_BACKENDS = {
    # SEARCH_CONFIG is PostgreSQL's text search configuration (stemming, stop words); SQLite uses FTS5.
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": env_str("SEARCH_CONFIG", "english")},
    # The reader's search on PostgreSQL: one tsvector row a story, kept with the index above (search/documents.py).
    "stories": {"BACKEND": "dateline.search.documents", "SEARCH_CONFIG": env_str("SEARCH_CONFIG", "english")},
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Security: the same headers everywhere, and stricter cookies and transport when the site is served over HTTPS
# (SITE_URL=https://...). Threats and the tests that cover each defence: docs/security.md.
SESSION_COOKIE_HTTPONLY = True
# Wagtail's admin reads the CSRF token from the page (wagtailConfig.CSRF_TOKEN, {% csrf_token %}), never from the
# cookie, and no script of ours does: the cookie can be kept from scripts too.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow their own origin (xframe_options_sameorigin_override)
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # editors' avatars are never fetched from a third party (nor allowed by CSP)
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # __Host-: the browser keeps these only if Secure, Path=/ and without Domain, so no subdomain and no plain-HTTP
    # page can set or shadow them. The page cache reads both names from here to tell editors from readers.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Content-Security-Policy, chosen by path (dateline/security.py): the first prefix that starts the path wins.
# Embeds are iframes from the players newsroom/embeds.py makes, and no others: YouTube's privacy-enhanced player
# (X and Facebook posts are linked cards, no frame). A provider added there adds its player's origin here.
EMBED_ORIGINS = ["https://www.youtube-nocookie.com"]
_csp_report = [env_str("CSP_REPORT_URI")] if env_str("CSP_REPORT_URI") else None
# Reader pages: no inline script or style at all (the page cache replays one copy to every reader, so a nonce
# cannot work), except the error pages' <style>, allowed by its hash. JSON-LD blocks are data, not script.
CSP_READER = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": [
        "'self'",
        *inline_style_hashes(
            PACKAGE_DIR / "templates" / "500.html", PACKAGE_DIR / "delivery/templates/delivery/503.html"
        ),
    ],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": EMBED_ORIGINS,
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "upgrade-insecure-requests": HTTPS,
    "report-uri": _csp_report,
}
# The Wagtail admin: its templates carry inline scripts (panels, date widgets) and style attributes, which no
# nonce can cover (and a nonce would switch 'unsafe-inline' off), so inline code is allowed here, never a
# third-party origin. It is never cached. blob: and data: images are upload previews; frame-ancestors 'self'
# lets the editor frame its own preview.
CSP_ADMIN = {
    **CSP_READER,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'", *EMBED_ORIGINS],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# The API docs: Swagger UI and Redoc pages from drf-spectacular, whose templates inline their start-up script and
# style; they show only the API's own schema. Redoc runs a blob: worker and asks Google Fonts for its faces.
CSP_API_DOCS = {
    **CSP_READER,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'", "https://fonts.googleapis.com"],
    "font-src": ["'self'", "https://fonts.gstatic.com"],
    "img-src": ["'self'", "data:"],
    "worker-src": ["'self'", "blob:"],
    "frame-src": ["'none'"],
}
# JSON and uploaded files are never documents to run: nothing loads from them, and an uploaded HTML or SVG file
# opened directly is sandboxed (Wagtail sends "default-src 'none'" with documents itself).
CSP_DATA = {"default-src": ["'none'"], "frame-ancestors": ["'none'"], "report-uri": _csp_report}
CSP_FILES = {**CSP_DATA, "img-src": ["'self'"], "media-src": ["'self'"], "sandbox": True}
DATELINE_CSP_POLICIES = [
    ("/admin/", CSP_ADMIN),
    ("/api/docs/", CSP_API_DOCS),
    ("/api/", CSP_DATA),
    ("/media/", CSP_FILES),
    ("/documents/", CSP_FILES),
    ("/", CSP_READER),
]
CONTENT_SECURITY_POLICY = {"DIRECTIVES": CSP_READER}  # django-csp's default, for its decorators

# Powerful browser features nobody reading the news needs are off, for the page and every frame in it; the
# video players keep full screen, picture-in-picture and protected media. Only features Chromium knows are named:
# it warns in the console about an unknown one. interest-cohort (FLoC) and browsing-topics (its successor) keep
# readers out of ad-interest cohorts.
_embeds = ["self", *EMBED_ORIGINS]
PERMISSIONS_POLICY = {
    **{
        feature: []
        for feature in (
            "accelerometer",
            "browsing-topics",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "hid",
            "idle-detection",
            "interest-cohort",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "screen-wake-lock",
            "serial",
            "usb",
            "xr-spatial-tracking",
        )
    },
    "encrypted-media": _embeds,
    "fullscreen": _embeds,
    "picture-in-picture": _embeds,
}

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Newsroom
DATELINE_STORIES_PER_PAGE = env_int("STORIES_PER_PAGE", 20)
DATELINE_READ_MORE_COUNT = 4

# Search and enrichment
DATELINE_SEARCH_PER_PAGE = env_int("SEARCH_PER_PAGE", 20)
DATELINE_SEARCH_MAX_QUERY_LENGTH = 500
# Imported stories' suggestions at or above this confidence (0–1) are accepted without an editor; empty: never.
_auto_accept = env_str("SUGGESTION_AUTO_ACCEPT", "")
try:
    DATELINE_SUGGESTION_AUTO_ACCEPT = float(_auto_accept) if _auto_accept else None
except ValueError:
    raise ConfigError(f"SUGGESTION_AUTO_ACCEPT={_auto_accept!r} must be a number between 0 and 1") from None
DATELINE_RELATED_COUNT = env_int("RELATED_COUNT", 5)

# Delivery: the full-page cache (dateline/delivery), purged by content tag when stories and settings change.
DATELINE_PAGE_CACHE = env_bool("PAGE_CACHE", True)
DATELINE_PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
DATELINE_PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 86_400)
# Hot pages each app-server process keeps beside Redis, dropped by the invalidations Redis announces.
DATELINE_PAGE_CACHE_LOCAL_ENTRIES = env_int("PAGE_CACHE_LOCAL_ENTRIES", 1000)
DATELINE_PAGE_CACHE_FRAGMENTS = env_bool("PAGE_CACHE_FRAGMENTS", True)
DATELINE_PURGE_BACKENDS = {"local": {"BACKEND": "dateline.delivery.backends.local.LocalBackend"}}
if env_str("VARNISH_URL"):
    DATELINE_PURGE_BACKENDS["varnish"] = {
        "BACKEND": "dateline.delivery.backends.varnish.VarnishBackend",
        "LOCATION": env_str("VARNISH_URL"),
        "SOFT": env_bool("VARNISH_SOFT_PURGE", False),  # keep serving the old copy while Varnish refetches
    }
if env_str("NGINX_CACHE_DIR"):  # an nginx front cache on this machine (deploy/nginx/dateline.conf)
    DATELINE_PURGE_BACKENDS["nginx"] = {
        "BACKEND": "dateline.delivery.backends.nginx.NginxBackend",
        "LOCATION": env_str("NGINX_CACHE_DIR"),
    }

# The headless API (/api/, dateline/syndication/api) and partner webhooks (dateline/syndication/webhooks).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["dateline.syndication.api.auth.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],  # a key is optional; it widens or narrows
    "DEFAULT_THROTTLE_CLASSES": ["dateline.syndication.api.throttling.ApiKeyRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Proxies in front of the site that append to X-Forwarded-For; 0 trusts only the connecting address.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Dateline API",
    "DESCRIPTION": "Published stories, sections, topics, authors and images as JSON, and stories as IPTC ninjs.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["dateline.syndication.api.schema.only_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "dateline.syndication.api.schema.selectable_fields_optional",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    # No validator badge: it would send the schema's URL to swagger.io, and CSP allows no image from there.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
DATELINE_API_ANON_RATE_PER_MINUTE = env_int("API_ANON_RATE_PER_MINUTE", 300)
DATELINE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env_bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", False)
DATELINE_WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 5)
DATELINE_WEBHOOK_RETRY_BASE_SECONDS = env_int("WEBHOOK_RETRY_BASE_SECONDS", 30)  # then 60, 120, 240…
DATELINE_WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10)
