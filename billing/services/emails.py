"""The billing emails (invoice issued, receipt), sent by one small function after the
transaction that caused them commits. It loads what it needs by id and only sends
mail, so it can become a background task unchanged."""

from __future__ import annotations

from enum import StrEnum
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from billing.models import Invoice, Payment


class BillingEmail(StrEnum):
    INVOICE = "invoice"
    RECEIPT = "receipt"


def send_billing_email(
    *, kind: BillingEmail, invoice_id: int, payment_id: int | None = None
) -> bool:
    """Email the invoice's client an invoice or a payment receipt. False when there is
    nothing to send (the rows are gone, or the client has no email address)."""
    invoice = (
        Invoice.objects.select_related("client__user", "trainer__user")
        .prefetch_related("lines")
        .filter(pk=invoice_id)
        .first()
    )
    if invoice is None or not invoice.client.user.email:
        return False
    payment = None
    if kind == BillingEmail.RECEIPT:
        payment = invoice.payments.filter(pk=payment_id).first()
        if payment is None:
            return False
    business = invoice.trainer.business_name
    link = settings.SITE_URL.rstrip("/") + reverse("billing:portal_invoice", args=[invoice.pk])
    context = {"invoice": invoice, "payment": payment, "business": business, "link": link}
    if kind == BillingEmail.INVOICE:
        subject = f"Invoice {invoice.display_number} from {business}"
    elif payment is not None and payment.is_refund:
        subject = f"Refund on invoice {invoice.display_number} from {business}"
    else:
        subject = f"Receipt for invoice {invoice.display_number} from {business}"
    send_mail(
        subject=subject,
        message=render_to_string(f"billing/emails/{kind}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invoice.client.user.email],
    )
    return True


def send_after_commit(
    *, kind: BillingEmail, invoice: Invoice, payment: Payment | None = None
) -> None:
    transaction.on_commit(
        partial(
            send_billing_email,
            kind=kind,
            invoice_id=invoice.pk,
            payment_id=payment.pk if payment is not None else None,
        )
    )
