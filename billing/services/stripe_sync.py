"""Bringing our payments in line with what Stripe says, from a webhook or a fresh read.

Nothing is marked paid unless the Stripe object names this invoice and this trainer in
its metadata and carries exactly the amount and currency we asked for; anything else is
refused with `StripeMismatch` (the caller logs it and changes nothing). Every function
here runs with the invoice locked (billing.services.ledger), and each step only moves
forward: a succeeded payment never goes back to pending or failed, and a refund is
recorded once per increase of the charge's refunded total, so replays and events in
any order end in the same state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from billing import stripe_gateway as gateway
from billing.models import Invoice, Payment, PaymentKind, PaymentMethod, PaymentStatus
from billing.services.emails import receipt_email_queue
from billing.services.ledger import invoice_settle

StripeObject = dict[str, Any]


class StripeMismatch(Exception):
    """A Stripe object that claims one of our payments but doesn't match it."""


def metadata_of(obj: StripeObject) -> dict[str, str]:
    metadata = obj.get("metadata")
    return metadata if isinstance(metadata, dict) else {}


def payment_metadata(payment: Payment, invoice: Invoice) -> dict[str, str]:
    """What we tag every PaymentIntent and Checkout Session with."""
    return {
        "invoice_id": str(invoice.pk),
        "invoice_number": invoice.display_number,
        "trainer_id": str(invoice.trainer_id),
        "client_id": str(invoice.client_id),
        "payment_id": str(payment.pk),
    }


def find_payment(obj: StripeObject) -> Payment | None:
    """Our online payment a PaymentIntent or Checkout Session belongs to: by the
    payment id in its metadata, else by the Stripe id we stored."""
    online = Payment.objects.filter(method=PaymentMethod.STRIPE, kind=PaymentKind.PAYMENT)
    payment_id = metadata_of(obj).get("payment_id", "")
    if payment_id.isdigit() and len(payment_id) < 19:
        found = online.filter(pk=int(payment_id)).first()
        if found is not None:
            return found
    object_id = obj.get("id")
    if not isinstance(object_id, str) or not object_id:
        return None
    if obj.get("object") == "checkout.session":
        return online.filter(stripe_checkout_session_id=object_id).first()
    return online.filter(stripe_payment_intent_id=object_id).first()


def _check_owner(obj: StripeObject, payment: Payment, invoice: Invoice) -> None:
    metadata = metadata_of(obj)
    if metadata.get("invoice_id") != str(payment.invoice_id):
        raise StripeMismatch(f"{obj.get('id')} names invoice {metadata.get('invoice_id')!r}.")
    if metadata.get("trainer_id") != str(invoice.trainer_id):
        raise StripeMismatch(f"{obj.get('id')} names trainer {metadata.get('trainer_id')!r}.")


def _check_amount(obj: StripeObject, payment: Payment, amount: Any) -> None:
    currency = str(obj.get("currency") or "").upper()
    if amount != payment.amount_minor or currency != payment.currency:
        raise StripeMismatch(
            f"{obj.get('id')} is for {amount} {currency}; "
            f"payment {payment.pk} expects {payment.amount_minor} {payment.currency}."
        )


def _succeed(*, invoice: Invoice, payment: Payment, intent_id: str, when: datetime) -> bool:
    """Mark the payment received (once) and settle the invoice."""
    if payment.status == PaymentStatus.SUCCEEDED:
        return False
    if payment.stripe_payment_intent_id and payment.stripe_payment_intent_id != intent_id:
        raise StripeMismatch(f"Payment {payment.pk} belongs to {payment.stripe_payment_intent_id}.")
    payment.stripe_payment_intent_id = intent_id
    payment.status = PaymentStatus.SUCCEEDED
    payment.received_at = when
    payment.failure_message = ""
    try:
        with transaction.atomic():
            payment.save()
    except IntegrityError as exc:
        raise StripeMismatch(f"{intent_id} is already recorded on another payment.") from exc
    invoice_settle(invoice=invoice)
    receipt_email_queue(invoice=invoice, payment=payment)
    return True


def intent_apply(*, invoice: Invoice, payment: Payment, intent: StripeObject) -> bool:
    """Apply a PaymentIntent's state to our payment; True when something changed."""
    _check_owner(intent, payment, invoice)
    status = intent.get("status")
    if status == "succeeded":
        _check_amount(intent, payment, intent.get("amount_received"))
        return _succeed(
            invoice=invoice, payment=payment, intent_id=str(intent["id"]), when=timezone.now()
        )
    if payment.status != PaymentStatus.PENDING:
        return False  # only a pending payment can still fail or be cancelled
    if status == "canceled":
        payment.status = PaymentStatus.CANCELED
        payment.save(update_fields=["status"])
        return True
    error = intent.get("last_payment_error")
    message = str(error.get("message") or "") if isinstance(error, dict) else ""
    if message and message != payment.failure_message:
        payment.failure_message = message[:255]  # the client can try again with another card
        payment.save(update_fields=["failure_message"])
        return True
    return False


def checkout_apply(*, invoice: Invoice, payment: Payment, session: StripeObject) -> bool:
    """A completed Checkout Session marks its payment received once Stripe says paid."""
    _check_owner(session, payment, invoice)
    if payment.stripe_checkout_session_id != session.get("id"):
        raise StripeMismatch(f"Payment {payment.pk} isn't from {session.get('id')}.")
    _check_amount(session, payment, session.get("amount_total"))
    intent_id = session.get("payment_intent")
    if session.get("payment_status") != "paid" or not isinstance(intent_id, str):
        return False  # a delayed method: payment_intent.succeeded will follow
    return _succeed(invoice=invoice, payment=payment, intent_id=intent_id, when=timezone.now())


def refund_apply(*, invoice: Invoice, payment: Payment, charge: StripeObject) -> bool:
    """Record what a charge's refunded total adds to the refunds we already have for
    this payment (never less: an older, smaller total is a no-op)."""
    if payment.status != PaymentStatus.SUCCEEDED:
        raise StripeMismatch(f"{charge.get('id')} refunds payment {payment.pk}, not received.")
    if charge.get("payment_intent") != payment.stripe_payment_intent_id:
        raise StripeMismatch(f"{charge.get('id')} isn't a charge of payment {payment.pk}.")
    refunded = charge.get("amount_refunded")
    if not isinstance(refunded, int) or not 0 <= refunded <= payment.amount_minor:
        raise StripeMismatch(f"{charge.get('id')} refunds {refunded!r} of {payment.amount_minor}.")
    _check_amount(charge, payment, charge.get("amount"))
    recorded = (
        payment.refunds.filter(method=PaymentMethod.STRIPE).aggregate(total=Sum("amount_minor"))[
            "total"
        ]
        or 0
    )
    if refunded <= recorded:
        return False
    refund = Payment(
        invoice=invoice,
        kind=PaymentKind.REFUND,
        refund_of=payment,
        amount_minor=refunded - recorded,
        currency=payment.currency,
        method=PaymentMethod.STRIPE,
        status=PaymentStatus.SUCCEEDED,
        stripe_refund_key=f"{charge.get('id')}:{refunded}",
        received_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            refund.save()
    except IntegrityError:
        return False  # this exact refunded total is already recorded
    invoice_settle(invoice=invoice)
    receipt_email_queue(invoice=invoice, payment=refund)
    return True


def payment_sync(*, invoice: Invoice, payment: Payment) -> bool:
    """Re-read a pending online payment from Stripe and apply what it says now."""
    if payment.stripe_payment_intent_id:
        intent = gateway.retrieve_payment_intent(payment.stripe_payment_intent_id)
        return intent_apply(invoice=invoice, payment=payment, intent=intent)
    if payment.stripe_checkout_session_id:
        session = gateway.retrieve_checkout_session(payment.stripe_checkout_session_id)
        if session.get("status") == "expired" and payment.status == PaymentStatus.PENDING:
            payment.status = PaymentStatus.CANCELED
            payment.save(update_fields=["status"])
            return True
        return checkout_apply(invoice=invoice, payment=payment, session=session)
    return False
