"""Fault drills: the database dropping every connection under load, and Redis unreachable.

* Database: the app served by gunicorn (as in production) on a real socket with persistent connections; while
  requests run, every connection it holds is terminated (`pg_terminate_backend`). Django's health checks
  (`CONN_HEALTH_CHECKS`, dateline/config.py) replace a dead connection before a request uses it, so no request
  fails. Only PostgreSQL has server connections to lose: on SQLite the drill is skipped (the CI runs it in its
  PostgreSQL pass). A real restart under wrk load is `deploy/drills/db_restart.sh`.
* Redis: with REDIS_URL at a closed port every cache read is a miss and every write is dropped
  (django-redis's IGNORE_EXCEPTIONS): reader pages, feeds, the API, search, sign-in and publishing all keep working.
"""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings
from django.db import connection

from dateline.config import cache_from_url
from dateline.conftest import use_redis_cache

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict):
    user = settings_dict.get("USER") or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host, port = settings_dict.get("HOST") or "127.0.0.1", settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


@pytest.fixture
def app_server(db, tmp_path):
    """gunicorn, two workers, on the test database (the site its migrations made), connections kept ten minutes."""
    if connection.vendor != "postgresql":
        pytest.skip("the database drill needs PostgreSQL's server connections; it runs in the PostgreSQL pass")
    port = free_port()
    env = {
        **{key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "VARNISH_URL")},
        "DEBUG": "false",
        "SECRET_KEY": "fault-drill-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url(connection.settings_dict),
        "DB_CONN_MAX_AGE": "600",
        "PAGE_CACHE": "false",  # every request must reach the database
        "VAR_DIR": str(tmp_path),
    }
    server = subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "dateline.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline, last = time.monotonic() + 60, None
        while True:
            try:
                last = requests.get(url, timeout=20)
                if last.status_code == 200:
                    break
            except requests.RequestException as exc:  # not listening yet, or its first request still loading
                last = exc
            if server.poll() is not None or time.monotonic() > deadline:
                server.terminate()
                pytest.fail(f"gunicorn did not answer 200 (last: {last}): {server.communicate(timeout=20)[1][-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def terminate_app_connections():
    """Drop every connection to the test database but this test's own, as a restart or a failover would. From a
    connection of its own in autocommit: inside the test's transaction pg_stat_activity is a snapshot."""
    import psycopg

    own = connection.cursor().connection.info.backend_pid
    with psycopg.connect(database_url(connection.settings_dict), autocommit=True) as admin:
        return admin.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> %s"
            " AND backend_type = 'client backend'",
            [own],
        ).fetchone()[0]


def test_database_connections_dropped_under_load_fail_no_request_after_the_drop(app_server):
    """Requests that start once the connections are gone all succeed: each worker reconnects before its next
    request uses the database. Only a request caught in the middle of a query at the instant its connection is
    killed may fail (503), as it would in a real restart; nothing retries a query."""
    session = requests.Session()
    for _ in range(10):  # both workers now hold a connection
        assert session.get(app_server, timeout=10).status_code == 200

    requests_made, kills = [], []

    def load(stop):
        with requests.Session() as client:
            while not stop.is_set():
                started = time.monotonic()
                status = client.get(app_server, timeout=10).status_code
                requests_made.append((started, time.monotonic(), status))

    def kill():
        started = time.monotonic()
        killed = terminate_app_connections()
        kills.append((started, time.monotonic(), killed))

    for _ in range(3):
        stop = threading.Event()
        workers = [threading.Thread(target=load, args=(stop,)) for _ in range(3)]
        for worker in workers:
            worker.start()
        try:
            time.sleep(0.5)
            kill()  # while requests run: the ones in the middle of a query may fail
            time.sleep(0.5)
        finally:
            stop.set()
            for worker in workers:
                worker.join(timeout=30)
        kill()  # between requests: the workers' next requests find their connections dead
    after = [session.get(app_server, timeout=10).status_code for _ in range(10)]

    assert sum(killed for _, _, killed in kills) >= 2, kills  # the workers held persistent connections, and lost them
    caught = [
        (started, ended)
        for started, ended, _ in requests_made
        if any(started < k1 and ended > k0 for k0, k1, _ in kills)
    ]
    clear = [status for started, ended, status in requests_made if (started, ended) not in caught]
    assert len(clear) >= 10 and after == [200] * 10
    assert [status for status in clear if status != 200] == [], f"failed after the drop: {clear}"


@pytest.fixture
def closed_redis(settings):
    """The default cache configured as in production (dateline/config.py) but at a port nothing listens on."""
    settings.CACHES = {"default": cache_from_url(f"redis://127.0.0.1:{free_port()}/0", "dateline-drill")}
    settings.DATELINE_PAGE_CACHE = True


@pytest.fixture
def live_redis(settings):
    cache = use_redis_cache(settings, 7, "dateline-drill")
    settings.DATELINE_PAGE_CACHE = True
    yield cache
    cache.clear()


READER_URLS = [
    "/",
    "/world/",
    "/topics/afghanistan/",
    "/feeds/rss/",
    "/sitemap.xml",
    "/search/?q=kestrel",
    "/api/stories/",
]


def test_with_redis_up_pages_are_cached_there(live_redis, make_story, client):
    story = make_story("Kestrel count rises on the coast", image=False)
    first, second = client.get(story.url), client.get(story.url)
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert live_redis.get("dateline-drill-probe", "absent") == "absent"
    live_redis.set("dateline-drill-probe", "present")
    assert live_redis.get("dateline-drill-probe") == "present"


def test_with_redis_unreachable_the_site_keeps_serving(closed_redis, make_story, client, caplog):
    from django.core.cache import cache

    assert django_settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    cache.set("probe", 1)
    assert cache.get("probe") is None  # unreachable: a miss, not an exception

    story = make_story("Kestrel count rises on the coast", image=False)  # publishing bumps cache tags
    for url in [*READER_URLS, story.url]:
        response = client.get(url)
        assert response.status_code == 200, url

    sign_in = client.post("/admin/login/", {"username": "nobody", "password": "wrong-password-here"})
    assert sign_in.status_code == 200  # the form again: the tries could not be counted, and the limits are off
    assert client.post("/admin/password_reset/", {"email": "nobody@example.com"}).status_code == 302
    assert any("Connection refused" in record.getMessage() or record.exc_info for record in caplog.records)
