"""Lockout as a weapon: a stranger's wrong PINs lock the email sign-in but never the
client's remembered device, and every lock and unlock is logged (client id, never the PIN)."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from clients.models import Client
from clients.services import client_pin_sign_in, client_reset_pin
from clients.services.sign_in import client_pin_sign_in_device, device_token_make
from tests.factories.core import DEFAULT_PIN

pytestmark = pytest.mark.django_db

WRONG = "555000"


def _lock_by_email(client_):
    for _ in range(10):
        client_pin_sign_in(email=client_.email, pin=WRONG)


def _warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_a_lock_is_logged_with_the_client_id_and_never_the_pin(client_, caplog):
    caplog.set_level(logging.WARNING, logger="clients")

    _lock_by_email(client_)

    lines = _warnings(caplog)
    assert any(f"Client {client_.pk} PIN sign-in (email) locked" in line for line in lines)
    assert all(WRONG not in line and DEFAULT_PIN not in line for line in lines)


def test_the_remembered_device_still_signs_in_while_the_email_is_locked(client_):
    token = device_token_make(client_)
    _lock_by_email(client_)

    assert client_pin_sign_in(email=client_.email, pin=DEFAULT_PIN).client is None
    assert client_pin_sign_in_device(device_token=token, pin=DEFAULT_PIN).client == client_


def test_a_device_lock_is_its_own_and_logged(client_, caplog):
    caplog.set_level(logging.WARNING, logger="clients")
    token = device_token_make(client_)
    for _ in range(10):
        client_pin_sign_in_device(device_token=token, pin=WRONG)

    assert any(
        f"Client {client_.pk} PIN sign-in (remembered device) locked" in line
        for line in _warnings(caplog)
    )
    assert client_pin_sign_in(email=client_.email, pin=DEFAULT_PIN).client == client_


def test_unlocks_are_logged_by_reset_and_by_time(client_, caplog):
    caplog.set_level(logging.WARNING, logger="clients")
    _lock_by_email(client_)
    client_.refresh_from_db()
    pin = client_reset_pin(client=client_)
    assert f"Client {client_.pk} PIN sign-in unlocked: the trainer reset the PIN" in _warnings(
        caplog
    )
    assert pin not in " ".join(_warnings(caplog))

    _lock_by_email(client_)
    Client.objects.filter(pk=client_.pk).update(locked_until=timezone.now() - timedelta(minutes=1))
    assert client_pin_sign_in(email=client_.email, pin=pin).client is not None
    assert f"Client {client_.pk} PIN sign-in (email) unlocked: lock ran out" in _warnings(caplog)
