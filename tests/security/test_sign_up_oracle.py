"""Sign-up never tells whether an address already has an account: the API and the page
answer a taken address (a trainer's, a client's, any case) exactly as a new one, do the
same password hashing, and email the address's owner instead of saying it is taken."""

from __future__ import annotations

import pytest
from django.contrib.auth import hashers

from fitnesspr.models import User
from tests.api.test_auth import SIGN_UP
from tests.html.test_accounts import SIGNUP as PAGE
from trainers.models import Trainer

pytestmark = pytest.mark.django_db

REGISTER = "/api/v1/auth/register/"


def _shape(response):
    body = response.json()
    address = body["data"]["email"]
    body["data"] = {**body["data"], "email": "<address>"}
    body["message"] = body["message"].replace(address, "<address>")
    return response.status_code, body


@pytest.fixture
def hashing(monkeypatch):
    calls = []
    real = hashers.make_password

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(hashers, "make_password", counting)
    monkeypatch.setattr("trainers.services.make_password", counting)
    monkeypatch.setattr("django.contrib.auth.base_user.make_password", counting)
    return calls


@pytest.mark.parametrize("taken", ["alice@example.com", "CAROL@example.com"])
def test_the_api_answers_a_taken_address_like_a_new_one(
    api, trainer, client_, taken, mailoutbox, django_capture_on_commit_callbacks, hashing
):
    hashing.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new = api.post(REGISTER, SIGN_UP, format="json")
    new_hashes = len(hashing)
    with django_capture_on_commit_callbacks(execute=True):
        old = api.post(REGISTER, {**SIGN_UP, "email": taken}, format="json")

    assert new.status_code == old.status_code == 202
    assert _shape(new) == _shape(old)
    assert new_hashes >= 1  # password work either way
    assert len(hashing) - new_hashes >= 1
    assert Trainer.objects.count() == 2  # alice and erin: nothing for the taken address
    assert User.objects.filter(email__iexact=taken).count() == 1
    owner_mail = mailoutbox[-1]
    assert owner_mail.to == [taken.lower()]
    assert "already has one" in owner_mail.body
    assert "/accounts/password-reset/" in owner_mail.body or "password" in owner_mail.body


def test_the_page_answers_a_taken_address_like_a_new_one(
    client, trainer, client_, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post("/accounts/signup/", PAGE)
    with django_capture_on_commit_callbacks(execute=True):
        old = client.post("/accounts/signup/", {**PAGE, "email": client_.email.upper()})

    assert new.status_code == old.status_code == 302
    assert new["Location"] == old["Location"] == "/accounts/signup/check-email/"
    assert Trainer.objects.count() == 2
    assert "_auth_user_id" not in client.session
    assert [m.to[0] for m in mailoutbox] == [PAGE["email"], client_.email.lower()]
    assert "An account with this email" not in client.get(old["Location"]).text


def test_a_weak_password_is_refused_the_same_for_a_taken_address(api, trainer):
    weak = {**SIGN_UP, "password": "short1"}
    new = api.post(REGISTER, weak, format="json")
    old = api.post(REGISTER, {**weak, "email": "alice@example.com"}, format="json")

    assert new.status_code == old.status_code == 400
    assert new.json() == old.json()


# ---------- the trainer's "add client" ----------


def test_adding_a_client_names_the_reason_only_for_the_trainers_own_clients(
    trainer, client_, outsider
):
    from tests.api.conftest import bearer
    from tests.factories.core import ClientFactory

    ClientFactory(trainer=outsider, user__email="dave@example.com")
    alice = bearer(trainer.user)
    body = {"first_name": "X", "email": ""}

    mine = alice.post("/api/v1/clients/", {**body, "email": "CAROL@example.com"})
    theirs = alice.post("/api/v1/clients/", {**body, "email": "dave@example.com"})
    a_trainer = alice.post("/api/v1/clients/", {**body, "email": "bob@example.com"})

    assert mine.status_code == theirs.status_code == a_trainer.status_code == 409
    assert mine.json()["error"]["message"] == "One of your clients already has this email address."
    unavailable = "This email address can't be used for a client. Ask them for another one."
    assert theirs.json()["error"]["message"] == unavailable
    assert a_trainer.json()["error"]["message"] == unavailable
    assert theirs.json() == a_trainer.json()
