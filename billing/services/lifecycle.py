"""An invoice's life after drafting: issue (number it and lock its content), send,
void, write off. Numbers are per trainer and year, gapless and never reused: the next
number is taken under a lock on the trainer's row, in the same transaction that issues
the invoice, and an issued invoice is voided, never deleted."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from billing.models import PAYABLE, Invoice, InvoiceStatus
from billing.selectors.profile import billing_profile_for, seller_details
from billing.services.emails import invoice_email_queue
from billing.services.invoices import check_date
from billing.services.ledger import invoice_lock, invoice_settle
from billing.services.online import stripe_payments_cancel
from fitnesspr.errors import ConflictError
from trainers.models import Trainer


def _next_number(*, trainer_id: int, year: int) -> int:
    # Everyone issuing for this trainer queues on the trainer's row: the max is read
    # after the previous issuer committed, so two invoices never get the same number.
    Trainer.objects.select_for_update().filter(pk=trainer_id).values_list("pk").first()
    last = Invoice.objects.filter(trainer_id=trainer_id, number_year=year).aggregate(
        last=Max("number")
    )["last"]
    return (last or 0) + 1


@transaction.atomic
def invoice_issue(*, invoice: Invoice, send: bool = True) -> Invoice:
    """Number the draft (INV-<year>-<n>), date it today where the trainer works, set
    the due date from the payment terms if none was given, and lock its content. The
    client sees it from now on and, with `send`, gets it by email."""
    draft = invoice_lock(invoice_id=invoice.pk)
    if draft.status != InvoiceStatus.DRAFT:
        raise ConflictError(f"{draft.display_number} has already been issued.")
    if not draft.lines.exists():
        raise ValidationError({"lines": "Add at least one line before issuing the invoice."})
    today = draft.trainer.today()
    check_date(today, field="issue_date")
    if draft.due_date is None:
        terms = billing_profile_for(trainer=draft.trainer).payment_terms_days
        draft.due_date = today + timedelta(days=terms)
    elif draft.due_date < today:
        raise ValidationError({"due_date": "The due date can't be before today, the issue date."})
    draft.number_year = today.year
    draft.number = _next_number(trainer_id=draft.trainer_id, year=today.year)
    draft.issue_date = today
    draft.seller = seller_details(trainer=draft.trainer)
    draft.status = InvoiceStatus.OPEN
    try:
        with transaction.atomic():
            draft.save()
    except IntegrityError as exc:  # only without row locks (SQLite): a parallel issue won
        raise ConflictError("Another invoice was issued at the same moment. Try again.") from exc
    invoice_settle(invoice=draft)  # a fully discounted invoice is paid at once
    if send:
        _mark_sent(draft)
    return draft


def _mark_sent(invoice: Invoice) -> None:
    invoice.sent_at = timezone.now()
    invoice.save(update_fields=["sent_at", "updated_at"])
    invoice_email_queue(invoice=invoice)


@transaction.atomic
def invoice_send(*, invoice: Invoice) -> Invoice:
    """Email the invoice to the client (again)."""
    locked = invoice_lock(invoice_id=invoice.pk)
    if locked.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        raise ConflictError(f"A {locked.get_status_display().lower()} invoice can't be sent.")
    if not locked.client.user.email:
        raise ValidationError("This client has no email address.")
    _mark_sent(locked)
    return locked


@transaction.atomic
def invoice_void(*, invoice: Invoice) -> Invoice:
    """Cancel an issued invoice for good; it keeps its number. Money received must be
    refunded first, and any online payment still open is cancelled at Stripe."""
    locked = invoice_lock(invoice_id=invoice.pk)
    if locked.status == InvoiceStatus.DRAFT:
        raise ConflictError("A draft isn't issued yet: delete it instead.")
    if locked.status not in PAYABLE:
        raise ConflictError(f"{locked.display_number} is {locked.get_status_display().lower()}.")
    if locked.net_paid_minor:
        raise ConflictError("This invoice has payments. Record a refund of them before voiding it.")
    stripe_payments_cancel(invoice=locked)
    locked.status = InvoiceStatus.VOID
    locked.voided_at = timezone.now()
    locked.save(update_fields=["status", "voided_at", "updated_at"])
    return locked


@transaction.atomic
def invoice_mark_uncollectible(*, invoice: Invoice) -> Invoice:
    """Write off what is still due (the client may still pay it later)."""
    locked = invoice_lock(invoice_id=invoice.pk)
    if locked.status not in (InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID):
        raise ConflictError(
            f"Only an open invoice can be written off; this one is "
            f"{locked.get_status_display().lower()}."
        )
    locked.status = InvoiceStatus.UNCOLLECTIBLE
    locked.save(update_fields=["status", "updated_at"])
    return locked
