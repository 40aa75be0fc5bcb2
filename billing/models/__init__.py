from .invoices import (
    OUTSTANDING,
    PAYABLE,
    Invoice,
    InvoiceLine,
    InvoiceLineQuerySet,
    InvoiceQuerySet,
    InvoiceStatus,
    overdue_q,
)
from .packages import Package, PackageInterval, PackageQuerySet
from .payments import (
    MANUAL_METHODS,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentQuerySet,
    PaymentStatus,
    StripeEvent,
)
from .profile import BillingProfile, BillingProfileQuerySet

__all__ = [
    "MANUAL_METHODS",
    "OUTSTANDING",
    "PAYABLE",
    "BillingProfile",
    "BillingProfileQuerySet",
    "Invoice",
    "InvoiceLine",
    "InvoiceLineQuerySet",
    "InvoiceQuerySet",
    "InvoiceStatus",
    "Package",
    "PackageInterval",
    "PackageQuerySet",
    "Payment",
    "PaymentKind",
    "PaymentMethod",
    "PaymentQuerySet",
    "PaymentStatus",
    "StripeEvent",
    "overdue_q",
]
