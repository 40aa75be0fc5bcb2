"""PIN sign-in.

A PIN alone is not a credential (N clients share one PIN space), so sign-in always pairs
it with an identifier: the email, or a signed remembered-device cookie naming the client.
Each client is locked after PIN_MAX_FAILED_ATTEMPTS consecutive failures, counted apart
for the email sign-in and for the remembered device (failures from elsewhere never lock
a client out of their own phone).
"""

from __future__ import annotations

import hashlib
import logging
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from clients.models import Client, ClientStatus

logger = logging.getLogger(__name__)

PIN_LOGIN_FAILED = "Invalid email or PIN."
WRONG_PIN = "Wrong PIN."
#: from how many tries left a refusal says how many remain (after 7 of 10 by default)
TRIES_LEFT_SHOWN = 3
#: how long the wrong PINs against an unknown email are remembered
UNKNOWN_ATTEMPTS_SECONDS = 24 * 60 * 60
DEVICE_SALT = "clients.remembered-device"
# Hash of a random PIN, checked when the email is unknown so both paths cost the same.
_DUMMY_PIN_HASH = make_password(secrets.token_hex(8))


@dataclass(frozen=True)
class PinSignIn:
    """How a PIN sign-in went: the client, or the message to show (in plain words)."""

    client: Client | None
    error: str = ""


@dataclass
class _Attempts:
    """A run of wrong PINs against one identifier, and the lock it ends in."""

    failures: int = 0
    locked_until: datetime | None = None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > timezone.now()

    def fail(self) -> str:
        """Count a wrong PIN; what to add to the refusal (tries left, or the lock)."""
        self.failures += 1
        left = settings.PIN_MAX_FAILED_ATTEMPTS - self.failures
        if left <= 0:
            self.locked_until = timezone.now() + timedelta(minutes=settings.PIN_LOCKOUT_MINUTES)
            self.failures = 0
            return " " + locked_message(self.locked_until)
        if left <= TRIES_LEFT_SHOWN:
            tries = "try" if left == 1 else "tries"
            minutes = settings.PIN_LOCKOUT_MINUTES
            return f" {left} {tries} left before sign-in is locked for {minutes} minutes."
        return ""

    def succeed(self) -> None:
        self.failures, self.locked_until = 0, None


def locked_message(until: datetime) -> str:
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    wait = f"{minutes} minute{'s' if minutes != 1 else ''}"
    return (
        "Sign-in is locked after too many wrong PINs. Ask your trainer for a new PIN, "
        f"or try again in {wait}."
    )


def _unknown_attempts_key(email: str) -> str:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"pin-attempts:{digest}"


def _refuse_unknown(email: str, pin: str) -> PinSignIn:
    """An email no client can sign in with gets the answers a real account would get,
    tries left and lock included (counted in the cache), so the answers never tell
    whether an email belongs to a client."""
    check_password(pin, _DUMMY_PIN_HASH)  # the same cost as a real check
    key = _unknown_attempts_key(email)
    attempts = cache.get(key) or _Attempts()
    if attempts.locked:
        assert attempts.locked_until is not None
        return PinSignIn(None, locked_message(attempts.locked_until))
    extra = attempts.fail()
    if attempts.locked:
        logger.warning("PIN sign-in locked for an unknown address (%s)", key[-12:])
    cache.set(key, attempts, timeout=UNKNOWN_ATTEMPTS_SECONDS)
    return PinSignIn(None, PIN_LOGIN_FAILED + extra)


def _check_pin(client_id: int, pin: str, *, on_device: bool) -> PinSignIn:
    refused = WRONG_PIN if on_device else PIN_LOGIN_FAILED
    failures_field, lock_field = (
        ("device_failed_pin_attempts", "device_locked_until")
        if on_device
        else ("failed_pin_attempts", "locked_until")
    )
    with transaction.atomic():
        client = (
            Client.objects.select_for_update(of=("self",))
            .select_related("user", "trainer")
            .filter(pk=client_id)
            .first()
        )
        if client is None:
            check_password(pin, _DUMMY_PIN_HASH)
            return PinSignIn(None, refused)
        attempts = _Attempts(getattr(client, failures_field), getattr(client, lock_field))
        if attempts.locked:
            # Told whatever the PIN: the lock is the client's to hear about (an unknown
            # email locks the same way, so this says nothing about who has an account).
            check_password(pin, _DUMMY_PIN_HASH)
            assert attempts.locked_until is not None
            return PinSignIn(None, locked_message(attempts.locked_until))
        now = timezone.now()
        where = "remembered device" if on_device else "email"
        if check_password(pin, client.pin_hash):
            if attempts.locked_until is not None:  # a lock that has run out
                logger.warning(
                    "Client %s PIN sign-in (%s) unlocked: lock ran out", client.pk, where
                )
            attempts.succeed()
            setattr(client, failures_field, 0)
            setattr(client, lock_field, None)
            client.last_login_at = now
            client.save(update_fields=[failures_field, lock_field, "last_login_at"])
            client.user.last_login = now
            client.user.save(update_fields=["last_login"])
            return PinSignIn(client)
        extra = attempts.fail()
        if attempts.locked:
            logger.warning(
                "Client %s PIN sign-in (%s) locked until %s after %s wrong PINs",
                client.pk,
                where,
                attempts.locked_until.isoformat() if attempts.locked_until else "",
                settings.PIN_MAX_FAILED_ATTEMPTS,
            )
        setattr(client, failures_field, attempts.failures)
        setattr(client, lock_field, attempts.locked_until)
        client.save(update_fields=[failures_field, lock_field])
        return PinSignIn(None, refused + extra)


def client_pin_sign_in(*, email: str, pin: str) -> PinSignIn:
    """Sign in with email and PIN. A wrong PIN and an unknown (or archived) email get
    the same answers, counts of tries left and lock included; a locked account is told
    so, and to ask the trainer for a new PIN."""
    pin = (pin or "").strip()
    client_id = (
        Client.objects.filter(
            user__email__iexact=(email or "").strip(),
            user__is_active=True,
        )
        .exclude(status=ClientStatus.ARCHIVED)
        .values_list("pk", flat=True)
        .first()
    )
    if client_id is None:
        return _refuse_unknown(email or "", pin)
    return _check_pin(client_id, pin, on_device=False)


def client_pin_login(*, email: str, pin: str) -> Client | None:
    """The client with this email and PIN, or None (see client_pin_sign_in)."""
    return client_pin_sign_in(email=email, pin=pin).client


def client_pin_sign_in_device(*, device_token: str, pin: str) -> PinSignIn:
    """PIN sign-in on a remembered device: the signed cookie is the identifier, so a
    refusal says "Wrong PIN". Wrong PINs here have their own count and lock."""
    client = device_client(device_token)
    pin = (pin or "").strip()
    if client is None:
        check_password(pin, _DUMMY_PIN_HASH)
        return PinSignIn(None, WRONG_PIN)
    return _check_pin(client.pk, pin, on_device=True)


def client_pin_login_device(*, device_token: str, pin: str) -> Client | None:
    """The client a remembered device names, if the PIN is theirs (see above)."""
    return client_pin_sign_in_device(device_token=device_token, pin=pin).client


def device_token_make(client: Client) -> str:
    return signing.dumps({"c": client.pk, "v": client.pin_version}, salt=DEVICE_SALT)


def device_client(token: str | None) -> Client | None:
    """The client a remembered-device cookie names, unless expired or revoked."""
    if not token:
        return None
    try:
        data = signing.loads(
            token, salt=DEVICE_SALT, max_age=timedelta(days=settings.REMEMBER_DEVICE_DAYS)
        )
    except signing.BadSignature:
        return None
    client = Client.objects.select_related("user").filter(pk=data.get("c")).first()
    if client is None or client.pin_version != data.get("v") or not client.user.is_active:
        return None
    return client
