"""A database outage: requests get a clean 503 (the API envelope, a friendly page), with
nothing half-written, and the app recovers by itself when the database returns.

The outage is real: the test database stops accepting connections and its open ones are
terminated (PostgreSQL), then connections are allowed again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection
from django.test import Client

from clients.models import Client as ClientRow
from tests.api.conftest import bearer
from tests.factories.core import TrainerFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a real outage needs PostgreSQL (ALLOW_CONNECTIONS, pg_terminate_backend): "
        "run with DATABASE_URL, as CI does",
    ),
    pytest.mark.django_db(transaction=True),
]


def _admin() -> psycopg.Connection:
    """A connection of our own to the server's maintenance database, outside Django."""
    params = connection.get_connection_params()
    params = {k: v for k, v in params.items() if k in {"host", "port", "user", "password"}}
    return psycopg.connect(dbname="postgres", autocommit=True, **params)


@contextmanager
def database_down() -> Iterator[None]:
    name = connection.settings_dict["NAME"]
    with _admin() as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            yield
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')


def test_requests_during_an_outage_get_a_503_and_the_app_recovers():
    trainer = TrainerFactory()
    api = bearer(trainer.user)
    browser = Client(raise_request_exception=False)  # see the 503 page, as a browser would
    browser.force_login(trainer.user)
    assert api.get("/api/v1/clients/").status_code == 200

    with database_down():
        listed = api.get("/api/v1/clients/")
        written = api.post("/api/v1/clients/", {"first_name": "Dana", "email": "d@example.com"})
        page = browser.get("/dashboard/")

    for response in (listed, written):
        assert response.status_code == 503
        body = response.json()
        assert body["success"] is False
        assert body["error"]["code"] == "SERVICE_UNAVAILABLE"
        assert response["Retry-After"] == "30"
        assert "Traceback" not in response.text
        assert "psycopg" not in response.text
        assert response.has_header("X-Request-ID")
    assert page.status_code == 503
    assert "Back in a moment" in page.text
    assert "psycopg" not in page.text

    # back by itself: the next requests open a fresh connection
    assert api.get("/api/v1/clients/").status_code == 200
    assert browser.get("/dashboard/").status_code == 200
    assert not ClientRow.objects.filter(user__email="d@example.com").exists()
