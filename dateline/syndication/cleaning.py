"""A story body as HTML that is safe to hand to other sites and apps (feed readers, aggregators).

Block templates are written for our own pages: they may carry iframes, classes and relative links.
Readers elsewhere get plain, absolute, script-free HTML; an embed keeps the link its template
already prints next to the player.
"""

from bs4 import BeautifulSoup

from dateline.newsroom.addresses import split_url
from dateline.syndication.stories import absolute

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "b": set(),
    "blockquote": {"cite"},
    "br": set(),
    "cite": set(),
    "em": set(),
    "figcaption": set(),
    "figure": set(),
    "h2": set(),
    "h3": set(),
    "h4": set(),
    "i": set(),
    "img": {"src", "alt", "width", "height"},
    "li": set(),
    "ol": set(),
    "p": set(),
    "s": set(),
    "strong": set(),
    "sub": set(),
    "sup": set(),
    "time": {"datetime"},
    "ul": set(),
}
# Removed with everything inside them; any other unknown tag is replaced by its content.
DROPPED_TAGS = {
    "base", "button", "embed", "form", "frame", "frameset", "iframe", "input", "link", "math", "meta",
    "noscript", "object", "script", "select", "style", "svg", "template", "textarea",
}  # fmt: skip
URL_ATTRIBUTES = ("href", "src", "cite")
SAFE_SCHEMES = {"http", "https", "mailto"}


def body_html(story, root_url):
    return clean_html(story.body.render_as_block(), root_url)


def clean_html(html, root_url):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        if tag.decomposed:  # inside a tag removed earlier in this loop
            continue
        if tag.name in DROPPED_TAGS:
            tag.decompose()
        elif tag.name not in ALLOWED_ATTRIBUTES:
            tag.unwrap()
        else:
            tag.attrs = {name: value for name, value in tag.attrs.items() if name in ALLOWED_ATTRIBUTES[tag.name]}
            for name in URL_ATTRIBUTES:
                if name in tag.attrs:
                    url = absolute(root_url, tag[name].strip())
                    if split_url(url).scheme in SAFE_SCHEMES:
                        tag[name] = url
                    else:
                        del tag[name]
    return str(soup).strip()
