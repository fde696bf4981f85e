"""Page delivery benchmark: `make bench-delivery` (see docs/performance.md, "Delivery").

For each archive size it copies the PostgreSQL archive `dateline_bench_<size>` (made by `generate_stories`) with
CREATE DATABASE … TEMPLATE, starts `make serve FRONT_CACHE=nginx` on 127.0.0.1 (granian with production
settings and the page cache on Redis, its task worker, the nginx front cache) and Varnish with the shipped VCL in
front of the same app server (the application purges both), starts nginx on its own loopback port serving the
very same bytes from files with the same response headers as the application's, and measures with `wrk -t2 -c32`
(keep-alive connections everywhere) an article, the home page, a section and a topic page:

* nginx            the page's bytes from a file (the reference: every other figure is also given as its ratio)
* front hit        through the nginx front cache
* varnish hit      through Varnish
* app-cache hit    straight to the app server, answered from the application's page cache (Redis)
* miss             straight to the app server, every request with its own query string (a wrk Lua script), so
                   every one is a cache miss: routed, rendered, tagged and stored

Hit measurements alternate between nginx, the front caches and the application over several rounds; the median
round is reported, and each one's share of nginx is the median of its rounds' ratios to the nginx run just before
it (the machine is shared and noisy: compare ratios). Then: queries per page on a miss, renders
when 200 clients ask at once for a just-invalidated article (through each front cache, and straight to the app
server; counted server-side by the page cache's build counter in Redis), and the time from publishing a story
until it is on the home page through each front cache: published as the newsroom does, its background work
queued for the task worker that `make serve` runs.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from dateline.delivery.varnishd import Varnish

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/11"
MISS_SCRIPT = """
local n = 0
function setup(thread)
  thread:set("id", n)
  n = n + 1
end
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "?miss=" .. id .. "-" .. counter)
end
"""
NGINX_CONF = """
worker_processes auto;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path {dir}/tmp;
  proxy_temp_path {dir}/tmp;
  fastcgi_temp_path {dir}/tmp;
  uwsgi_temp_path {dir}/tmp;
  scgi_temp_path {dir}/tmp;
  server {{
    listen 127.0.0.1:{port};
    root {dir}/html;
    default_type "text/html; charset=utf-8";
{locations}
  }}
}}
"""
# Headers every server sets for itself (or that describe the connection): nginx sends its own.
SERVER_HEADERS = {
    "date", "server", "content-length", "content-type", "connection", "keep-alive", "transfer-encoding",
    "accept-ranges", "etag", "last-modified", "age", "x-varnish", "via",
}  # fmt: skip


def free_port(pair=False):
    """A free loopback port (and the next one free too, with pair: make serve puts the app server there)."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if not pair or port >= 65535:
            return port
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port


def wait_for(url, seconds=180, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited while starting ({url})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own loopback server)  # nosec B310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (our own loopback server)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (our own server)  # nosec B310
        return response.status, dict(response.headers), response.read()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_latency(text, percentile):
    match = re.search(rf"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    return float(match.group(1)) * UNITS[match.group(2)] if match else None


def wrk(url, seconds, script=None, connections=32, threads=2):
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        args += ["-s", script]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50": parse_latency(out, 50),
        "p99": parse_latency(out, 99),
        "non2xx": int(errors.group(1)) if errors else 0,
    }


def median_run(runs):
    ordered = sorted(runs, key=lambda run: run["rps"])
    return ordered[len(ordered) // 2]


def nginx_location(name, headers):
    """A location answering /<name>.html with the application's own response headers too (the same header bytes
    to send), each header nginx can repeat verbatim."""
    lines = []
    for header, value in (headers or {}).items():
        if header.lower() in SERVER_HEADERS or any(c in value for c in '"\\$') or "\n" in value:
            continue
        lines.append(f'      add_header {header} "{value}" always;')
    return f"    location = /{name}.html {{\n" + "\n".join(lines) + "\n    }"


class Nginx:
    def __init__(self, pages, headers=None):
        self.dir = Path(tempfile.mkdtemp(prefix="dateline-nginx-"))
        self.port = free_port()
        (self.dir / "html").mkdir()
        (self.dir / "tmp").mkdir()
        for name, content in pages.items():
            (self.dir / "html" / f"{name}.html").write_bytes(content)
        locations = "\n".join(nginx_location(name, (headers or {}).get(name)) for name in pages)
        (self.dir / "nginx.conf").write_text(NGINX_CONF.format(dir=self.dir, port=self.port, locations=locations))
        for path in (self.dir, self.dir / "html", *(self.dir / "html").iterdir()):
            path.chmod(0o755)  # noqa: S103 (nginx's workers run as an unprivileged user)
        self.process = subprocess.Popen(  # noqa: S603
            [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(self.dir / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.url(next(iter(pages))), seconds=20, process=self.process)

    def url(self, name):
        return f"http://127.0.0.1:{self.port}/{name}.html"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


def choose_pages():
    """The article (the newest story), the home page, the article's section and its busiest topic."""
    from django.db.models import Count

    from dateline.newsroom.models import ArticlePage, Topic, visible_stories

    story = visible_stories().select_related("section").order_by("-published_at").first()
    topic = Topic.objects.annotate(n=Count("story_links")).order_by("-n").first()
    pages = {"article": story.url, "home": "/", "section": story.section.url, "topic": f"/topics/{topic.slug}/"}
    return pages, ArticlePage.objects.get(pk=story.pk), topic


def queries_per_miss(paths, host):
    """Queries of a page-cache miss, as the app server builds one (a query string of its own: never cached)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    client = Client(HTTP_HOST=host)
    for name, path in paths.items():
        client.get(f"{path}?queries-warm-{time.time_ns()}")  # what a process keeps: templates, the site
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{path}?queries-{time.time_ns()}")
        assert response.status_code == 200 and response["X-Cache"] == "MISS", (path, response.status_code)
        counts[name] = len(queries)
    return counts


def builds():
    from dateline.delivery import store

    return store.builds()


def settle(quiet_seconds=2.0, longest=120):
    """Wait until the app server has rendered nothing for `quiet_seconds` (its queue has drained)."""
    deadline = time.monotonic() + longest
    last, quiet_since = builds(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = builds()
        if now != last:
            last, quiet_since = now, time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_seconds:
            return


def simultaneous(url, clients=200):
    """`clients` threads, each with its own connection, send their GET at the same instant."""
    barrier = threading.Barrier(clients)
    statuses = []

    def one():
        import http.client
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        connection.connect()
        barrier.wait()
        connection.request("GET", parts.path)
        response = connection.getresponse()
        response.read()
        statuses.append(response.status)
        connection.close()

    threads = [threading.Thread(target=one) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def renders_for_simultaneous(story, url):
    from dateline.delivery.invalidation import purge

    fetch(url)  # cached everywhere first
    fetch(url)
    settle()
    before = builds()
    purge({f"story:{story.pk}"})  # the application's cache and the front caches, as a change to the story does
    statuses = simultaneous(url)
    return builds() - before, statuses


def publish_to_visible(front, section_slug, topic_name):
    """Seconds from the start of a publication until the home page through this front cache shows the new story."""
    from django.utils import timezone

    from dateline.newsroom.story import Story, page_from_story, paragraph_html

    headline = f"Benchmark breaking story {os.getpid()}-{time.time_ns()}"
    fetch(front + "/")  # the home page is cached in the front cache
    seen = {}
    start = threading.Event()

    def poll():
        start.wait()
        while time.monotonic() - seen["t0"] < 30:
            if headline.encode() in fetch(front + "/")[2]:
                seen["visible"] = time.monotonic()
                return
            time.sleep(0.005)

    watcher = threading.Thread(target=poll)
    watcher.start()
    seen["t0"] = time.monotonic()
    start.set()
    page_from_story(
        Story(
            headline=headline,
            standfirst="Published by the delivery benchmark.",
            body=[("paragraph", paragraph_html("Body."))],
            section=section_slug,
            topics=[topic_name],
            published_at=timezone.now(),
            source="bench",
            source_id=headline,
        ),
        publish=True,
    )
    seen["returned"] = time.monotonic()
    watcher.join()
    return {
        "visible_s": seen["visible"] - seen["t0"] if "visible" in seen else None,
        "publish_call_s": seen["returned"] - seen["t0"],
    }


def measure_size(size, seconds, rounds):
    """In a process of its own, with the environment set for this archive (see `run_size`)."""
    import django

    django.setup()
    front = os.environ["BENCH_FRONT"]
    varnish = os.environ["BENCH_VARNISH"]
    app = os.environ["BENCH_APP"]
    host = front.split("://", 1)[1]
    paths, story, topic = choose_pages()
    pages, headers = {}, {}
    for name, path in paths.items():
        status, _headers, content = fetch(front + path)
        assert status == 200, (path, status)
        pages[name] = fetch(front + path)[2]
        headers[name] = fetch(app + path)[1]
    nginx = Nginx(pages, headers)
    miss_script = Path(tempfile.mkstemp(suffix=".lua")[1])
    miss_script.write_text(MISS_SCRIPT)
    results = {"size": size, "paths": paths, "bytes": {name: len(content) for name, content in pages.items()}}
    try:
        table = {}
        for name, path in paths.items():
            fetch(app + path)  # stored in the application's cache
            fetch(varnish + path)
            runs = {"nginx": [], "front": [], "varnish": [], "app": []}
            for _ in range(rounds):
                runs["nginx"].append(wrk(nginx.url(name), seconds))
                runs["front"].append(wrk(front + path, seconds))
                runs["varnish"].append(wrk(varnish + path, seconds))
                runs["app"].append(wrk(app + path, seconds))
            row = {mode: median_run(mode_runs) for mode, mode_runs in runs.items()}
            # Each round's ratio to the nginx run just before it, then the median: a slow drift of the machine
            # moves both sides of a round alike.
            row["ratios"] = {
                mode: statistics.median(
                    run["rps"] / ref["rps"] for run, ref in zip(runs[mode], runs["nginx"], strict=True)
                )
                for mode in ("front", "varnish", "app")
            }
            row["miss"] = wrk(app + path, seconds, script=str(miss_script))
            settle()  # requests wrk left queued at the app server are still being rendered
            table[name] = row
            print(f"  {size}: {name} done", file=sys.stderr, flush=True)
        results["table"] = table
        results["queries"] = queries_per_miss(paths, host)
        results["simultaneous"] = {}
        for where, base in (("nginx front cache", front), ("Varnish", varnish), ("app", app)):
            renders, statuses = renders_for_simultaneous(story, base + paths["article"])
            results["simultaneous"][where] = {"renders": renders, "ok": statuses.count(200), "clients": len(statuses)}
        results["publish"] = {
            where: [publish_to_visible(base, story.section.slug, topic.name) for _ in range(3)]
            for where, base in (("the nginx front cache", front), ("Varnish", varnish))
        }
    finally:
        nginx.stop()
        miss_script.unlink()
    print(json.dumps(results))


def psql(pg, sql):
    return subprocess.run(["psql", f"{pg}/postgres", "-qAtc", sql], capture_output=True, text=True)  # noqa: S603,S607


def copy_archive(pg, size):
    name = f"dateline_delivery_bench_{size}"
    psql(pg, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    for _attempt in range(60):  # fails while someone is connected to the template
        done = psql(pg, f"CREATE DATABASE {name} TEMPLATE dateline_bench_{size}")
        if done.returncode == 0:
            return name
        if "does not exist" in done.stderr:
            raise SystemExit(f"bench-delivery: no archive dateline_bench_{size} on {pg} (manage.py generate_stories)")
        time.sleep(5)
    raise SystemExit(f"bench-delivery: could not copy dateline_bench_{size}: {done.stderr.strip()}")


def clear_redis(prefix):
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])


def server_env(database_url, prefix, **extra):
    """The production-like environment of a benchmarked server: page cache on Redis under its own key prefix."""
    env = {
        **os.environ,
        "DEBUG": "false",
        "PAGE_CACHE": "true",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "ERROR",
        **extra,
    }
    env.setdefault("SECRET_KEY", "bench-only-not-a-secret-0123456789abcdefghijklmnop")
    return env


def run_size(size, pg, seconds, rounds, workers):
    database = copy_archive(pg, size)
    port = free_port(pair=True)
    varnish = Varnish(f"127.0.0.1:{free_port()}", f"127.0.0.1:{port + 1}")
    cache_dir = tempfile.mkdtemp(prefix="dateline-bench-front-cache-")
    prefix = f"delivery-bench-{size}-{os.getpid()}"
    env = server_env(
        f"{pg}/{database}",
        prefix,
        SITE_URL=f"http://127.0.0.1:{port}",
        VARNISH_URL=varnish.url + "/",
        NGINX_CACHE_DIR=cache_dir,
    )
    make_args = ["make", "-s", "serve", "FRONT_CACHE=nginx", "HOST=127.0.0.1", f"PORT={port}", f"APP_PORT={port + 1}"]
    if workers:
        make_args.append(f"WORKERS={workers}")
    log = open(ROOT / "var" / f"bench-delivery-{size}.log", "wb")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(  # noqa: S603 (our own command line)
        make_args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", process=server)
        wait_for(f"http://127.0.0.1:{port + 1}/", process=server)
        varnish.start()
        env["BENCH_FRONT"] = f"http://127.0.0.1:{port}"
        env["BENCH_VARNISH"] = varnish.url
        env["BENCH_APP"] = f"http://127.0.0.1:{port + 1}"
        env["DJANGO_SETTINGS_MODULE"] = "dateline.settings"
        env["STATIC_MANIFEST"] = "true"
        env["TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"  # as the newsroom publishes: make serve's worker
        out = subprocess.run(  # noqa: S603
            [
                sys.executable,
                "-m",
                "dateline.delivery.bench",
                "--measure",
                str(size),
                "--seconds",
                str(seconds),
                "--rounds",
                str(rounds),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        sys.stderr.write(out.stderr[-4000:] if out.returncode else "")
        if out.returncode:
            raise SystemExit(f"bench-delivery: measuring {size} failed")
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        varnish.stop()
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
        clear_redis(prefix)
        shutil.rmtree(cache_dir, ignore_errors=True)
        psql(pg, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


MODE_LABELS = {
    "front": "nginx front-cache hit",
    "varnish": "Varnish hit",
    "app": "app-cache hit",
    "miss": "miss (render)",
}


def fmt_ms(value):
    return "–" if value is None else f"{value:.2f}"


def report(all_results):
    print(f"\nDelivery benchmark, wrk -t2 -c32; load average before: {os.getloadavg()[0]:.2f}; {time.ctime()}\n")
    for results in all_results:
        size = results["size"]
        print(f"### {size:,} stories (PostgreSQL)\n")
        print("| page | bytes | mode | req/s | p50 ms | p99 ms | of nginx |")
        print("|---|---:|---|---:|---:|---:|---:|")
        for name, row in results["table"].items():
            reference = row["nginx"]["rps"]
            for mode in ("nginx", "front", "varnish", "app", "miss"):
                run = row[mode]
                ratio = row["ratios"].get(mode, run["rps"] / reference)
                share = f"{ratio:.0%}" if ratio >= 0.01 else f"1/{1 / ratio:.0f}"
                bad = f" ({run['non2xx']} non-2xx)" if run["non2xx"] else ""
                label = MODE_LABELS.get(mode, mode)
                print(
                    f"| {name} | {results['bytes'][name]:,} | {label}{bad} | {run['rps']:,.0f} | "
                    f"{fmt_ms(run['p50'])} | {fmt_ms(run['p99'])} | {share} |"
                )
        print()
        print("Queries per page on a miss:", ", ".join(f"{k} {v}" for k, v in results["queries"].items()))
        for where, outcome in results["simultaneous"].items():
            print(
                f"200 simultaneous requests for the just-invalidated article ({where}): "
                f"{outcome['renders']} render(s), {outcome['ok']}/{outcome['clients']} answered 200"
            )
        for where, runs in results["publish"].items():
            visible = [run["visible_s"] for run in runs]
            calls = [run["publish_call_s"] for run in runs]
            print(
                f"Publish → on the home page through {where}: "
                + ", ".join("never" if v is None else f"{v * 1000:.0f} ms" for v in visible)
                + f" (the publishing call itself: {', '.join(f'{c * 1000:.0f} ms' for c in calls)})"
            )
        print()
    if len(all_results) > 1:
        first, last = all_results[0], all_results[-1]
        print(f"Misses at {last['size']:,} against {first['size']:,} stories (req/s, ratio):")
        for name in first["table"]:
            a, b = first["table"][name]["miss"]["rps"], last["table"][name]["miss"]["rps"]
            print(f"  {name}: {a:,.0f} → {b:,.0f} ({b / a:.2f}×)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10000, 100000])
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--seconds", type=int, default=4, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of hit measurements")
    parser.add_argument("--workers", type=int, default=0, help="app server workers (default: make serve's)")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.measure:
        return measure_size(options.measure, options.seconds, options.rounds)
    for tool in ("wrk", "nginx", "varnishd", "psql"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            parser.error(
                f"{tool} is not installed (Debian: wrk, nginx-light, varnish varnish-modules, postgresql-client)"
            )
    (ROOT / "var").mkdir(exist_ok=True)
    print(f"uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")  # noqa: S607
    all_results = [
        run_size(size, options.pg, options.seconds, options.rounds, options.workers) for size in options.sizes
    ]
    report(all_results)
    print(f"uptime: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")  # noqa: S607


if __name__ == "__main__":
    main()
