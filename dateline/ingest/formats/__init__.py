"""Import formats: one module per format, each a subclass of `formats.base.Format`."""

from importlib import import_module

FORMAT_MODULES = {
    "text": "dateline.ingest.formats.text",
    "html": "dateline.ingest.formats.html",
    "ninjs": "dateline.ingest.formats.ninjs",
    "feed": "dateline.ingest.formats.feed",
    "wxr": "dateline.ingest.formats.wxr",
}


def get_format(name, **options):
    """An instance of the format called `name`, configured by the command's options."""
    try:
        module = import_module(FORMAT_MODULES[name])
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose one of {', '.join(FORMAT_MODULES)}") from None
    return module.FORMAT_CLASS(**options)
