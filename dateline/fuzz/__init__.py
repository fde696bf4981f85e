"""Coverage-guided fuzzing (atheris, libFuzzer) of everything that parses untrusted input.

One module per target; each has `SEEDS` (fixture files that start its corpus), `ALLOWED` (the exceptions that are
the parser's clear refusal of bad input) and `test_one_input(data)`, and may set `MAX_LEN` (the largest input
libFuzzer makes for it, unless -max_len says otherwise). Anything else raised is a crash.
`python -m dateline.fuzz.run TARGET [libFuzzer options]` runs one; `make fuzz` runs them all for 1,000,000 inputs.
"""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "ingest" / "tests" / "fixtures"
CORPUS = Path(__file__).resolve().parent / "corpus"  # inputs that once crashed a target, one folder per target

# The packages whose branches guide the fuzzer.
INSTRUMENTED = ["dateline.ingest", "dateline.search.query", "dateline.syndication.ninjs", "dateline.newsroom.embeds"]
INSTRUMENTED += ["dateline.newsroom.html_blocks"]
INSTRUMENTED += ["bs4", "feedparser", "defusedxml", "jsonschema", "html5lib"]
TARGETS = ["sanitiser", "text", "html", "feed", "ninjs", "wxr", "search_query"]


def as_text(data):
    """Bytes from the fuzzer as the text a form or an HTML fragment would bring."""
    return data.decode("utf-8", "replace")
