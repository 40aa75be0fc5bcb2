"""Reads of the trainer's own things: the outbox."""

from __future__ import annotations

from django.db.models import QuerySet

from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_write
from trainers.models import EmailStatus, OutboundEmail, Trainer

#: the outbox page's filter: "" = every email
EMAIL_FILTERS = {"": "All emails", EmailStatus.FAILED: "Not sent", EmailStatus.QUEUED: "Waiting"}


def email_list(*, trainer: Trainer, status: str = "") -> QuerySet[OutboundEmail]:
    emails = OutboundEmail.objects.for_trainer(trainer)
    if status in (EmailStatus.FAILED, EmailStatus.QUEUED):
        emails = emails.filter(status=status)
    return emails.order_by("-created_at", "-pk")


def email_failed_count(*, trainer: Trainer) -> int:
    return OutboundEmail.objects.for_trainer(trainer).filter(status=EmailStatus.FAILED).count()


def email_get_for_write(*, actor: Actor, pk: int) -> OutboundEmail:
    return get_for_write(OutboundEmail.objects.select_related("trainer"), actor=actor, pk=pk)
