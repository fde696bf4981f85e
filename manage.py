#!/usr/bin/env python
"""Dateline's command-line entry point (Django's manage.py)."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
    from dateline.config import ConfigError

    try:
        import dateline.settings  # noqa: F401  (fail fast, in one line, on a bad environment)
    except ConfigError as exc:
        sys.exit(f"dateline: configuration error: {exc}")

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
