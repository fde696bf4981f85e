"""Running nginx in front of the app server with the shipped configuration (deploy/nginx/dateline.conf).

`python -m dateline.delivery.nginxd --listen 127.0.0.1:8000 --backend 127.0.0.1:8001 --cache-dir var/front-cache`
runs nginx in the foreground (what `make serve FRONT_CACHE=nginx` does); `Nginx(...)` starts and stops one from
Python (tests and the benchmark). The application purges the same cache folder (NGINX_CACHE_DIR).
"""

import argparse
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from dateline.delivery.varnishd import is_listening, split_address

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


class Nginx:
    """An nginx front cache of our own, in a temporary folder, for as long as the `with` block lasts."""

    def __init__(self, listen, backend, cache_dir=None, startup_seconds=20):
        self.listen = listen
        self.backend = backend
        self.host, self.port = split_address(listen, "listen")
        self.url = f"http://{self.host}:{self.port}"
        self.startup_seconds = startup_seconds
        self.workdir = tempfile.mkdtemp(prefix="dateline-front-nginx-")
        os.chmod(self.workdir, 0o755)  # noqa: S103 (nginx's unprivileged workers go through it)  # nosec B103
        self.cache_dir = Path(cache_dir or Path(self.workdir) / "cache")
        self.process = None

    def start(self):
        args = prepare(self.listen, self.backend, self.workdir, self.cache_dir)
        self.log = open(Path(self.workdir) / "nginx.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)  # noqa: S603
        deadline = time.monotonic() + self.startup_seconds
        while not is_listening(self.host, self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.read_log()
                self.stop()
                raise RuntimeError(f"nginx did not start on {self.listen}: {log}")
            time.sleep(0.05)
        return self

    def read_log(self):
        try:
            return (Path(self.workdir) / "nginx.log").read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "log", None):
            self.log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)

    __enter__ = start

    def __exit__(self, *exc_info):
        self.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run nginx as a page cache in front of Dateline's app server.")
    parser.add_argument("--listen", required=True, help="HOST:PORT for readers")
    parser.add_argument("--backend", required=True, help="HOST:PORT of the app server")
    parser.add_argument("--cache-dir", required=True, help="the cache folder, the application's NGINX_CACHE_DIR")
    parser.add_argument("--max-size", default=os.environ.get("NGINX_CACHE_MAX_SIZE", "1g"))
    parser.add_argument("--workdir", default=os.environ.get("NGINX_WORKDIR"))
    options = parser.parse_args(argv)
    try:
        split_address(options.listen, "--listen")
        split_address(options.backend, "--backend")
    except ValueError as error:
        parser.error(str(error))
    if not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"):
        parser.error("nginx is not installed (Debian: apt-get install nginx-light)")
    workdir = options.workdir or tempfile.mkdtemp(prefix="dateline-front-nginx-")
    os.chmod(workdir, 0o755)  # noqa: S103 (as above)  # nosec B103
    args = prepare(options.listen, options.backend, workdir, options.cache_dir, max_size=options.max_size)
    os.execv(args[0], args)  # noqa: S606 (nginx replaces this process: signals reach it directly)


if __name__ == "__main__":
    main()
