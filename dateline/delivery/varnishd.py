"""Running Varnish in front of the app server with the shipped VCL (deploy/varnish/dateline.vcl).

`python -m dateline.delivery.varnishd --listen 127.0.0.1:8000 --backend 127.0.0.1:8001` runs varnishd in the
foreground with the VCL's backend pointed at the app server (what `make serve FRONT_CACHE=varnish` does);
`Varnish(...)` starts and stops one from Python (tests and the benchmark).
"""

import argparse
import os
import re
import shutil
from pathlib import Path

from dateline.delivery.front_process import FrontCacheProcess, foreground_options, run_in_foreground, split_address

VCL_PATH = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "dateline.vcl"
BACKEND_RE = re.compile(r'(backend app \{\s*\.host = )"[^"]*";(\s*\.port = )"[^"]*";')


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


class Varnish(FrontCacheProcess):
    """A varnishd of our own in a temporary folder, for as long as the `with` block lasts."""

    name = "varnish"

    def __init__(self, listen, backend, storage="malloc,256m", startup_seconds=30):
        super().__init__(listen, backend, startup_seconds)
        self.storage = storage

    def command(self):
        return command(self.listen, self.backend, self.workdir, self.storage)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run varnishd in front of Dateline's app server.")
    parser.add_argument("--storage", default=os.environ.get("VARNISH_STORAGE", "malloc,256m"))
    parser.add_argument("--workdir", default=os.environ.get("VARNISH_WORKDIR"))
    options, workdir = foreground_options(parser, argv, "varnish", "varnishd", "varnish varnish-modules")
    os.chmod(workdir, 0o755)  # noqa: S103 (varnishd's unprivileged users read the VCL in it)  # nosec B103
    run_in_foreground(command(options.listen, options.backend, workdir, options.storage))


if __name__ == "__main__":
    main()
