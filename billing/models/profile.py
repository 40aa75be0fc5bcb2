from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.db import models

from fitnesspr.constraints import between, range_check
from fitnesspr.tenancy import TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap

if TYPE_CHECKING:
    from clients.models import Client

DEFAULT_PAYMENT_TERMS_DAYS = 14


class BillingProfileQuerySet(TrainerScopedQuerySet):
    """A trainer's business details are printed on every invoice, so each of their
    clients may read them."""

    trainer_path = "trainer"

    def for_client(self, client: Client) -> Self:
        return self.filter(trainer_id=client.trainer_id)


class BillingProfile(models.Model):
    """What a trainer's invoices say about the business: the legal name and address, tax
    number, how to pay by bank, and the defaults for new invoices."""

    trainer = models.OneToOneField(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="billing_profile"
    )
    legal_name = models.CharField(
        max_length=200, blank=True, help_text="Shown on invoices; your business name if empty."
    )
    address = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    email = models.EmailField(blank=True, help_text="For billing questions; your login if empty.")
    phone = models.CharField(max_length=32, blank=True)
    tax_id = models.CharField("tax number", max_length=64, blank=True)
    payment_instructions = models.TextField(
        max_length=TEXT_MAX,
        validators=[text_cap],
        blank=True,
        help_text="e.g. bank details for transfers, printed on every invoice.",
    )
    payment_terms_days = models.PositiveSmallIntegerField(
        default=DEFAULT_PAYMENT_TERMS_DAYS, validators=between(0, 365)
    )
    default_tax_rate_bp = models.PositiveIntegerField(
        "default tax rate (basis points)", default=0, validators=between(0, 10000)
    )
    invoice_footer = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BillingProfileQuerySet.as_manager()

    class Meta:
        constraints = [
            range_check("payment_terms_days", 0, 365, name="billingprofile_terms_range"),
            range_check("default_tax_rate_bp", 0, 10000, name="billingprofile_tax_range"),
        ]

    def __str__(self) -> str:
        return self.legal_name or str(self.trainer)
