"""Liveness (/healthz: the process answers) and readiness (/readyz: its backends answer
and the database has every migration this code expects)."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


# Once every migration is applied it stays so for this process's code: stop checking.
_migrations_applied = False


def unapplied_migrations() -> list[str]:
    """Migrations this code has that the database has not applied ("app.name")."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def _check_migrations() -> str:
    global _migrations_applied
    if not _migrations_applied:
        missing = unapplied_migrations()
        if missing:
            return "error: unapplied " + ", ".join(missing)
        _migrations_applied = True
    return "ok"


def _check_redis() -> str:
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    client.ping()
    return "ok"


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    probes = {"database": _check_database, "migrations": _check_migrations}
    if settings.REDIS_URL:
        probes["redis"] = _check_redis
    for name, probe in probes.items():
        try:
            checks[name] = probe()
        except Exception as exc:  # any failure means "not ready"; say which
            checks[name] = f"error: {exc.__class__.__name__}"
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
