"""Shapes of /api/v1/payments/. Amounts are integers in minor units (cents) with an ISO
currency, like Stripe's; rates are basis points (2000 = 20 %). Owner fields (the
trainer, an invoice's currency and number) are never read from a request."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from billing.models import (
    MANUAL_METHODS,
    BillingProfile,
    Invoice,
    InvoiceLine,
    Package,
    Payment,
    PaymentKind,
)
from billing.selectors.invoices import STATUS_FILTERS
from billing.services.invoices import MAX_LINES
from billing.services.webhooks import WebhookOutcome
from clients.models import Client
from fitnesspr.api.fields import ScopedPrimaryKeyRelatedField, WindowDateField, nested_list
from fitnesspr.api.filters import QuerySerializer
from fitnesspr.api.rows import RowListSerializer

MAX_MINOR = 10**12


class PackageSerializer(serializers.ModelSerializer[Package]):
    times_invoiced = serializers.IntegerField(
        read_only=True, help_text="How many invoice lines use it (then it can't be deleted)."
    )

    class Meta:
        model = Package
        fields = [
            "id",
            "name",
            "description",
            "price_minor",
            "currency",
            "interval",
            "sessions_included",
            "is_active",
            "times_invoiced",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "currency", "times_invoiced", "created_at", "updated_at"]
        extra_kwargs = {
            "price_minor": {"max_value": MAX_MINOR},
            "currency": {"help_text": "The trainer's currency when the package was made."},
            "is_active": {"help_text": "false: archived (no longer offered on new invoices)."},
        }
        validators: list[Any] = []  # the name's uniqueness is the service's (a 409)

    def service_fields(self) -> dict[str, Any]:
        return dict(self.validated_data)


class InvoiceLineSerializer(serializers.ModelSerializer[InvoiceLine]):
    package = ScopedPrimaryKeyRelatedField(
        Package,
        required=False,
        allow_null=True,
        help_text="One of your packages: its name and price are the defaults.",
    )
    description = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="Defaults to the package's."
    )
    unit_price_minor = serializers.IntegerField(
        min_value=0,
        max_value=MAX_MINOR,
        required=False,
        allow_null=True,
        help_text="Defaults to the package's price.",
    )

    class Meta:
        model = InvoiceLine
        list_serializer_class = RowListSerializer
        fields = [
            "id",
            "package",
            "description",
            "quantity",
            "unit_price_minor",
            "discount_bp",
            "discount_minor",
            "total_minor",
        ]
        read_only_fields = ["id", "discount_minor", "total_minor"]
        extra_kwargs = {
            "discount_bp": {"help_text": "Percentage off in basis points (1000 = 10%)."}
        }


class InvoiceSerializer(serializers.ModelSerializer[Invoice]):
    """A draft is written whole: `lines` replaces every line. An issued invoice is
    read-only (409)."""

    client = ScopedPrimaryKeyRelatedField(Client, help_text="One of your clients.")
    client_name = serializers.CharField(source="client.full_name", read_only=True)
    number = serializers.CharField(
        source="display_number",
        read_only=True,
        help_text="INV-<year>-<n>; “Draft” until issued.",
    )
    lines = nested_list(InvoiceLineSerializer(), max_items=MAX_LINES, required=False)
    is_overdue = serializers.SerializerMethodField()
    tax_rate_bp = serializers.IntegerField(
        min_value=0,
        max_value=10000,
        required=False,
        help_text="Basis points (2000 = 20%); default: your billing profile's.",
    )

    class Meta:
        model = Invoice
        list_serializer_class = RowListSerializer
        fields = [
            "id",
            "number",
            "status",
            "is_overdue",
            "client",
            "client_name",
            "currency",
            "issue_date",
            "due_date",
            "tax_rate_bp",
            "subtotal_minor",
            "tax_minor",
            "total_minor",
            "paid_minor",
            "refunded_minor",
            "balance_due_minor",
            "notes",
            "lines",
            "seller",
            "sent_at",
            "overdue_notified_at",
            "paid_at",
            "voided_at",
            "created_at",
            "updated_at",
        ]
        #: everything else is computed, set by issuing or read from the client
        read_only_fields = [
            f for f in fields if f not in {"client", "due_date", "tax_rate_bp", "notes", "lines"}
        ]
        extra_kwargs = {
            "balance_due_minor": {"help_text": "total - paid + refunded."},
            "seller": {"help_text": "Your business details, as printed when it was issued."},
            "due_date": {"help_text": "Empty: set from your payment terms when issued."},
        }

    @extend_schema_field(serializers.BooleanField(help_text="Still owed after the due date."))
    def get_is_overdue(self, invoice: Invoice) -> bool:
        return bool(getattr(invoice, "is_overdue", False))

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        if "lines" in data:
            data["lines"] = [dict(line) for line in data["lines"]]
        return data


class InvoiceQuerySerializer(QuerySerializer):
    status = serializers.ChoiceField(
        choices=[value for value in STATUS_FILTERS if value],
        required=False,
        help_text="A status, or `overdue` (still owed after the due date).",
    )
    client = ScopedPrimaryKeyRelatedField(
        Client, required=False, help_text="One client's invoices."
    )
    search = serializers.CharField(
        required=False, max_length=60, help_text="An invoice number or the client's name."
    )


class IssueSerializer(serializers.Serializer[Any]):
    send = serializers.BooleanField(default=True, help_text="Email it to the client.")


class IntentSerializer(serializers.Serializer[Any]):
    payment_id = serializers.IntegerField(help_text="Our payment, pending until Stripe confirms.")
    payment_intent_id = serializers.CharField()
    client_secret = serializers.CharField(help_text="Confirm it with Stripe.js or a mobile SDK.")
    amount_minor = serializers.IntegerField()
    currency = serializers.CharField()
    publishable_key = serializers.CharField()


class PaymentSerializer(serializers.ModelSerializer[Payment]):
    class Meta:
        model = Payment
        fields = [
            "id",
            "kind",
            "amount_minor",
            "currency",
            "method",
            "status",
            "received_at",
            "reference",
            "notes",
            "failure_message",
            "created_at",
        ]
        read_only_fields = fields


class PaymentRecordSerializer(serializers.Serializer[Any]):
    """A payment or refund the trainer handled by hand."""

    kind = serializers.ChoiceField(choices=PaymentKind.choices, default=PaymentKind.PAYMENT)
    amount_minor = serializers.IntegerField(min_value=1, max_value=MAX_MINOR)
    method = serializers.ChoiceField(choices=MANUAL_METHODS)
    received_on = WindowDateField(
        required=False, help_text="Default: today (where you work); never in the future."
    )
    reference = serializers.CharField(max_length=120, required=False, allow_blank=True)
    notes = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    send_receipt = serializers.BooleanField(default=True, help_text="Email the client a receipt.")


class BillingProfileSerializer(serializers.ModelSerializer[BillingProfile]):
    class Meta:
        model = BillingProfile
        fields = [
            "legal_name",
            "address",
            "email",
            "phone",
            "tax_id",
            "payment_instructions",
            "payment_terms_days",
            "default_tax_rate_bp",
            "invoice_footer",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]


class WebhookResultSerializer(serializers.Serializer[Any]):
    event_id = serializers.CharField()
    type = serializers.CharField()
    outcome = serializers.ChoiceField(
        choices=[outcome.value for outcome in WebhookOutcome],
        help_text="What the event did; a replay is `duplicate` and changes nothing.",
    )
