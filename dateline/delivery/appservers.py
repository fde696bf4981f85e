"""Which app server `make serve` runs: each candidate on a copy of one archive, measured alike.

    python -m dateline.delivery.appservers --size 10000

For each candidate (gunicorn sync and gthread, granian's WSGI server with several worker counts) on a copy of
`dateline_bench_<size>` with production settings and the page cache on Redis: app-cache hits of the home page
and of the article (wrk -t2 -c32), and misses of the article (every request its own query string), all straight
to the app server, after nginx serving the same bytes as the yardstick. Run it under `flock /tmp/bench.lock`.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline.delivery.bench import (
    MISS_SCRIPT,
    ROOT,
    Nginx,
    clear_redis,
    copy_archive,
    fetch,
    free_port,
    psql,
    server_env,
    wait_for,
    wrk,
)

BIN = Path(sys.executable).parent


def candidates(cores):
    app = "dateline.wsgi"
    return {
        f"gunicorn sync ×{2 * cores + 1}": [BIN / "gunicorn", app, "--workers", str(2 * cores + 1)],
        f"gunicorn gthread {cores}×8": [
            *(BIN / "gunicorn", app, "--workers", str(cores)),
            *("--worker-class", "gthread", "--threads", "8"),
        ],
        f"granian ×{cores}, its default threads": [
            *(BIN / "granian", "--interface", "wsgi", f"{app}:application", "--workers", str(cores)),
            *("--no-ws", "--log-level", "error"),
        ],
        **{
            f"granian ×{workers}, {threads} threads": [
                *(BIN / "granian", "--interface", "wsgi", f"{app}:application", "--workers", str(workers)),
                *("--blocking-threads", str(threads), "--no-ws", "--log-level", "error"),
            ]
            for workers, threads in ((cores, 4), (cores, 16), (2 * cores, 16))
        },
    }


def bind_args(name, port):
    if name.startswith("gunicorn"):
        return ["--bind", f"127.0.0.1:{port}"]
    return ["--host", "127.0.0.1", "--port", str(port)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--seconds", type=int, default=4)
    options = parser.parse_args(argv)
    database = copy_archive(options.pg, options.size)
    prefix = f"delivery-appservers-{os.getpid()}"
    env = server_env(
        f"{options.pg}/{database}",
        prefix,
        STATIC_MANIFEST="true",
        TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
        DJANGO_SETTINGS_MODULE="dateline.settings",
    )
    collect = [BIN / "python", "manage.py", "collectstatic", "--no-input", "-v0"]
    subprocess.run(collect, cwd=ROOT, env=env, check=True)  # noqa: S603 (our own command line)
    miss_script = Path(tempfile.mkstemp(suffix=".lua")[1])
    miss_script.write_text(MISS_SCRIPT)
    print(f"app servers on {options.size:,} stories; {os.cpu_count()} cores; load {os.getloadavg()[0]:.2f}")
    print("| server | home hit req/s | p99 ms | article hit req/s | p99 ms | article miss req/s | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    nginx = None
    try:
        for name, args in candidates(os.cpu_count() or 1).items():
            port = free_port()
            env["SITE_URL"] = f"http://127.0.0.1:{port}"
            server = subprocess.Popen(  # noqa: S603 (our own command line)
                [*map(str, args), *bind_args(name, port)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            try:
                base = f"http://127.0.0.1:{port}"
                wait_for(base + "/", process=server)
                if nginx is None:
                    os.environ.update(env)
                    import django

                    django.setup()
                    from dateline.delivery.bench import choose_pages

                    paths = choose_pages()[0]
                    nginx = Nginx({page: fetch(base + paths[page])[2] for page in ("home", "article")})
                    reference = {page: wrk(nginx.url(page), options.seconds) for page in ("home", "article")}
                    print(
                        f"| nginx (same bytes) | {reference['home']['rps']:,.0f} | {reference['home']['p99']:.2f} | "
                        f"{reference['article']['rps']:,.0f} | {reference['article']['p99']:.2f} | | |"
                    )
                for page in ("home", "article"):
                    fetch(base + paths[page])
                    fetch(base + paths[page])
                home = wrk(base + paths["home"], options.seconds)
                article = wrk(base + paths["article"], options.seconds)
                miss = wrk(base + paths["article"], options.seconds, script=str(miss_script))
                print(
                    f"| {name} | {home['rps']:,.0f} | {home['p99']:.2f} | {article['rps']:,.0f} | "
                    f"{article['p99']:.2f} | {miss['rps']:,.0f} | {miss['p99']:.2f} |",
                    flush=True,
                )
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                try:
                    server.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(server.pid, signal.SIGKILL)
                time.sleep(1)
    finally:
        if nginx is not None:
            nginx.stop()
        miss_script.unlink()
        clear_redis(prefix)
        psql(options.pg, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


if __name__ == "__main__":
    main()
