"""Reading settings from the environment, with errors that name the variable."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


class ConfigError(ImproperlyConfigured):
    """A setting read from the environment is missing or malformed."""


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=None, *, required=False):
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ConfigError(f"{name} is not set; it is required with these settings")
        return default
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigError(f"{name}={value!r} is not a boolean; use true or false")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a whole number") from None


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(name, default, *, conn_max_age=60):
    """Parse a database URL (dj-database-url) or raise a one-line ConfigError naming the variable.

    Connections persist for conn_max_age seconds and are checked before each request reuses them, so a
    connection the database dropped (a restart, a failover, a terminated backend) is replaced rather than
    failing the request."""
    import dj_database_url

    url = env_str(name, default)
    try:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several kinds for malformed URLs
        raise ConfigError(f"{name} is not a valid database URL ({exc})") from None
    engine = config.get("ENGINE", "")
    if not engine:
        raise ConfigError(f"{name} has an unknown scheme: {url.split(':', 1)[0]!r}")
    if engine.endswith("sqlite3"):
        if config["NAME"] and config["NAME"] != ":memory:":
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
        config.setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "init_command": SQLITE_PRAGMAS})
    return config


# WAL lets readers and one writer work at once (the dev server, the scheduler and the demo loader).
SQLITE_PRAGMAS = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"


def cache_from_url(url, key_prefix):
    """The default cache: Redis at url (redis://, rediss://, unix://), or local memory when url is empty.

    Redis goes through django-redis with IGNORE_EXCEPTIONS: when Redis is unreachable every read is a miss and
    every write is dropped (and logged), so the site keeps serving pages from the database instead of answering
    500. Django's own RedisCache raises on connection errors, and Wagtail (site root paths), the page cache, the
    API's throttles and the login limits all read the default cache on a reader's request. Short socket timeouts
    keep an unreachable host from holding up each request."""
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "dateline",
            "OPTIONS": {"MAX_ENTRIES": 20_000},  # pages and their tag stamps; the default 300 evicts stamps early
        }
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(f"REDIS_URL={url!r} must start with redis://, rediss:// or unix://")
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,  # logged: settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 1,
        },
    }
