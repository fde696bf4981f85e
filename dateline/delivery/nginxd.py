"""Running nginx in front of the app server with the shipped configuration (deploy/nginx/dateline.conf).

`python -m dateline.delivery.nginxd --listen 127.0.0.1:8000 --backend 127.0.0.1:8001 --cache-dir var/front-cache`
runs nginx in the foreground (what `make serve FRONT_CACHE=nginx` does); `Nginx(...)` starts and stops one from
Python (tests and the benchmark). The application purges the same cache folder (NGINX_CACHE_DIR).
"""

import argparse
import os
import pwd
import shutil
from pathlib import Path

from dateline.delivery.front_process import FrontCacheProcess, foreground_options, run_in_foreground, split_address

CONF_PATH = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "dateline.conf"
TEMP_FOLDERS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
# Started as root, nginx's workers run as this user (they write the cache); otherwise as whoever starts nginx.
WORKER_USER = "www-data"


def worker_user():
    """The user nginx's workers run as when started as root, or None when nginx runs as its caller."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(WORKER_USER)
    except KeyError:
        return pwd.getpwnam("nobody")


def config_for(listen, backend, workdir, cache_dir, max_size="1g", max_body="25m"):
    """The shipped configuration with its addresses and folders filled in."""
    split_address(listen, "listen")
    split_address(backend, "backend")
    user = worker_user()
    values = {
        "@LISTEN@": listen,
        "@BACKEND@": backend,
        "@WORKDIR@": str(workdir),
        "@CACHE_DIR@": str(cache_dir),
        "@MAX_SIZE@": max_size,
        "@MAX_BODY@": max_body,
        "@USER@": f"user {user.pw_name};" if user else "",
    }
    text = CONF_PATH.read_text()
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def prepare(listen, backend, workdir, cache_dir, **options):
    """Write the configuration into `workdir` and make the folders nginx's workers write to; returns the command."""
    workdir, cache_dir = Path(workdir).resolve(), Path(cache_dir).resolve()
    user = worker_user()
    for folder in (workdir, cache_dir, cache_dir / "pages", *(workdir / name for name in TEMP_FOLDERS)):
        folder.mkdir(parents=True, exist_ok=True)
        if user is not None and folder != workdir:
            os.chown(folder, user.pw_uid, user.pw_gid)
    conf = workdir / "nginx.conf"
    conf.write_text(config_for(listen, backend, workdir, cache_dir, **options))
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    return [binary, "-p", str(workdir), "-c", str(conf), "-e", "stderr"]


class Nginx(FrontCacheProcess):
    """An nginx front cache of our own, in a temporary folder, for as long as the `with` block lasts; its cache
    in `cache_dir` (by default a folder of the work folder)."""

    name = "nginx"

    def __init__(self, listen, backend, cache_dir=None, startup_seconds=20):
        super().__init__(listen, backend, startup_seconds)
        self.cache_dir = Path(cache_dir) if cache_dir else None

    def command(self):
        self.cache_dir = self.cache_dir or Path(self.workdir) / "cache"
        return prepare(self.listen, self.backend, self.workdir, self.cache_dir)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run nginx as a page cache in front of Dateline's app server.")
    parser.add_argument("--cache-dir", required=True, help="the cache folder, the application's NGINX_CACHE_DIR")
    parser.add_argument("--max-size", default=os.environ.get("NGINX_CACHE_MAX_SIZE", "1g"))
    parser.add_argument("--workdir", default=os.environ.get("NGINX_WORKDIR"))
    options, workdir = foreground_options(parser, argv, "nginx", "nginx", "nginx-light")
    args = prepare(options.listen, options.backend, workdir, options.cache_dir, max_size=options.max_size)
    run_in_foreground(args)


if __name__ == "__main__":
    main()
