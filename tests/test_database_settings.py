"""Database connections: kept open (CONN_MAX_AGE, checked before use) or pooled by
psycopg (DATABASE_POOL), which replaces them; the pool is PostgreSQL's only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRINT_DATABASE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps(settings.DATABASES["default"], default=str))
"""


def boot(**env: str) -> subprocess.CompletedProcess[str]:
    unset = {"DATABASE_URL", "DATABASE_POOL", "CONN_MAX_AGE"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(DJANGO_SETTINGS_MODULE="fitnesspr.settings.base", **env)
    return subprocess.run(
        [sys.executable, "-c", PRINT_DATABASE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_kept_connections_are_checked_before_use():
    database = json.loads(boot(CONN_MAX_AGE="60").stdout)

    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True


def test_the_pool_replaces_kept_connections_on_postgresql():
    result = boot(
        DATABASE_URL="postgres://app@db.invalid:5432/fitnesspr",
        DATABASE_POOL="true",
        CONN_MAX_AGE="60",
        DATABASE_POOL_MAX_SIZE="8",
    )
    database = json.loads(result.stdout)

    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"]["pool"]["max_size"] == 8


def test_the_pool_is_refused_without_postgresql():
    result = boot(DATABASE_POOL="true")

    assert result.returncode != 0
    assert "DATABASE_POOL needs PostgreSQL" in result.stderr
