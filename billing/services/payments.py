"""Payments and refunds the trainer records by hand: cash, a bank transfer, a card
taken in person. A payment may be partial but never more than the balance due; a refund
never more than what was received. Online (Stripe) money is recorded from Stripe's
events instead (billing.services.stripe_sync)."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from billing.models import (
    MANUAL_METHODS,
    Invoice,
    InvoiceStatus,
    Payment,
    PaymentKind,
    PaymentStatus,
)
from billing.money import format_money
from billing.services.emails import receipt_email_queue
from billing.services.invoices import check_date
from billing.services.ledger import invoice_lock, invoice_settle
from billing.services.online import check_payable, stripe_payments_cancel
from fitnesspr.errors import ConflictError

MANUAL_METHOD_VALUES = {value for value, _label in MANUAL_METHODS}


def _received_at(invoice: Invoice, on: date) -> datetime:
    """The moment to record for money received on a day the trainer typed: now if it
    is today where they work, else midday of that day there."""
    today = invoice.trainer.today()
    check_date(on, field="received_on")
    if on > today:
        raise ValidationError({"received_on": "The date can't be in the future."})
    if on == today:
        return timezone.now()
    return datetime.combine(on, time(12), tzinfo=zoneinfo.ZoneInfo(invoice.trainer.timezone))


def _check_method(method: str) -> None:
    if method not in MANUAL_METHOD_VALUES:
        raise ValidationError({"method": "Pick cash, bank transfer, card in person or other."})


@transaction.atomic
def payment_record(
    *,
    invoice: Invoice,
    kind: str = PaymentKind.PAYMENT,
    amount_minor: int,
    method: str,
    received_on: date,
    reference: str = "",
    notes: str = "",
    send_receipt: bool = True,
) -> Payment:
    """Record money the trainer received (`kind` payment) or gave back (`kind` refund)
    on an issued invoice, then settle its balance and status. Open online payments are
    cancelled at Stripe (they asked for the old balance); the client gets a receipt."""
    locked = invoice_lock(invoice_id=invoice.pk)
    _check_method(method)
    if amount_minor <= 0:
        raise ValidationError({"amount_minor": "The amount must be more than zero."})
    if kind == PaymentKind.PAYMENT:
        check_payable(locked)
        limit, what = locked.balance_due_minor, "still due"
    elif kind == PaymentKind.REFUND:
        if locked.status == InvoiceStatus.DRAFT:
            raise ConflictError(f"{locked.display_number} hasn't been issued yet.")
        limit, what = locked.net_paid_minor, "received so far"
    else:
        raise ValidationError({"kind": "Record a payment or a refund."})
    if amount_minor > limit:
        most = format_money(limit, locked.currency)
        raise ValidationError(
            {"amount_minor": f"That's more than the {most} {what} on {locked.display_number}."}
        )
    payment = Payment(
        invoice=locked,
        kind=kind,
        amount_minor=amount_minor,
        currency=locked.currency,
        method=method,
        status=PaymentStatus.SUCCEEDED,
        received_at=_received_at(locked, received_on),
        reference=reference.strip()[:120],
        notes=notes.strip(),
    )
    payment.full_clean(exclude=["invoice", "refund_of"])
    payment.save()
    invoice_settle(invoice=locked)
    stripe_payments_cancel(invoice=locked)
    if send_receipt:
        receipt_email_queue(invoice=locked, payment=payment)
    return payment
