"""The trainer's packages under /dashboard/billing/packages/: what they sell, on offer
or archived."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from billing.forms import SERVICE_NAMES, PackageForm
from billing.selectors import packages as selectors
from billing.services import packages as services
from billing.views.confirm import confirm_and_act
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from trainers.decorators import TrainerRequest, trainer_required


@require_GET
@trainer_required
def package_list(request: TrainerRequest) -> HttpResponse:
    show = request.GET.get("show", "")
    show = show if show in selectors.PACKAGE_FILTERS else ""
    context = {
        "packages": selectors.package_list(actor=request.actor, show=show),
        "show": show,
        "package_filters": selectors.PACKAGE_FILTERS,
    }
    return render(request, "billing/package_list.html", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def package_create(request: TrainerRequest) -> HttpResponse:
    form = PackageForm(request.POST or None, currency=request.trainer.currency)
    if request.method == "POST" and form.is_valid():
        try:
            package = services.package_create(trainer=request.trainer, **form.service_fields())
        except (ValidationError, ConflictError) as exc:
            add_service_error(form, exc, renames=SERVICE_NAMES)
        else:
            messages.success(request, f"“{package.name}” is on offer.")
            return redirect("billing:packages")
    return render(request, "billing/package_form.html", {"form": form, "package": None})


@require_http_methods(["GET", "POST"])
@trainer_required
def package_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    package = selectors.package_get_for_write(actor=request.actor, pk=pk)
    form = PackageForm(
        request.POST or None, initial=PackageForm.initial_for(package), currency=package.currency
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.package_update(package=package, **form.service_fields())
        except (ValidationError, ConflictError) as exc:
            package.refresh_from_db()
            add_service_error(form, exc, renames=SERVICE_NAMES)
        else:
            messages.success(request, f"“{package.name}” is saved.")
            return redirect("billing:packages")
    return render(request, "billing/package_form.html", {"form": form, "package": package})


@require_POST
@trainer_required
def package_archive(request: TrainerRequest, pk: int) -> HttpResponse:
    """Stop (or resume) offering a package; invoices that used it are untouched."""
    package = selectors.package_get_for_write(actor=request.actor, pk=pk)
    offer = request.POST.get("offer") == "1"
    services.package_update(package=package, is_active=offer)
    if offer:
        messages.success(request, f"“{package.name}” is on offer again.")
    else:
        messages.success(request, f"“{package.name}” is archived: new invoices can't use it.")
    return redirect("billing:packages")


@require_http_methods(["GET", "POST"])
@trainer_required
def package_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    package = selectors.package_get_for_write(actor=request.actor, pk=pk)

    def act() -> str:
        services.package_delete(package=package)
        return f"“{package.name}” is deleted."

    return confirm_and_act(
        request,
        template="billing/package_confirm_delete.html",
        context={"package": package},
        act=act,
        then=reverse("billing:packages"),
    )
