"""Client PIN sign-in on /portal/: email + PIN, identical refusals, lockout, remembered
device, per-IP throttle, and the portal home."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser

from clients.services import client_reset_pin
from clients.views_portal import DEVICE_COOKIE
from tests.factories.core import DEFAULT_PIN

pytestmark = pytest.mark.django_db

REFUSED = "Invalid email or PIN."


def sign_in(browser, email="carol@example.com", pin=DEFAULT_PIN, **extra):
    return browser.post("/portal/login/", {"email": email, "pin": pin, **extra})


def test_login_page_asks_for_email_and_a_numeric_pin(client):
    page = client.get("/portal/login/")
    assert page.status_code == 200
    assert 'type="email" name="email"' in page.text
    assert 'inputmode="numeric"' in page.text
    assert 'autocomplete="one-time-code"' in page.text
    assert "Remember this device" in page.text


def test_a_client_signs_in_with_email_and_pin_and_is_greeted(client, carol):
    response = sign_in(client, email="  CAROL@example.com ")
    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert DEVICE_COOKIE not in response.cookies  # not asked to remember

    home = client.get("/portal/")
    assert "Hi, Carol!" in home.text
    assert carol.trainer.business_name in home.text
    assert "Nothing planned yet" in home.text
    carol.refresh_from_db()
    assert carol.last_login_at is not None


def test_wrong_pin_and_unknown_email_get_the_identical_answer(client, carol):
    wrong_pin = sign_in(client, pin="000111")
    unknown = sign_in(client, email="nobody@example.com")
    garbage = sign_in(client, pin="abc")

    for response in (wrong_pin, unknown, garbage):
        assert response.status_code == 200
        assert REFUSED in response.text
        assert "_auth_user_id" not in client.session

    def main_part(response):  # the page minus the echoed email and the per-render CSRF mask
        html = response.text.replace("nobody@example.com", "carol@example.com")
        return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", html.split("<main")[1])

    assert main_part(unknown) == main_part(wrong_pin)


def test_ten_wrong_pins_lock_the_account_even_against_the_right_pin(client, carol):
    for _ in range(10):
        assert REFUSED in sign_in(client, pin="999111").text
    carol.refresh_from_db()
    assert carol.is_locked

    response = sign_in(client)  # the right PIN: told the account is locked, and what to do
    assert "Sign-in is locked after too many wrong PINs. Ask your trainer for a new PIN" in (
        response.text
    )
    assert "_auth_user_id" not in client.session

    client_reset_pin(client=carol)  # the trainer's way out
    carol.refresh_from_db()
    assert not carol.is_locked


def test_a_remembered_device_asks_only_for_the_pin(client, carol):
    response = sign_in(client, remember="on")
    cookie = response.cookies[DEVICE_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 90 * 24 * 3600
    client.post("/portal/logout/")

    page = client.get("/portal/login/")
    assert "Welcome back, Carol" in page.text
    assert 'name="email"' not in page.text
    assert "Not you? Use another account" in page.text

    assert "Wrong PIN." in client.post("/portal/login/", {"pin": "000111"}).text
    response = client.post("/portal/login/", {"pin": DEFAULT_PIN})
    assert response["Location"] == "/portal/"
    assert DEVICE_COOKIE in response.cookies  # kept fresh


def test_the_remembered_cookie_alone_is_not_enough(client, carol):
    sign_in(client, remember="on")
    device = client.cookies[DEVICE_COOKIE].value

    stranger = Browser()
    stranger.cookies[DEVICE_COOKIE] = device
    assert stranger.get("/portal/")["Location"].startswith("/portal/login/")
    assert stranger.get("/")["Location"] == "/portal/login/"


def test_a_pin_reset_revokes_remembered_devices(client, carol):
    sign_in(client, remember="on")
    stale = client.cookies[DEVICE_COOKIE].value
    client.post("/portal/logout/")
    client_reset_pin(client=carol)

    page = client.get("/portal/login/")
    assert "Welcome back" not in page.text
    assert 'name="email"' in page.text
    assert page.cookies[DEVICE_COOKIE].value == ""  # the stale cookie is dropped
    client.cookies[DEVICE_COOKIE] = stale
    response = client.post("/portal/login/", {"pin": DEFAULT_PIN})
    assert "This field is required." in response.text  # the email is needed again
    assert "_auth_user_id" not in client.session


def test_not_you_forgets_the_device(client, carol):
    sign_in(client, remember="on")
    client.post("/portal/logout/")
    response = client.post("/portal/forget-device/")
    assert response["Location"] == "/portal/login/"
    assert 'name="email"' in client.get("/portal/login/").text


def test_sign_in_attempts_are_throttled_per_ip(client, carol, settings):
    settings.PORTAL_LOGIN_IP_LIMIT = 3
    for _ in range(3):
        sign_in(client, pin="123098")
    response = sign_in(client)  # even the right PIN
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.text
    assert "_auth_user_id" not in client.session
    carol.refresh_from_db()
    assert carol.failed_pin_attempts == 3  # the throttled attempt never reached the PIN check

    other_ip = Browser(REMOTE_ADDR="203.0.113.9")
    assert sign_in(other_ip)["Location"] == "/portal/"


def test_the_portal_is_for_signed_in_clients(client, carol, trainer):
    assert client.get("/portal/")["Location"] == "/portal/login/?next=/portal/"
    client.force_login(trainer.user)
    response = client.get("/portal/")
    assert response.status_code == 403
    assert "The portal is for clients" in response.text


def test_next_is_honoured_only_inside_the_site(client, carol):
    response = client.post(
        "/portal/login/?next=/portal/",
        {"email": "carol@example.com", "pin": DEFAULT_PIN, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/portal/"


def test_signing_out_of_the_portal(client, carol):
    sign_in(client)
    assert client.get("/portal/login/")["Location"] == "/portal/"  # already in
    assert client.get("/portal/logout/").status_code == 405
    response = client.post("/portal/logout/")
    assert response["Location"] == "/portal/login/"
    assert client.get("/portal/").status_code == 302


def test_an_archived_clients_open_session_ends(client, carol):
    from clients.services import client_archive

    sign_in(client)
    client_archive(client=carol)
    assert client.get("/portal/")["Location"].startswith("/portal/login/")
