"""The ledger: the one place an invoice's paid and refunded sums and its status are
settled from its payments. Every write that touches money (a manual payment or refund,
a Stripe event, issuing, voiding) locks the invoice row first, so two of them never
settle the same invoice at once, and then calls `invoice_settle`.

The balance itself is a database-generated column (Invoice.balance_due_minor =
total - paid + refunded); nothing else computes it."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from billing.models import Invoice, InvoiceStatus, PaymentKind, PaymentStatus


def invoice_lock(*, invoice_id: int) -> Invoice:
    """The invoice, re-read and locked (SELECT … FOR UPDATE) until the transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Lock an invoice inside a transaction.")
    return (
        Invoice.objects.select_for_update(of=("self",))
        .select_related("trainer__user", "client__user")
        .get(pk=invoice_id)
    )


def _settled_status(invoice: Invoice) -> str:
    if invoice.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        return invoice.status
    if invoice.balance_due_minor <= 0:
        return InvoiceStatus.PAID
    if invoice.status == InvoiceStatus.UNCOLLECTIBLE:
        return InvoiceStatus.UNCOLLECTIBLE  # written off stays written off until paid
    if invoice.net_paid_minor > 0:
        return InvoiceStatus.PARTIALLY_PAID
    return InvoiceStatus.OPEN


def invoice_settle(*, invoice: Invoice) -> Invoice:
    """Recount what the (locked) invoice has received and returned, and move its status
    to match: paid once nothing is due, else still written off if it was, partially paid
    while some money is in, open otherwise. Drafts and void invoices keep their status."""
    sums = invoice.payments.filter(status=PaymentStatus.SUCCEEDED).aggregate(
        paid=Sum("amount_minor", filter=Q(kind=PaymentKind.PAYMENT)),
        refunded=Sum("amount_minor", filter=Q(kind=PaymentKind.REFUND)),
    )
    invoice.paid_minor = sums["paid"] or 0
    invoice.refunded_minor = sums["refunded"] or 0
    invoice.save(
        update_fields=["paid_minor", "refunded_minor", "updated_at"]
    )  # reads back the balance
    status = _settled_status(invoice)
    if status != invoice.status:
        invoice.status = status
        invoice.paid_at = timezone.now() if status == InvoiceStatus.PAID else None
        invoice.save(update_fields=["status", "paid_at", "updated_at"])
    return invoice
