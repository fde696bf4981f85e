"""What a page looks like when shared: OpenGraph and Twitter card metadata, and the share links."""

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote, urlencode

from dateline.newsroom.addresses import split_url
from dateline.syndication.stories import Picture, absolute, lead_picture, logo_picture, modified_at

# Share URLs that need no JavaScript, for networks that have one. Email and WhatsApp are always
# offered: readers share with people there, whatever accounts the newsroom has.
SHARE_URLS = {
    "twitter": ("X", "https://x.com/intent/post?{}", lambda url, title: {"url": url, "text": title}),
    "facebook": ("Facebook", "https://www.facebook.com/sharer/sharer.php?{}", lambda url, title: {"u": url}),
    "linkedin": ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?{}", lambda url, title: {"url": url}),
    "bluesky": ("Bluesky", "https://bsky.app/intent/compose?{}", lambda url, title: {"text": f"{title} {url}"}),
    "threads": ("Threads", "https://www.threads.net/intent/post?{}", lambda url, title: {"text": f"{title} {url}"}),
    "telegram": ("Telegram", "https://t.me/share/url?{}", lambda url, title: {"url": url, "text": title}),
    "whatsapp": ("WhatsApp", "https://wa.me/?{}", lambda url, title: {"text": f"{title} {url}"}),
    "email": ("Email", "mailto:?{}", lambda url, title: {"subject": title, "body": url}),
}
ALWAYS_SHARED = ("whatsapp", "email")


@dataclass
class Card:
    """A page as social networks and search engines summarise it."""

    kind: str  # "article", "home", "section", "topic", "author" or "archive"
    title: str
    url: str
    site_name: str
    description: str = ""
    image: Picture | None = None
    published: datetime | None = None
    modified: datetime | None = None
    section: str = ""
    tags: list = field(default_factory=list)
    author_urls: list = field(default_factory=list)
    twitter_site: str = ""

    @property
    def og_type(self):
        return "article" if self.kind == "article" else "website"


def twitter_handle(site_settings):
    """@name of the newsroom's X account, from the profile URL in its social links."""
    for block in site_settings.social_links:
        if block.value["network"] == "twitter":
            name = split_url(block.value["url"]).path.strip("/").split("/")[0]
            return f"@{name}" if name else ""
    return ""


def card_for(kind, subject, request, site_settings, root_url, page_number=1):
    """The card of a page, or None for pages that are not about anything in particular."""
    logo = logo_picture(site_settings, root_url)
    common = {"site_name": site_settings.site_name, "twitter_site": twitter_handle(site_settings), "image": logo}
    if kind == "article":
        return Card(
            kind=kind,
            title=subject.seo_title or subject.title,
            url=subject.get_full_url(request),
            description=subject.search_description or subject.standfirst,
            published=subject.published_at,
            modified=modified_at(subject),
            section=subject.section.title if subject.section else "",
            tags=[topic.name for topic in subject.topics],
            author_urls=[absolute(root_url, author.get_absolute_url()) for author in subject.authors],
            **{**common, "image": lead_picture(subject, root_url) or logo},
        )
    if kind == "home":
        url = subject.get_full_url(request)
        title, description = site_settings.site_name, subject.search_description or site_settings.tagline
    elif kind in ("section", "archive"):
        url = subject.get_full_url(request)
        title = subject.seo_title or subject.title
        description = subject.search_description or getattr(subject, "intro", "")
    elif kind == "topic":
        url = absolute(root_url, subject.get_absolute_url())
        title, description = subject.name, subject.description or f"Stories about {subject.name}"
    elif kind == "author":
        url = absolute(root_url, subject.get_absolute_url())
        title, description = subject.name, subject.bio or subject.role
    else:
        return None
    if page_number > 1:
        # Each page of a listing is its own canonical document.
        url = f"{url}?page={page_number}"
    return Card(kind=kind, title=title, url=url, description=description, **common)


def share_links(url, title, site_settings):
    """(network, label, href) for each way to share a story."""
    networks = [block.value["network"] for block in site_settings.social_links] + list(ALWAYS_SHARED)
    links = []
    for network in dict.fromkeys(networks):  # keeps order, drops repeats
        if network in SHARE_URLS:
            label, pattern, params = SHARE_URLS[network]
            links.append((network, label, pattern.format(urlencode(params(url, title), quote_via=quote))))
    return links
