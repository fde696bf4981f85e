"""WordPress post content as plain HTML that `html_blocks.blocks_from_html` can turn into body blocks.

WordPress stores a post's body in one of two dialects. The block editor writes HTML wrapped in block
comments (`<!-- wp:image {"id":12} -->…<!-- /wp:image -->`); the classic editor writes text with shortcodes
(`[caption]…[/caption]`, `[embed]url[/embed]`) and no <p> tags, leaving paragraphs to blank lines that
WordPress's `wpautop` turns into <p> when it renders. Neither shortcodes nor block comments may reach a stored
body as literal text, so both are rewritten here into the HTML they stand for, or removed.
"""

import html
import re

from dateline.newsroom.html_blocks import embed_url

# Shortcodes whose output is something we do not import (galleries, players, forms): removed with any content.
DROPPED_WITH_CONTENT = {"gallery", "playlist", "audio", "video", "contact-form", "contact-form-7", "ninja_form"}
DROPPED_WITH_CONTENT |= {"wpforms", "gravityform", "instagram-feed", "custom-facebook-feed", "ad", "adsense"}

SHORTCODE_NAME = r"[a-z][a-z0-9_-]*"
# An opening [name attrs] or closing [/name] tag of a shortcode that may enclose content.
SHORTCODE_TAG = re.compile(rf"\[(?P<close>/)?(?P<name>{SHORTCODE_NAME})(?P<attrs>(?:\s[^\]]*)?)\]")
# A bare [name …] with attributes, or a name WordPress plugins are known for; "[sic]" or "[1]" is ordinary text.
SELF_CLOSING = re.compile(rf"\[(?P<name>{SHORTCODE_NAME})(?P<attrs>\s[^\]]*=[^\]]*|\s*/)?\]")
ATTRIBUTE = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[\s\S]*?-->")
EMBED_BLOCK = re.compile(
    r"<!--\s*wp:(?:core-)?embed(?P<attrs>[^>]*?)-->(?P<body>[\s\S]*?)<!--\s*/wp:(?:core-)?embed\s*-->"
)
BLOCK_TAGS = r"(?:p|h[1-6]|blockquote|figure|div|ul|ol|li|table|pre|hr|iframe|img|section|aside|dl|address|form)"
STARTS_WITH_BLOCK = re.compile(rf"^\s*<{BLOCK_TAGS}\b", re.IGNORECASE)
# [youtube https://…], [youtube=https://…] (WordPress.com), [embed https://…]
URL_SHORTCODE = re.compile(
    r"\[(?:youtube|vimeo|tweet|embed)(?:\s+url)?\s*[\s=]\s*[\"']?(?P<url>https?://[^\s\]\"']+)[^\]]*\]"
)


def content_html(content):
    """WordPress `content:encoded` as plain HTML: embeds resolved, shortcodes and block comments gone."""
    content = (content or "").replace("\r\n", "\n")
    block_editor = "<!-- wp:" in content
    content = EMBED_BLOCK.sub(lambda match: embed_block(match["attrs"], match["body"]), content)
    content = BLOCK_COMMENT.sub("\n", content)
    content = content.replace("<!--more-->", "").replace("<!--nextpage-->", "")
    content = expand_shortcodes(content)
    return content if block_editor else autop(content)


def expand_shortcodes(content):
    content = expand_enclosing(content)
    content = URL_SHORTCODE.sub(lambda match: embed_html(html.unescape(match["url"])), content)
    return SELF_CLOSING.sub(self_closing_shortcode, content)


def expand_enclosing(content):
    """[name …]body[/name] rewritten, innermost first ([caption] inside [pullquote]), in one pass over the text:
    a closing tag pairs with the nearest opening tag of its name before it, and an opening tag never closed stays
    as text. Linear in the text's length, however many tags are left open."""
    out = []  # the rewritten text so far, in pieces
    opened = []  # (opening tag, its index in `out`) of the tags still open, innermost last
    depths = {}  # name → the depths in `opened` of its open tags
    position = 0
    for tag in SHORTCODE_TAG.finditer(content):
        out.append(content[position : tag.start()])
        position = tag.end()
        name = tag["name"]
        if not tag["close"]:
            depths.setdefault(name, []).append(len(opened))
            opened.append((tag, len(out)))
            out.append(tag[0])
        elif depths.get(name):
            depth = depths[name][-1]
            while len(opened) > depth + 1:  # tags opened inside this one and never closed stay as they are: text
                depths[opened.pop()[0]["name"]].pop()
            start, index = opened.pop()
            depths[name].pop()
            body = "".join(out[index + 1 :])
            del out[index:]
            out.append(enclosing_shortcode(name, start["attrs"], body))
        else:
            out.append(tag[0])  # a closing tag with nothing to close
    out.append(content[position:])
    return "".join(out)


def attributes(text):
    return {name.lower(): next(v for v in values if v is not None) for name, *values in ATTRIBUTE.findall(text or "")}


def enclosing_shortcode(name, attrs, body):
    attrs = attributes(attrs)
    if name in ("caption", "wp_caption"):
        return caption_figure(body, attrs)
    if name == "embed":
        return embed_html(html.unescape(body.strip()))
    if name in DROPPED_WITH_CONTENT:
        return ""
    return body  # an unknown wrapper: the words inside are the author's, the tags around them are not


def self_closing_shortcode(match):
    if match["attrs"] or match["name"] in DROPPED_WITH_CONTENT:
        return ""
    return match[0]


def caption_figure(body, attrs):
    """[caption]<a><img></a> Words[/caption] → <figure><img><figcaption>Words</figcaption></figure>."""
    image = re.search(r"<img\b[^>]*>", body, re.IGNORECASE)
    words = re.sub(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>|<img\b[^>]*>", "", body, flags=re.IGNORECASE).strip()
    words = words or attrs.get("caption", "")
    if image is None:
        return f"<p>{words}</p>" if words else ""
    return f"\n\n<figure>{image[0]}<figcaption>{words}</figcaption></figure>\n\n"


def embed_block(attrs, body):
    url_match = re.search(r'"url"\s*:\s*"([^"]+)"', attrs) or re.search(r"https?://[^\s<\"]+", body)
    if not url_match:
        return ""
    caption = re.search(r"<figcaption[^>]*>([\s\S]*?)</figcaption>", body)
    url = url_match[1] if url_match.re.groups else url_match[0]
    return embed_html(url.replace("\\/", "/"), caption[1] if caption else "")


def embed_html(url, caption=""):
    """A supported embed as a figure html_blocks reads as an embed; any other URL as a link."""
    url = url.strip()
    if not re.match(r"^https?://", url):
        return ""
    if embed_url(url):
        caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
        return f'\n\n<figure><iframe src="{html.escape(url)}"></iframe>{caption_html}</figure>\n\n'
    return f'\n\n<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>\n\n'


def autop(content):
    """WordPress's wpautop, simplified: blank lines separate paragraphs, a single newline is a line break."""
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", content) if chunk.strip()]
    out = []
    for chunk in chunks:
        if STARTS_WITH_BLOCK.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    return "\n".join(out)
