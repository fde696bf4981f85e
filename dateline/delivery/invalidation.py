"""What a change invalidates, and when: the newsroom's story signals, Wagtail's page events, and saves of
topics, authors, images and site settings become tag purges once the change has committed.

A story (published, changed, unpublished) drops the pages that showed it (`story:<pk>`: its own page, lists,
"Read more on …" boxes) and the lists it appears in now (`list:home`, its section, topics and authors, the
site-wide feeds, sitemaps and the news sitemap, the date archive); a list that it moved out of carries
`story:<pk>` already. A 404 cached at the story's own URL (asked for before it went live) is dropped too.
A view restriction added to a page (or lifted) drops the copies of the page and of the pages under it.
After a publish or a change the story's lead-image renditions are made (`renditions`), then the story page, home and
section page are rebuilt, in the background.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from dateline.delivery import conf
from dateline.delivery.tags import path_tag
from dateline.newsroom.signals import story_changed, story_published, story_unpublished

logger = logging.getLogger(__name__)

STORY_WIDE_LISTS = ("list:home", "list:feeds", "list:sitemap", "list:news-sitemap", "list:archive")


def purge(tags, urls=()):
    """Drop everything carrying these tags now (the application's cache, and Varnish unless it is configured
    IMMEDIATE=False), and from other proxies and CDNs in the background."""
    from dateline.delivery.backends import get_backends
    from dateline.delivery.tasks import purge_remote

    tags = sorted(set(tags))
    if not tags:
        return
    backends = get_backends()
    for backend in backends.values():
        if backend.local:
            backend.purge_tags(tags)
    if any(not backend.local for backend in backends.values()) or urls:
        purge_remote.enqueue(tags, list(urls))


def purge_on_commit(tags, urls=(), warm=(), images=(), sites_changed=False):
    """Purge once the change is visible to other connections (at once outside a transaction); then make the
    renditions of these images and rebuild the `warm` pages in the background. `sites_changed`: what every
    process keeps of the site, home page and settings (`sites`) is out of date too."""
    tags, urls, warm, images = sorted(set(tags)), list(urls), list(warm), list(images)

    def run():
        if sites_changed:
            from dateline.delivery import sites

            sites.bump()
        purge(tags, urls)
        if images:
            from dateline.delivery.tasks import render_renditions

            for image_pk in images:
                render_renditions.enqueue(image_pk)
        if warm and conf.get("DATELINE_PAGE_CACHE") and conf.get("DATELINE_PAGE_CACHE_WARM"):
            from dateline.delivery.tasks import warm_pages

            warm_pages.enqueue(warm)

    transaction.on_commit(run)


def story_tags(story):
    tags = {f"story:{story.pk}", *STORY_WIDE_LISTS}
    if story.section_id:
        tags.add(f"list:section:{story.section_id}")
    tags.update(f"list:topic:{link.topic_id}" for link in story.topic_links.all())
    tags.update(f"list:author:{link.author_id}" for link in story.author_links.all())
    return tags


def page_path(page):
    try:
        return page.get_url()
    except Exception:  # a page outside any site, or whose URL cannot be built any more
        return None


def story_paths(story):
    """The reader pages of a story to purge from front-end caches and rebuild: its page, home, its section."""
    paths = [page_path(story), "/"]
    if story.section_id and story.section is not None:
        paths.append(page_path(story.section))
    return [path for path in paths if path]


def on_story_event(sender, story, warm=True, **kwargs):
    paths = story_paths(story)
    own_path = page_path(story)  # a 404 cached there before it went live (or while under embargo)
    extra = {path_tag(own_path)} if own_path else set()
    images = [story.lead_image_id] if warm and story.lead_image_id else []
    purge_on_commit(story_tags(story) | extra, urls=paths, warm=paths if warm else (), images=images)


def on_story_unpublished(sender, story, **kwargs):
    on_story_event(sender, story, warm=False)


def page_event_tags(page):
    from dateline.newsroom.models import ArticlePage, HomePage, SectionPage

    page = page.specific_deferred
    if isinstance(page, ArticlePage):
        return story_tags(page)
    if isinstance(page, HomePage):
        return {f"home:{page.pk}", "list:home"}
    if isinstance(page, SectionPage):
        return {f"section:{page.pk}", f"list:section:{page.pk}", "list:sitemap"}
    return {f"page:{page.pk}", "list:sitemap"}


def on_page_changed(sender, instance, signal=None, **kwargs):
    """Any page other than a story published, unpublished, moved or deleted (stories send story signals)."""
    from wagtail.models import Page

    from dateline.newsroom.models import ArticlePage

    if not isinstance(instance, Page):
        return
    if issubclass(instance.specific_class or Page, ArticlePage) and signal is not post_page_move:
        return
    path = page_path(instance)
    extra = {path_tag(path)} if path else set()
    purge_on_commit(page_event_tags(instance) | extra, urls=[path] if path else [], sites_changed=True)


def on_topic_saved(sender, instance, **kwargs):
    purge_on_commit({f"topic:{instance.pk}", f"list:topic:{instance.pk}", "list:topics", "list:sitemap"})


def on_author_saved(sender, instance, **kwargs):
    purge_on_commit({f"author:{instance.pk}", f"list:author:{instance.pk}", "list:authors", "list:sitemap"})


def on_site_settings_saved(sender, instance, **kwargs):
    purge_on_commit({"site"}, sites_changed=True)


def on_site_saved(sender, instance, **kwargs):
    purge_on_commit({"site"}, sites_changed=True)  # its name, host or root page: every page of it


def on_view_restriction_changed(sender, instance, **kwargs):
    """A page closed to some readers, or open again: the copies of it and of every page under it."""
    from wagtail.models import Page

    from dateline.newsroom.models import ArticlePage, SectionPage

    try:
        page = Page.objects.get(pk=instance.page_id).specific_deferred
    except Page.DoesNotExist:  # deleted with its page, which drops its own copies
        return
    if isinstance(page, ArticlePage):
        tags = story_tags(page)
    elif isinstance(page, SectionPage):  # every story of the section carries its tag
        tags = {f"section:{page.pk}", f"list:section:{page.pk}", "list:sitemap"}
    else:  # the home page, the archive or a folder of it: anything may be under it
        tags = {"site"}
    purge_on_commit(tags)


# Saves Wagtail makes of an image while rendering it (size and hash filled in lazily): nothing a reader sees.
IMAGE_BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def on_image_saved(sender, instance, update_fields=None, **kwargs):
    """An image shows as the lead image of stories, an author's photo or the site's logo."""
    from dateline.newsroom.models import ArticlePage, Author, SiteSettings

    if update_fields and set(update_fields) <= IMAGE_BOOKKEEPING_FIELDS:
        return
    tags = {f"image:{instance.pk}"}
    tags.update(f"story:{pk}" for pk in ArticlePage.objects.filter(lead_image=instance).values_list("pk", flat=True))
    tags.update(f"author:{pk}" for pk in Author.objects.filter(photo=instance).values_list("pk", flat=True))
    logo = SiteSettings.objects.filter(logo=instance).exists()
    if logo:
        tags.add("site")
    purge_on_commit(tags, sites_changed=logo)


def register():
    from wagtail.models import PageViewRestriction, Site

    from dateline.delivery import sites
    from dateline.newsroom.models import Author, HomePage, NewsImage, SectionPage, SiteSettings, Topic

    for model in (Site, SiteSettings, HomePage, SectionPage):
        post_save.connect(sites.forget, sender=model, dispatch_uid=f"delivery_sites_{model.__name__}")

    story_published.connect(on_story_event, dispatch_uid="delivery_story_published")
    story_changed.connect(on_story_event, dispatch_uid="delivery_story_changed")
    story_unpublished.connect(on_story_unpublished, dispatch_uid="delivery_story_unpublished")
    page_published.connect(on_page_changed, dispatch_uid="delivery_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="delivery_page_unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid="delivery_page_moved")
    page_slug_changed.connect(on_page_changed, dispatch_uid="delivery_page_slug_changed")
    post_delete.connect(on_page_changed, dispatch_uid="delivery_page_deleted")
    for model, handler in [
        (Topic, on_topic_saved),
        (Author, on_author_saved),
        (SiteSettings, on_site_settings_saved),
        (Site, on_site_saved),
        (NewsImage, on_image_saved),
        (PageViewRestriction, on_view_restriction_changed),
    ]:
        post_save.connect(handler, sender=model, dispatch_uid=f"delivery_{model.__name__}_saved")
        post_delete.connect(handler, sender=model, dispatch_uid=f"delivery_{model.__name__}_deleted")
