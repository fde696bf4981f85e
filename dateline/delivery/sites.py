"""The site, its home page and its settings (with the navigation's sections), kept in each process between page
builds, so that rendering a page does not look them up again (four queries: the site, the home page's row, the
settings, the navigation's sections).

Each process keeps what it loaded with the version it loaded it under: a counter in the default cache (Redis in
production, shared by every process), moved on by `bump` once a site, its settings, the home page or a section
changes (`invalidation`). A build reads the counter (one cache read) and loads again when it moved. What was
loaded is never changed by a request: each gets its own copies (the site, a home page with nothing related
cached, the settings), as Wagtail would have made them.
"""

import copy
import time

from django.http.request import split_domain_port
from wagtail.models import Site

from dateline.delivery import store

VERSION_KEY = f"{store.PREFIX}:sites-version"

held = {}  # (hostname, port) → (version, site, home page, site settings)


def version():
    """The counter; started from the clock, so a cleared or evicted cache never brings back an old value."""
    value = store.cache().get(VERSION_KEY)
    if value is None:
        store.cache().add(VERSION_KEY, time.time_ns(), timeout=None)
        value = store.cache().get(VERSION_KEY)
    return value


def forget(**kwargs):
    """This process's copies, at once (on every save of what they hold, committed or not)."""
    held.clear()


def bump():
    held.clear()  # this process at once; the others at their next build
    version()
    try:
        store.cache().incr(VERSION_KEY)
    except ValueError:  # evicted in between
        store.cache().add(VERSION_KEY, time.time_ns(), timeout=None)


def fresh_copy(instance, **related):
    """A copy of a model instance sharing its field values, with none of its related objects but `related`."""
    duplicate = copy.copy(instance)
    duplicate._state = copy.copy(instance._state)
    duplicate._state.fields_cache = dict(related)
    return duplicate


def load(request, current):
    from dateline.newsroom.models import SiteSettings

    site = Site._find_for_request(request)  # Wagtail's own choice of site for this host and port
    if site is None:
        return None
    home = site.root_page.specific
    site_settings = SiteSettings.for_site(site)
    site_settings.navigation_sections  # noqa: B018 (loads the navigation's section pages once)
    return current, site, home, site_settings


def prime(request):
    """Give this request the site, home page and site settings that Wagtail and the templates look up."""
    from dateline.newsroom.models import SiteSettings

    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    current = version()
    found = held.get(key)
    if found is None or found[0] != current:
        found = load(request, current)
        if found is None:
            return
        held[key] = found
    _, site, home, site_settings = found
    request._wagtail_site = fresh_copy(site, root_page=fresh_copy(home))
    settings_copy = fresh_copy(site_settings, **{**site_settings._state.fields_cache, "site": request._wagtail_site})
    settings_copy._request = request
    setattr(request, SiteSettings.get_cache_attr_name(), settings_copy)
