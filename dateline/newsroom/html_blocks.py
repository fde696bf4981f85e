"""Article HTML from elsewhere, turned into clean Dateline body blocks.

Imported HTML is untrusted and full of page furniture. Junk (scripts, forms, navigation, share and "related"
boxes, adverts, foreign iframes) is removed first; what remains is walked in document order and each block-level
element becomes one body block. Paragraph HTML passes through nh3 with only the inline markup a paragraph
block supports, so nothing executable can reach a stored body.
"""

import re
from html import escape
from urllib.parse import parse_qs

import nh3
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.exceptions import ParserRejectedMarkup

from dateline.newsroom.addresses import join_url, split_url
from dateline.newsroom.control_chars import strip_control_chars
from dateline.newsroom.embeds import UnsupportedEmbed, parse_embed_url

SAFE_TAGS = {"p", "a", "strong", "b", "em", "i", "h2", "h3", "h4", "blockquote", "ul", "ol", "li"}
SAFE_TAGS |= {"figure", "figcaption", "img", "br", "sub", "sup"}
SAFE_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
URL_SCHEMES = {"http", "https", "mailto"}
PARAGRAPH_TAGS = {"a", "b", "i", "sub", "sup", "br"}

JUNK_TAGS = ["script", "style", "noscript", "template", "form", "button", "input", "select", "textarea", "nav"]
JUNK_TAGS += ["aside", "svg", "canvas", "object", "embed", "link", "meta", "title", "head", "dialog"]
JUNK_WORDS = {"share", "sharing", "social", "related", "ad", "ads", "advert", "adverts", "advertisement", "adslot"}
JUNK_WORDS |= {"sponsored", "promo", "newsletter", "subscribe", "breadcrumb", "breadcrumbs", "comments", "outbrain"}
JUNK_WORDS |= {"taboola", "recommended", "paywall", "navigation", "navbar", "menu", "popup", "cookie"}
JUNK_ROLES = {"navigation", "complementary", "banner", "contentinfo", "search", "dialog"}
JUNK_LINES = re.compile(r"^(advertisement|story continues below( this)? advertisement|skip advert)$", re.IGNORECASE)
CONTAINER_TAGS = {"div", "section", "article", "main", "span", "center", "header", "font", "body", "html", "td"}
CONTAINER_TAGS |= {"table", "tbody", "thead", "tr", "details", "summary", "picture", "footer"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "img", "ul", "ol", "iframe", "hr"}
BLOCK_TAGS |= {"pre", "dl"} | CONTAINER_TAGS - {"span", "font"}

DASH_ATTRIBUTION = re.compile(r"^\s*[—–―-]{1,2}\s*(?P<name>\S.{0,200})$")
CREDIT_WORDS = r"(?:photo(?:graph)?s?|picture|pic|image|file\s+photo|courtesy|credit|source|video|graphic)"
AGENCIES = r"(?:AP|AFP|Reuters|Getty(?: Images)?|EPA|PTI|ANI|IANS|Xinhua|Bloomberg|dpa|Shutterstock)"
PAREN_CREDIT = re.compile(rf"\s*\((?P<credit>(?:{CREDIT_WORDS}|{AGENCIES})\b[^()]*)\)\s*\.?\s*$", re.IGNORECASE)
# Containers nested deeper than this are read as inline text: walking them one call a level would exhaust the stack.
MAX_NESTING = 100
# "<![CDATA[", "<![if !IE]>" and other marked sections: HTML reads them as bogus comments that end at the first ">",
# and Python's HTML parser gives up on the ones it does not know; they are removed before parsing.
# Comments are matched too, and kept, so that a "<![endif]>" inside one does not cut it short.
MARKED_SECTION = re.compile(r"(<!--.*?-->)|<!\[[^>]*>?", re.DOTALL)
MARKED_SECTION_BYTES = re.compile(rb"(<!--.*?-->)|<!\[[^>]*>?", re.DOTALL)
TRAILING_CREDIT = re.compile(
    rf"(?:(?<=[.!?])\s+|\s+[|/–—-]\s*)(?P<credit>{CREDIT_WORDS}(?:\s+courtesy)?\s*:\s*[^:]{{2,120}}?)\s*\.?\s*$",
    re.IGNORECASE,
)


class UnreadableHTML(ValueError):
    """HTML that cannot be parsed at all; the message says why (importers report it as the item's failure)."""


def parse_html(markup):
    """BeautifulSoup's tree of untrusted HTML (str or bytes), without control characters or marked sections."""
    markup = without_marked_sections(strip_control_chars(markup or ""))
    try:
        return BeautifulSoup(markup, "html.parser")
    except ParserRejectedMarkup as exc:
        raise UnreadableHTML(f"the HTML could not be parsed: {str(exc).splitlines()[-1].strip()}") from None


def plain_text(html):
    """The words of untrusted HTML, entities decoded, whitespace collapsed."""
    return " ".join(parse_html(html).get_text(" ").split())


def without_marked_sections(text):
    """Text (str or bytes) without `<![…` marked-section markup: Python's own HTML parser, behind BeautifulSoup
    and Django's strip_tags, raises on some of it."""
    text = text or ""
    pattern = MARKED_SECTION_BYTES if isinstance(text, bytes) else MARKED_SECTION
    return pattern.sub(lambda match: match[1] or text[:0], text)


def sanitize_html(html):
    """HTML kept to simple, inert article markup: no scripts, event handlers, styles or javascript:/data: URLs."""
    return nh3.clean(
        strip_control_chars(html or ""),
        tags=SAFE_TAGS,
        clean_content_tags={"script", "style"},
        attributes=SAFE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )


def split_credit(caption):
    """Split a caption into (caption, credit): "Putin at the meeting (Photo: Kremlin)" -> ("Putin at the meeting",
    "Photo: Kremlin")."""
    caption = " ".join((caption or "").split())
    for pattern in (PAREN_CREDIT, TRAILING_CREDIT):
        match = pattern.search(caption)
        if match:
            return caption[: match.start()].strip(), normalise_credit(match["credit"])
    return caption, ""


def normalise_credit(credit):
    """ "PHOTO COURTESY : @agency/Twitter." -> "Photo courtesy: @agency/Twitter"; agency forms are kept as written."""
    credit = " ".join(credit.split()).strip(" .;,")
    label, colon, rest = credit.partition(":")
    if colon and re.fullmatch(rf"{CREDIT_WORDS}(?:\s+courtesy)?", label.strip(), re.IGNORECASE):
        return f"{label.strip().capitalize()}: {rest.strip()}"
    if re.fullmatch(r"file\s+photo", credit, re.IGNORECASE):
        return "File photo"
    return credit[:1].upper() + credit[1:]


def blocks_from_html(html, *, base_url=None, load_image=None):
    """Body blocks, as (type, value) pairs, for an article body fragment.

    `load_image(url)` returns a StoryImage or None; images it cannot load are dropped. Relative URLs are
    resolved against `base_url`.
    """
    soup = parse_html(html)
    remove_junk(soup)
    builder = BlockBuilder(base_url, load_image)
    builder.walk(soup)
    builder.flush()
    return builder.blocks


def remove_junk(soup):
    """Drop comments, junk elements and page furniture, in one walk through the document."""
    junk_tags = set(JUNK_TAGS)
    for node in list(soup.descendants):
        if isinstance(node, Tag):
            if not node.name:
                # Inside something already removed (decompose() blanks the name). Tag.decomposed would look for a
                # child tag called "_decomposed" in every live tag: quadratic in the depth of the document.
                continue
            if node.name in junk_tags or is_junk(node):
                node.decompose()
        elif isinstance(node, Comment) and getattr(node, "parent", None) is not None:
            node.extract()


def is_junk(tag):
    if tag.name == "footer" and tag.find_parent("blockquote"):
        return False  # a quotation's attribution
    if tag.name == "footer":
        return True
    if not tag.attrs:
        return False  # most tags: nothing below can call them junk
    if tag.get("role") in JUNK_ROLES or tag.get("aria-hidden") == "true":
        return True
    if tag.has_attr("hidden"):
        return True
    names = " ".join([*tag.get("class", []), tag.get("id", ""), tag.get("data-component", "")]).lower()
    if not JUNK_WORDS & set(re.split(r"[^a-z0-9]+", names)):
        return False
    # A "social embed" wrapper around a video or post is content, not a share widget.
    frames = [tag] if tag.name == "iframe" else tag.find_all("iframe")
    return not any(embed_url(frame.get("src")) for frame in frames)


def embed_url(url, base_url=None):
    """A supported embed URL (YouTube, X, Facebook) for a link or iframe address, or ""."""
    if not url:
        return ""
    url = join_url(base_url or "https://example.invalid/", url.strip())
    parts = split_url(url)
    if parts.hostname in ("www.facebook.com", "facebook.com") and parts.path.startswith("/plugins/"):
        url = parse_qs(parts.query).get("href", [""])[0]  # the post a Facebook plugin iframe shows
    try:
        return parse_embed_url(url).url
    except UnsupportedEmbed:
        return ""


def text_of(node):
    return " ".join(node.get_text(" ").split()) if isinstance(node, Tag) else " ".join(str(node).split())


class BlockBuilder:
    def __init__(self, base_url, load_image):
        self.base_url = base_url
        self.load_image = load_image
        self.blocks = []
        self.inline = []  # inline nodes waiting to become a paragraph
        self.depth = 0  # containers being walked

    def walk(self, node):
        for child in list(node.children):
            if isinstance(child, NavigableString):
                self.inline.append(child)
            elif isinstance(child, Tag):
                self.element(child)

    def element(self, tag):
        name = tag.name
        if name == "a" and (url := embed_url(tag.get("href"), self.base_url)) and text_of(tag) in ("", tag["href"]):
            self.flush()
            self.add("embed", {"url": url, "caption": ""})
        elif name not in BLOCK_TAGS:
            self.inline.append(tag)
        elif name in CONTAINER_TAGS and self.depth >= MAX_NESTING:
            self.inline.append(tag)  # hostile nesting: its words become one paragraph
        elif name in CONTAINER_TAGS:
            self.flush()
            self.depth += 1
            self.walk(tag)
            self.depth -= 1
            self.flush()
        else:
            self.flush()
            getattr(self, f"block_{name}", self.block_p)(tag)

    def flush(self):
        if self.inline:
            self.paragraph(self.inline)
            self.inline = []

    def add(self, block_type, value):
        self.blocks.append((block_type, value))

    def paragraph(self, nodes):
        text = " ".join(" ".join(text_of(node) for node in nodes).split())
        if not text or JUNK_LINES.match(text):
            return
        if url := embed_url(text, self.base_url) if re.fullmatch(r"https?://\S+", text) else "":
            self.add("embed", {"url": url, "caption": ""})
            return
        try:
            html = "".join(str(node) for node in nodes)
        except RecursionError:
            # Inline markup nested thousands deep (no container to stop at): bs4 serialises and compares it
            # recursively, so the paragraph keeps its words and loses its markup.
            self.add("paragraph", f"<p>{escape(text)}</p>")
            return
        self.add("paragraph", f"<p>{self.inline_html(html)}</p>")

    def inline_html(self, html):
        html = re.sub(r"<(/?)strong\b", r"<\1b", html)
        html = re.sub(r"<(/?)em\b", r"<\1i", html)
        html = nh3.clean(html, tags=PARAGRAPH_TAGS, attributes={"a": {"href"}}, url_schemes=URL_SCHEMES, link_rel=None)
        if "<a" not in html and "<br" not in html and "&" not in html:
            return " ".join(html.split())  # no link to resolve: parsing it again would give back the same text
        soup = BeautifulSoup(html, "html.parser")
        for link in soup.find_all("a"):
            href = link.get("href")
            if href and not href.startswith("mailto:"):
                href = join_url(self.base_url or "", href)
            if href and href.startswith(("http://", "https://", "mailto:")):
                link["href"] = href
            else:
                link.unwrap()  # a relative link with no base, or an in-page anchor: keep the words
        return " ".join(str(soup).split())

    def block_p(self, tag):
        images = tag.find_all("img")
        if images and not text_of(tag):
            for image in images:
                self.block_img(image)
            return
        frames = tag.find_all("iframe")
        for frame in frames:
            frame.extract()
        self.paragraph(list(tag.children))
        for frame in frames:
            self.block_iframe(frame)

    def block_h1(self, tag):
        pass  # the headline, repeated in the body

    def block_h2(self, tag):
        if text := text_of(tag):
            self.add("subheading", text[:255])

    block_h3 = block_h4 = block_h2

    def block_hr(self, tag):
        pass

    def block_iframe(self, tag, caption=""):
        if url := embed_url(tag.get("src") or tag.get("data-src"), self.base_url):
            self.add("embed", {"url": url, "caption": caption[:500]})

    def block_ul(self, tag):
        ordered = tag.name == "ol"
        for number, item in enumerate(tag.find_all("li", recursive=False), start=1):
            marker = f"{number}. " if ordered else "• "
            nested = item.find_all(["ul", "ol"])
            for inner in nested:
                inner.extract()
            if text_of(item):
                self.paragraph([NavigableString(marker), *item.children])
            for inner in nested:
                self.block_ul(inner)

    block_ol = block_ul

    def block_pre(self, tag):
        self.paragraph([NavigableString(tag.get_text())])

    def block_dl(self, tag):
        for part in tag.find_all(["dt", "dd"]):
            self.paragraph(list(part.children))

    def block_blockquote(self, tag):
        classes = " ".join(tag.get("class", []))
        if "twitter-tweet" in classes or "instagram" in classes or "fb-" in classes:
            for link in reversed(tag.find_all("a")):
                if url := embed_url(link.get("href"), self.base_url):
                    self.add("embed", {"url": url, "caption": ""})
                    return
        attribution = ""
        cite = tag.find(["cite", "footer"])
        if cite is not None:
            attribution = text_of(cite).lstrip("—–-― ").strip()
            cite.decompose()
        parts = [text_of(p) for p in tag.find_all("p")] or [tag.get_text("\n")]
        lines = [" ".join(line.split()) for part in parts for line in part.split("\n")]
        lines = [line for line in lines if line]
        if not attribution and len(lines) > 1 and (match := DASH_ATTRIBUTION.match(lines[-1])):
            attribution, lines = match["name"].strip(), lines[:-1]
        if lines:
            self.add("quotation", {"text": "\n\n".join(lines), "attribution": attribution[:255]})

    def block_figure(self, tag):
        caption_tag = tag.find("figcaption")
        caption, credit = "", ""
        if caption_tag is not None:
            credit_tag = caption_tag.find(class_=re.compile(r"credit|copyright|byline", re.IGNORECASE))
            if credit_tag is not None:
                credit = normalise_credit(text_of(credit_tag))
                credit_tag.decompose()
            caption, found = split_credit(text_of(caption_tag))
            credit = credit or found
            caption_tag.decompose()
        if frame := tag.find("iframe"):
            self.block_iframe(frame, caption)
        elif image := tag.find("img"):
            self.block_img(image, caption, credit)

    def block_img(self, tag, caption="", credit=""):
        url = image_source(tag)
        if not url or self.load_image is None:
            return
        url = join_url(self.base_url or "", url)
        picture = self.load_image(url) if url else None
        if picture is None:
            return
        picture.alt = picture.alt or (tag.get("alt") or "")[:255]
        picture.caption = picture.caption or caption
        picture.credit = picture.credit or credit
        self.add("image", {"image": picture, "caption": caption[:500], "credit": credit[:255]})


def image_source(tag):
    """The address of an <img>, including lazy-loaded ones whose real source is in data-src or srcset."""
    for attribute in ("src", "data-src", "data-original", "data-lazy-src"):
        value = (tag.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = tag.get("srcset") or tag.get("data-srcset") or ""
    candidates = [part.strip().split(" ")[0] for part in srcset.split(",") if part.strip()]
    return candidates[-1] if candidates else ""
