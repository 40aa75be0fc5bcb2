"""Overdue invoices: "overdue" stays billing's one rule (`overdue_q`: still owed after
the due date, on the trainer's calendar); the periodic job flags each overdue invoice
once, by stamping `overdue_notified_at`, and emails the client one polite notice."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta

from django.db import transaction

from billing.models import OUTSTANDING, Invoice
from billing.services.emails import portal_link
from billing.services.ledger import invoice_lock
from trainers.models import EmailKind, OutboundEmail
from trainers.services import email_queue


@transaction.atomic
def invoice_overdue_notify(*, invoice_id: int, now: datetime) -> OutboundEmail | None:
    """Flag the invoice as overdue-notified and email the client a reminder of what is
    owed, if it is overdue today where the trainer works and was not flagged before.
    Returns the email (None when there is nothing to do or no address to write to)."""
    invoice = invoice_lock(invoice_id=invoice_id)
    today = now.astimezone(zoneinfo.ZoneInfo(invoice.trainer.timezone)).date()
    if invoice.overdue_notified_at is not None:
        return None
    if not Invoice.objects.filter(pk=invoice.pk).overdue(today).exists():
        return None  # the same rule as every overdue list
    invoice.overdue_notified_at = now
    invoice.save(update_fields=["overdue_notified_at", "updated_at"])
    if not invoice.client.user.email:
        return None
    business = invoice.trainer.business_name
    link = portal_link(invoice)
    return email_queue(
        trainer=invoice.trainer,
        key=f"invoice-overdue:{invoice.pk}",
        kind=EmailKind.INVOICE_OVERDUE,
        to_email=invoice.client.user.email,
        subject=f"A reminder about invoice {invoice.display_number} from {business}",
        template="billing/emails/overdue",
        context={"invoice": invoice, "business": business, "link": link},
    )


def invoices_overdue_notify(*, now: datetime) -> int:
    """Flag and notify every invoice newly overdue at `now`; how many clients were
    emailed. The first
    filter is generous (a day's margin for every time zone); each invoice is checked
    again under its lock, on its trainer's calendar."""
    ids = list(
        Invoice.objects.filter(
            status__in=OUTSTANDING,
            due_date__lt=now.astimezone(UTC).date() + timedelta(days=1),
            overdue_notified_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    flagged = 0
    for pk in ids:
        if invoice_overdue_notify(invoice_id=pk, now=now) is not None:
            flagged += 1
    return flagged
