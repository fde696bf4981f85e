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
    from dateline.conftest import use_redis_cache
    from dateline.delivery import local_copies

    cache = use_redis_cache(settings, 5, "dateline-delivery-tests")
    yield cache
    cache.clear()
    local_copies.reset()
