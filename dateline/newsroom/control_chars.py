"""NUL and the other C0 control characters, stripped wherever text enters the newsroom.

They are invisible, break XML feeds (which may not contain them) and PostgreSQL refuses NUL in text, so importers,
the admin's forms and the search query all remove them; tab, LF and CR are kept.
"""

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
