from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from fitnesspr.constraints import choices_check, not_blank
from fitnesspr.tenancy import TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap
from trainers.models import Currency

from .invoices import Invoice, InvoiceStatus

if TYPE_CHECKING:
    from clients.models import Client


class PaymentKind(models.TextChoices):
    PAYMENT = "payment", "Payment"
    REFUND = "refund", "Refund"


class PaymentMethod(models.TextChoices):
    STRIPE = "stripe", "Card (online)"
    CASH = "cash", "Cash"
    BANK_TRANSFER = "bank_transfer", "Bank transfer"
    CARD_MANUAL = "card_manual", "Card (in person)"
    OTHER = "other", "Other"


#: methods a trainer records by hand (Stripe payments and refunds come from Stripe)
MANUAL_METHODS = [choice for choice in PaymentMethod.choices if choice[0] != PaymentMethod.STRIPE]


class PaymentStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"
    CANCELED = "canceled", "Canceled"


class PaymentQuerySet(TrainerScopedQuerySet):
    trainer_path = "invoice__trainer"
    client_path = "invoice__client"

    def for_client(self, client: Client) -> Self:
        return super().for_client(client).exclude(invoice__status=InvoiceStatus.DRAFT)

    def succeeded(self) -> Self:
        return self.filter(status=PaymentStatus.SUCCEEDED)


class Payment(models.Model):
    """Money in (a payment) or back out (a refund) on an invoice: through Stripe, or
    recorded by hand by the trainer. Only succeeded rows count towards the balance. An
    online payment starts pending with its Stripe PaymentIntent or Checkout Session,
    each recorded at most once; a Stripe refund is recorded once per increase of the
    charge's refunded amount (`stripe_refund_key`)."""

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="payments")
    kind = models.CharField(max_length=7, choices=PaymentKind.choices, default=PaymentKind.PAYMENT)
    refund_of = models.ForeignKey(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="refunds"
    )
    amount_minor = models.BigIntegerField(validators=[MinValueValidator(1)])
    currency = models.CharField(max_length=3, choices=Currency.choices)
    method = models.CharField(max_length=14, choices=PaymentMethod.choices)
    status = models.CharField(
        max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    stripe_payment_intent_id = models.CharField(max_length=255, blank=True)
    stripe_checkout_session_id = models.CharField(max_length=255, blank=True)
    stripe_refund_key = models.CharField(
        max_length=255, blank=True, help_text="Stripe charge id and its refunded total."
    )
    failure_message = models.CharField(max_length=255, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)
    reference = models.CharField(max_length=120, blank=True, help_text="e.g. a bank reference")
    notes = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["invoice", "status"], name="payment_invoice_status"),
            # "Came in this month": without it PostgreSQL reads every payment of every
            # trainer (9 ms at 108,000 payments, growing); with it, this month's only.
            models.Index(
                fields=["received_at"],
                condition=models.Q(status="succeeded"),
                name="payment_succeeded_received",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["stripe_payment_intent_id"],
                condition=~models.Q(stripe_payment_intent_id=""),
                name="payment_intent_unique",
                violation_error_message="This Stripe payment is already recorded.",
            ),
            models.UniqueConstraint(
                fields=["stripe_checkout_session_id"],
                condition=~models.Q(stripe_checkout_session_id=""),
                name="payment_checkout_session_unique",
                violation_error_message="This Stripe checkout is already recorded.",
            ),
            models.UniqueConstraint(
                fields=["stripe_refund_key"],
                condition=~models.Q(stripe_refund_key=""),
                name="payment_stripe_refund_unique",
                violation_error_message="This Stripe refund is already recorded.",
            ),
            models.CheckConstraint(
                condition=models.Q(amount_minor__gt=0),
                name="payment_amount_positive",
                violation_error_message="The amount must be more than zero.",
            ),
            choices_check("kind", PaymentKind.values, name="payment_kind_valid"),
            choices_check("currency", Currency.values, name="payment_currency_valid"),
            choices_check("method", PaymentMethod.values, name="payment_method_valid"),
            choices_check("status", PaymentStatus.values, name="payment_status_valid"),
            models.CheckConstraint(
                condition=models.Q(method="stripe")
                | models.Q(
                    stripe_payment_intent_id="",
                    stripe_checkout_session_id="",
                    stripe_refund_key="",
                ),
                name="payment_stripe_ids_only_for_stripe",
                violation_error_message="Only a Stripe payment carries Stripe ids.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="payment")
                | models.Q(status="succeeded", stripe_payment_intent_id="")
                & models.Q(stripe_checkout_session_id=""),
                name="payment_refund_is_final",
                violation_error_message="A refund is recorded once it has been made.",
            ),
            models.CheckConstraint(
                condition=models.Q(refund_of__isnull=True) | models.Q(kind="refund"),
                name="payment_only_refunds_refer_back",
                violation_error_message="Only a refund refers to the payment it returns.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="succeeded") | models.Q(received_at__isnull=False),
                name="payment_received_has_time",
                violation_error_message="A received payment needs the time it was received.",
            ),
        ]

    def __str__(self) -> str:
        what = "Refund" if self.kind == PaymentKind.REFUND else "Payment"
        return f"{what} of {self.amount_minor} {self.currency} on {self.invoice.display_number}"

    @property
    def is_refund(self) -> bool:
        return self.kind == PaymentKind.REFUND

    def clean(self) -> None:
        super().clean()
        if self.invoice_id and self.currency and self.currency != self.invoice.currency:
            raise ValidationError({"currency": "Pay in the invoice's currency."})


class StripeEvent(models.Model):
    """Every Stripe webhook event, recorded once by id so a redelivery is a no-op.
    Not owned by a trainer: staff only. `error` says why an event was not applied."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["type", "received_at"], name="stripeevent_type_received")]
        constraints = [not_blank("event_id", name="stripeevent_id_set")]

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"
