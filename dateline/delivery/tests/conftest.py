import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def page_cache(page_cache_off, settings):
    """The page cache on, over an empty local memory cache of its own."""
    settings.DATELINE_PAGE_CACHE = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "delivery"}}
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run on-commit work (purges, warming) as the test's transaction would have committed."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def redis_cache(settings):
    """The default cache on Redis (database 5), as in production with REDIS_URL."""
    import redis

    from dateline.config import cache_from_url
    from dateline.conftest import require

    url = "redis://127.0.0.1:6379/5"
    try:
        reachable = redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        reachable = False
    require(reachable, f"Redis at {url}")
    settings.CACHES = {"default": cache_from_url(url, "dateline-delivery-tests")}  # as settings.py makes it
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()
