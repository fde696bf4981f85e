"""WSGI entry point for production app servers."""

import os
import sys

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")

try:
    application = get_wsgi_application()
except Exception as exc:
    from dateline.config import ConfigError

    if isinstance(exc, ConfigError):
        sys.exit(f"dateline: configuration error: {exc}")
    raise
