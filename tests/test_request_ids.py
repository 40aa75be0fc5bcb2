"""Every response carries a request id (X-Request-ID) that also appears in the log lines
written while the request ran; the access line says who asked what and how it went."""

from __future__ import annotations

import json
import logging
import re

import pytest

from fitnesspr.requestlog import JsonFormatter, RequestIdFilter
from tests.api.conftest import bearer

HEX_ID = re.compile(r"^[0-9a-f]{32}$")


def records_of(caplog, request_id):
    return [r for r in caplog.records if getattr(r, "request_id", None) == request_id]


@pytest.fixture
def caplog_with_ids(caplog):
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.INFO)
    return caplog


@pytest.mark.django_db
def test_a_page_gets_an_id_and_one_access_line(client, trainer, caplog_with_ids):
    client.force_login(trainer.user)

    response = client.get("/dashboard/")

    request_id = response["X-Request-ID"]
    assert HEX_ID.match(request_id)
    access = [r for r in records_of(caplog_with_ids, request_id) if r.name == "fitnesspr.requests"]
    assert len(access) == 1
    line = access[0]
    assert (line.method, line.path, line.status) == ("GET", "/dashboard/", 200)
    assert (line.user_id, line.role) == (trainer.user.pk, "trainer")
    assert line.duration_ms >= 0


@pytest.mark.django_db
def test_an_api_error_carries_the_id_of_its_log_lines(trainer, caplog_with_ids):
    response = bearer(trainer.user).get("/api/v1/clients/999999/")

    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    statuses = [r.status for r in records_of(caplog_with_ids, request_id) if hasattr(r, "status")]
    assert statuses == [404]


@pytest.mark.django_db
@pytest.mark.urls("tests.api.urls_boom")
def test_a_crash_is_logged_under_the_id_the_caller_gets(api, caplog_with_ids):
    response = api.get("/api/v1/boom/")

    assert response.status_code == 500
    crash = [r for r in records_of(caplog_with_ids, response["X-Request-ID"]) if r.exc_info]
    assert len(crash) == 1
    assert "kaboom" not in response.content.decode()


@pytest.mark.django_db
def test_a_proxys_id_is_kept_and_junk_is_replaced(client):
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a9c21-0001")
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID="<script>alert(1)</script>")

    assert kept["X-Request-ID"] == "lb-7f3a9c21-0001"
    assert HEX_ID.match(replaced["X-Request-ID"])


def test_json_log_lines_carry_the_request_fields():
    record = logging.makeLogRecord(
        {"name": "fitnesspr.requests", "levelname": "INFO", "msg": "GET / 200", "status": 200}
    )
    RequestIdFilter().filter(record)

    line = json.loads(JsonFormatter().format(record))

    assert line["message"] == "GET / 200"
    assert line["status"] == 200
    assert line["request_id"] == "-"
    assert line["level"] == "INFO"


@pytest.mark.django_db
def test_an_api_call_is_logged_as_json_with_who_made_it(trainer, caplog_with_ids):
    response = bearer(trainer.user).get("/api/v1/clients/")

    request_id = response["X-Request-ID"]
    access = [r for r in records_of(caplog_with_ids, request_id) if r.name == "fitnesspr.requests"]
    line = json.loads(JsonFormatter().format(access[0]))
    assert line["request_id"] == request_id
    assert (line["method"], line["path"], line["status"]) == ("GET", "/api/v1/clients/", 200)
    assert (line["user_id"], line["role"]) == (trainer.user.pk, "trainer")
    assert isinstance(line["duration_ms"], float)
