"""The billing emails (invoice issued, payment receipt), written to the outbox in the
same transaction as what caused them: the email exists exactly when the invoice was
issued or the payment recorded, and the outbox sends it once after the commit, from the
trainer's business with replies going to the trainer."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from billing.models import Invoice, Payment
from fitnesspr.links import site_link
from trainers.models import EmailKind, OutboundEmail
from trainers.services import email_queue

#: "Send again" pressed twice within this long sends the invoice once
RESEND_GUARD = timedelta(seconds=60)


def portal_link(invoice: Invoice) -> str:
    """Where the client sees the invoice (and pays it, when card payments are on)."""
    return site_link("billing:portal_invoice", invoice.pk)


def invoice_email_queue(*, invoice: Invoice) -> OutboundEmail | None:
    """Queue the invoice to its client. Each send of the invoice is one email (its key
    counts the sends); a second send within a minute of the last one (a double click)
    returns that one. None when the client has no email address."""
    to_email = invoice.client.user.email
    if not to_email:
        return None
    prefix = f"invoice-issued:{invoice.pk}:"
    earlier = OutboundEmail.objects.filter(key__startswith=prefix)
    last = earlier.order_by("-created_at", "-pk").first()
    if last is not None and timezone.now() - last.created_at < RESEND_GUARD:
        return last
    business = invoice.trainer.business_name
    return email_queue(
        trainer=invoice.trainer,
        key=f"{prefix}{earlier.count() + 1}",
        kind=EmailKind.INVOICE_ISSUED,
        to_email=to_email,
        subject=f"Invoice {invoice.display_number} from {business}",
        template="billing/emails/invoice",
        context={"invoice": invoice, "business": business, "link": portal_link(invoice)},
    )


def receipt_email_queue(*, invoice: Invoice, payment: Payment) -> OutboundEmail | None:
    """Queue the receipt (or refund note) of one payment: one email per payment, however
    often the payment is recorded or its webhook delivered."""
    to_email = invoice.client.user.email
    if not to_email:
        return None
    business = invoice.trainer.business_name
    what = "Refund on" if payment.is_refund else "Receipt for"
    return email_queue(
        trainer=invoice.trainer,
        key=f"payment-receipt:{payment.pk}",
        kind=EmailKind.PAYMENT_RECEIPT,
        to_email=to_email,
        subject=f"{what} invoice {invoice.display_number} from {business}",
        template="billing/emails/receipt",
        context={
            "invoice": invoice,
            "payment": payment,
            "business": business,
            "link": portal_link(invoice),
        },
    )
