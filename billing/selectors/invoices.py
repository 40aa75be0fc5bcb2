"""Reads of invoices: the filtered list, one invoice with its lines and payments, the
totals the billing page leads with, and the overdue list for the dashboard. Every query
starts from the tenancy scope (another trainer's invoice is a 404; a client sees only
their own issued invoices) and takes a constant number of queries, however many rows."""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, TypedDict

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum

from billing.models import (
    OUTSTANDING,
    Invoice,
    InvoiceLine,
    InvoiceQuerySet,
    InvoiceStatus,
    Payment,
    PaymentKind,
    overdue_q,
)
from clients.models import Client
from clients.selectors import client_list
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from trainers.models import Trainer

OVERDUE = "overdue"
#: the status filter of the invoice lists: a status, or "overdue" (a rule, not a status)
STATUS_FILTERS: dict[str, str] = {
    "": "All",
    InvoiceStatus.DRAFT: "Drafts",
    InvoiceStatus.OPEN: "Open",
    OVERDUE: "Overdue",
    InvoiceStatus.PARTIALLY_PAID: "Partially paid",
    InvoiceStatus.PAID: "Paid",
    InvoiceStatus.UNCOLLECTIBLE: "Uncollectible",
    InvoiceStatus.VOID: "Void",
}
MAX_SEARCH = 60


class InvoiceFilters(TypedDict):
    status: str
    client: Client | None
    search: str


def _search(qs: QuerySet[Invoice], search: str) -> QuerySet[Invoice]:
    """Match an invoice number ("INV-2026-0007", "2026-7", "7") or the client's name."""
    for term in search.split()[:5]:
        digits = [part for part in term.upper().removeprefix("INV").split("-") if part.isdigit()]
        match = Q(client__user__first_name__icontains=term) | Q(
            client__user__last_name__icontains=term
        )
        if len(digits) == 1 and len(digits[0]) < 10:
            match |= Q(number=int(digits[0]))
        elif len(digits) == 2 and len(digits[0]) == 4 and len(digits[1]) < 10:
            match |= Q(number_year=int(digits[0]), number=int(digits[1]))
        qs = qs.filter(match)
    return qs


def invoice_list(
    *, actor: Actor, today: date, status: str = "", client: Client | None = None, search: str = ""
) -> QuerySet[Invoice]:
    """The invoices the actor may see, newest first, each with `is_overdue`."""
    qs = Invoice.objects.for_actor(actor).with_overdue(today).select_related("client__user")
    if status == OVERDUE:
        qs = qs.overdue(today)
    elif status in InvoiceStatus.values:
        qs = qs.filter(status=status)
    if client is not None:
        qs = qs.filter(client=client)
    return _search(qs, search[:MAX_SEARCH])


def invoice_lines(
    *, invoices: Sequence[Invoice], fields: Sequence[str]
) -> dict[int, list[dict[str, Any]]]:
    """The lines of these invoices as `values(*fields)` rows by invoice id, each
    invoice's in their order: one query, no model row per line."""
    ids = [invoice.pk for invoice in invoices]
    by_invoice: dict[int, list[dict[str, Any]]] = {pk: [] for pk in ids}
    if ids:
        lines = InvoiceLine.objects.filter(invoice_id__in=ids).order_by("order", "pk")
        for row in lines.values(*fields, invoice_key=F("invoice_id")):
            by_invoice[row.pop("invoice_key")].append(row)
    return by_invoice


def client_filter_choices(*, trainer: Trainer) -> list[tuple[int, str]]:
    """Every client of the trainer (archived too: their invoices stay) as (pk, full
    name), for the list's client filter: plain values, no model per client."""
    rows = client_list(trainer=trainer, status="all").values_list(
        "pk", "user__first_name", "user__last_name", "user__email"
    )
    # the name as User.get_full_name gives it
    return [(pk, f"{first} {last}".strip() or email) for pk, first, last, email in rows]


def _detail() -> InvoiceQuerySet:
    return Invoice.objects.select_related("trainer__user", "client__user").prefetch_related(
        Prefetch("lines", queryset=InvoiceLine.objects.select_related("package")),
        Prefetch("payments", queryset=Payment.objects.order_by("created_at", "pk")),
    )


def invoice_get(*, actor: Actor, pk: int, today: date | None = None) -> Invoice:
    """One invoice with its lines and payments (three queries), and `is_overdue`."""
    qs = _detail()
    if today is not None:
        qs = qs.with_overdue(today)
    return get_for_read(qs, actor=actor, pk=pk)


def invoice_get_for_write(*, actor: Actor, pk: int) -> Invoice:
    return get_for_write(_detail(), actor=actor, pk=pk)


def invoice_line_get_for_write(*, actor: Actor, pk: int) -> InvoiceLine:
    return get_for_write(InvoiceLine.objects.select_related("invoice"), actor=actor, pk=pk)


def receipt_get(*, actor: Actor, pk: int) -> Payment:
    """One received payment or made refund (a receipt), with its invoice and the people
    on it; a pending or failed attempt has no receipt (404)."""
    qs = Payment.objects.succeeded().select_related(
        "invoice__trainer__user", "invoice__client__user"
    )
    return get_for_read(qs, actor=actor, pk=pk)


def overdue_invoices(*, trainer: Trainer, today: date) -> QuerySet[Invoice]:
    """The trainer's overdue invoices, longest overdue first (one query)."""
    return (
        Invoice.objects.for_trainer(trainer)
        .overdue(today)
        .select_related("client__user")
        .order_by("due_date", "number_year", "number")
    )


@dataclass(frozen=True)
class CurrencyTotals:
    currency: str
    owed_minor: int = 0
    owed_count: int = 0
    overdue_minor: int = 0
    overdue_count: int = 0
    received_minor: int = 0  # this month, net of refunds made this month


def _month_start(trainer: Trainer, today: date) -> datetime:
    return datetime.combine(today.replace(day=1), time(), zoneinfo.ZoneInfo(trainer.timezone))


def billing_totals(*, trainer: Trainer, today: date) -> list[CurrencyTotals]:
    """What clients owe (and how much of it is overdue) and what came in this month,
    per currency, the trainer's own currency first (two queries)."""
    owed = (
        Invoice.objects.for_trainer(trainer)
        .filter(status__in=OUTSTANDING)
        .values("currency")
        .annotate(
            owed_minor=Sum("balance_due_minor"),
            owed_count=Count("pk"),
            overdue_minor=Sum("balance_due_minor", filter=overdue_q(today)),
            overdue_count=Count("pk", filter=overdue_q(today)),
        )
        .order_by()
    )
    received = (
        Payment.objects.for_trainer(trainer)
        .succeeded()
        .filter(received_at__gte=_month_start(trainer, today))
        .values("currency")
        .annotate(
            paid=Sum("amount_minor", filter=Q(kind=PaymentKind.PAYMENT)),
            refunded=Sum("amount_minor", filter=Q(kind=PaymentKind.REFUND)),
        )
        .order_by()
    )
    rows: dict[str, dict[str, Any]] = {trainer.currency: {}}
    for row in owed:
        rows.setdefault(row.pop("currency"), {}).update({k: v or 0 for k, v in row.items()})
    for row in received:
        net = (row["paid"] or 0) - (row["refunded"] or 0)
        rows.setdefault(row["currency"], {})["received_minor"] = net
    return [CurrencyTotals(currency=currency, **values) for currency, values in rows.items()]


def client_balance(*, client: Client) -> list[tuple[str, int]]:
    """What the client owes, per currency (one query)."""
    rows = (
        Invoice.objects.for_trainer(client.trainer)
        .filter(client=client, status__in=OUTSTANDING)
        .values("currency")
        .annotate(owed=Sum("balance_due_minor"))
        .order_by("currency")
    )
    return [(row["currency"], row["owed"] or 0) for row in rows]
