from __future__ import annotations

from django.contrib import admin

from billing.models import BillingProfile, Invoice, InvoiceLine, Package, Payment, StripeEvent
from fitnesspr.admin import ScopedAdmin, ScopedTabularInline


@admin.register(Package)
class PackageAdmin(ScopedAdmin):
    list_display = ("name", "trainer", "price_minor", "currency", "interval", "is_active")
    list_filter = ("is_active", "interval", "currency")
    list_select_related = ("trainer",)
    search_fields = ("name", "trainer__business_name")
    autocomplete_fields = ("trainer",)
    readonly_fields = ("created_at", "updated_at")


class InvoiceLineInline(ScopedTabularInline):
    model = InvoiceLine
    autocomplete_fields = ("package",)
    fields = (
        "order",
        "description",
        "package",
        "quantity",
        "unit_price_minor",
        "discount_bp",
        "discount_minor",
        "total_minor",
    )


class PaymentInline(ScopedTabularInline):
    model = Payment
    fk_name = "invoice"
    fields = ("kind", "amount_minor", "currency", "method", "status", "received_at", "reference")


@admin.register(Invoice)
class InvoiceAdmin(ScopedAdmin):
    list_display = (
        "display_number",
        "trainer",
        "client",
        "status",
        "total_minor",
        "balance_due_minor",
        "currency",
        "issue_date",
        "due_date",
    )
    list_filter = ("status", "currency")
    list_select_related = ("trainer", "client__user")
    search_fields = ("=number", "trainer__business_name", "client__user__email", "notes")
    autocomplete_fields = ("trainer", "client")
    readonly_fields = (
        "number_year",
        "number",
        "paid_minor",
        "refunded_minor",
        "balance_due_minor",
        "seller",
        "sent_at",
        "overdue_notified_at",
        "voided_at",
        "created_at",
        "updated_at",
    )
    date_hierarchy = "issue_date"
    inlines = (InvoiceLineInline, PaymentInline)

    @admin.display(description="number", ordering="number")
    def display_number(self, obj: Invoice) -> str:
        return obj.display_number


@admin.register(InvoiceLine)
class InvoiceLineAdmin(ScopedAdmin):
    list_display = ("description", "invoice", "quantity", "unit_price_minor", "total_minor")
    list_select_related = ("invoice",)
    search_fields = ("description",)
    autocomplete_fields = ("invoice", "package")


@admin.register(Payment)
class PaymentAdmin(ScopedAdmin):
    list_display = (
        "invoice",
        "kind",
        "amount_minor",
        "currency",
        "method",
        "status",
        "received_at",
    )
    list_filter = ("kind", "status", "method", "currency")
    list_select_related = ("invoice",)
    search_fields = (
        "reference",
        "stripe_payment_intent_id",
        "stripe_checkout_session_id",
        "stripe_refund_key",
    )
    autocomplete_fields = ("invoice", "refund_of")
    readonly_fields = ("created_at",)
    date_hierarchy = "received_at"


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    """A record of what Stripe sent: read-only, so the audit trail can't be edited."""

    list_display = ("event_id", "type", "received_at", "processed_at")
    list_filter = ("type",)
    search_fields = ("event_id", "type")
    readonly_fields = ("event_id", "type", "payload", "received_at", "processed_at", "error")
    date_hierarchy = "received_at"

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(BillingProfile)
class BillingProfileAdmin(ScopedAdmin):
    list_display = ("trainer", "legal_name", "tax_id", "payment_terms_days", "default_tax_rate_bp")
    list_select_related = ("trainer",)
    search_fields = ("legal_name", "tax_id", "trainer__business_name")
    autocomplete_fields = ("trainer",)
