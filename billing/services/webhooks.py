"""Stripe webhooks, exactly once. The event id is stored in a unique row in the same
transaction that applies the event: a replay (even one arriving while the first
delivery is still being applied: it waits on the row, then finds it) is answered as a
duplicate and changes nothing, and an event whose processing failed leaves no row, so
Stripe's retry applies it later.

Handled: payment_intent.succeeded, payment_intent.payment_failed,
checkout.session.completed and charge.refunded. A failure is re-read from Stripe before
it is applied (a later success wins), and so is a refund of a payment we haven't seen
succeed yet, so events in any order end in the state Stripe is in."""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any, NamedTuple

from django.db import IntegrityError, transaction
from django.utils import timezone

from billing import stripe_gateway as gateway
from billing.models import Payment, PaymentMethod, PaymentStatus, StripeEvent
from billing.services.ledger import invoice_lock
from billing.services.stripe_sync import (
    StripeMismatch,
    checkout_apply,
    find_payment,
    intent_apply,
    refund_apply,
)

logger = logging.getLogger(__name__)

StripeObject = dict[str, Any]


class WebhookOutcome(StrEnum):
    APPLIED = "applied"  # it changed a payment or an invoice
    UNCHANGED = "unchanged"  # ours, but nothing new (an older or repeated state)
    DUPLICATE = "duplicate"  # this event id was received before
    IGNORED = "ignored"  # a type we don't handle, or nothing of ours
    REJECTED = "rejected"  # claims one of our payments but doesn't match it; logged


HANDLED_TYPES = (
    "payment_intent.succeeded",
    "payment_intent.payment_failed",
    "checkout.session.completed",
    "charge.refunded",
)


class WebhookResult(NamedTuple):
    event_id: str
    type: str
    outcome: WebhookOutcome


def stripe_webhook_receive(*, payload: bytes, signature: str | None) -> WebhookResult:
    """Verify a webhook (WebhookSignatureError when it can't be trusted), then record
    and apply its event once."""
    event = gateway.verify_webhook(payload, signature)
    outcome = _record_and_apply(event)
    return WebhookResult(str(event["id"]), str(event.get("type") or ""), outcome)


@transaction.atomic
def _record_and_apply(event: StripeObject) -> WebhookOutcome:
    event_type = str(event.get("type") or "")[:100]
    try:
        with transaction.atomic():
            record = StripeEvent.objects.create(
                event_id=event["id"], type=event_type, payload=event
            )
    except IntegrityError:
        return WebhookOutcome.DUPLICATE
    try:
        with transaction.atomic():  # a refusal half-way leaves nothing behind
            outcome = _apply(event_type, event)
    except StripeMismatch as exc:
        logger.warning("Stripe event %s (%s) not applied: %s", event["id"], event_type, exc)
        record.error = str(exc)
        outcome = WebhookOutcome.REJECTED
    record.processed_at = timezone.now()
    record.save(update_fields=["error", "processed_at"])
    return outcome


def _apply(event_type: str, event: StripeObject) -> WebhookOutcome:
    if event_type not in HANDLED_TYPES:
        return WebhookOutcome.IGNORED
    if event.get("account"):
        raise StripeMismatch(f"The event is for connected account {event['account']!r}, not ours.")
    obj = event["data"].get("object")
    if not isinstance(obj, dict):
        raise StripeMismatch("The event carries no object.")
    if event_type == "charge.refunded":
        return _charge_refunded(obj)
    payment = find_payment(obj)
    if payment is None:
        return WebhookOutcome.IGNORED
    invoice = invoice_lock(invoice_id=payment.invoice_id)
    payment.refresh_from_db()  # as it is now that we hold the lock
    if event_type == "checkout.session.completed":
        changed = checkout_apply(invoice=invoice, payment=payment, session=obj)
    elif event_type == "payment_intent.succeeded":
        changed = intent_apply(invoice=invoice, payment=payment, intent=obj)
    else:  # a failure may be old news: apply what the PaymentIntent says now
        intent = gateway.retrieve_payment_intent(str(obj.get("id")))
        changed = intent_apply(invoice=invoice, payment=payment, intent=intent)
    return WebhookOutcome.APPLIED if changed else WebhookOutcome.UNCHANGED


def _charge_refunded(charge: StripeObject) -> WebhookOutcome:
    intent_id = charge.get("payment_intent")
    if not isinstance(intent_id, str) or not intent_id:
        return WebhookOutcome.IGNORED
    payment = Payment.objects.filter(
        method=PaymentMethod.STRIPE, stripe_payment_intent_id=intent_id
    ).first()
    intent = None
    if payment is None or payment.status != PaymentStatus.SUCCEEDED:
        # The refund came first: learn from Stripe whose payment this is, and that it
        # succeeded, before recording money going back.
        intent = gateway.retrieve_payment_intent(intent_id)
        payment = payment or find_payment(intent)
        if payment is None:
            return WebhookOutcome.IGNORED
    invoice = invoice_lock(invoice_id=payment.invoice_id)
    payment.refresh_from_db()
    changed = False
    if intent is not None:
        changed = intent_apply(invoice=invoice, payment=payment, intent=intent)
    changed = refund_apply(invoice=invoice, payment=payment, charge=charge) or changed
    return WebhookOutcome.APPLIED if changed else WebhookOutcome.UNCHANGED
