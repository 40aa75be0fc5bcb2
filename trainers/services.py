from __future__ import annotations

import hashlib
from collections.abc import Mapping
from decimal import Decimal
from email.utils import formataddr, parseaddr
from smtplib import SMTPException
from typing import Any, TypedDict, Unpack

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from fitnesspr.models import Role, User
from fitnesspr.services import email_is_taken, user_create
from trainers.models import EmailStatus, OutboundEmail, Trainer


def _unique_slug(name: str) -> str:
    base = slugify(name)[:120] or "trainer"
    slug, n = base, 2
    while Trainer.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def trainer_register(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    business_name: str,
    timezone: str = "UTC",
    unit_system: str = "metric",
    currency: str = "USD",
) -> Trainer:
    """A trainer signs up: one User (role trainer) and one Trainer profile, or nothing."""
    business_name = business_name.strip()
    if not business_name:
        raise ValidationError({"business_name": "Enter your business name."})
    if not first_name.strip():
        raise ValidationError({"first_name": "Enter your first name."})
    validate_password(password, User(email=email, first_name=first_name, last_name=last_name))
    user = user_create(
        email=email,
        password=password,
        role=Role.TRAINER,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    trainer = Trainer(
        user=user,
        business_name=business_name,
        slug=_unique_slug(business_name),
        timezone=timezone,
        unit_system=unit_system,
        currency=currency,
    )
    trainer.full_clean(exclude=["user"])
    trainer.save()
    return trainer


class TrainerChanges(TypedDict, total=False):
    """What `trainer_update` may change; any subset."""

    business_name: str
    timezone: str
    unit_system: str
    currency: str
    plate_increment_kg: Decimal | None


@transaction.atomic
def trainer_update(*, trainer: Trainer, **changes: Unpack[TrainerChanges]) -> Trainer:
    """Change the business profile (the slug stays: links to it must keep working)."""
    allowed = set(TrainerChanges.__annotations__)
    for name, value in changes.items():
        if name not in allowed:
            raise ValidationError({name: "This field cannot be changed."})
        setattr(trainer, name, value)
    trainer.full_clean(exclude=["user"])
    trainer.save()
    return trainer


# --- the outbox: every email a trainer's business sends --------------------------------

SECRET_REMOVED = "This email held a PIN, so its text was removed once it was sent."


@transaction.atomic
def email_queue(
    *,
    trainer: Trainer,
    key: str,
    kind: str,
    to_email: str,
    subject: str,
    template: str,
    context: Mapping[str, Any],
    unsubscribe_url: str = "",
    has_secret: bool = False,
) -> OutboundEmail:
    """Queue one email, rendered now from `<template>.txt` and `<template>.html`, and
    send it after the commit. The `key` names what the email is about: queueing the same
    key again returns the first email and sends nothing more."""
    existing = OutboundEmail.objects.filter(key=key).first()
    if existing is not None:
        return existing
    context = {**context, "trainer": trainer, "site_url": settings.SITE_URL}
    context["unsubscribe_url"] = unsubscribe_url
    email = OutboundEmail(
        trainer=trainer,
        key=key,
        kind=kind,
        to_email=to_email,
        subject=subject[:200],
        text_body=render_to_string(f"{template}.txt", context),
        html_body=render_to_string(f"{template}.html", context),
        unsubscribe_url=unsubscribe_url,
        has_secret=has_secret,
    )
    try:
        with transaction.atomic():
            email.save()
    except IntegrityError:  # the same key queued at the same moment elsewhere
        return OutboundEmail.objects.get(key=key)
    from trainers.tasks import send_email_notification

    transaction.on_commit(lambda: send_email_notification.delay(email.pk))
    return email


def _message(email: OutboundEmail) -> EmailMultiAlternatives:
    trainer = email.trainer
    _, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    headers = {
        # The same id on every attempt: a mail server or client that sees a message twice
        # (a worker killed between the hand-over and the commit) keeps one.
        "Message-ID": f"<{hashlib.sha256(email.key.encode()).hexdigest()[:32]}@fitnesspr>",
    }
    if email.unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{email.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text_body,
        from_email=formataddr((f"{trainer.business_name} via FitnessPr", address)),
        to=[email.to_email],
        reply_to=[trainer.user.email],
        headers=headers,
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    return message


def email_deliver(*, email_id: int, last_attempt: bool) -> Exception | None:
    """Send a queued email, once. The row stays locked while the mail server takes the
    message, so a second worker with the same email skips it, and a worker killed
    mid-send leaves it queued for the retry. Returns the transient error of a failed
    attempt (to retry), after recording it; on the last attempt the email is failed."""
    error: Exception | None = None
    with transaction.atomic():
        # Lock the email row only: FOR UPDATE on the joined trainer too would skip this
        # email whenever anything else holds the trainer row (another email being sent
        # or queued for the same trainer), leaving it queued for good.
        email = (
            OutboundEmail.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("trainer__user")
            .filter(pk=email_id, status=EmailStatus.QUEUED)
            .first()
        )
        if email is None:  # sent, failed for good, deleted, or another worker has it
            return None
        email.attempts += 1
        try:
            _message(email).send()
        except (SMTPException, OSError) as exc:
            error = exc
            email.last_error = f"{type(exc).__name__}: {exc}"[:500]
            if last_attempt:
                email.status = EmailStatus.FAILED
        else:
            email.status = EmailStatus.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
            if email.has_secret:  # a PIN must not wait in the database once delivered
                email.text_body, email.html_body = SECRET_REMOVED, ""
        email.save(
            update_fields=["attempts", "status", "sent_at", "last_error", "text_body", "html_body"]
        )
    return None if last_attempt else error


@transaction.atomic
def email_resend(*, email: OutboundEmail) -> OutboundEmail:
    """Try a failed email again (the trainer's "Send again")."""
    if email.status != EmailStatus.FAILED:
        raise ValidationError("Only an email that could not be sent can be sent again.")
    email.status = EmailStatus.QUEUED
    email.save(update_fields=["status"])
    from trainers.tasks import send_email_notification

    transaction.on_commit(lambda: send_email_notification.delay(email.pk))
    return email


SIGN_UP_SENT = "Check your email: we've sent the next step to {email}."


@transaction.atomic
def trainer_sign_up(**fields: Any) -> Trainer | None:
    """Sign-up that never tells whether an address already has an account.

    A new address gets its trainer account (as `trainer_register`) and a welcome email
    with the sign-in link; a taken address gets nothing new, only an email saying someone
    tried to sign up with it. Both do the same password hashing, so the answer and its
    time are the same either way. Returns the new trainer, or None for a taken address.
    Problems that don't depend on the address (a weak password, no name) are refused."""
    email = User.objects.normalize_email(str(fields["email"]).strip()).lower()
    fields["email"] = email
    if not email_is_taken(email):
        trainer = trainer_register(**fields)
        _send_after_commit(email, "signup_welcome", {"first_name": trainer.user.first_name})
        return trainer
    _check_sign_up(fields)
    make_password(fields["password"])  # the work creating the account would have done
    _send_after_commit(email, "signup_taken", {})
    return None


def _check_sign_up(fields: Mapping[str, Any]) -> None:
    if not str(fields.get("business_name", "")).strip():
        raise ValidationError({"business_name": "Enter your business name."})
    if not str(fields.get("first_name", "")).strip():
        raise ValidationError({"first_name": "Enter your first name."})
    probe = User(email=fields["email"], first_name=fields["first_name"])
    validate_password(fields["password"], probe)


def _send_after_commit(to_email: str, template: str, context: Mapping[str, Any]) -> None:
    context = {**context, "site_url": settings.SITE_URL, "email": to_email}
    subject = render_to_string(f"trainers/emails/{template}_subject.txt", context).strip()
    body = render_to_string(f"trainers/emails/{template}.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [to_email], fail_silently=True))
