"""ninjs (IPTC News in JSON) files: one item, a list of items, an object with "items", or JSON lines.

Every item is checked against the official schema of its ninjs version before it is mapped, so an item that
fails is reported with the schema's own path and message and never half-imported. The mapping itself lives in
`dateline.syndication.ninjs`, shared with the export and the API.
"""

import json

from dateline.ingest.formats.base import IMPORT_FAILURES, Format, ImportFailure, Item
from dateline.syndication.ninjs import NinjsError, story_from_ninjs, validate_ninjs

SOURCE = "ninjs"


class NinjsFormat(Format):
    name = "ninjs"
    suffixes = (".json", ".jsonl")

    def items(self, source):
        yield from self.items_from_bytes(self.read_bytes(source), source)

    def items_from_bytes(self, data, source):
        for number, entry in enumerate(self.entries(data, source), start=1):
            yield self.item(source, number, entry)

    def item(self, source, number, entry):
        ref = f"item {number}"
        if isinstance(entry, dict) and isinstance(entry.get("uri"), str):
            ref = f"item {number} ({entry['uri']})"
        try:
            version = validate_ninjs(entry)
            story = story_from_ninjs(entry, source=SOURCE, version=version, load_image=self.options.get("load_image"))
        except (NinjsError, *IMPORT_FAILURES) as exc:
            return Item(source=source, ref=ref, error=str(exc))
        return Item(source=source, ref=ref, story=story)

    def entries(self, data, source):
        """The items a file holds, in order; raises ImportFailure for a file that is not JSON at all."""
        try:
            text = data.decode("utf-8-sig")  # JSON is UTF-8; a byte order mark is tolerated
        except UnicodeDecodeError as exc:
            raise ImportFailure(f"{source} is not UTF-8 text (byte {exc.start}): JSON must be UTF-8") from None
        if source.lower().endswith(".jsonl"):
            return [parse(line, source, number) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
        data = parse(text, source)
        if isinstance(data, dict) and "uri" not in data and isinstance(data.get("items"), list):
            return data["items"]
        return data if isinstance(data, list) else [data]


def parse(text, source, line_number=None):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = line_number or exc.lineno
        raise ImportFailure(f"{source}: invalid JSON at line {line}, column {exc.colno}: {exc.msg}") from None


FORMAT_CLASS = NinjsFormat
