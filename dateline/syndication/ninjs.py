"""IPTC ninjs (News in JSON) 1.x, 2.x and 3.x: the one mapping between Dateline stories and ninjs, both ways.

Export (`story_to_ninjs`) and import (`story_from_ninjs`) share the field choices below, so a story exported
by one Dateline site and imported by another keeps its headline, standfirst, body, section, topics, authors
and dates:

* headline, standfirst and body: `headline` / `description_text` / `body_html` in 1.x; `headlines`,
  `descriptions` and `bodies` with roles in 2.x and 3.x. The body travels as simple semantic HTML and comes
  back in through `dateline.newsroom.html_blocks.blocks_from_html`.
* section: a subject with `rel` "section" in the scheme `<SITE_URL>/ninjs/sections/`; topics: the other
  subjects, in order (the first is the primary topic).
* authors: `byline` / `by`, plus a person with `rel` "author" each, so names with "and" in them survive.
* dates: first created = first published; version created = updated (or first published).
* lead image: the association "featureimage", with an absolute rendition URL, caption and credit.

2.x uses lower-case names (`versioncreated`); 3.x the same fields in camelCase (`versionCreated`).
"""

import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from urllib.parse import quote, urljoin

from django.conf import settings
from django.utils.html import escape, strip_tags
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from dateline.newsroom.addresses import split_url
from dateline.newsroom.html_blocks import blocks_from_html, without_marked_sections
from dateline.newsroom.story import Story, paragraph_html

# The newest schema of each major version that the shared schema folder holds.
VERSIONS = {"1": "1.6", "2": "2.2", "3": "3.1"}
DEFAULT_VERSION = "2.2"
# CI and developers check the shared schemas out beside the repository.
SHARED_SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "schemas" / "ninjs"
SCHEMA_URL = "http://www.iptc.org/std/ninjs/ninjs-schema_{version}.json"
LEAD_IMAGE = "featureimage"
AUTHOR_RELS = {"author", "creator", "by", "writer"}
IMAGE_FILTER = "width-1200"

# 3.x renamed these 2.x fields to camelCase and left everything else as it was.
CAMEL_CASE = {
    name.lower(): name
    for name in [
        *("representationType", "firstCreated", "versionCreated", "contentCreated", "pubStatus", "copyrightHolder"),
        *("copyrightNotice", "usageTerms", "edNote", "contentType", "sizeInBytes", "charCount", "wordCount"),
        *("altIds", "infoSources", "trustIndicators", "rightsInfo", "digitalSourceType"),
    ]
}
CAMEL_CASE["embargoed"] = "embargoedUntil"
V2_KEYS = {"headlines", "bodies", "descriptions", "people", "subjects", "organisations", "places", "by", "standard"}


class NinjsError(ValueError):
    """A ninjs document that cannot be read: the message says where and why."""


class SchemasMissing(RuntimeError):
    """The official ninjs schemas are not where Dateline looks for them."""


# --- Schemas and validation ------------------------------------------------------------------------------


def schemas_dir():
    """The folder of official ninjs schemas: $DATELINE_SCHEMAS_DIR(/ninjs), else ../shared/schemas/ninjs."""
    candidates = []
    if os.environ.get("DATELINE_SCHEMAS_DIR"):
        configured = Path(os.environ["DATELINE_SCHEMAS_DIR"])
        candidates += [configured / "ninjs", configured]
    candidates.append(SHARED_SCHEMAS)
    for folder in candidates:
        if (folder / f"ninjs-schema_{DEFAULT_VERSION}.json").is_file():
            return folder
    looked = ", ".join(str(folder) for folder in candidates)
    raise SchemasMissing(f"the ninjs schemas were not found (looked in {looked}); set DATELINE_SCHEMAS_DIR")


def schema_version(version):
    """'2', '2.1' or '2.2' → '2.2': each major version is checked against its newest schema here."""
    major = str(version).split(".")[0]
    if major not in VERSIONS:
        raise NinjsError(f"unsupported ninjs version {version!r}; supported: {', '.join(VERSIONS.values())}")
    return VERSIONS[major]


@cache
def _validator(version, folder):
    schema = json.loads((folder / f"ninjs-schema_{version}.json").read_text(encoding="utf-8"))
    # ninjs 2.x and 3.x refer to GeoJSON by its public $id; serve it from the local copy, never the network.
    geojson = json.loads((folder / "GeoJSON-schema.json").read_text(encoding="utf-8"))
    resource = Resource.from_contents(geojson, default_specification=DRAFT202012)
    registry = Registry().with_resource(geojson["$id"].rstrip("#"), resource)
    return validator_for(schema)(schema, registry=registry)


def as_list(value):
    return value if isinstance(value, list) else []


def detect_version(data):
    """The ninjs version a document declares (`$schema`, `standard`) or, failing that, its structure shows."""
    standard = data.get("standard") or data.get("$standard") or {}
    if not isinstance(standard, dict):
        standard = {}  # not ninjs's shape: the schema check that follows says what is wrong
    declared = " ".join(str(value) for value in (data.get("$schema"), standard.get("schema")) if value)
    if match := re.search(r"ninjs-schema_(\d+)\.", declared):
        return schema_version(match.group(1))
    if standard.get("version"):
        return schema_version(standard["version"])
    texts = [entry for key in ("headlines", "bodies", "descriptions") for entry in as_list(data.get(key))]
    camel = set(CAMEL_CASE.values())
    if camel & set(data) or any(isinstance(entry, dict) and "contentType" in entry for entry in texts):
        return VERSIONS["3"]
    if V2_KEYS & set(data) or isinstance(data.get("associations"), list) or isinstance(data.get("renditions"), list):
        return VERSIONS["2"]
    return VERSIONS["1"]


def validate_ninjs(data, version=None):
    """Check one item against the official schema of its version; returns the version, raises NinjsError."""
    if not isinstance(data, dict):
        raise NinjsError(f"a ninjs item is a JSON object, not {type(data).__name__}")
    version = schema_version(version) if version else detect_version(data)
    # "$schema" names the schema a document follows; it is not ninjs content, so the schema does not list it.
    content = {key: value for key, value in data.items() if key != "$schema"}
    error = best_match(_validator(version, schemas_dir()).iter_errors(content))
    if error is not None:
        message = error.message if len(error.message) <= 300 else error.message[:300] + "…"
        raise NinjsError(f"not valid ninjs {version}: at {error.json_path}: {message}")
    return version


# --- Export ----------------------------------------------------------------------------------------------


@dataclass
class Outgoing:
    """What an export says about a story, whether it came from a page or a Story value."""

    uri: str
    headline: str
    standfirst: str = ""
    body_html: str = ""
    section: tuple | None = None  # (slug, title)
    topics: list = field(default_factory=list)
    authors: list = field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    image: object = None  # dateline.syndication.stories.Picture


def section_scheme():
    return f"{settings.SITE_URL}/ninjs/sections/"


def story_to_ninjs(page_or_story, version=DEFAULT_VERSION, *, request=None, base_url=None):
    """A published page (or a Story value) as a ninjs item of `version` (1.x, 2.x or 3.x)."""
    from dateline.syndication.stories import site_root_url

    version = schema_version(version)
    root_url = (base_url or (site_root_url(request) if request else settings.SITE_URL)).rstrip("/")
    if isinstance(page_or_story, Story):
        outgoing = _outgoing_from_story(page_or_story, root_url)
    else:
        outgoing = _outgoing_from_page(page_or_story, root_url)
    if version.startswith("1."):
        return _ninjs_1(outgoing, version)
    item = _ninjs_2(outgoing, version)
    return _camel_case(item) if version.startswith("3.") else item


def _outgoing_from_page(page, root_url):
    from dateline.syndication.stories import lead_picture, story_guid

    section = page.section if page.section_id else None
    return Outgoing(
        uri=story_guid(page, root_url),
        headline=page.title,
        standfirst=page.standfirst,
        body_html=body_html(((block.block_type, block.value) for block in page.body), root_url),
        section=(section.slug, section.title) if section else None,
        topics=[link.topic.name for link in in_order(page.topic_links.all())],
        authors=[link.author.name for link in in_order(page.author_links.all())],
        published_at=page.published_at or page.first_published_at,
        updated_at=page.updated_at,
        image=lead_picture(page, root_url),
    )


def in_order(links):
    """Topic or author links in their editorial order; links stored without a sort order keep insertion order."""
    return sorted(links, key=lambda link: (link.sort_order if link.sort_order is not None else -1, link.pk or 0))


def _outgoing_from_story(story, root_url):
    uri = story.source_id
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", uri or ""):
        uri = f"{root_url}/ninjs/{quote(story.source or 'story')}/{quote(uri or story.slug or story.headline)}"
    return Outgoing(
        uri=uri,
        headline=story.headline,
        standfirst=story.standfirst,
        body_html=body_html(story.body, root_url),
        section=(story.section, story.section) if story.section else None,
        topics=list(story.topics),
        authors=list(story.authors),
        published_at=story.published_at,
        updated_at=story.updated_at,
    )


def _date(value):
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z") if value else None


def _dates(outgoing):
    return {
        "firstcreated": _date(outgoing.published_at),
        "versioncreated": _date(outgoing.updated_at or outgoing.published_at),
    }


def _ninjs_1(outgoing, version):
    item = {
        "uri": outgoing.uri,
        "type": "text",
        "representationtype": "complete",
        "language": settings.LANGUAGE_CODE,
        "$standard": {"name": "ninjs", "version": version, "schema": SCHEMA_URL.format(version=version)},
        **_dates(outgoing),
        "headline": outgoing.headline,
        "description_text": outgoing.standfirst,
        "body_html": outgoing.body_html,
        "byline": " and ".join(outgoing.authors),
        "person": [{"name": name, "rel": "author"} for name in outgoing.authors],
        "subject": [{"name": name} for name in outgoing.topics],
    }
    if outgoing.section:
        slug, title = outgoing.section
        item["subject"].insert(0, {"name": title, "rel": "section", "scheme": section_scheme(), "code": slug})
    if outgoing.image:
        picture = outgoing.image
        item["associations"] = {
            LEAD_IMAGE: _compact(
                {
                    "uri": picture.url,
                    "type": "picture",
                    "description_caption": picture.caption,
                    "description_alt": picture.alt,
                    "byline": picture.credit,
                    "renditions": {"web": _rendition(picture, "mimetype")},
                }
            )
        }
    return _compact(item)


def _ninjs_2(outgoing, version):
    text = "text/plain"
    item = {
        "uri": outgoing.uri,
        "type": "text",
        "representationtype": "full",
        "language": settings.LANGUAGE_CODE,
        "standard": {"name": "ninjs", "version": version, "schema": SCHEMA_URL.format(version=version)},
        **_dates(outgoing),
        "headlines": [{"role": "main", "contenttype": text, "value": outgoing.headline}],
        "descriptions": [{"role": "summary", "contenttype": text, "value": outgoing.standfirst}]
        if outgoing.standfirst
        else [],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": outgoing.body_html}],
        "by": " and ".join(outgoing.authors),
        "people": [{"name": name, "rel": "author"} for name in outgoing.authors],
        "subjects": [{"name": name, "rel": "about"} for name in outgoing.topics],
    }
    if outgoing.section:
        slug, title = outgoing.section
        item["subjects"].insert(0, {"name": title, "rel": "section", "uri": section_scheme() + quote(slug)})
    if outgoing.image:
        picture = outgoing.image
        descriptions = [{"role": "caption", "contenttype": text, "value": picture.caption}] if picture.caption else []
        if picture.alt:
            descriptions.append({"role": "alt", "contenttype": text, "value": picture.alt})
        association = {
            "name": LEAD_IMAGE,
            "uri": picture.url,
            "type": "picture",
            "descriptions": descriptions,
            "by": picture.credit,
            "renditions": [{"name": "web", **_rendition(picture, "contenttype")}],
        }
        item["associations"] = [_compact(association)]
    return _compact(item)


def _rendition(picture, type_key):
    return {"href": picture.url, type_key: picture.mime_type, "width": picture.width, "height": picture.height}


def _compact(item):
    """Leave out empty values: the schemas allow every field to be absent, and consumers prefer that."""
    return {key: value for key, value in item.items() if value not in (None, "", [], {})}


def _camel_case(value):
    if isinstance(value, dict):
        return {CAMEL_CASE.get(key, key): _camel_case(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_camel_case(inner) for inner in value]
    return value


def body_html(blocks, root_url):
    """Body blocks — (type, value) pairs, from a page's StreamField or a Story — as simple semantic HTML."""
    return "\n".join(html for html in (_block_html(kind, value, root_url) for kind, value in blocks) if html)


def _block_html(kind, value, root_url):
    if kind == "paragraph":
        return _absolute_links(_rich_text(value), root_url)
    if kind == "subheading":
        return f"<h2>{escape(value)}</h2>"
    if kind == "quotation":
        parts = [part for part in re.split(r"\n\s*\n", value.get("text", "")) if part.strip()]
        text = "".join(f"<p>{escape(part).strip()}</p>" for part in parts)
        cite = f"<footer><cite>{escape(value['attribution'])}</cite></footer>" if value.get("attribution") else ""
        return f"<blockquote>{text}{cite}</blockquote>"
    if kind == "image":
        return _figure_html(value, root_url)
    if kind == "embed":
        return _embed_html(value)
    if kind == "related_link":
        return _related_link_html(value, root_url)
    return ""


def _rich_text(value):
    from wagtail.rich_text import RichText, expand_db_html

    return expand_db_html(value.source if isinstance(value, RichText) else str(value))


def _absolute_links(html, root_url):
    return re.sub(r'(href|src)="(/[^/"][^"]*|/)"', lambda m: f'{m[1]}="{urljoin(root_url + "/", m[2])}"', html)


def _figure_html(value, root_url):
    from dateline.syndication.stories import picture_of

    image = value.get("image")
    # A picture held only as bytes (a Story's StoryImage) has no address to point to.
    if image is None or not hasattr(image, "get_rendition"):
        return ""
    caption = value.get("caption") or image.caption
    credit = value.get("credit") or image.credit
    picture = picture_of(image, root_url, filter_spec=IMAGE_FILTER)
    words = escape(caption) + (f' <span class="credit">{escape(credit)}</span>' if credit else "")
    figcaption = f"<figcaption>{words}</figcaption>" if caption or credit else ""
    size = f'width="{picture.width}" height="{picture.height}"'
    img = f'<img src="{escape(picture.url)}" alt="{escape(picture.alt)}" {size}>'
    return f"<figure>{img}{figcaption}</figure>"


def _embed_html(value):
    from dateline.newsroom.embeds import UnsupportedEmbed, parse_embed_url

    try:
        embed = parse_embed_url(value.get("url"))
    except UnsupportedEmbed:
        return ""
    caption = f"<figcaption>{escape(value['caption'])}</figcaption>" if value.get("caption") else ""
    src = escape(embed.embed_url or embed.url)
    return (
        f'<figure class="embed"><iframe src="{src}" title="{escape(embed.provider_name)}"></iframe>{caption}</figure>'
    )


def _related_link_html(value, root_url):
    # A plain linked paragraph: importers treat "related" boxes as page furniture and drop them.
    page = value.get("page")
    href = urljoin(root_url + "/", page.url) if page is not None and page.url else value.get("url", "")
    text = value.get("title") or (page.title if page is not None else "") or href
    if not href:
        return ""
    return f'<p><a href="{escape(href)}">{escape(text)}</a></p>'


# --- Import ----------------------------------------------------------------------------------------------


class _Reader:
    """Reads fields of one item by their 2.x names, whatever the version's spelling."""

    def __init__(self, data, version):
        self.data, self.version = data, version
        self.camel = version.startswith("3.")

    def get(self, name, source=None):
        source = self.data if source is None else source
        return source.get(CAMEL_CASE.get(name, name) if self.camel else name)

    def texts(self, name, source=None):
        """(role, content type, value) of `headlines`, `bodies` or `descriptions` (2.x/3.x)."""
        entries = (self.data if source is None else source).get(name) or []
        return [
            (entry.get("role", ""), self.get("contenttype", entry) or "", entry.get("value", "")) for entry in entries
        ]


def story_from_ninjs(data, *, source="ninjs", version=None, load_image=None):
    """A Story from one ninjs item (1.x, 2.x or 3.x). Validate it first: this trusts the structure.

    `load_image(url)`, if given, returns a StoryImage (or None) for the lead picture; without it the
    picture's caption and credit are kept and no image is fetched.
    """
    version = schema_version(version) if version else detect_version(data)
    reader = _Reader(data, version)
    legacy = version.startswith("1.")
    uri = data.get("uri") or data.get("guid") or ""
    story = Story(headline="", source=source, source_id=uri)
    story.headline = _plain(_headline_1(data) if legacy else _pick_text(reader.texts("headlines"), ("main",)))
    story.headline = story.headline or _plain(data.get("title", ""))
    if not story.headline:
        raise NinjsError("the item has no headline")
    story.standfirst = _plain(_standfirst_1(data) if legacy else _standfirst_2(reader))
    html, text = _body_1(data) if legacy else _body_2(reader)
    base_url = uri if uri.startswith(("http://", "https://")) else None
    story.body = _blocks(html, text, base_url, load_image)
    people = data.get("person" if legacy else "people") or []
    byline = data.get("byline" if legacy else "by") or ""
    story.authors = [p["name"] for p in people if p.get("rel", "").lower() in AUTHOR_RELS and p.get("name")]
    story.authors = story.authors or split_byline(byline)
    _subjects_into(story, data.get("subject" if legacy else "subjects") or [])
    first, latest = _parse_date(reader.get("firstcreated")), _parse_date(reader.get("versioncreated"))
    story.published_at = first or latest
    story.updated_at = latest if first and latest and latest != first else None
    _lead_image_into(story, reader, load_image)
    return story


def _plain(value):
    return " ".join(strip_tags(without_marked_sections(value or "")).split())


def _pick_text(entries, roles, html=False):
    """The value of the entry with a preferred role (else the first), among HTML or plain entries."""
    wanted = [entry for entry in entries if _is_html(entry[1]) == html] if entries else []
    for role in roles:
        for entry_role, _, value in wanted:
            if entry_role.lower() == role:
                return value
    return wanted[0][2] if wanted else ""


def _is_html(content_type):
    return "html" in content_type.lower() or "xml" in content_type.lower()


def _headline_1(data):
    if data.get("headline"):
        return data["headline"]
    extra = sorted(key for key in data if key.startswith("headline_"))
    return data.get("headline_main") or (data[extra[0]] if extra else "")


def _standfirst_1(data):
    for key in ("description_text", "description_summary", "description_abstract"):
        if data.get(key):
            return data[key]
    others = sorted(key for key in data if key.startswith("description_") and "caption" not in key)
    return data[others[0]] if others else ""


def _standfirst_2(reader):
    entries = [entry for entry in reader.texts("descriptions") if entry[0].lower() not in ("caption", "alt")]
    return _pick_text(entries, ("summary", "abstract", "standfirst")) or _pick_text(entries, ("summary",), html=True)


def _body_1(data):
    html_keys = [key for key in ("body_html", "body_xhtml", "body_richtext") if data.get(key)]
    text_keys = sorted(key for key in data if key.startswith("body_") and key not in html_keys)
    return (data[html_keys[0]] if html_keys else ""), (data[text_keys[0]] if text_keys else "")


def _body_2(reader):
    entries = reader.texts("bodies")
    html = _pick_text(entries, ("main", "richtext"), html=True)
    html = html or next((value for role, _, value in entries if role.lower() == "richtext"), "")
    return html, _pick_text(entries, ("main",))


def _blocks(html, text, base_url, load_image):
    if html.strip():
        return blocks_from_html(html, base_url=base_url, load_image=load_image)
    paragraphs = re.split(r"\n\s*\n", text.strip()) if text.strip() else []
    return [("paragraph", paragraph_html(" ".join(part.split()))) for part in paragraphs]


def split_byline(byline):
    """'By A, B and C' → ['A', 'B', 'C']."""
    byline = re.sub(r"^\s*by\s+", "", byline or "", flags=re.IGNORECASE)
    return [name.strip() for name in re.split(r",|\band\b|&", byline) if name.strip()]


def _subjects_into(story, subjects):
    for subject in subjects:
        name = (subject.get("name") or subject.get("literal") or "").strip()
        scheme = subject.get("scheme") or subject.get("uri") or ""
        if subject.get("rel") == "section" or "/ninjs/sections/" in scheme:
            code = subject.get("code") or scheme.rstrip("/").rsplit("/", 1)[-1]
            story.section = story.section or code
        elif name and name.lower() not in (topic.lower() for topic in story.topics):
            story.topics.append(name)


def _parse_date(value):
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise NinjsError(f"{value!r} is not an ISO 8601 date and time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _lead_image_into(story, reader, load_image):
    association = _lead_association(reader.data.get("associations"))
    if association is None:
        return
    legacy = reader.version.startswith("1.")
    if legacy:
        caption = association.get("description_caption") or association.get("description_text") or ""
        credit = association.get("byline") or association.get("copyrightholder") or ""
        renditions = list((association.get("renditions") or {}).values())
    else:
        descriptions = reader.texts("descriptions", association)
        caption = _pick_text(descriptions, ("caption", "summary"))
        credit = association.get("by") or reader.get("copyrightholder", association) or ""
        renditions = association.get("renditions") or []
    story.lead_image_caption, story.lead_image_credit = _plain(caption), _plain(credit)
    href = _best_rendition(renditions, reader) or association.get("uri", "")
    if load_image and href.startswith(("http://", "https://")):
        picture = load_image(href)
        if picture is not None:
            picture.caption = picture.caption or story.lead_image_caption
            picture.credit = picture.credit or story.lead_image_credit
            story.lead_image = picture


def _lead_association(associations):
    if isinstance(associations, dict):
        associations = [{"name": name, **value} for name, value in associations.items()]
    associations = [entry for entry in associations or [] if isinstance(entry, dict)]
    for entry in associations:
        if entry.get("name") in (LEAD_IMAGE, "featuremedia", "mainpicture"):
            return entry
    return next((entry for entry in associations if entry.get("type") == "picture"), None)


def _best_rendition(renditions, reader):
    """The widest rendition that is an image, by its href."""
    usable = [r for r in renditions if r.get("href") and split_url(r["href"]).scheme in ("http", "https")]
    pictures = [
        r for r in usable if (reader.get("contenttype", r) or r.get("mimetype") or "image/").startswith("image/")
    ]
    pictures.sort(key=lambda r: r.get("width") or 0, reverse=True)
    return pictures[0]["href"] if pictures else ""
