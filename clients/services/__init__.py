"""Client accounts: create, change, archive and delete a client, and issue their PIN
(shown once). Signing in with the PIN lives in clients.services.sign_in; its names are
available from here too."""

from __future__ import annotations

import itertools
import logging
import secrets
from datetime import date
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from clients.models import Client, ClientStatus
from clients.services.sign_in import (
    PIN_LOGIN_FAILED,
    WRONG_PIN,
    PinSignIn,
    client_pin_login,
    client_pin_login_device,
    client_pin_sign_in,
    client_pin_sign_in_device,
    device_client,
    device_token_make,
    locked_message,
)
from fitnesspr.errors import ConflictError
from fitnesspr.links import site_link
from fitnesspr.models import Role, User
from fitnesspr.services import email_is_taken, user_create
from fitnesspr.tokens import tokens_revoke_all
from trainers.models import EmailKind, Trainer
from trainers.services import email_queue

__all__ = [
    "PIN_LOGIN_FAILED",
    "WRONG_PIN",
    "ClientChanges",
    "PinSignIn",
    "client_archive",
    "client_create",
    "client_delete",
    "client_pin_login",
    "client_pin_login_device",
    "client_pin_sign_in",
    "client_pin_sign_in_device",
    "client_reset_pin",
    "client_update",
    "device_client",
    "device_token_make",
    "locked_message",
    "pin_generate",
]


logger = logging.getLogger(__name__)


def _is_weak_pin(pin: str) -> bool:
    digits = [int(d) for d in pin]
    steps = {b - a for a, b in itertools.pairwise(digits)}
    return len(set(pin)) == 1 or steps in ({1}, {-1})


def pin_generate(length: int | None = None) -> str:
    """A random PIN of `length` digits (6 to 8), never all-same or a straight run."""
    length = length or settings.PIN_LENGTH
    if not 6 <= length <= 8:
        raise ValueError("PIN length must be 6 to 8 digits.")
    while True:
        pin = f"{secrets.randbelow(10**length):0{length}d}"
        if not _is_weak_pin(pin):
            return pin


def _set_new_pin(client: Client) -> str:
    pin = pin_generate()
    client.pin_hash = make_password(pin)
    client.failed_pin_attempts = 0
    client.locked_until = None
    client.device_failed_pin_attempts = 0
    client.device_locked_until = None
    return pin


#: an address some other account uses: refused without saying whose it is or what it is
EMAIL_UNAVAILABLE = "This email address can't be used for a client. Ask them for another one."
EMAIL_IS_YOUR_CLIENT = "One of your clients already has this email address."


def _check_email_free(trainer: Trainer, email: str, *, exclude_user: User | None = None) -> None:
    """Refuse an address another login has. Only the trainer's own clients are named as
    the reason; any other owner (a client of another trainer, a trainer, staff) gets a
    message that confirms nothing about them."""
    email = User.objects.normalize_email(email.strip()).lower()
    if not email_is_taken(email, exclude_user=exclude_user):
        return
    mine = Client.objects.filter(trainer=trainer, user__email__iexact=email)
    if exclude_user is not None:
        mine = mine.exclude(user=exclude_user)
    raise ConflictError(EMAIL_IS_YOUR_CLIENT if mine.exists() else EMAIL_UNAVAILABLE, field="email")


@transaction.atomic
def client_create(
    *,
    trainer: Trainer,
    first_name: str,
    email: str,
    last_name: str = "",
    phone: str = "",
    date_of_birth: date | None = None,
    height_cm: Decimal | None = None,
    goals: str = "",
    notes: str = "",
    status: str = ClientStatus.ACTIVE,
    send_welcome: bool = True,
    email_pin: bool = False,
) -> tuple[Client, str]:
    """Create a client and its login; returns the client and its PIN (shown once). The
    welcome email tells the client where their portal is; it carries the PIN only when
    the trainer asks for that (`email_pin`)."""
    if not first_name.strip():
        raise ValidationError({"first_name": "Enter the client's first name."})
    _check_email_free(trainer, email)
    user = user_create(
        email=email,
        password=None,
        role=Role.CLIENT,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    client = Client(
        trainer=trainer,
        user=user,
        phone=phone.strip(),
        date_of_birth=date_of_birth,
        height_cm=height_cm,
        goals=goals,
        notes=notes,
        status=status,
    )
    pin = _set_new_pin(client)
    client.full_clean(exclude=["user", "trainer"])
    client.save()
    if send_welcome:
        email_queue(
            trainer=trainer,
            key=f"welcome:client:{client.pk}",
            kind=EmailKind.WELCOME,
            to_email=user.email,
            subject=f"Welcome to {trainer.business_name}",
            template="clients/emails/welcome",
            context={
                "client": client,
                "portal_url": site_link("clients:portal_login"),
                "pin": pin if email_pin else "",
            },
            has_secret=email_pin,
        )
    return client, pin


class ClientChanges(TypedDict, total=False):
    """What `client_update` may change; any subset."""

    first_name: str
    last_name: str
    email: str
    phone: str
    date_of_birth: date | None
    height_cm: Decimal | None
    goals: str
    notes: str
    status: str


_USER_FIELDS = {"first_name", "last_name", "email"}
_CLIENT_FIELDS = set(ClientChanges.__annotations__) - _USER_FIELDS


@transaction.atomic
def client_update(*, client: Client, **changes: Unpack[ClientChanges]) -> Client:
    """Change a client's profile; the email stays unique across all logins."""
    fields: dict[str, Any] = dict(changes)
    unknown = set(fields) - _USER_FIELDS - _CLIENT_FIELDS
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "This field cannot be changed."))
    user = client.user
    if "email" in fields:
        fields["email"] = User.objects.normalize_email(fields["email"].strip()).lower()
        _check_email_free(client.trainer, fields["email"], exclude_user=user)
    if "first_name" in fields and not str(fields["first_name"]).strip():
        raise ValidationError({"first_name": "Enter the client's first name."})
    for name, value in fields.items():
        setattr(user if name in _USER_FIELDS else client, name, value)
    archiving = client.status == ClientStatus.ARCHIVED and user.is_active
    # An archived client has no access at all; bringing one back restores it, signed out.
    user.is_active = client.status != ClientStatus.ARCHIVED
    if archiving:
        user.set_unusable_password()  # a new value: every open session of theirs ends
    user.full_clean(exclude=["password"])
    client.full_clean(exclude=["user", "trainer"])
    user.save()
    client.save()
    if archiving:
        tokens_revoke_all(user)
    return client


@transaction.atomic
def client_reset_pin(*, client: Client) -> str:
    """Issue a new PIN: unlocks the account and signs the client out everywhere
    (portal sessions, remembered devices and API refresh tokens)."""
    now = timezone.now()
    was_locked = any(
        until and until > now for until in (client.locked_until, client.device_locked_until)
    )
    pin = _set_new_pin(client)
    if was_locked:
        logger.warning("Client %s PIN sign-in unlocked: the trainer reset the PIN", client.pk)
    client.pin_version += 1
    client.save(
        update_fields=[
            "pin_hash",
            "pin_version",
            "failed_pin_attempts",
            "locked_until",
            "device_failed_pin_attempts",
            "device_locked_until",
        ]
    )
    _sign_out_everywhere(client.user)
    return pin


def _sign_out_everywhere(user: User) -> None:
    """End every portal session, remembered device (the caller bumps pin_version) and API
    refresh token of a client: a lost phone must not stay signed in anywhere. A client has
    no password; a new unusable one changes the hash every session is checked against."""
    user.set_unusable_password()
    user.save(update_fields=["password"])
    tokens_revoke_all(user)


def client_archive(*, client: Client) -> Client:
    """Archived clients keep their history but can no longer sign in anywhere."""
    return client_update(client=client, status=ClientStatus.ARCHIVED)


@transaction.atomic
def client_delete(*, client: Client) -> None:
    """Delete a client and their login. A client with invoices keeps them: the books
    must not lose records, so such a client can only be archived."""
    user = client.user
    try:
        with transaction.atomic():
            client.delete()
            user.delete()
    except (RestrictedError, ProtectedError) as exc:
        raise ConflictError(
            "This client has invoices or payments on record; archive the client instead."
        ) from exc
