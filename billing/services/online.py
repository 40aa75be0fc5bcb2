"""Starting an online payment through Stripe: a PaymentIntent (the API: the caller
confirms it with the client secret) or a hosted Checkout page (the portal's Pay
button). Either way the invoice is locked while we look, so twenty "pay" clicks at once
make one Stripe object for the open balance, and the next click reuses it while it can
still be paid. A webhook finalises the payment (billing.services.webhooks)."""

from __future__ import annotations

import logging
from typing import NamedTuple

from django.db import transaction

from billing import stripe_gateway as gateway
from billing.models import PAYABLE, Invoice, InvoiceStatus, Payment, PaymentMethod, PaymentStatus
from billing.services.ledger import invoice_lock
from billing.services.stripe_sync import StripeMismatch, payment_metadata, payment_sync
from fitnesspr.errors import ConflictError

logger = logging.getLogger(__name__)

PROCESSING = "A payment for this invoice is being processed. Check back in a few minutes."


class IntentStart(NamedTuple):
    payment: Payment
    intent_id: str
    client_secret: str
    created: bool  # False: an open PaymentIntent was reused


class CheckoutStart(NamedTuple):
    payment: Payment
    url: str


def check_payable(invoice: Invoice) -> None:
    """Refuse (409) paying an invoice that has nothing to pay."""
    status = InvoiceStatus(invoice.status)
    if status == InvoiceStatus.DRAFT:
        raise ConflictError(f"{invoice.display_number} hasn't been issued yet.")
    if status == InvoiceStatus.PAID or (status in PAYABLE and invoice.balance_due_minor <= 0):
        raise ConflictError(f"{invoice.display_number} is already paid.")
    if status not in PAYABLE:
        raise ConflictError(
            f"{invoice.display_number} is {status.label.lower()}, so it can't be paid."
        )


def _pending(invoice: Invoice) -> list[Payment]:
    return list(
        invoice.payments.filter(method=PaymentMethod.STRIPE, status=PaymentStatus.PENDING).order_by(
            "pk"
        )
    )


def _retire(invoice: Invoice, payment: Payment) -> None:
    """Stop an online attempt that no longer fits the balance. If Stripe says it was
    paid meanwhile, record that instead; if Stripe can't be reached, leave it pending
    (a late payment then shows as money to refund, never as lost)."""
    try:
        if payment.stripe_payment_intent_id and not payment.stripe_checkout_session_id:
            gateway.cancel_payment_intent(payment.stripe_payment_intent_id)
        elif payment.stripe_checkout_session_id:
            gateway.expire_checkout_session(payment.stripe_checkout_session_id)
    except gateway.PaymentProviderError:
        try:
            payment_sync(invoice=invoice, payment=payment)
        except (gateway.PaymentProviderError, StripeMismatch):
            logger.warning(
                "Could not retire online payment %s of invoice %s", payment.pk, invoice.pk
            )
        return
    if payment.status == PaymentStatus.PENDING:
        payment.status = PaymentStatus.CANCELED
        payment.save(update_fields=["status"])


def stripe_payments_cancel(*, invoice: Invoice) -> None:
    """Retire every pending online payment of the locked invoice: after a manual
    payment, a refund or voiding, none of them asks for the right amount any more."""
    if not gateway.is_configured():
        return
    for payment in _pending(invoice):
        _retire(invoice, payment)


def _open_attempts(invoice: Invoice, *, checkout: bool) -> list[Payment]:
    return [
        payment
        for payment in _pending(invoice)
        if payment.amount_minor == invoice.balance_due_minor
        and bool(payment.stripe_checkout_session_id) == checkout
        and bool(payment.stripe_checkout_session_id or payment.stripe_payment_intent_id)
    ]


def _settle_attempt(invoice: Invoice, payment: Payment) -> None:
    """An open attempt Stripe can no longer pay: record what became of it (it may have
    gone through), then check there is still something to pay."""
    try:
        payment_sync(invoice=invoice, payment=payment)
    except StripeMismatch:
        logger.warning("Online payment %s no longer matches Stripe's record", payment.pk)
    check_payable(invoice)


def _new_payment(invoice: Invoice) -> Payment:
    return Payment.objects.create(
        invoice=invoice,
        amount_minor=invoice.balance_due_minor,
        currency=invoice.currency,
        method=PaymentMethod.STRIPE,
        status=PaymentStatus.PENDING,
    )


def _idempotency_key(payment: Payment) -> str:
    return f"fitnesspr-invoice-{payment.invoice_id}-payment-{payment.pk}"


def _locked_payable(invoice: Invoice, *, checkout: bool) -> Invoice:
    """The locked invoice, once attempts that could take money twice are retired: those
    for another amount and those of the other flow (one open attempt at a time)."""
    if not gateway.is_configured():
        raise gateway.OnlinePaymentUnavailable()
    locked = invoice_lock(invoice_id=invoice.pk)
    check_payable(locked)
    for payment in _pending(locked):
        other_flow = bool(payment.stripe_checkout_session_id) != checkout
        if other_flow or payment.amount_minor != locked.balance_due_minor:
            _retire(locked, payment)
    check_payable(locked)  # retiring may have found a payment that went through
    return locked


@transaction.atomic
def payment_intent_start(*, invoice: Invoice) -> IntentStart:
    """A PaymentIntent for the open balance, tagged with the invoice, trainer, client
    and our payment id; the open one is reused while the client can still pay it."""
    locked = _locked_payable(invoice, checkout=False)
    for payment in _open_attempts(locked, checkout=False):
        intent = gateway.retrieve_payment_intent(payment.stripe_payment_intent_id)
        if intent.get("status") in gateway.REUSABLE_INTENT_STATES:
            secret = str(intent.get("client_secret", ""))
            return IntentStart(payment, str(intent["id"]), secret, created=False)
        if intent.get("status") == "processing":
            raise ConflictError(PROCESSING)
        _settle_attempt(locked, payment)
    payment = _new_payment(locked)
    intent = gateway.create_payment_intent(
        amount_minor=payment.amount_minor,
        currency=payment.currency,
        description=f"{locked.display_number} · {locked.trainer.business_name}",
        metadata=payment_metadata(payment, locked),
        idempotency_key=_idempotency_key(payment),
    )
    payment.stripe_payment_intent_id = str(intent["id"])
    payment.save(update_fields=["stripe_payment_intent_id"])
    secret = str(intent["client_secret"])
    return IntentStart(payment, payment.stripe_payment_intent_id, secret, created=True)


@transaction.atomic
def checkout_start(*, invoice: Invoice, success_url: str, cancel_url: str) -> CheckoutStart:
    """A Stripe-hosted Checkout page for the open balance (the open one is reused while
    it can still be paid)."""
    locked = _locked_payable(invoice, checkout=True)
    for payment in _open_attempts(locked, checkout=True):
        session = gateway.retrieve_checkout_session(payment.stripe_checkout_session_id)
        if session.get("status") == "open" and session.get("url"):
            return CheckoutStart(payment, str(session["url"]))
        _settle_attempt(locked, payment)
    payment = _new_payment(locked)
    session = gateway.create_checkout_session(
        amount_minor=payment.amount_minor,
        currency=payment.currency,
        product_name=f"Invoice {locked.display_number} · {locked.trainer.business_name}",
        metadata=payment_metadata(payment, locked),
        customer_email=locked.client.user.email,
        success_url=success_url,
        cancel_url=cancel_url,
        idempotency_key=_idempotency_key(payment),
    )
    payment.stripe_checkout_session_id = str(session["id"])
    payment.save(update_fields=["stripe_checkout_session_id"])
    return CheckoutStart(payment, str(session["url"]))
