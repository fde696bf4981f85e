"""Embeds for YouTube, X/Twitter and Facebook, rendered from the URL alone.

Wagtail's EmbedBlock asks the provider's oEmbed service over the network when a story is saved or
rendered. Newsroom pages must render offline, fast and without third-party scripts, so an embed here is
recognised from its URL and rendered as a privacy-friendly iframe (YouTube) or a linked card that works
without JavaScript (X, Facebook).
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from dateline.newsroom.addresses import split_url

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
TWEET_PATH = re.compile(r"^/(?P<user>[A-Za-z0-9_]{1,15})/status(?:es)?/(?P<id>\d{1,25})/?$")

PROVIDERS = {
    "youtube": ("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"),
    "x": ("x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"),
    "facebook": ("facebook.com", "www.facebook.com", "m.facebook.com", "fb.watch"),
}
PROVIDER_NAMES = {"youtube": "YouTube", "x": "X", "facebook": "Facebook"}


class UnsupportedEmbed(ValueError):
    pass


@dataclass(frozen=True)
class Embed:
    provider: str
    url: str
    embed_url: str = ""
    title: str = ""

    @property
    def provider_name(self):
        return PROVIDER_NAMES[self.provider]


def parse_embed_url(url):
    """Return an Embed for a supported URL, or raise UnsupportedEmbed saying why."""
    url = (url or "").strip()
    parts = split_url(url)
    if parts.scheme not in ("http", "https"):
        raise UnsupportedEmbed("Embed URLs must start with https://")
    host = (parts.hostname or "").lower()
    provider = next((name for name, hosts in PROVIDERS.items() if host in hosts), None)
    if provider is None:
        raise UnsupportedEmbed("Only YouTube, X/Twitter and Facebook links can be embedded")
    canonical = parts._replace(scheme="https", fragment="").geturl()
    if provider == "youtube":
        video_id = _youtube_id(parts)
        if not video_id:
            raise UnsupportedEmbed("This YouTube link does not name a video")
        return Embed(
            "youtube",
            f"https://www.youtube.com/watch?v={video_id}",
            embed_url=f"https://www.youtube-nocookie.com/embed/{video_id}",
        )
    if provider == "x":
        match = TWEET_PATH.match(parts.path)
        if not match:
            raise UnsupportedEmbed("This X/Twitter link does not name a post")
        return Embed("x", f"https://x.com/{match['user']}/status/{match['id']}", title=f"Post by @{match['user']}")
    return Embed("facebook", canonical, title="Facebook post")


def _youtube_id(parts):
    host = (parts.hostname or "").lower()
    if host == "youtu.be":
        candidate = parts.path.strip("/").split("/")[0]
    elif parts.path == "/watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
    else:
        segments = parts.path.strip("/").split("/")
        candidate = segments[1] if len(segments) >= 2 and segments[0] in ("embed", "shorts", "live") else ""
    return candidate if YOUTUBE_ID.match(candidate) else ""
