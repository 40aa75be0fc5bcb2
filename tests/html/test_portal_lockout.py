"""What a client is told when PINs go wrong: tries left near the lock, the lock itself
(with what to do), "Wrong PIN" on a remembered device, the same answers for an unknown
email, and per-address limits that count failed sign-ins only."""

from __future__ import annotations

import re

import pytest
from django.test import Client as Browser

from clients.services import client_pin_login
from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN, ClientFactory
from tests.html.test_portal import sign_in

pytestmark = pytest.mark.django_db

LOCKED = "Sign-in is locked after too many wrong PINs. Ask your trainer for a new PIN"


def error_of(response) -> str:
    match = re.search(r'<div class="form-errors" role="alert"[^>]*>\s*<p>(.*?)</p>', response.text)
    assert match is not None, "no error shown"
    return match.group(1).replace("&#x27;", "'")


def test_after_seven_wrong_pins_the_tries_left_are_shown(client, carol):
    answers = [error_of(sign_in(client, pin="555000")) for _ in range(10)]

    assert answers[:6] == ["Invalid email or PIN."] * 6
    assert answers[6] == (
        "Invalid email or PIN. 3 tries left before sign-in is locked for 60 minutes."
    )
    assert answers[8].endswith("1 try left before sign-in is locked for 60 minutes.")
    assert answers[9].startswith("Invalid email or PIN. " + LOCKED)
    carol.refresh_from_db()
    assert carol.is_locked
    # locked: told so whatever the PIN, and never let in
    assert error_of(sign_in(client)).startswith(LOCKED)
    assert error_of(sign_in(client, pin="555000")).startswith(LOCKED)
    assert "_auth_user_id" not in client.session


def test_an_unknown_email_gets_exactly_the_same_answers(client, carol):
    known = [error_of(sign_in(client, pin="555000")) for _ in range(11)]
    unknown = [error_of(sign_in(client, email="nobody@example.com")) for _ in range(11)]

    assert unknown == known


def test_a_remembered_device_says_wrong_pin_and_counts_apart(client, carol):
    sign_in(client, remember="on")
    client.post("/portal/logout/")

    first = client.post("/portal/login/", {"pin": "555000"})
    assert error_of(first) == "Wrong PIN."
    for _ in range(5):
        client.post("/portal/login/", {"pin": "555000"})
    assert error_of(client.post("/portal/login/", {"pin": "555000"})).endswith(
        "3 tries left before sign-in is locked for 60 minutes."
    )

    # someone else guessing at Carol's email locks the email sign-in...
    stranger = Browser(REMOTE_ADDR="198.51.100.7")
    for _ in range(10):
        sign_in(stranger, pin="123123")
    assert client_pin_login(email="carol@example.com", pin=DEFAULT_PIN) is None
    # ...but not Carol's own phone
    assert client.post("/portal/login/", {"pin": DEFAULT_PIN})["Location"] == "/portal/"


def test_thirty_clients_signing_in_from_one_gym_are_all_let_in(settings, trainer):
    settings.PORTAL_LOGIN_IP_LIMIT = 30
    gym = "192.0.2.10"
    clients = [
        ClientFactory(trainer=trainer, user__email=f"member{n}@example.com") for n in range(31)
    ]

    for member in clients:
        browser = Browser(REMOTE_ADDR=gym)
        assert sign_in(browser, email=member.user.email)["Location"] == "/portal/"

    guesser = Browser(REMOTE_ADDR=gym)
    for n in range(30):
        assert sign_in(guesser, email=f"guess{n}@example.com").status_code == 200
    limited = sign_in(guesser, email="guess-last@example.com")
    assert limited.status_code == 429
    assert "Too many sign-in attempts from this network" in limited.text
    # once the address is over its limit, nobody from it gets through until the window ends
    assert sign_in(Browser(REMOTE_ADDR=gym), email=clients[0].user.email).status_code == 429


def test_trainer_sign_ins_that_succeed_do_not_count(client, trainer, settings):
    settings.TRAINER_LOGIN_IP_LIMIT = 2
    for _ in range(5):
        signed_in = client.post(
            "/accounts/login/", {"username": "alice@example.com", "password": DEFAULT_PASSWORD}
        )
        assert signed_in.status_code == 302
        client.post("/accounts/logout/")
    for _ in range(2):
        client.post("/accounts/login/", {"username": "alice@example.com", "password": "nope"})
    refused = client.post(
        "/accounts/login/", {"username": "alice@example.com", "password": DEFAULT_PASSWORD}
    )
    assert refused.status_code == 429
