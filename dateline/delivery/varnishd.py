"""Running Varnish in front of the app server with the shipped VCL (deploy/varnish/dateline.vcl).

`python -m dateline.delivery.varnishd --listen 127.0.0.1:8000 --backend 127.0.0.1:8001` runs varnishd in the
foreground with the VCL's backend pointed at the app server (what `make serve FRONT_CACHE=varnish` does);
`Varnish(...)` starts and stops one from Python (tests and the benchmark).
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

VCL_PATH = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "dateline.vcl"
BACKEND_RE = re.compile(r'(backend app \{\s*\.host = )"[^"]*";(\s*\.port = )"[^"]*";')


def split_address(address, what):
    host, sep, port = address.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise ValueError(f"{what}={address!r} must be HOST:PORT, e.g. 127.0.0.1:8000")
    return host.strip("[]"), int(port)


def vcl_for(backend_host, backend_port, vcl_path=VCL_PATH):
    """The shipped VCL with its backend set to this host and port."""
    source = Path(vcl_path).read_text()
    result, count = BACKEND_RE.subn(rf'\g<1>"{backend_host}";\g<2>"{backend_port}";', source, count=1)
    if count != 1:
        raise ValueError(f"{vcl_path}: no `backend app` with .host and .port to point at the app server")
    return result


# Run-time parameters (docs/performance.md, "Delivery"): one thread pool per core rather than two per machine,
# threads started in advance so a burst never waits for the pool to grow, and no shared-memory log records for
# the VCL's own steps (varnishlog/varnishncsa keep requests, responses and timestamps).
PARAMETERS = {
    "thread_pools": str(max(1, os.cpu_count() or 1)),
    "thread_pool_min": "50",
    "thread_pool_max": "1000",
    "vsl_mask": "-VCL_call,-VCL_return,-VCL_acl,-Hash,-Debug",
}


def command(listen, backend, workdir, storage="malloc,256m", foreground=True):
    """The varnishd command line; writes the VCL for `backend` into `workdir`."""
    listen_host, listen_port = split_address(listen, "listen")
    backend_host, backend_port = split_address(backend, "backend")
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    vcl_file = workdir / "dateline.vcl"
    vcl_file.write_text(vcl_for(backend_host, backend_port))
    vcl_file.chmod(0o644)
    args = [
        shutil.which("varnishd") or "/usr/sbin/varnishd",
        "-a",
        f"{listen_host}:{listen_port}",
        "-f",
        str(vcl_file),
        "-n",
        str(workdir / "varnish"),
        "-s",
        storage,
        "-T",
        "none",  # no management port: purges go through the PURGE method and the ACL
    ]
    for name, value in PARAMETERS.items():
        args += ["-p", f"{name}={value}"]
    if foreground:
        args.insert(1, "-F")
    return args


def is_listening(host, port):
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


class Varnish:
    """A varnishd of our own in a temporary folder, for as long as the `with` block lasts."""

    def __init__(self, listen, backend, storage="malloc,256m", startup_seconds=30):
        self.listen = listen
        self.backend = backend
        self.storage = storage
        self.startup_seconds = startup_seconds
        self.host, self.port = split_address(listen, "listen")
        self.url = f"http://{self.host}:{self.port}"
        self.process = None
        self.workdir = None

    def start(self):
        self.workdir = tempfile.mkdtemp(prefix="dateline-varnish-")
        os.chmod(self.workdir, 0o755)  # noqa: S103 (varnishd's unprivileged users read the VCL in it)  # nosec B103
        log = open(Path(self.workdir) / "varnishd.log", "wb")  # noqa: SIM115 (closed in stop)
        self.log = log
        self.process = subprocess.Popen(  # noqa: S603 (our own command line)
            command(self.listen, self.backend, self.workdir, self.storage), stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + self.startup_seconds
        while not is_listening(self.host, self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"varnishd did not start on {self.listen}: {self.read_log()}")
            time.sleep(0.05)
        return self

    def read_log(self):
        try:
            return (Path(self.workdir) / "varnishd.log").read_text(errors="replace")[-2000:]
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
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    __enter__ = start

    def __exit__(self, *exc_info):
        self.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run varnishd in front of Dateline's app server.")
    parser.add_argument("--listen", required=True, help="HOST:PORT for readers")
    parser.add_argument("--backend", required=True, help="HOST:PORT of the app server")
    parser.add_argument("--storage", default=os.environ.get("VARNISH_STORAGE", "malloc,256m"))
    parser.add_argument("--workdir", default=os.environ.get("VARNISH_WORKDIR"))
    options = parser.parse_args(argv)
    try:
        split_address(options.listen, "--listen")
        split_address(options.backend, "--backend")
    except ValueError as error:
        parser.error(str(error))
    if not shutil.which("varnishd") and not os.path.exists("/usr/sbin/varnishd"):
        parser.error("varnishd is not installed (Debian: apt-get install varnish varnish-modules)")
    workdir = options.workdir or tempfile.mkdtemp(prefix="dateline-varnish-")
    os.chmod(workdir, 0o755)  # noqa: S103 (as above)  # nosec B103
    args = command(options.listen, options.backend, workdir, options.storage)
    os.execv(args[0], args)  # noqa: S606 (varnishd replaces this process: signals reach it directly)


if __name__ == "__main__":
    main()
