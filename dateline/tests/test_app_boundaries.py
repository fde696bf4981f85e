"""The newsroom depends on none of the capabilities built on it: they listen to its signals and hooks."""

import ast
from pathlib import Path

NEWSROOM = Path(__file__).resolve().parents[1] / "newsroom"
CAPABILITIES = {"ingest", "enrich", "syndication", "delivery", "search"}


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_the_newsroom_imports_no_capability():
    found = []
    for path in sorted(NEWSROOM.rglob("*.py")):
        if "tests" in path.relative_to(NEWSROOM).parts:
            continue
        for module in imported_modules(path):
            parts = module.split(".")
            if parts[0] == "dateline" and len(parts) > 1 and parts[1] in CAPABILITIES:
                found.append(f"{path.relative_to(NEWSROOM.parent)} imports {module}")
    assert found == []
    assert len(list(NEWSROOM.rglob("*.py"))) > 20  # the walk saw the package
