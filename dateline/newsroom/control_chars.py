"""NUL and the other C0 control characters, stripped wherever text enters the newsroom.

They are invisible, break XML feeds (which may not contain them) and PostgreSQL refuses NUL in text, so importers,
every form posted to the site (ControlCharactersMiddleware) and the search query all remove them; tab, LF and CR
are kept.
"""

import json
import re
from dataclasses import fields, is_dataclass

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_CHARS_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_chars(text):
    """Text (str or bytes) without NUL and the C0 control characters other than tab, LF and CR."""
    if isinstance(text, bytes):
        return CONTROL_CHARS_BYTES.sub(b"", text)
    return CONTROL_CHARS.sub("", text) if text else text


def strip_control_chars_deep(value):
    """The same value with every string inside it (lists, tuples, dicts, dataclasses) cleaned; bytes are kept:
    they are pictures."""
    if isinstance(value, str):
        return strip_control_chars(value)
    if isinstance(value, list):
        return [strip_control_chars_deep(item) for item in value]
    if isinstance(value, tuple):
        return tuple(strip_control_chars_deep(item) for item in value)
    if isinstance(value, dict):
        return {key: strip_control_chars_deep(item) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            setattr(value, field.name, strip_control_chars_deep(getattr(value, field.name)))
    return value


def strip_control_chars_from_field(value):
    """A posted value without control characters, including those a JSON value carries as escapes ("\\u0000",
    "\\b"): the rich-text editor and StreamField post their content as JSON."""
    value = strip_control_chars(value)
    if value[:1] in ("{", "[") and "\\" in value:
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        cleaned = strip_control_chars_deep(parsed)
        if cleaned != parsed:
            return json.dumps(cleaned, ensure_ascii=False, separators=(",", ":"))
    return value


class ControlCharactersMiddleware:
    """Every form posted to the site arrives without control characters, whichever form or field it is: stories,
    sections, topics, authors, images, snippets, settings, users; so do query parameters (API filters, search)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.POST:
            cleaned = request.POST.copy()
            for key, values in request.POST.lists():
                cleaned.setlist(key, [strip_control_chars_from_field(value) for value in values])
            cleaned._mutable = False
            request.POST = cleaned
        if request.GET and any(
            strip_control_chars(value) != value for _, values in request.GET.lists() for value in values
        ):
            cleaned = request.GET.copy()
            for key, values in request.GET.lists():
                cleaned.setlist(key, [strip_control_chars(value) for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
