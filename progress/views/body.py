"""The trainer's Progress tab of a client (/dashboard/clients/<id>/progress/): charts
over a chosen range, measurements, photos, check-ins and the client's progress settings.
The client comes through the client getter, so another trainer's client is a 404 before
anything else is read; a row in the URL must also belong to that client."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from clients.models import Client
from clients.selectors import client_get, client_get_for_write
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from fitnesspr.tenancy import NOT_FOUND
from progress.charts.body import charts_for
from progress.forms.body import (
    CompareForm,
    CustomMeasurementForm,
    MeasurementForm,
    PhotoForm,
    ProgressSettingsForm,
)
from progress.forms.reports import ReportRequestForm
from progress.models import BodyMeasurement, PhotoPose, ProgressPhoto
from progress.selectors.body import (
    custom_measurement_get_for_write,
    custom_measurements,
    measurement_get_for_write,
    measurement_list,
    photo_comparison,
    photo_days,
    photo_get_for_write,
    photo_list,
    progress_settings,
    recent_measurements,
)
from progress.selectors.check_ins import check_in_due, check_in_list, is_waiting
from progress.services import body as body_services
from progress.services.photos import photo_delete
from progress.views.reports import report_panel_context
from trainers.decorators import TrainerRequest, trainer_required

MEASUREMENTS_PAGE_SIZE = 20
RECENT_MEASUREMENTS = 6
RECENT_CHECK_INS = 6
RECENT_PHOTO_DAYS = 2


def _own(row: BodyMeasurement | ProgressPhoto, client: Client) -> None:
    if row.client_id != client.pk:
        raise Http404(NOT_FOUND)


@require_GET
@vary_on_headers("HX-Request")
@trainer_required
def progress_tab(request: TrainerRequest, client_id: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    today = request.trainer.today()
    units = request.trainer.unit_system
    customs = custom_measurements(client=client)  # read once, for the charts and the page
    charts = charts_for(
        client=client,
        range_key=request.GET.get("range"),
        today=today,
        unit_system=units,
        customs=customs,
    )
    if request.htmx and not request.htmx.history_restore_request:
        return render(
            request, "progress/body/progress.html#charts", {"charts": charts, "client": client}
        )
    check_ins = list(check_in_list(client=client)[:RECENT_CHECK_INS])
    photos = list(photo_list(client=client)[: RECENT_PHOTO_DAYS * 4])
    settings = progress_settings(client=client)
    measurements, weighed = recent_measurements(client=client, count=RECENT_MEASUREMENTS)
    context = {
        "client": client,
        "charts": charts,
        "units": units,
        "settings": settings,
        "customs": customs,
        "due": check_in_due(client=client, today=today, settings=settings),
        "check_ins": [(check_in, is_waiting(check_in)) for check_in in check_ins],
        "photo_days": photo_days(photos)[:RECENT_PHOTO_DAYS],
        "measurements": measurements,
        "last_weigh_in": weighed,
        **report_panel_context(client=client, form=ReportRequestForm(today=today)),
    }
    return render(request, "progress/body/progress.html", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def measurements(request: TrainerRequest, client_id: int) -> HttpResponse:
    """Every measurement (paginated), and the form to add a day's measurements."""
    client = client_get(actor=request.actor, pk=client_id)
    form = MeasurementForm.for_client(request.POST or None, client=client)
    if request.method == "POST" and form.is_valid():
        client = client_get_for_write(actor=request.actor, pk=client_id)
        if row := form.log(client=client):
            messages.success(request, f"Measurements saved for {row.measured_on:%-d %B %Y}.")
            return redirect("progress:measurements", client_id=client.pk)
    page = Paginator(measurement_list(client=client), MEASUREMENTS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "client": client,
        "form": form,
        "page": page,
        "units": request.trainer.unit_system,
        "customs": form.customs,
    }
    return render(request, "progress/body/measurements.html", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def measurement_edit(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    row = measurement_get_for_write(actor=request.actor, pk=pk)
    _own(row, client)
    units = request.trainer.unit_system
    customs = custom_measurements(client=client)
    initial = MeasurementForm.initial_for(row, unit_system=units, customs=customs)
    form = MeasurementForm(
        request.POST or None, initial=initial, unit_system=units, customs=customs
    )
    if request.method == "POST" and form.is_valid() and form.update(measurement=row):
        messages.success(request, f"Measurements of {row.measured_on:%-d %B %Y} saved.")
        return redirect("progress:measurements", client_id=client.pk)
    context = {"client": client, "form": form, "row": row}
    return render(request, "progress/body/measurement_edit.html", context)


@require_POST
@trainer_required
def measurement_delete(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    row = measurement_get_for_write(actor=request.actor, pk=pk)
    _own(row, client)
    body_services.measurement_delete(measurement=row)
    messages.success(request, f"Measurements of {row.measured_on:%-d %B %Y} deleted.")
    return redirect("progress:measurements", client_id=client.pk)


@require_http_methods(["GET", "POST"])
@trainer_required
def photos(request: TrainerRequest, client_id: int) -> HttpResponse:
    """Every photo by day, two days side by side, and an upload form (a photo taken at
    a session)."""
    client = client_get(actor=request.actor, pk=client_id)
    form = PhotoForm(
        request.POST or None, request.FILES or None, initial={"taken_on": request.trainer.today()}
    )
    if request.method == "POST" and form.is_valid():
        writable = client_get_for_write(actor=request.actor, pk=client_id)
        if form.add(client=writable, by=request.actor.user):
            messages.success(request, "Photo added.")
            return redirect("progress:photos", client_id=client.pk)
    return render(request, "progress/body/photos.html", _photos_context(request, client, form))


def _photos_context(request: TrainerRequest, client: Client, form: PhotoForm) -> dict[str, object]:
    compare = CompareForm(request.GET)
    before, after, pose = compare.choice()
    return {
        "client": client,
        "form": form,
        "compare": photo_comparison(client=client, before=before, after=after, pose=pose),
        "pose": pose,
        "poses": PhotoPose.choices,
        "days": photo_days(list(photo_list(client=client))),
        "settings": progress_settings(client=client),
    }


@require_POST
@trainer_required
def photo_remove(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    photo = photo_get_for_write(actor=request.actor, pk=pk)
    _own(photo, client)
    photo_delete(photo=photo)
    messages.success(
        request,
        f"The {photo.get_pose_display().lower()} photo of {photo.taken_on:%-d %B} is deleted.",
    )
    return redirect("progress:photos", client_id=client.pk)


@require_http_methods(["GET", "POST"])
@trainer_required
def settings(request: TrainerRequest, client_id: int) -> HttpResponse:
    """The weekly check-in day, the weight goal and the client's own measurements."""
    client = client_get_for_write(actor=request.actor, pk=client_id)
    units = request.trainer.unit_system
    row = progress_settings(client=client)
    form = ProgressSettingsForm(
        request.POST or None,
        initial=ProgressSettingsForm.initial_for(row, unit_system=units),
        unit_system=units,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            body_services.progress_settings_update(
                client=client,
                check_in_weekday=data["check_in_weekday"],
                weight_goal=data["weight_goal"],
                target_weight_kg=data["target_weight"],
            )
        except ValidationError as exc:
            add_service_error(form, exc, renames={"target_weight_kg": "target_weight"})
        else:
            messages.success(request, f"{client.full_name}'s progress settings are saved.")
            return redirect("progress:client_progress", client_id=client.pk)
    context = {
        "client": client,
        "form": form,
        "custom_form": CustomMeasurementForm(),
        "customs": custom_measurements(client=client),
    }
    return render(request, "progress/body/settings.html", context)


@require_POST
@trainer_required
def custom_add(request: TrainerRequest, client_id: int) -> HttpResponse:
    client = client_get_for_write(actor=request.actor, pk=client_id)
    units = request.trainer.unit_system
    custom_form = CustomMeasurementForm(request.POST)
    if custom_form.is_valid():
        try:
            kind = body_services.custom_measurement_add(
                client=client, name=custom_form.cleaned_data["name"]
            )
        except (ValidationError, ConflictError) as exc:
            add_service_error(custom_form, exc, default_field="name")
        else:
            messages.success(request, f"“{kind.name}” added to {client.full_name}'s measurements.")
            return redirect("progress:progress_settings", client_id=client.pk)
    row = progress_settings(client=client)
    context = {
        "client": client,
        "form": ProgressSettingsForm(
            initial=ProgressSettingsForm.initial_for(row, unit_system=units), unit_system=units
        ),
        "custom_form": custom_form,
        "customs": custom_measurements(client=client),
    }
    return render(request, "progress/body/settings.html", context)


@require_POST
@trainer_required
def custom_remove(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    client = client_get_for_write(actor=request.actor, pk=client_id)
    kind = custom_measurement_get_for_write(actor=request.actor, pk=pk)
    if kind.client_id != client.pk:
        raise Http404(NOT_FOUND)
    body_services.custom_measurement_remove(kind=kind)
    messages.success(request, f"“{kind.name}” and its values are removed.")
    return redirect("progress:progress_settings", client_id=client.pk)
