"""The tools the web judges reader pages with, run locally: axe-core in Chromium, the Nu HTML checker, and a
weight budget. Used by the reader-page tests and by `make audit` (which adds Lighthouse).

The npm packages come from `make node_modules` (package.json, package-lock.json); nothing is downloaded
while a test or an audit runs.
"""

import gzip
import json
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"

# WCAG 2.1 A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# An article page's HTML, CSS and JavaScript together, compressed, excluding images.
WEIGHT_BUDGET_BYTES = 100 * 1024
# The document itself and at most two resources that block rendering.
REQUESTS_BEFORE_FIRST_PAINT = 3


def java():
    return shutil.which("java")


def axe_violations(page):
    """Run axe-core in the page as loaded; returns its violations as short readable lines."""
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern; an inline
    # <script> tag (add_script_tag) is refused by the reader pages' policy, as any injected script should be.
    page.evaluate(AXE_JS.read_text() + "\n;undefined")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    lines = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} ({violation['impact']}) at {node['target']}: {violation['help']}")
    return lines


def html_errors(documents):
    """Validate HTML documents ({name: html}) with the Nu HTML checker; returns its errors as readable lines."""
    folder = Path(settings.VAR_DIR) / "html-check"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = []
    for number, (name, html) in enumerate(documents.items()):
        path = folder / f"{number:02d}.html"
        path.write_text(html, encoding="utf-8")
        paths.append((path, name))
    completed = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *[str(path) for path, _ in paths]],
        capture_output=True,
        text=True,
        timeout=180,
    )
    names = {path.name: name for path, name in paths}
    messages = json.loads(completed.stderr or '{"messages": []}')["messages"]
    return [
        f"{names.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))} line {message.get('lastLine')}: "
        f"{message['message']}"
        for message in messages
        if message.get("type") == "error"
    ]


def page_weight(page):
    """Bytes of HTML, CSS and JavaScript the page loaded, each gzip-compressed as a server would send it, and
    the number of requests made before the first paint (the document and the resources that block rendering)."""
    entries = page.evaluate(
        """() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
            .map(e => ({name: e.name, type: e.initiatorType, blocking: e.renderBlockingStatus}))"""
    )
    total, blocking = 0, 1
    for entry in entries:
        is_text = entry["type"] in ("navigation", "link", "script", "css") or entry["name"].endswith((".css", ".js"))
        if entry["type"] != "navigation" and entry.get("blocking") == "blocking":
            blocking += 1
        if is_text:
            response = page.request.get(entry["name"])
            total += len(gzip.compress(response.body(), compresslevel=6))
    return total, blocking
