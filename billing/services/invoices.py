"""Drafting invoices: the client, due date, tax rate, notes and lines (from a package or
free text, with a quantity and a discount). Only a draft can change; once issued its
content is locked (see billing.services.lifecycle)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from billing.models import Invoice, InvoiceLine, InvoiceStatus, Package
from billing.money import MAX_MAJOR, exponent, invoice_amounts, line_amounts
from billing.selectors.profile import billing_profile_for
from billing.services.ledger import invoice_lock
from clients.models import Client, ClientStatus
from fitnesspr.errors import ConflictError
from trainers.models import Trainer

#: dates a person may type on an invoice
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2100, 12, 31)
MAX_LINES = 100
LOCKED = "This invoice has been issued, so it can't be changed. Void it and issue a new one."


class LineInput(TypedDict, total=False):
    """One line: a package (its name and price are the defaults) or free text."""

    package: Package | None
    description: str
    quantity: int
    unit_price_minor: int | None
    discount_bp: int


class InvoiceChanges(TypedDict, total=False):
    """What `invoice_update` may change on a draft; any subset. `lines` replaces them all."""

    client: Client
    due_date: date | None
    tax_rate_bp: int
    notes: str
    lines: Iterable[LineInput]


def check_date(value: date | None, *, field: str) -> None:
    if value is not None and not FIRST_DATE <= value <= LAST_DATE:
        raise ValidationError({field: "Pick a date between 2000 and 2100."})


def _max_minor(currency: str) -> int:
    return int(MAX_MAJOR.scaleb(exponent(currency)))


def _check_client(*, trainer: Trainer, client: Client) -> None:
    if client.trainer_id != trainer.pk:
        raise ValidationError({"client": "Pick one of your clients."})
    if client.status == ClientStatus.ARCHIVED:
        raise ValidationError({"client": "This client is archived; restore them to invoice them."})


def _build_line(invoice: Invoice, order: int, line: LineInput) -> InvoiceLine:
    package = line.get("package")
    description = (line.get("description") or "").strip()
    price = line.get("unit_price_minor")
    if package is not None:
        if package.trainer_id != invoice.trainer_id:
            raise ValidationError({"package": "Pick one of your own packages."})
        if not package.is_active:
            raise ValidationError({"package": f"“{package.name}” is archived."})
        if package.currency != invoice.currency:
            raise ValidationError(
                {
                    "package": f"“{package.name}” is priced in {package.currency}, "
                    f"this invoice in {invoice.currency}."
                }
            )
        description = description or package.name
        price = package.price_minor if price is None else price
    if not description:
        raise ValidationError({"description": "Say what the line is for, or pick a package."})
    if price is None:
        raise ValidationError({"unit_price_minor": "Give a price, or pick a package."})
    if not 0 <= price <= _max_minor(invoice.currency):
        raise ValidationError({"unit_price_minor": "The price must be between 0 and 10 million."})
    quantity = line.get("quantity", 1)
    discount_bp = line.get("discount_bp", 0)
    amounts = line_amounts(quantity=quantity, unit_price_minor=price, discount_bp=discount_bp)
    row = InvoiceLine(
        invoice=invoice,
        package=package,
        description=description[:200],
        quantity=quantity,
        unit_price_minor=price,
        discount_bp=discount_bp,
        discount_minor=amounts.discount_minor,
        total_minor=amounts.total_minor,
        order=order,
    )
    row.full_clean(exclude=["invoice", "package"])
    return row


def _recount(invoice: Invoice) -> Invoice:
    totals = invoice_amounts(
        line_totals=invoice.lines.values_list("total_minor", flat=True),
        tax_rate_bp=invoice.tax_rate_bp,
    )
    if totals.total_minor > _max_minor(invoice.currency):
        raise ValidationError({"lines": "The invoice total can't be more than 10 million."})
    invoice.subtotal_minor, invoice.tax_minor, invoice.total_minor = totals
    invoice.full_clean(exclude=["trainer", "client"], validate_constraints=False)
    invoice.save()
    return invoice


def _add_lines(invoice: Invoice, lines: Iterable[LineInput]) -> None:
    start = (invoice.lines.aggregate(last=Max("order"))["last"] or 0) + 1
    rows = [_build_line(invoice, start + i, line) for i, line in enumerate(lines)]
    if invoice.lines.count() + len(rows) > MAX_LINES:
        raise ValidationError({"lines": f"An invoice has at most {MAX_LINES} lines."})
    InvoiceLine.objects.bulk_create(rows)


def _draft_for_write(invoice: Invoice) -> Invoice:
    locked = invoice_lock(invoice_id=invoice.pk)
    if locked.status != InvoiceStatus.DRAFT:
        raise ConflictError(LOCKED)
    return locked


@transaction.atomic
def invoice_create(
    *,
    trainer: Trainer,
    client: Client,
    due_date: date | None = None,
    tax_rate_bp: int | None = None,
    notes: str = "",
    lines: Iterable[LineInput] = (),
) -> Invoice:
    """A draft invoice in the trainer's currency; the tax rate defaults to the one in
    the trainer's billing profile. Drafts have no number until they are issued."""
    _check_client(trainer=trainer, client=client)
    check_date(due_date, field="due_date")
    if tax_rate_bp is None:
        tax_rate_bp = billing_profile_for(trainer=trainer).default_tax_rate_bp
    invoice = Invoice(
        trainer=trainer,
        client=client,
        currency=trainer.currency,
        due_date=due_date,
        tax_rate_bp=tax_rate_bp,
        notes=notes.strip(),
    )
    invoice.full_clean(exclude=["trainer", "client"], validate_constraints=False)
    invoice.save()
    _add_lines(invoice, lines)
    return _recount(invoice)


@transaction.atomic
def invoice_update(*, invoice: Invoice, **changes: Unpack[InvoiceChanges]) -> Invoice:
    """Change a draft; an issued invoice is refused (ConflictError)."""
    draft = _draft_for_write(invoice)
    fields: dict[str, Any] = dict(changes)
    lines = fields.pop("lines", None)
    if "client" in fields:
        _check_client(trainer=draft.trainer, client=fields["client"])
    check_date(fields.get("due_date"), field="due_date")
    if "notes" in fields:
        fields["notes"] = fields["notes"].strip()
    for field, value in fields.items():
        setattr(draft, field, value)
    if lines is not None:
        draft.lines.all().delete()
        _add_lines(draft, lines)
    return _recount(draft)


@transaction.atomic
def invoice_line_add(*, invoice: Invoice, **line: Unpack[LineInput]) -> InvoiceLine:
    draft = _draft_for_write(invoice)
    _add_lines(draft, [line])
    _recount(draft)
    return draft.lines.order_by("-order", "-pk").first()  # type: ignore[return-value]


@transaction.atomic
def invoice_line_remove(*, line: InvoiceLine) -> Invoice:
    draft = _draft_for_write(line.invoice)
    draft.lines.filter(pk=line.pk).delete()
    return _recount(draft)


@transaction.atomic
def invoice_delete(*, invoice: Invoice) -> None:
    """Delete a draft. An issued invoice keeps its number for good: void it instead."""
    draft = invoice_lock(invoice_id=invoice.pk)
    if draft.status != InvoiceStatus.DRAFT:
        raise ConflictError("Only a draft can be deleted. Void an issued invoice instead.")
    draft.delete()
