"""The trainer's billing settings (/dashboard/billing/settings/): the business details
printed on invoices, payment terms and the default tax rate."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from billing.forms import SERVICE_NAMES, BillingProfileForm
from billing.money import bp_to_percent
from billing.selectors.profile import billing_profile_for
from billing.services.profile import billing_profile_update
from fitnesspr.forms import add_service_error
from trainers.decorators import TrainerRequest, trainer_required


@require_http_methods(["GET", "POST"])
@trainer_required
def billing_settings(request: TrainerRequest) -> HttpResponse:
    profile = billing_profile_for(trainer=request.trainer)
    initial = {name: getattr(profile, name, None) for name in BillingProfileForm.base_fields}
    initial["default_tax_rate"] = bp_to_percent(profile.default_tax_rate_bp)
    form = BillingProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            billing_profile_update(trainer=request.trainer, **form.service_fields())
        except ValidationError as exc:
            add_service_error(form, exc, renames=SERVICE_NAMES)
        else:
            messages.success(request, "Billing settings saved. New invoices use them.")
            return redirect("billing:settings")
    context = {"form": form, "business_name": request.trainer.business_name}
    return render(request, "billing/settings.html", context)
