"""Varnish on its own against nginx: `python -m dateline.delivery.bench_varnish` (docs/performance.md, "Delivery").

Varnish runs the shipped VCL (`varnishd.command`) in front of nginx, which serves an 11.5 KB page with the
response headers a Dateline article carries (its cache control, content tags and security headers). wrk -t2 -c32
measures nginx directly and Varnish's hits in alternating rounds, for `varnishd.PARAMETERS` and for variations of
them, so a change of Varnish's run-time parameters can be judged by its ratio to nginx in the same run; and the
shipped nginx front cache in Varnish's place, for the choice between the two.
"""

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from dateline.delivery import bench, varnishd
from dateline.delivery.nginxd import Nginx

PAGE = (b"<!doctype html><html><body>" + b"<p>word word word word word word</p>\n" * 300 + b"</body></html>")[:11500]
HEADERS = {
    "Cache-Control": "public, max-age=60, s-maxage=300, stale-while-revalidate=86400, stale-if-error=86400",
    "Surrogate-Key": "story:1 section:2 topic:3 topic:4 author:5 list:topic:3 site",
    "Cache-Tag": "story:1,section:2,topic:3,topic:4,author:5,list:topic:3,site",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "X-Frame-Options": "DENY",
    "Vary": "Accept-Encoding",
}
NGINX_FRONT = "nginx-front"  # the shipped nginx front cache in Varnish's place
MORE_MASKED = ",-RespHeader,-ObjHeader,-BerespHeader,-BereqHeader,-RespUnset,-BerespUnset"


def variants():
    base = dict(varnishd.PARAMETERS)
    return {
        "shipped": base,
        "header-records-masked": {**base, "vsl_mask": base["vsl_mask"] + MORE_MASKED},
        "one-pool": {**base, "thread_pools": "1"},
        "linger-0.01s": {**base, "timeout_linger": "0.01"},
        "linger-2s": {**base, "timeout_linger": "2"},
        "no-gzip": {**base, "http_gzip_support": "off"},
        NGINX_FRONT: None,
    }


def measure(nginx, parameters, seconds, rounds):
    workdir = Path(tempfile.mkdtemp(prefix="dateline-varnish-"))
    workdir.chmod(0o755)  # noqa: S103 (Varnish's worker process runs as an unprivileged user)
    port = bench.free_port()
    shipped = dict(varnishd.PARAMETERS)
    varnishd.PARAMETERS.clear()
    varnishd.PARAMETERS.update(parameters)
    try:
        args = varnishd.command(f"127.0.0.1:{port}", f"127.0.0.1:{nginx.port}", workdir)
    finally:
        varnishd.PARAMETERS.clear()
        varnishd.PARAMETERS.update(shipped)
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        url = f"http://127.0.0.1:{port}/article.html"
        bench.wait_for(url, seconds=30, process=process)
        bench.fetch(url)
        runs = [(bench.wrk(nginx.url("article"), seconds), bench.wrk(url, seconds)) for _ in range(rounds)]
    finally:
        process.terminate()
        process.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)
    return sorted(runs, key=lambda pair: pair[1]["rps"] / pair[0]["rps"])[len(runs) // 2]


def measure_nginx_front(nginx, seconds, rounds):
    """The same page through the shipped nginx front cache (deploy/nginx/dateline.conf) instead of Varnish."""
    with Nginx(f"127.0.0.1:{bench.free_port()}", f"127.0.0.1:{nginx.port}") as front:
        url = f"{front.url}/article.html"
        bench.fetch(url)
        runs = [(bench.wrk(nginx.url("article"), seconds), bench.wrk(url, seconds)) for _ in range(rounds)]
    return sorted(runs, key=lambda pair: pair[1]["rps"] / pair[0]["rps"])[len(runs) // 2]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("variants", nargs="*", help=f"some of: {', '.join(variants())}")
    options = parser.parse_args(argv)
    chosen = variants()
    names = options.variants or list(chosen)
    nginx = bench.Nginx({"article": PAGE}, {"article": HEADERS})
    print("| front cache | nginx req/s | front cache req/s | front cache p99 ms | ratio |")
    print("|---|---:|---:|---:|---:|")
    try:
        for name in names:
            if name == NGINX_FRONT:
                reference, front = measure_nginx_front(nginx, options.seconds, options.rounds)
            else:
                reference, front = measure(nginx, chosen[name], options.seconds, options.rounds)
            ratio = front["rps"] / reference["rps"]
            print(f"| {name} | {reference['rps']:,.0f} | {front['rps']:,.0f} | {front['p99']} | {ratio:.2f} |")
    finally:
        nginx.stop()


if __name__ == "__main__":
    main()
