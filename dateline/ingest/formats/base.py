"""The small contract every import format follows.

A format turns one source (a file path or an http(s) URL) into items. Each item is an `Item`: where it came from
(for error messages) and either a `Story` or the reason it could not be read. A format never writes to the
database; `dateline.ingest.writer` does, one story per transaction.
"""

from dataclasses import dataclass
from pathlib import Path

from dateline.newsroom.control_chars import strip_control_chars, strip_control_chars_deep
from dateline.newsroom.html_blocks import UnreadableHTML
from dateline.newsroom.story import Story

# Inputs larger than this are refused before parsing.
MAX_SOURCE_BYTES = 5 * 1024 * 1024


def strip_xml_control_chars(data):
    """XML bytes without the control characters XML 1.0 forbids (feeds pasted from word processors carry them),
    unless the document is UTF-16, where NUL bytes are half of every character."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:2] in (b"<\x00", b"\x00<"):
        return data
    return strip_control_chars(data)


class ImportFailure(Exception):
    """A source or an item that cannot be imported; the message says what and where."""


# What reading a source or an item may raise that means "this cannot be imported" (and nothing else).
IMPORT_FAILURES = (ImportFailure, UnreadableHTML)


@dataclass
class Item:
    source: str  # the file or URL
    ref: str  # which item in the source: "item 3", "guid …", the whole file: ""
    story: Story | None = None
    error: str = ""

    def __post_init__(self):
        # Every format's stories pass here: the one place their text loses NUL and other control characters.
        self.story = strip_control_chars_deep(self.story)
        self.ref, self.error = strip_control_chars_deep(self.ref), strip_control_chars_deep(self.error)

    @property
    def label(self):
        return f"{self.source}{' ' + self.ref if self.ref else ''}"


class Format:
    """Base class of import formats. Subclasses set `name` and implement `items(source)`."""

    name = ""
    #: file name suffixes a folder source is scanned for
    suffixes = ()
    #: whether http(s) sources are fetched (through dateline.ingest.fetch)
    fetches_urls = True

    def __init__(self, *, allow_private=False, section="", **options):
        self.allow_private = allow_private
        self.section = section
        self.options = options

    def items(self, source):
        """Yield `Item`s for one source (a file path or URL)."""
        raise NotImplementedError

    def read_bytes(self, source):
        """The raw bytes of a file or URL, refusing anything over MAX_SOURCE_BYTES."""
        if source.startswith(("http://", "https://")):
            from dateline.ingest.fetch import fetch

            return fetch(source, allow_private=self.allow_private, max_bytes=MAX_SOURCE_BYTES).content
        path = Path(source)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise ImportFailure(f"cannot read {source}: {exc.strerror}") from None
        if size > MAX_SOURCE_BYTES:
            raise ImportFailure(f"{source} is {size:,} bytes; the limit is {MAX_SOURCE_BYTES:,}")
        return path.read_bytes()

    def expand(self, sources):
        """Files and URLs to read: folders become the files in them that have one of `suffixes`."""
        for source in sources:
            path = Path(source)
            if path.is_dir():
                yield from sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in self.suffixes)
            else:
                yield source
