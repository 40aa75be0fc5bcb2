from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower

from fitnesspr.constraints import between, choices_check, not_blank, range_check
from fitnesspr.tenancy import TrainerScopedQuerySet
from trainers.models import Currency

if TYPE_CHECKING:
    from clients.models import Client


class PackageInterval(models.TextChoices):
    ONE_OFF = "one_off", "One-off"
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"


class InvoiceStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ISSUED = "issued", "Issued"
    PAID = "paid", "Paid"
    VOID = "void", "Void"


class PackageQuerySet(TrainerScopedQuerySet):
    trainer_path = "trainer"

    def active(self) -> Self:
        return self.filter(is_active=True)


class Package(models.Model):
    """Something a trainer sells: a price per session block, week or month."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="packages"
    )
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    price_minor = models.BigIntegerField(
        validators=[MinValueValidator(0)], help_text="In minor units (cents)."
    )
    currency = models.CharField(max_length=3, choices=Currency.choices)
    interval = models.CharField(
        max_length=8, choices=PackageInterval.choices, default=PackageInterval.ONE_OFF
    )
    sessions_included = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=between(1, 1000)
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PackageQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["trainer", "is_active"], name="package_trainer_active")]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "trainer",
                name="package_trainer_name_unique",
                violation_error_message="You already have a package by this name.",
            ),
            not_blank("name", name="package_name_set"),
            models.CheckConstraint(
                condition=models.Q(price_minor__gte=0),
                name="package_price_not_negative",
                violation_error_message="The price can't be negative.",
            ),
            choices_check("currency", Currency.values, name="package_currency_valid"),
            choices_check("interval", PackageInterval.values, name="package_interval_valid"),
            range_check("sessions_included", 1, 1000, name="package_sessions_range", nullable=True),
        ]

    def __str__(self) -> str:
        return self.name


class InvoiceQuerySet(TrainerScopedQuerySet):
    """Clients read their own invoices except drafts: a draft is the trainer's work in
    progress (amounts may still change) and becomes visible once issued. Lines and
    payments follow the same rule through their invoice."""

    trainer_path = "trainer"
    client_path = "client"

    def for_client(self, client: Client) -> Self:
        return super().for_client(client).exclude(status=InvoiceStatus.DRAFT)


class Invoice(models.Model):
    """An invoice, numbered per trainer (1, 2, 3 … shown as INV-0001). Amounts are
    integer minor units; total = subtotal + tax always holds in the database."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="invoices"
    )
    # RESTRICT: a client with invoices can't be deleted on their own (archive them);
    # deleting the whole trainer account still cascades.
    client = models.ForeignKey("clients.Client", on_delete=models.RESTRICT, related_name="invoices")
    number = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    status = models.CharField(
        max_length=6, choices=InvoiceStatus.choices, default=InvoiceStatus.DRAFT
    )
    currency = models.CharField(max_length=3, choices=Currency.choices)
    issue_date = models.DateField(null=True, blank=True, help_text="Set when issued.")
    due_date = models.DateField(null=True, blank=True)
    subtotal_minor = models.BigIntegerField(default=0, validators=[MinValueValidator(0)])
    tax_rate_bp = models.PositiveIntegerField(
        "tax rate (basis points)", default=0, validators=between(0, 10000)
    )
    tax_minor = models.BigIntegerField(default=0, validators=[MinValueValidator(0)])
    total_minor = models.BigIntegerField(default=0, validators=[MinValueValidator(0)])
    notes = models.TextField(blank=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        indexes = [
            models.Index(fields=["trainer", "status"], name="invoice_trainer_status"),
            models.Index(fields=["client", "status"], name="invoice_client_status"),
            models.Index(fields=["status", "due_date"], name="invoice_status_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["trainer", "number"],
                name="invoice_number_unique_per_trainer",
                violation_error_message="This invoice number is already used.",
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1),
                name="invoice_number_positive",
                violation_error_message="Invoice numbers start at 1.",
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
        return f"INV-{self.number:04d}"

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
    line total is exact: quantity x unit price, checked by the database."""

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    package = models.ForeignKey(
        Package, on_delete=models.SET_NULL, null=True, blank=True, related_name="invoice_lines"
    )
    description = models.CharField(max_length=200)
    quantity = models.PositiveIntegerField(default=1, validators=between(1, 10000))
    unit_price_minor = models.BigIntegerField(validators=[MinValueValidator(0)])
    total_minor = models.BigIntegerField(validators=[MinValueValidator(0)])
    order = models.PositiveSmallIntegerField(default=0)

    objects = InvoiceLineQuerySet.as_manager()

    class Meta:
        ordering = ["invoice", "order", "pk"]
        constraints = [
            not_blank("description", name="invoiceline_description_set"),
            range_check("quantity", 1, 10000, name="invoiceline_quantity_range"),
            models.CheckConstraint(
                condition=models.Q(unit_price_minor__gte=0),
                name="invoiceline_price_not_negative",
                violation_error_message="The unit price can't be negative.",
            ),
            models.CheckConstraint(
                condition=models.Q(total_minor=models.F("quantity") * models.F("unit_price_minor")),
                name="invoiceline_total_is_product",
                violation_error_message="The line total must be quantity x unit price.",
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
