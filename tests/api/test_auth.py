from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from clients.models import Client
from fitnesspr.models import User
from tests.api.conftest import claims
from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN, StaffFactory, TrainerFactory
from trainers.models import Trainer

pytestmark = pytest.mark.django_db

REGISTER = "/api/v1/auth/register/"
LOGIN = "/api/v1/auth/login/"
PIN_LOGIN = "/api/v1/auth/pin-login/"
REFRESH = "/api/v1/auth/refresh/"
LOGOUT = "/api/v1/auth/logout/"
ME = "/api/v1/auth/me/"

SIGN_UP = {
    "email": "Erin@Example.com",
    "password": "lifting-heavy-things-42",
    "first_name": "Erin",
    "last_name": "Stone",
    "business_name": "Erin Stone Coaching",
}


def _me(api, access: str):
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    response = api.get(ME)
    api.credentials()
    return response


# --- register ------------------------------------------------------------------------


def test_register_creates_a_trainer_who_then_signs_in(
    api, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(REGISTER, SIGN_UP, format="json")

    assert response.status_code == 202
    body = response.json()
    assert body["data"] == {"email": "erin@example.com"}
    assert "access" not in body["data"]
    trainer = Trainer.objects.get(user__email="erin@example.com")
    assert trainer.business_name == "Erin Stone Coaching"
    assert trainer.slug == "erin-stone-coaching"
    assert [m.to for m in mailoutbox] == [["erin@example.com"]]
    assert "/accounts/login/" in mailoutbox[0].body
    login = api.post(LOGIN, {"email": "erin@example.com", "password": SIGN_UP["password"]})
    assert claims(login.json()["data"]["access"])["trainer_id"] == trainer.pk


@pytest.mark.parametrize(
    ("password", "reason"),
    [("short1", "too short"), ("password123", "too common"), ("8246139570", "entirely numeric")],
)
def test_register_with_a_weak_password_is_refused(api, password, reason):
    response = api.post(REGISTER, {**SIGN_UP, "password": password}, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert any(d["field"] == "password" and reason in d["message"] for d in error["details"])
    assert not User.objects.exists()


@pytest.mark.parametrize("missing", ["email", "password", "first_name", "business_name"])
def test_register_with_a_missing_field_is_refused(api, missing):
    body = {k: v for k, v in SIGN_UP.items() if k != missing}

    response = api.post(REGISTER, body, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert [d["field"] for d in error["details"]] == [missing]
    assert not User.objects.exists()


def test_register_with_an_unknown_timezone_is_refused(api):
    response = api.post(REGISTER, {**SIGN_UP, "timezone": "Mars/Olympus"}, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "timezone"
    assert not User.objects.exists()


def test_register_ignores_a_role_in_the_body(api):
    response = api.post(REGISTER, {**SIGN_UP, "role": "staff", "is_staff": True}, format="json")

    assert response.status_code == 202
    user = User.objects.get(email="erin@example.com")
    assert (user.role, user.is_staff) == ("trainer", False)


# --- login ---------------------------------------------------------------------------


def test_trainer_login_returns_tokens_with_the_right_claims(api, trainer):
    before = int(time.time())
    response = api.post(LOGIN, {"email": "Alice@Example.com", "password": DEFAULT_PASSWORD})

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["user"]["id"] == trainer.user.pk
    assert data["user"]["trainer"]["id"] == trainer.pk
    access = claims(data["access"])
    assert access["sub"] == str(trainer.user.pk)
    assert access["role"] == "trainer"
    assert access["trainer_id"] == trainer.pk
    assert access["token_type"] == "access"
    assert before - 1 <= access["iat"] <= int(time.time()) + 1
    assert 0 < access["exp"] - access["iat"] <= 15 * 60
    refresh = claims(data["refresh"])
    assert (refresh["role"], refresh["trainer_id"]) == ("trainer", trainer.pk)
    trainer.user.refresh_from_db()
    assert trainer.user.last_login is not None


def test_staff_login_has_no_trainer(api):
    staff = StaffFactory(email="ops@example.com")

    response = api.post(LOGIN, {"email": "ops@example.com", "password": DEFAULT_PASSWORD})

    access = claims(response.json()["data"]["access"])
    assert (access["sub"], access["role"], access["trainer_id"]) == (str(staff.pk), "staff", None)


def test_login_failures_all_look_the_same(api, trainer, client_):
    client_.user.set_password(DEFAULT_PASSWORD)  # even a client with a password is refused
    client_.user.save()
    inactive = TrainerFactory(user__email="gone@example.com", user__is_active=False)
    attempts = [
        {"email": "alice@example.com", "password": "wrong-password-1"},
        {"email": "nobody@example.com", "password": DEFAULT_PASSWORD},
        {"email": "carol@example.com", "password": DEFAULT_PASSWORD},
        {"email": inactive.user.email, "password": DEFAULT_PASSWORD},
    ]

    responses = [api.post(LOGIN, attempt) for attempt in attempts]

    assert {r.status_code for r in responses} == {401}
    assert {r.content for r in responses} == {responses[0].content}
    assert responses[0].json()["error"] == {
        "code": "AUTHENTICATION_FAILED",
        "message": "Invalid email or password.",
        "details": [],
    }


def test_login_with_a_missing_password_is_a_validation_error(api):
    response = api.post(LOGIN, {"email": "alice@example.com"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "password"


def test_a_bad_bearer_token_on_a_login_view_is_401_not_403(api, trainer):
    api.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    response = api.post(LOGIN, {"email": "alice@example.com", "password": DEFAULT_PASSWORD})

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] == "AUTHENTICATION_FAILED"


# --- PIN login -----------------------------------------------------------------------


def test_client_pin_login_returns_client_tokens(api, trainer, client_):
    response = api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": DEFAULT_PIN})

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["user"]["role"] == "client"
    assert data["user"]["client"]["id"] == client_.pk
    access = claims(data["access"])
    assert access["sub"] == str(client_.user.pk)
    assert access["role"] == "client"
    assert access["trainer_id"] == trainer.pk
    assert {"exp", "iat", "jti"} <= set(access)
    client_.refresh_from_db()
    assert client_.last_login_at is not None


def test_unknown_email_and_wrong_pin_get_identical_answers_and_a_lock_is_told(api, client_):
    unknown = api.post(PIN_LOGIN, {"email": "zoe@example.com", "pin": DEFAULT_PIN})
    wrong = api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": "000111"})
    Client.objects.filter(pk=client_.pk).update(locked_until=timezone.now() + timedelta(minutes=5))
    locked = api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": DEFAULT_PIN})

    assert unknown.status_code == wrong.status_code == locked.status_code == 401
    assert unknown.content == wrong.content
    assert unknown.json()["error"] == {
        "code": "AUTHENTICATION_FAILED",
        "message": "Invalid email or PIN.",
        "details": [],
    }
    assert locked.json()["error"]["message"] == (
        "Sign-in is locked after too many wrong PINs. Ask your trainer for a new PIN, "
        "or try again in 5 minutes."
    )


def test_ten_wrong_pins_lock_the_account_until_the_trainer_resets_it(
    api, trainer_api, client_, set_rates
):
    set_rates(pin="100/min")
    for _ in range(10):
        assert (
            api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": "999000"}).status_code == 401
        )

    refused = api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": DEFAULT_PIN})

    assert refused.status_code == 401
    client_.refresh_from_db()
    assert client_.is_locked
    new_pin = trainer_api.post(f"/api/v1/clients/{client_.pk}/reset-pin/").json()["data"]["pin"]
    assert api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": new_pin}).status_code == 200


def test_pin_login_needs_both_fields(api):
    response = api.post(PIN_LOGIN, {"email": "carol@example.com"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "pin"


def test_a_trainer_cannot_use_pin_login(api, trainer):
    response = api.post(PIN_LOGIN, {"email": "alice@example.com", "pin": DEFAULT_PIN})

    assert response.status_code == 401


# --- refresh and logout --------------------------------------------------------------


def _login(api) -> dict:
    return api.post(LOGIN, {"email": "alice@example.com", "password": DEFAULT_PASSWORD}).json()[
        "data"
    ]


def test_refresh_rotates_and_each_refresh_token_works_once(api, trainer):
    first = _login(api)

    response = api.post(REFRESH, {"refresh": first["refresh"]})

    assert response.status_code == 200
    second = response.json()["data"]
    assert second["refresh"] != first["refresh"]
    access = claims(second["access"])
    assert (access["sub"], access["role"], access["trainer_id"]) == (
        str(trainer.user.pk),
        "trainer",
        trainer.pk,
    )
    assert _me(api, second["access"]).status_code == 200
    reused = api.post(REFRESH, {"refresh": first["refresh"]})
    assert reused.status_code == 401
    assert reused.json()["error"]["code"] == "AUTHENTICATION_FAILED"
    assert api.post(REFRESH, {"refresh": second["refresh"]}).status_code == 200


def test_refresh_keeps_client_claims(api, trainer, client_):
    tokens = api.post(PIN_LOGIN, {"email": "carol@example.com", "pin": DEFAULT_PIN}).json()["data"]

    refreshed = api.post(REFRESH, {"refresh": tokens["refresh"]}).json()["data"]

    access = claims(refreshed["access"])
    assert (access["role"], access["trainer_id"]) == ("client", trainer.pk)


@pytest.mark.parametrize("token", ["garbage", "a.b.c"])
def test_refresh_with_a_bad_token_is_401(api, token):
    response = api.post(REFRESH, {"refresh": token})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "AUTHENTICATION_FAILED"


def test_an_access_token_is_not_a_refresh_token(api, trainer):
    tokens = _login(api)

    assert api.post(REFRESH, {"refresh": tokens["access"]}).status_code == 401


def test_refresh_is_refused_once_the_user_is_deactivated(api, trainer):
    tokens = _login(api)
    User.objects.filter(pk=trainer.user.pk).update(is_active=False)

    assert api.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 401


def test_logout_revokes_the_refresh_token(api, trainer):
    tokens = _login(api)

    response = api.post(LOGOUT, {"refresh": tokens["refresh"]})

    assert response.status_code == 204
    assert response.content == b""
    after = api.post(REFRESH, {"refresh": tokens["refresh"]})
    assert after.status_code == 401
    assert after.json()["error"]["code"] == "AUTHENTICATION_FAILED"


def test_logout_with_a_bad_or_missing_token(api):
    assert api.post(LOGOUT, {"refresh": "nope"}).status_code == 401
    assert api.post(LOGOUT, {}).status_code == 400


# --- me ------------------------------------------------------------------------------


def test_me_for_a_trainer(trainer_api, trainer):
    response = trainer_api.get(ME)

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["email"] == "alice@example.com"
    assert data["role"] == "trainer"
    assert data["trainer_id"] == trainer.pk
    assert data["trainer"]["business_name"] == "Alice Strength"
    assert data["client"] is None


def test_me_for_a_client_hides_the_trainers_private_notes(client_api, client_, trainer):
    Client.objects.filter(pk=client_.pk).update(notes="Secret coach note", goals="Run 10k")

    data = client_api.get(ME).json()["data"]

    assert data["role"] == "client"
    assert data["trainer_id"] == trainer.pk
    assert data["trainer"] is None
    assert data["client"]["id"] == client_.pk
    assert data["client"]["goals"] == "Run 10k"
    assert data["client"]["trainer"]["business_name"] == "Alice Strength"
    assert "Secret coach note" not in str(data)


def test_me_without_a_token_is_401_with_www_authenticate(api):
    response = api.get(ME)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["error"]["code"] == "AUTHENTICATION_FAILED"


def test_me_with_an_expired_token_is_401(api, trainer):
    from rest_framework_simplejwt.tokens import AccessToken

    token = AccessToken.for_user(trainer.user)
    token.set_exp(lifetime=timedelta(seconds=-1))
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")

    response = api.get(ME)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "AUTHENTICATION_FAILED"
