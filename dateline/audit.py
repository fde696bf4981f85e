"""Lighthouse scores of the reader pages, mobile and desktop, against the demo newsroom served as production.

    python -m dateline.audit [--port 8790] [--runs 3] [--keep]        (what `make audit` runs)

Builds a demo database of its own under var/audit/ (migrate, load_demo, collectstatic with hashed, compressed
files), serves it with gunicorn under production settings on 127.0.0.1, runs Lighthouse from node_modules
against Debian's Chromium for the home, a section, a topic, an author, an article with a lead image and an
embed, and the search page (its form; result pages are `noindex` by design, so they cannot score 100 for
SEO), prints every score, and exits non-zero unless every one is 100.

Lighthouse's performance score moves from run to run with the machine's load (total blocking time is the main
thread's work times four, on a simulated slow phone), so each page and form factor is audited `--runs` times and
the run with the median performance score is the one reported, as Lighthouse's own documentation advises
(https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md). Every run is printed.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
AUDIT_DIR = BASE_DIR / "var" / "audit"
LIGHTHOUSE = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def production_env(port):
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        SECRET_KEY=env.get("SECRET_KEY", "audit-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz"),
        SITE_URL=f"http://127.0.0.1:{port}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        VAR_DIR=str(AUDIT_DIR),
        DATABASE_URL=f"sqlite:///{AUDIT_DIR / 'audit.sqlite3'}",
        STATIC_MANIFEST="true",
    )
    return env


def manage(env, *args):
    subprocess.run([sys.executable, str(BASE_DIR / "manage.py"), *args], env=env, check=True, cwd=BASE_DIR)


def reader_paths(env):
    """The pages to audit, looked up in the demo database."""
    script = (
        "import json\n"
        "from dateline.newsroom.models import ArticlePage, Author, SectionPage, Topic\n"
        "stories = ArticlePage.objects.live().exclude(lead_image=None).order_by('-published_at')\n"
        "article = next((s for s in stories if any(b.block_type == 'embed' for b in s.body)), stories.first())\n"
        "topic = article.primary_topic or Topic.objects.order_by('name').first()\n"
        "author = Author.objects.order_by('name').first()\n"
        "print(json.dumps({'home': '/', 'section': SectionPage.objects.live().order_by('path').first().url,\n"
        "  'topic': f'/topics/{topic.slug}/', 'author': f'/authors/{author.slug}/',\n"
        "  'article': article.url, 'search': '/search/'}))\n"
    )
    completed = subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), "shell", "-c", script],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=BASE_DIR,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def wait_until_up(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own loopback server)  # nosec B310
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server at {url} did not answer within {seconds} s")


def lighthouse(url, form_factor, output):
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    for attempt in range(3):  # Lighthouse now and then fails to record a trace (NO_NAVSTART): try again
        completed = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=180)
        if completed.returncode == 0:
            break
        print(f"audit: Lighthouse failed on {url} (try {attempt + 1} of 3)", flush=True)
    else:
        raise SystemExit(f"Lighthouse could not audit {url}")
    report = json.loads(Path(output).read_text())
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    failing = [
        f"{audit['id']}: {audit.get('displayValue') or audit['title']}"
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return scores, failing


def median_run(runs):
    """The run whose performance score is the median of the runs (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda run: run[0]["performance"])
    middle = statistics.median_low(range(len(ordered)))
    return ordered[middle]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--keep", action="store_true", help="keep var/audit/ (the demo database) afterwards")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and form factor (median)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"Lighthouse is missing at {LIGHTHOUSE}: run `make audit-tools`")

    AUDIT_DIR.mkdir(parents=True, exist_ok=True)
    env = production_env(args.port)
    print("audit: preparing the demo newsroom under var/audit/", flush=True)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")  # before load_demo, whose cache warming renders pages
    manage(env, "load_demo")
    paths = reader_paths(env)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "dateline.wsgi", "--bind", f"127.0.0.1:{args.port}"]
        + ["--workers", "2"],
        env=env,
        cwd=BASE_DIR,
    )
    results, problems = [], []
    try:
        wait_until_up(base + "/")
        with tempfile.TemporaryDirectory() as folder:
            for name, path in paths.items():
                for form_factor in ("mobile", "desktop"):
                    runs = []
                    for run in range(args.runs):
                        scores, failing = lighthouse(base + path, form_factor, Path(folder) / "report.json")
                        runs.append((scores, failing))
                        shown = " ".join(f"{c} {round(scores[c] * 100)}" for c in CATEGORIES)
                        print(f"audit: Lighthouse {form_factor} {path} run {run + 1}/{args.runs}: {shown}", flush=True)
                    scores, failing = median_run(runs)
                    results.append((name, form_factor, scores))
                    problems += [f"{name} ({form_factor}): {line}" for line in failing]
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"\n{'page':<10} {'form':<8} " + " ".join(f"{c:>15}" for c in CATEGORIES))
    for name, form_factor, scores in results:
        print(f"{name:<10} {form_factor:<8} " + " ".join(f"{round(scores[c] * 100):>15}" for c in CATEGORIES))
    if problems:
        print("\nAudits below full marks:")
        print("\n".join(f"  {line}" for line in problems))
    perfect = all(score == 1 for _, _, scores in results for score in scores.values())
    print("\naudit: every score is 100" if perfect else "\naudit: some scores are below 100")
    return 0 if perfect else 1


if __name__ == "__main__":
    sys.exit(main())
