from .invoices import (
    Invoice,
    InvoiceLine,
    InvoiceLineQuerySet,
    InvoiceQuerySet,
    InvoiceStatus,
    Package,
    PackageInterval,
    PackageQuerySet,
)
from .payments import Payment, PaymentMethod, PaymentQuerySet, PaymentStatus, StripeEvent

__all__ = [
    "Invoice",
    "InvoiceLine",
    "InvoiceLineQuerySet",
    "InvoiceQuerySet",
    "InvoiceStatus",
    "Package",
    "PackageInterval",
    "PackageQuerySet",
    "Payment",
    "PaymentMethod",
    "PaymentQuerySet",
    "PaymentStatus",
    "StripeEvent",
]
