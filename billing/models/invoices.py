from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Self

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from fitnesspr.constraints import between, choices_check, not_blank, range_check
from fitnesspr.dates import validate_date_in_window
from fitnesspr.tenancy import TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap
from trainers.models import Currency

from .packages import Package

if TYPE_CHECKING:
    from clients.models import Client


class InvoiceStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    PARTIALLY_PAID = "partially_paid", "Partially paid"
    PAID = "paid", "Paid"
    VOID = "void", "Void"
    UNCOLLECTIBLE = "uncollectible", "Uncollectible"


#: issued invoices the client still owes money on
OUTSTANDING = (InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID)
#: statuses a payment may be taken in (a written-off invoice may still be paid)
PAYABLE = (*OUTSTANDING, InvoiceStatus.UNCOLLECTIBLE)


def overdue_q(on: date) -> models.Q:
    """The one rule for "overdue": still owed, and the due date has passed."""
    return models.Q(status__in=OUTSTANDING, due_date__lt=on)


class InvoiceQuerySet(TrainerScopedQuerySet):
    """Clients read their own invoices except drafts: a draft is the trainer's work in
    progress (amounts may still change) and becomes visible once issued. Lines and
    payments follow the same rule through their invoice."""

    trainer_path = "trainer"
    client_path = "client"

    def for_client(self, client: Client) -> Self:
        return super().for_client(client).exclude(status=InvoiceStatus.DRAFT)

    def outstanding(self) -> Self:
        return self.filter(status__in=OUTSTANDING)

    def overdue(self, on: date) -> Self:
        return self.filter(overdue_q(on))

    def with_overdue(self, on: date) -> Self:
        """Each row gets `is_overdue` (on the day `on`), from the same rule."""
        return self.annotate(
            is_overdue=models.Case(
                models.When(overdue_q(on), then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )


class Invoice(models.Model):
    """An invoice. A draft has no number; issuing gives it the trainer's next number of
    the year (INV-2026-0001, no gaps, never reused) and locks its content. Amounts are
    integer minor units. The balance due is computed by the database, in one place:
    total - paid + refunded (a void invoice's total counts as 0), where paid and
    refunded are the sums of the invoice's succeeded payments and refunds (kept by
    billing.services.ledger)."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="invoices"
    )
    # RESTRICT: a client with invoices can't be deleted on their own (archive them);
    # deleting the whole trainer account still cascades.
    client = models.ForeignKey("clients.Client", on_delete=models.RESTRICT, related_name="invoices")
    number_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    number = models.PositiveIntegerField(
        null=True, blank=True, editable=False, validators=[MinValueValidator(1)]
    )
    status = models.CharField(
        max_length=14, choices=InvoiceStatus.choices, default=InvoiceStatus.DRAFT
    )
    currency = models.CharField(max_length=3, choices=Currency.choices)
    issue_date = models.DateField(
        validators=[validate_date_in_window], null=True, blank=True, help_text="Set when issued."
    )
    due_date = models.DateField(validators=[validate_date_in_window], null=True, blank=True)
    subtotal_minor = models.BigIntegerField(default=0, validators=[MinValueValidator(0)])
    tax_rate_bp = models.PositiveIntegerField(
        "tax rate (basis points)", default=0, validators=between(0, 10000)
    )
    tax_minor = models.BigIntegerField(default=0, validators=[MinValueValidator(0)])
    total_minor = models.BigIntegerField(default=0, validators=[MinValueValidator(0)])
    paid_minor = models.BigIntegerField(default=0, editable=False)
    refunded_minor = models.BigIntegerField(default=0, editable=False)
    balance_due_minor = models.GeneratedField(
        # A void invoice's lines no longer count: only money received is owed (back).
        expression=models.Case(
            models.When(status="void", then=models.Value(0)),
            default=models.F("total_minor"),
            output_field=models.BigIntegerField(),
        )
        - models.F("paid_minor")
        + models.F("refunded_minor"),
        output_field=models.BigIntegerField(),
        db_persist=True,
    )
    notes = models.TextField(
        max_length=TEXT_MAX, validators=[text_cap], blank=True, help_text="Printed on the invoice."
    )
    seller = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="The trainer's business details as they were when it was issued.",
    )
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    #: when the client was sent the (one) polite overdue notice, by the periodic job
    overdue_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    paid_at = models.DateTimeField(null=True, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        ordering = [models.F("number_year").desc(nulls_first=True), "-number", "-pk"]
        indexes = [
            models.Index(fields=["trainer", "status"], name="invoice_trainer_status"),
            models.Index(fields=["client", "status"], name="invoice_client_status"),
            models.Index(fields=["status", "due_date"], name="invoice_status_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["trainer", "number_year", "number"],
                name="invoice_number_unique_per_trainer",
                violation_error_message="This invoice number is already used.",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1) | models.Q(number__isnull=True),
                name="invoice_number_positive",
                violation_error_message="Invoice numbers start at 1.",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft", number__isnull=True, number_year__isnull=True)
                | (
                    ~models.Q(status="draft")
                    & models.Q(number__isnull=False, number_year__isnull=False)
                ),
                name="invoice_numbered_once_issued",
                violation_error_message="An issued invoice (and only an issued one) has a number.",
            ),
            choices_check("status", InvoiceStatus.values, name="invoice_status_valid"),
            choices_check("currency", Currency.values, name="invoice_currency_valid"),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(issue_date__isnull=False),
                name="invoice_issued_has_date",
                violation_error_message="An issued invoice needs an issue date.",
            ),
            models.CheckConstraint(
                condition=models.Q(due_date__isnull=True)
                | models.Q(issue_date__isnull=True)
                | models.Q(due_date__gte=models.F("issue_date")),
                name="invoice_due_after_issue",
                violation_error_message="The due date can't be before the issue date.",
            ),
            models.CheckConstraint(
                condition=models.Q(subtotal_minor__gte=0, tax_minor__gte=0),
                name="invoice_amounts_not_negative",
                violation_error_message="Amounts can't be negative.",
            ),
            range_check("tax_rate_bp", 0, 10000, name="invoice_tax_rate_range"),
            models.CheckConstraint(
                condition=models.Q(total_minor=models.F("subtotal_minor") + models.F("tax_minor")),
                name="invoice_total_is_sum",
                violation_error_message="The total must be the subtotal plus tax.",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    paid_minor__gte=0,
                    refunded_minor__gte=0,
                    refunded_minor__lte=models.F("paid_minor"),
                ),
                name="invoice_refunds_within_paid",
                violation_error_message="Refunds can't exceed what was paid.",
            ),
            models.CheckConstraint(
                condition=models.Q(status="paid", paid_at__isnull=False)
                | (~models.Q(status="paid") & models.Q(paid_at__isnull=True)),
                name="invoice_paid_has_time",
                violation_error_message="A paid invoice (and only a paid one) has a paid time.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_number} · {self.client}"

    @property
    def display_number(self) -> str:
        if self.number is None:
            return "Draft"
        return f"INV-{self.number_year}-{self.number:04d}"

    @property
    def is_draft(self) -> bool:
        return self.status == InvoiceStatus.DRAFT

    @property
    def net_paid_minor(self) -> int:
        return self.paid_minor - self.refunded_minor

    def clean(self) -> None:
        super().clean()
        if self.client_id and self.trainer_id and self.client.trainer_id != self.trainer_id:
            raise ValidationError({"client": "This client belongs to another trainer."})


class InvoiceLineQuerySet(TrainerScopedQuerySet):
    trainer_path = "invoice__trainer"
    client_path = "invoice__client"

    def for_client(self, client: Client) -> Self:
        return super().for_client(client).exclude(invoice__status=InvoiceStatus.DRAFT)


class InvoiceLine(models.Model):
    """A line on an invoice. Quantity is whole units (sessions, weeks, months) so the
    line total is exact: quantity x unit price - discount, checked by the database."""

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    # RESTRICT: a package that was ever invoiced can be archived, never deleted on its own
    # (closing the whole trainer account still removes both).
    package = models.ForeignKey(
        Package, on_delete=models.RESTRICT, null=True, blank=True, related_name="invoice_lines"
    )
    description = models.CharField(max_length=200)
    quantity = models.PositiveIntegerField(default=1, validators=between(1, 10000))
    unit_price_minor = models.BigIntegerField(validators=[MinValueValidator(0)])
    discount_bp = models.PositiveIntegerField(
        "discount (basis points)", default=0, validators=between(0, 10000)
    )
    discount_minor = models.BigIntegerField(default=0, validators=[MinValueValidator(0)])
    total_minor = models.BigIntegerField(validators=[MinValueValidator(0)])
    order = models.PositiveSmallIntegerField(default=0)

    objects = InvoiceLineQuerySet.as_manager()

    class Meta:
        ordering = ["invoice", "order", "pk"]
        constraints = [
            not_blank("description", name="invoiceline_description_set"),
            range_check("quantity", 1, 10000, name="invoiceline_quantity_range"),
            range_check("discount_bp", 0, 10000, name="invoiceline_discount_range"),
            models.CheckConstraint(
                condition=models.Q(unit_price_minor__gte=0),
                name="invoiceline_price_not_negative",
                violation_error_message="The unit price can't be negative.",
            ),
            models.CheckConstraint(
                condition=models.Q(discount_minor__gte=0)
                & models.Q(discount_minor__lte=models.F("quantity") * models.F("unit_price_minor")),
                name="invoiceline_discount_within_price",
                violation_error_message="The discount can't be more than the line's price.",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    total_minor=models.F("quantity") * models.F("unit_price_minor")
                    - models.F("discount_minor")
                ),
                name="invoiceline_total_is_product",
                violation_error_message="The line total must be quantity x unit price - discount.",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    def clean(self) -> None:
        super().clean()
        package = self.package
        if (
            package is not None
            and self.invoice_id
            and package.trainer_id != self.invoice.trainer_id
        ):
            raise ValidationError({"package": "Pick one of your own packages."})
