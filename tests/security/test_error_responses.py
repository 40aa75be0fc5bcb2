"""No error response, API or page, shows a traceback, SQL or a setting, and every one
carries the X-Request-ID that its log lines carry too."""

from __future__ import annotations

import json
import logging

import pytest
from django.conf import settings
from django.test import Client

from fitnesspr.requestlog import RequestIdFilter
from tests.api.conftest import bearer, set_rates  # noqa: F401 (a fixture)
from tests.security.urls_errors import SECRET_SQL

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security.urls_errors")]

LEAKS = ("Traceback", 'File "', "SELECT ", "fitnesspr_user", "psycopg", "sqlite3", "SECRET_KEY")


@pytest.fixture
def caplog_with_ids(caplog):
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.INFO)
    return caplog


@pytest.fixture
def responses(trainer, client_, settings, set_rates):  # noqa: F811 (the imported fixture)
    anonymous = Client(raise_request_exception=False)
    alice = Client(raise_request_exception=False)
    alice.force_login(trainer.user)
    carol = Client(raise_request_exception=False)
    carol.force_login(client_.user)
    api = bearer(trainer.user)
    api.raise_request_exception = False
    client_api = bearer(client_.user)
    big = json.dumps({"email": "a@example.com", "password": "x" * 3_000_000})

    def throttled():
        set_rates(pin="1/min")
        pin = {"email": "carol@example.com", "pin": "111999"}
        anonymous.post("/api/v1/auth/pin-login/", pin)
        return anonymous.post("/api/v1/auth/pin-login/", pin)

    def reset_limited():
        settings.PASSWORD_RESET_IP_LIMIT = 0
        return anonymous.post("/accounts/password/reset/", {"email": "alice@example.com"})

    return {
        ("api", 400): lambda: api.post("/api/v1/clients/", {}, format="json"),
        ("api", 403): lambda: client_api.get("/api/v1/clients/"),
        ("api", 404): lambda: api.get("/api/v1/no-such-thing/"),
        ("api", 405): lambda: api.delete("/api/v1/auth/login/"),
        ("api", 413): lambda: anonymous.post(
            "/api/v1/auth/login/", big, content_type="application/json"
        ),
        ("api", 429): throttled,
        ("api", 500): lambda: api.get("/api/v1/test-boom/"),
        ("api", 503): lambda: api.get("/api/v1/test-database-down/"),
        ("page", 400): lambda: anonymous.get("/accounts/login/", headers={"host": "evil..com"}),
        ("page", 403): lambda: carol.get("/dashboard/clients/"),
        ("page", 404): lambda: alice.get("/dashboard/clients/999999/"),
        ("page", 405): lambda: alice.delete("/accounts/signup/"),
        ("page", 429): reset_limited,
        ("page", 500): lambda: anonymous.get("/test-boom/"),
        ("page", 503): lambda: anonymous.get("/test-database-down/"),
    }


CASES = [
    (kind, status)
    for kind in ("api", "page")
    for status in (400, 403, 404, 405, 413, 429, 500, 503)
    if (kind, status) != ("page", 413)  # pages take no large bodies; the API case covers it
]


@pytest.mark.parametrize(("kind", "status"), CASES)
def test_an_error_response_leaks_nothing_and_carries_its_request_id(
    responses, caplog_with_ids, kind, status
):
    response = responses[(kind, status)]()

    assert response.status_code == status
    body = response.content.decode(errors="replace")
    for leak in (*LEAKS, SECRET_SQL, settings.SECRET_KEY):
        assert leak not in body, f"{kind} {status} shows {leak!r}"
    request_id = response["X-Request-ID"]
    lines = [r for r in caplog_with_ids.records if getattr(r, "request_id", None) == request_id]
    assert any(r.name == "fitnesspr.requests" for r in lines), "no access line with the id"
    if kind == "api":
        assert response.json()["success"] is False
