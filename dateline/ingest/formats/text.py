"""Plain-text dumps of articles, as copied out of a web page: site name, navigation, headline, photo caption,
body paragraphs with subheadings, and a "Read more on <topic>" list of related headlines at the end.

Text has no markup, so the structure is recovered from the shape of the lines; each rule below is the one that
the dumps we receive follow.
"""

import re
import unicodedata
from pathlib import Path

from dateline.ingest.formats.base import Format, ImportFailure, Item
from dateline.newsroom.html_blocks import normalise_credit, split_credit
from dateline.newsroom.story import Story, paragraph_html

SOCIAL_WORDS = {"youtube", "facebook", "twitter", "x", "instagram", "linkedin", "whatsapp", "telegram", "tiktok"}
SOCIAL_WORDS |= {"email", "e-mail", "rss", "share", "print", "pinterest", "reddit", "threads", "menu", "search"}
BULLETS = "•·▪◦●‣-*"
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CLOSING_PUNCTUATION = tuple(".,:;!?\"'”’…)]")
SUBHEADING_MAX = 80
HEADLINE_MAX = 255
PHOTO_PREFIX = re.compile(r"^(?:image|photo|picture)\s*:\s*", re.IGNORECASE)
READ_MORE = re.compile(r"^(?:read|see) more(?: (?:on|about|from))?:?\s+(?P<topic>.{1,100}?)\s*:?$", re.IGNORECASE)
OPENING_QUOTES, CLOSING_QUOTES = '"“„«', '"”»'
# `…, he said: "…".` — a long quotation closing its paragraph, introduced by a verb of saying and a colon.
INLINE_QUOTE = re.compile(
    r"^(?P<before>.*?\b(?P<speaker>[\w’'.-]+(?:\s+[\w’'.-]+){0,3})\s+"
    r"(?:said|says|told [^:\"“]{1,60}|added|stated|remarked|declared|wrote|tweeted)\s*:)\s*"
    r"[\"“](?P<quote>[^\"”]{40,})[\"”]\s*[.!?]?$",
    re.DOTALL,
)
PRONOUNS = {"he", "she", "they", "it"}
TITLES = {"president", "prime", "minister", "mr", "mrs", "ms", "dr", "chancellor", "secretary", "general", "king"}
TITLES |= {"queen", "foreign", "defence", "defense", "spokesperson", "spokesman", "spokeswoman", "senator", "governor"}
SUBJECT_NAME = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2})\s+"
    r"(?:has|had|is|was|also|said|says|told|added|made|called|spoke|warned|argued)\b"
)


class TextFormat(Format):
    name = "text"
    suffixes = (".txt",)

    def __init__(self, **options):
        super().__init__(**options)
        self.roots = {}  # file -> the folder it was found in, for stable relative source ids

    def expand(self, sources):
        for source in sources:
            path = Path(source)
            for found in super().expand([source]):
                if path.is_dir():
                    self.roots[found] = path
                yield found

    def items(self, source):
        text = decode_text(self.read_bytes(source))
        story = story_from_text(text)
        story.source = "text"
        story.source_id = self.source_id(source)
        yield Item(source=source, ref="", story=story)

    def source_id(self, source):
        if source.startswith(("http://", "https://")):
            return source
        path = Path(source).resolve()
        root = self.roots.get(source)
        return path.relative_to(root.resolve()).as_posix() if root else str(path)


def decode_text(data):
    """UTF-8 (with or without a BOM), else Windows-1252, else Latin-1; without control characters."""
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", CONTROL_CHARS.sub("", text))


def story_from_text(text):
    lines = [" ".join(line.split()) for line in text.split("\n")]
    position = skip_masthead(lines)
    if position is None:
        raise ImportFailure("no headline found (the file has only a site name and navigation, or is empty)")
    headline = lines[position]
    if len(headline) > HEADLINE_MAX or (headline.endswith(".") and not headline.endswith("...")):
        raise ImportFailure("no headline found (the first line after the masthead is body text)")
    story = Story(headline=headline)
    rest = lines[position + 1 :]
    rest, story.topics, related = split_read_more(rest)
    chunks = paragraphs_of(rest)
    if chunks and is_caption(chunks[0][0]):
        story.lead_image_caption, story.lead_image_credit = caption_and_credit(chunks.pop(0)[0])
    story.body = body_blocks(chunks) + [("related_link", {"headline": h, "title": h}) for h in related]
    return story


def skip_masthead(lines):
    """The index of the headline: past the site name and the navigation/social lines that open the dump."""
    content = [i for i, line in enumerate(lines) if line]
    if not content:
        return None
    # Navigation starts within the first lines (after the site name) and runs unbroken to the headline.
    first_nav = next((n for n, i in enumerate(content[:4]) if is_navigation(lines[i])), None)
    if first_nav is not None:
        after = [i for i in content[first_nav:] if not is_navigation(lines[i])]
        return after[0] if after else None
    # No navigation: a short first line followed by a headline and its photo caption is the site name.
    if len(content) >= 3 and is_caption(lines[content[2]]) and not is_caption(lines[content[1]]):
        return content[1]
    return content[0]


def is_navigation(line):
    if line[0] in BULLETS and (len(line) < 60 or line[1:2] == " "):
        return True
    words = re.split(r"[\s|/,]+", line.lower().strip(BULLETS + " "))
    return all(word in SOCIAL_WORDS for word in words if word)


def split_read_more(lines):
    """(body lines, topics, related headlines) from a closing "Read more on <topic>" list."""
    for index in range(len(lines) - 1, -1, -1):
        match = READ_MORE.match(lines[index])
        if match:
            related = [line.strip(BULLETS + " ") for line in lines[index + 1 :] if line]
            return lines[:index], [match["topic"]], [h for h in related if h]
    return lines, [], []


def paragraphs_of(lines):
    """Runs of non-blank lines, each a list of lines."""
    chunks, current = [], []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    return chunks


def is_caption(line):
    return bool(PHOTO_PREFIX.match(line) or split_credit(line)[1])


def caption_and_credit(line):
    prefix = PHOTO_PREFIX.match(line)
    caption, credit = split_credit(line[prefix.end() :] if prefix else line)
    if prefix and not credit and len(caption.split()) <= 5 and not caption.endswith("."):
        caption, credit = "", normalise_credit(line)  # "Photo: Reuters" is a credit alone
    return caption, credit


def body_blocks(chunks):
    blocks = []
    for number, chunk in enumerate(chunks):
        lines = list(chunk)
        followed_by_text = len(lines) > 1 or number + 1 < len(chunks)
        if is_subheading(lines[0]) and followed_by_text:
            blocks.append(("subheading", lines.pop(0)))
        if lines:
            blocks.extend(paragraph_blocks(" ".join(lines), blocks))
    return blocks


def is_subheading(line):
    return len(line) < SUBHEADING_MAX and not line.endswith(CLOSING_PUNCTUATION) and line[:1] not in OPENING_QUOTES


def paragraph_blocks(text, earlier):
    """A paragraph, or a quotation block for a quoted paragraph or a long quotation that closes the paragraph."""
    standalone = standalone_quote(text)
    if standalone:
        return [("quotation", standalone)]
    match = INLINE_QUOTE.match(text)
    if match:
        attribution = speaker_name(match["speaker"], match["before"], earlier)
        quote = {"text": match["quote"].strip(), "attribution": attribution}
        return [("paragraph", paragraph_html(match["before"].strip())), ("quotation", quote)]
    return [("paragraph", paragraph_html(text))]


def standalone_quote(text):
    """`"We will stay," said Maria Lopez.` -> {"text": "We will stay,", "attribution": "Maria Lopez"}."""
    if text[:1] not in OPENING_QUOTES:
        return None
    end = max(text.rfind(mark) for mark in CLOSING_QUOTES)
    if end <= 0 or (end + 1) / len(text) < 0.6:
        return None
    rest = text[end + 1 :].strip(" .,;")
    rest = re.sub(r"^(?:[—–-]+\s*|(?:said|says|added)\s+)", "", rest)
    rest = re.sub(r"\s+(?:said|says|added)$", "", rest)
    return {"text": text[1:end].strip(), "attribution": rest[:255]}


def speaker_name(speaker, before, earlier):
    """The quoted person's full name: a pronoun ("he said") is the last person the paragraph names as a subject,
    and a surname becomes the full name used earlier in the story ("Putin" -> "Vladimir Putin")."""
    words = speaker.split()
    name = words[-1] if words else ""
    if name.lower() in PRONOUNS:
        subjects = SUBJECT_NAME.findall(before)
        if not subjects:
            return ""
        name = subjects[-1]
    elif not name[:1].isupper():
        return ""
    surname = name.split()[-1]
    story_text = " ".join(value for kind, value in earlier if kind == "paragraph") + " " + before
    full = re.findall(rf"\b([A-Z][a-z’'-]+)\s+{re.escape(surname)}\b", story_text)
    given = [word for word in full if word.lower() not in TITLES and word != surname]
    return f"{given[0]} {surname}" if given and len(name.split()) == 1 else name


FORMAT_CLASS = TextFormat
