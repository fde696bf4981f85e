import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """The full-page cache would answer a test's second request for a page from the first one (with zero
    queries, and across tests sharing the local memory cache). Tests of other apps see the site uncached;
    dateline/delivery's tests switch it on."""
    settings.DATELINE_PAGE_CACHE = False


@pytest.fixture(autouse=True)
def fresh_local_cache():
    """What one test left in the local memory cache (counts, versions) does not describe the next test's
    database, which starts again from the same primary keys."""
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        cache.clear()
