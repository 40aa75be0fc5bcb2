"""The trainer's billing profile: the business details printed on their invoices."""

from __future__ import annotations

from billing.models import BillingProfile
from trainers.models import Trainer


def billing_profile_for(*, trainer: Trainer) -> BillingProfile:
    """The trainer's profile, or an unsaved one with the defaults if they never set it."""
    profile = BillingProfile.objects.for_trainer(trainer).first()
    return profile if profile is not None else BillingProfile(trainer=trainer)


SELLER_FIELDS = ("legal_name", "address", "email", "phone", "tax_id", "payment_instructions")


def seller_details(*, trainer: Trainer) -> dict[str, str]:
    """The business details an invoice prints, as they are today (issuing an invoice
    keeps a copy, so later edits don't rewrite it)."""
    profile = billing_profile_for(trainer=trainer)
    details = {field: getattr(profile, field) for field in SELLER_FIELDS}
    details["legal_name"] = details["legal_name"] or trainer.business_name
    details["email"] = details["email"] or trainer.user.email
    details["footer"] = profile.invoice_footer
    return details
