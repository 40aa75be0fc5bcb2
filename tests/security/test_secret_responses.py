"""Responses that carry a PIN or tokens are never stored by a cache; and a client added
without a last name (documented optional) is added, not a 500."""

from __future__ import annotations

import pytest

from tests.api.conftest import bearer
from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN


def never_stored(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_every_response_with_a_pin_or_tokens_says_no_store(api, trainer, client_):
    login = api.post(
        "/api/v1/auth/login/", {"email": "alice@example.com", "password": DEFAULT_PASSWORD}
    )
    refresh = api.post("/api/v1/auth/refresh/", {"refresh": login.json()["data"]["refresh"]})
    pin_login = api.post("/api/v1/auth/pin-login/", {"email": client_.email, "pin": DEFAULT_PIN})
    alice = bearer(trainer.user)
    created = alice.post("/api/v1/clients/", {"first_name": "Dana", "email": "dana@example.com"})
    reset = alice.post(f"/api/v1/clients/{client_.pk}/reset-pin/")

    for response in (login, refresh, pin_login, created, reset):
        assert response.status_code in (200, 201), response.content
        assert never_stored(response), response.request["PATH_INFO"]


@pytest.mark.django_db
def test_a_client_without_a_last_name_is_added(trainer):
    response = bearer(trainer.user).post(
        "/api/v1/clients/", {"first_name": "Dana", "email": "dana@example.com"}
    )

    assert response.status_code == 201
    assert response.json()["data"]["last_name"] == ""
