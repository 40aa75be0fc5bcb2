"""The trainer's client pages under /dashboard/clients/: adding a client, the profile
form, the PIN and archiving (the list and the client page gather every domain: they
live in progress.views.clients and progress.views.client). Every lookup goes through
clients.selectors' getters: another trainer's client is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clients import selectors, services
from clients.forms import (
    SERVICE_FIELD_NAMES,
    ClientCsvConfirmForm,
    ClientCsvForm,
    ClientForm,
)
from clients.models import Client, ClientStatus
from clients.services import imports as client_imports
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from trainers.decorators import TrainerRequest, trainer_required

# The new PIN waits here between the POST that made it and the one GET that shows it,
# so it never sits in a URL and a reload cannot show it again.
PIN_ONCE_KEY = "clients.pin_once"


def _hand_over_pin(request: TrainerRequest, client: Client, pin: str, *, reason: str) -> None:
    request.session[PIN_ONCE_KEY] = {"client": client.pk, "pin": pin, "reason": reason}


@require_http_methods(["GET", "POST"])
@trainer_required
def client_create(request: TrainerRequest) -> HttpResponse:
    units = request.trainer.unit_system
    form = ClientForm(request.POST or None, unit_system=units, with_status=False)
    if request.method == "POST" and form.is_valid():
        try:
            client, pin = services.client_create(trainer=request.trainer, **form.service_fields())
        except (ValidationError, ConflictError) as exc:
            add_service_error(form, exc, renames=SERVICE_FIELD_NAMES)
        else:
            _hand_over_pin(request, client, pin, reason="created")
            return redirect("clients:pin", pk=client.pk)
    return render(request, "clients/client_form.html", {"form": form, "client": None})


@require_GET
@never_cache  # the browser must not keep a copy of the page with the PIN on it
@trainer_required
def client_pin(request: TrainerRequest, pk: int) -> HttpResponse:
    client = selectors.client_get(actor=request.actor, pk=pk)
    handed = request.session.get(PIN_ONCE_KEY)
    pin, reason = None, None
    if handed and handed.get("client") == client.pk:
        del request.session[PIN_ONCE_KEY]
        pin, reason = handed["pin"], handed["reason"]
    context = {
        "client": client,
        "pin": pin,
        "reason": reason,
        "portal_url": request.build_absolute_uri(reverse("clients:portal_login")),
    }
    return render(request, "clients/client_pin.html", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def client_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    client = selectors.client_get_for_write(actor=request.actor, pk=pk)
    units = request.trainer.unit_system
    form = ClientForm(
        request.POST or None,
        initial=ClientForm.initial_for(client, unit_system=units),
        unit_system=units,
        with_status=client.status != ClientStatus.ARCHIVED,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.client_update(client=client, **form.service_fields())
        except (ValidationError, ConflictError) as exc:
            client.refresh_from_db()  # the service set the refused values on it
            client.user.refresh_from_db()
            add_service_error(form, exc, renames=SERVICE_FIELD_NAMES)
        else:
            messages.success(request, f"{client.full_name}'s profile is saved.")
            return redirect("progress:client", pk=client.pk)
    return render(request, "clients/client_form.html", {"form": form, "client": client})


@require_http_methods(["GET", "POST"])
@trainer_required
def client_reset_pin(request: TrainerRequest, pk: int) -> HttpResponse:
    client = selectors.client_get_for_write(actor=request.actor, pk=pk)
    if request.method == "POST":
        pin = services.client_reset_pin(client=client)
        _hand_over_pin(request, client, pin, reason="reset")
        return redirect("clients:pin", pk=client.pk)
    return render(request, "clients/client_confirm.html", {"client": client, "action": "reset"})


@require_http_methods(["GET", "POST"])
@trainer_required
def client_archive(request: TrainerRequest, pk: int) -> HttpResponse:
    client = selectors.client_get_for_write(actor=request.actor, pk=pk)
    if request.method == "POST":
        services.client_archive(client=client)
        messages.success(
            request, f"{client.full_name} is archived and can no longer sign in to the portal."
        )
        return redirect("progress:client", pk=client.pk)
    return render(request, "clients/client_confirm.html", {"client": client, "action": "archive"})


# The CSV between its preview and the confirmation: kept in the session, never re-uploaded.
CSV_KEY = "clients.csv_import"


@require_http_methods(["GET", "POST"])
@never_cache
@trainer_required
def client_csv_upload(request: TrainerRequest) -> HttpResponse:
    """Import from CSV, step 1 and 2: the file, then a preview of every row (what it
    becomes, or why it can't) before anything is created."""
    form = ClientCsvForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read(client_imports.MAX_BYTES + 1)
        try:
            rows = client_imports.client_csv_read(data=data)
        except client_imports.CsvRefused as exc:
            form.add_error("file", str(exc))
        else:
            request.session[CSV_KEY] = data.decode("latin-1")  # bytes kept exactly
            valid = sum(row.ok for row in rows)
            context = {
                "rows": rows,
                "valid": valid,
                "invalid": len(rows) - valid,
                "confirm": ClientCsvConfirmForm(),
            }
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "clients/csv_import.html", context, status=status)


@require_POST
@never_cache  # the answer shows the new PINs
@trainer_required
def client_csv_confirm(request: TrainerRequest) -> HttpResponse:
    """Step 3: create the valid rows (one transaction) and show each new PIN once."""
    stored = request.session.pop(CSV_KEY, None)
    if stored is None:
        messages.error(request, "That preview has expired: upload the file again.")
        return redirect("clients:csv_import")
    confirm = ClientCsvConfirmForm(request.POST)
    email_pin = confirm.is_valid() and confirm.cleaned_data["email_pin"]
    try:
        made, skipped = client_imports.client_csv_import(
            trainer=request.trainer, data=stored.encode("latin-1"), email_pin=email_pin
        )
    except (client_imports.CsvRefused, ValidationError, ConflictError) as exc:
        messages.error(request, f"Nothing was imported: {exc}")
        return redirect("clients:csv_import")
    context = {"made": made, "skipped": skipped, "email_pin": email_pin}
    return render(request, "clients/csv_import_done.html", context)
