"""What running a front cache (`varnishd.py`, `nginxd.py`) takes either way: its addresses, a copy of it started
and stopped around a block of code (tests and benchmarks), and the command line that runs it in the foreground
(`make serve FRONT_CACHE=…`)."""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def split_address(address, what):
    host, sep, port = address.rpartition(":")
    if not sep or not host or not (port.isascii() and port.isdigit()):
        raise ValueError(f"{what}={address!r} must be HOST:PORT, e.g. 127.0.0.1:8000")
    return host.strip("[]"), int(port)


def is_listening(host, port):
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


def work_folder(name):
    folder = tempfile.mkdtemp(prefix=f"dateline-{name}-")
    os.chmod(folder, 0o755)  # noqa: S103 (the front cache's unprivileged workers read its configuration)  # nosec B103
    return folder


class FrontCacheProcess:
    """A front cache of our own in a temporary folder, for as long as the `with` block lasts. Subclasses give
    `name` and `command()` (the command line, its configuration written into `self.workdir`)."""

    name = "front-cache"

    def __init__(self, listen, backend, startup_seconds=30):
        self.listen = listen
        self.backend = backend
        self.startup_seconds = startup_seconds
        self.host, self.port = split_address(listen, "listen")
        self.url = f"http://{self.host}:{self.port}"
        self.process = None
        self.workdir = None
        self.log = None

    def command(self):
        raise NotImplementedError

    def start(self):
        self.workdir = work_folder(self.name)
        self.log = open(Path(self.workdir) / f"{self.name}.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(self.command(), stdout=self.log, stderr=subprocess.STDOUT)  # noqa: S603
        deadline = time.monotonic() + self.startup_seconds
        while not is_listening(self.host, self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.read_log()
                self.stop()
                raise RuntimeError(f"{self.name} did not start on {self.listen}: {log}")
            time.sleep(0.05)
        return self

    def read_log(self):
        try:
            return (Path(self.workdir) / f"{self.name}.log").read_text(errors="replace")[-2000:]
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
        if self.log is not None:
            self.log.close()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    __enter__ = start

    def __exit__(self, *exc_info):
        self.stop()


def foreground_options(parser, argv, name, binary, package):
    """Parse --listen, --backend and the parser's own options; refuse bad addresses and a missing binary.
    Returns the options and the work folder (--workdir, or a new temporary one)."""
    parser.add_argument("--listen", required=True, help="HOST:PORT for readers")
    parser.add_argument("--backend", required=True, help="HOST:PORT of the app server")
    options = parser.parse_args(argv)
    try:
        split_address(options.listen, "--listen")
        split_address(options.backend, "--backend")
    except ValueError as error:
        parser.error(str(error))
    if not shutil.which(binary) and not os.path.exists(f"/usr/sbin/{binary}"):
        parser.error(f"{binary} is not installed (Debian: apt-get install {package})")
    return options, getattr(options, "workdir", None) or work_folder(name)


def run_in_foreground(args):
    os.execv(args[0], args)  # noqa: S606 (the front cache replaces this process: signals reach it directly)
