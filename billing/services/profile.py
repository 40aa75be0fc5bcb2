"""The trainer's billing profile (business details on invoices, invoice defaults)."""

from __future__ import annotations

from typing import Any, TypedDict, Unpack

from django.db import transaction

from billing.models import BillingProfile
from trainers.models import Trainer


class ProfileChanges(TypedDict, total=False):
    legal_name: str
    address: str
    email: str
    phone: str
    tax_id: str
    payment_instructions: str
    payment_terms_days: int
    default_tax_rate_bp: int
    invoice_footer: str


@transaction.atomic
def billing_profile_update(
    *, trainer: Trainer, **changes: Unpack[ProfileChanges]
) -> BillingProfile:
    """Create or change the trainer's billing profile. Invoices already issued keep
    the details they were issued with."""
    profile, _created = BillingProfile.objects.select_for_update().get_or_create(trainer=trainer)
    fields: dict[str, Any] = dict(changes)
    for field, value in fields.items():
        setattr(profile, field, value.strip() if isinstance(value, str) else value)
    profile.full_clean(exclude=["trainer"])
    profile.save()
    return profile
