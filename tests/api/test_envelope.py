from __future__ import annotations

import pytest

from clients.models import Client
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db

CLIENTS = "/api/v1/clients/"


def test_success_envelope(trainer_api, client_):
    response = trainer_api.get(f"{CLIENTS}{client_.pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"success", "data", "message"}
    assert body["success"] is True
    assert body["data"]["id"] == client_.pk


def test_success_envelope_carries_the_message(trainer_api, client_):
    response = trainer_api.patch(f"{CLIENTS}{client_.pk}/", {"goals": "Deadlift 150 kg"})

    assert response.json()["message"] == "Client updated."


def test_error_envelope_for_validation(trainer_api):
    response = trainer_api.post(CLIENTS, {"first_name": "Eve", "email": "not-an-email"})

    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False
    assert set(body) == {"success", "error"}
    assert body["error"]["code"] == "VALIDATION_ERROR"
    assert body["error"]["details"] == [
        {"field": "email", "message": "Enter a valid email address.", "code": "invalid"}
    ]
    assert body["error"]["message"] == "Enter a valid email address."


def test_paginated_envelope(trainer_api, trainer):
    ClientFactory.create_batch(3, trainer=trainer)

    response = trainer_api.get(CLIENTS, {"per_page": 2, "page": 2})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"success", "data", "pagination"}
    assert body["success"] is True
    assert len(body["data"]) == 1
    assert body["pagination"] == {"page": 2, "per_page": 2, "total": 3, "pages": 2}


def test_per_page_is_capped_at_100(trainer_api, trainer):
    ClientFactory.create_batch(101, trainer=trainer)

    body = trainer_api.get(CLIENTS, {"per_page": 1000}).json()

    assert len(body["data"]) == 100
    assert body["pagination"] == {"page": 1, "per_page": 100, "total": 101, "pages": 2}


def test_default_page_size_is_20(trainer_api, trainer):
    ClientFactory.create_batch(21, trainer=trainer)

    body = trainer_api.get(CLIENTS).json()

    assert len(body["data"]) == 20
    assert body["pagination"]["per_page"] == 20


def test_empty_list(trainer_api):
    body = trainer_api.get(CLIENTS).json()

    assert body["data"] == []
    assert body["pagination"]["total"] == 0


@pytest.mark.parametrize("page", ["2", "0", "abc"])
def test_a_page_out_of_range_is_a_404_envelope(trainer_api, client_, page):
    response = trainer_api.get(CLIENTS, {"page": page})

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "options"])
def test_unknown_api_path_is_a_json_404_for_every_method(api, method):
    response = getattr(api, method)("/api/v1/no-such-thing/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "success": False,
        "error": {
            "code": "NOT_FOUND",
            "message": "There is no API endpoint at /api/v1/no-such-thing/.",
            "details": [],
        },
    }


def test_unknown_path_even_with_a_bad_token_is_a_404(api):
    api.credentials(HTTP_AUTHORIZATION="Bearer junk")

    assert api.get("/api/v1/nothing/here/").status_code == 404


def test_a_missing_trailing_slash_gets_a_hint(trainer_api):
    response = trainer_api.get("/api/v1/clients")

    assert response.status_code == 404
    assert "Did you mean /api/v1/clients/" in response.json()["error"]["message"]


def test_a_non_numeric_id_is_a_404(trainer_api):
    response = trainer_api.get(f"{CLIENTS}abc/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"


def test_method_not_allowed_envelope(trainer_api):
    response = trainer_api.put("/api/v1/auth/me/", {})

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "METHOD_NOT_ALLOWED"
    assert response.json()["error"]["message"] == 'Method "PUT" not allowed.'


def test_malformed_json_is_a_400_envelope_and_writes_nothing(trainer_api):
    response = trainer_api.post(
        CLIENTS, data='{"first_name": "Eve", "email": ', content_type="application/json"
    )

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["message"].startswith("JSON parse error")
    assert not Client.objects.exists()


def test_unsupported_media_type_envelope(trainer_api):
    response = trainer_api.post(CLIENTS, data="<x/>", content_type="application/xml")

    assert response.status_code == 415
    assert response.json()["error"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


def test_wrong_role_is_a_403_envelope(client_api):
    response = client_api.get(CLIENTS)

    assert response.status_code == 403
    assert response.json()["error"] == {
        "code": "PERMISSION_DENIED",
        "message": "Only trainers can use this endpoint.",
        "details": [],
    }


@pytest.mark.urls("tests.api.urls_boom")
def test_an_unhandled_error_is_a_500_envelope_without_internals(api):
    response = api.get("/api/v1/boom/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["success"] is False
    assert body["error"]["code"] == "SERVER_ERROR"
    assert "kaboom" not in response.content.decode()
