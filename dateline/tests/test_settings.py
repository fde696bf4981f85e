"""Start-up configuration: one module, driven by the environment, failing in one clear line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    clean = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "DATABASE_URL", "REDIS_URL")}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "variable, value",
    [
        ("DATABASE_URL", "nonsense://what"),
        ("DATABASE_URL", "not a url"),
        ("REDIS_URL", "http://127.0.0.1:6379"),
        ("DEBUG", "maybe"),
        ("SITE_URL", "example.com"),
    ],
)
def test_bad_setting_stops_start_up_with_one_line_naming_it(variable, value):
    result = manage("check", **{variable: value})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0] and "Traceback" not in result.stderr


def test_secret_key_is_required_without_debug():
    result = manage("check", SECRET_KEY="", DEBUG="false")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_production_values_pass_the_deploy_check(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="x" * 20 + "production-like-secret-with-enough-entropy-7f3a9c2e1b",
        SITE_URL="https://news.example.com",
        ALLOWED_HOSTS="news.example.com",
        MEDIA_ROOT=str(tmp_path / "media"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_environment_drives_databases_and_cache(monkeypatch):
    from dateline.config import database_from_url

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dateline")
    config = database_from_url("DATABASE_URL", "sqlite:///unused")
    assert config["ENGINE"] == "django.db.backends.postgresql" and config["NAME"] == "dateline"
    assert config["CONN_HEALTH_CHECKS"] is True
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/dateline.sqlite3")
    config = database_from_url("DATABASE_URL", "unused")
    assert config["ENGINE"] == "django.db.backends.sqlite3" and "journal_mode=WAL" in config["OPTIONS"]["init_command"]
