"""WSGI entry point for production app servers: Django, with page-cache hits answered before its handler
(`dateline.delivery.hits`), and the tags of what an nginx front cache stores recorded for its purges
(`dateline.delivery.front_keys`)."""

import os
import sys

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

try:
    django_application = get_wsgi_application()
except Exception as exc:
    from dateline.config import ConfigError

    if isinstance(exc, ConfigError):
        sys.exit(f"dateline: configuration error: {exc}")
    raise

from dateline.delivery.front_keys import FrontCacheKeys  # noqa: E402 (after Django is set up)
from dateline.delivery.hits import PageCacheHits  # noqa: E402

application = FrontCacheKeys(PageCacheHits(django_application))
