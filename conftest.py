import pytest


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """The full-page cache would answer a test's second request for a page from the first one (with zero
    queries, and across tests sharing the local memory cache). Tests of other apps see the site uncached;
    dateline/delivery's tests switch it on."""
    settings.DATELINE_PAGE_CACHE = False
