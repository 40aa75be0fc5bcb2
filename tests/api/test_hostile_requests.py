"""Requests built to break the server get a clean answer in the envelope, a warning in
the log and no traceback: too deep, too big, too many fields or parameters, a newline in
the path, a forged Host header."""

from __future__ import annotations

import json
import logging

import pytest

LOGIN = "/api/v1/auth/login/"


def error_of(response):
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["success"] is False
    return body["error"]


def no_tracebacks(caplog):
    return all(record.exc_info is None for record in caplog.records)


@pytest.mark.django_db
def test_json_nested_100000_deep_is_a_400(client, caplog):
    deep = "[" * 100_000 + "]" * 100_000

    response = client.post(LOGIN, deep, content_type="application/json")

    assert response.status_code == 400
    assert error_of(response)["code"] == "VALIDATION_ERROR"
    assert no_tracebacks(caplog)


@pytest.mark.django_db
def test_a_body_over_the_upload_limit_is_a_413(client, caplog):
    big = json.dumps({"email": "a@example.com", "password": "x" * 3_000_000})

    with caplog.at_level(logging.WARNING):
        response = client.post(LOGIN, big, content_type="application/json")

    assert response.status_code == 413
    assert error_of(response)["code"] == "REQUEST_TOO_LARGE"
    assert no_tracebacks(caplog)
    assert any(record.levelno == logging.WARNING for record in caplog.records)


@pytest.mark.django_db
def test_more_than_1000_fields_is_a_400(client, caplog):
    form = "&".join(f"field{i}=1" for i in range(1200))

    response = client.post(LOGIN, form, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert error_of(response)["code"] == "VALIDATION_ERROR"
    assert no_tracebacks(caplog)


@pytest.mark.django_db
def test_more_than_1000_query_parameters_is_a_400(trainer_api, caplog):
    query = "&".join(f"q{i}=1" for i in range(1200))

    response = trainer_api.get(f"/api/v1/exercises/?{query}")

    assert response.status_code == 400
    assert "too many" in error_of(response)["message"]
    assert no_tracebacks(caplog)


@pytest.mark.django_db
def test_a_newline_in_an_api_path_is_a_json_404(client):
    response = client.get("/api/v1/clients%0A/")

    assert response.status_code == 404
    assert error_of(response)["code"] == "NOT_FOUND"


@pytest.mark.django_db
def test_a_bad_host_header_on_the_api_is_a_json_400(client):
    response = client.get("/api/v1/exercises/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    assert error_of(response)["code"] == "BAD_REQUEST"


@pytest.mark.django_db
def test_a_bad_host_header_on_a_page_is_a_friendly_400_page(client):
    response = client.get("/dashboard/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    assert "We couldn't read that request" in response.content.decode()
