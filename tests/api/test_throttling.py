from __future__ import annotations

import pytest

from tests.factories.core import DEFAULT_PIN

pytestmark = pytest.mark.django_db

PIN_LOGIN = "/api/v1/auth/pin-login/"


def test_pin_login_is_throttled_per_ip(api, client_, set_rates):
    set_rates(pin="3/min")
    for _ in range(3):
        assert (
            api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": "111999"}).status_code == 401
        )

    response = api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": DEFAULT_PIN})

    assert response.status_code == 429
    assert response.json()["success"] is False
    assert response.json()["error"]["code"] == "THROTTLED"
    assert 1 <= int(response["Retry-After"]) <= 60


def test_another_ip_has_its_own_budget(api, client_, set_rates):
    set_rates(pin="2/min")
    for _ in range(2):
        api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": "111999"})

    other = api.post(
        PIN_LOGIN, {"email": "carol@example.com", "pin": DEFAULT_PIN}, REMOTE_ADDR="10.9.8.7"
    )

    assert other.status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_budget(api, client_, set_rates):
    set_rates(pin="2/min")
    for n in range(2):
        api.post(
            PIN_LOGIN,
            {"email": "carol@example.com", "pin": "111999"},
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}",
        )

    response = api.post(
        PIN_LOGIN,
        {"email": "carol@example.com", "pin": DEFAULT_PIN},
        HTTP_X_FORWARDED_FOR="9.9.9.9",
    )

    assert response.status_code == 429


def test_a_token_does_not_buy_a_separate_pin_budget(api, trainer_api, client_, set_rates):
    set_rates(pin="2/min")
    for _ in range(2):
        api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": "111999"})

    response = trainer_api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": DEFAULT_PIN})

    assert response.status_code == 429


def test_login_uses_the_auth_scope(api, trainer, set_rates):
    set_rates(auth="2/min")
    for _ in range(2):
        api.post("/api/v1/auth/login/", {"email": "alice@example.com", "password": "nope-nope"})

    response = api.post("/api/v1/auth/login/", {"email": "alice@example.com", "password": "x"})

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "THROTTLED"


def test_the_pin_api_counts_failures_not_successes(api, client_, set_rates):
    set_rates(pin="3/min")
    for _ in range(10):
        ok = api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": DEFAULT_PIN})
        assert ok.status_code == 200
    for _ in range(3):
        wrong = api.post(PIN_LOGIN, {"email": "nobody@example.com", "pin": "1"})
        assert wrong.status_code == 401
    limited = api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": DEFAULT_PIN})
    assert limited.status_code == 429
