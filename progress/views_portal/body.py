"""The client's own progress in the portal: the Progress page (charts over a chosen
range), the quick weigh-in, measurements, photos and the photo consent. Everything is
scoped to request.portal_client: another client's row is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from clients.decorators import PortalRequest, portal_login_required
from clients.models import Client
from fitnesspr.tenancy import NOT_FOUND
from progress.charts.body import charts_for
from progress.forms.body import (
    CompareForm,
    MeasurementForm,
    PhotoConsentForm,
    PhotoForm,
    WeighInForm,
)
from progress.models import BodyMeasurement, PhotoPose, ProgressPhoto
from progress.selectors.body import (
    custom_measurements,
    last_weigh_in,
    measurement_get_for_write,
    measurement_list,
    photo_comparison,
    photo_days,
    photo_get_for_write,
    photo_list,
    progress_settings,
)
from progress.selectors.check_ins import check_in_due
from progress.services.body import measurement_delete, photo_consent_set, weekly_report_set
from progress.services.photos import photo_delete

RECENT_MEASUREMENTS = 5
RECENT_PHOTO_DAYS = 1
PAGE_SIZE = 30


class HtmxPortalRequest(PortalRequest):
    htmx: HtmxDetails


def _own(row: BodyMeasurement | ProgressPhoto, client: Client) -> None:
    if row.client_id != client.pk:  # the getter scopes already; this keeps it obvious
        raise Http404(NOT_FOUND)


@require_GET
@vary_on_headers("HX-Request")
@portal_login_required
def progress_page(request: HtmxPortalRequest) -> HttpResponse:
    client = request.portal_client
    today = client.trainer.today()
    units = client.trainer.unit_system
    charts = charts_for(
        client=client, range_key=request.GET.get("range"), today=today, unit_system=units
    )
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "progress/portal/progress.html#charts", {"charts": charts})
    context = {
        "client": client,
        "charts": charts,
        "units": units,
        "customs": custom_measurements(client=client),
        "last_weigh_in": last_weigh_in(client=client),
        "measurements": list(measurement_list(client=client)[:RECENT_MEASUREMENTS]),
        "photo_days": photo_days(list(photo_list(client=client)[:4]))[:RECENT_PHOTO_DAYS],
        "due": check_in_due(client=client, today=today),
    }
    return render(request, "progress/portal/progress.html", context)


@require_POST
@vary_on_headers("HX-Request")
@portal_login_required
def weigh_in(request: HtmxPortalRequest) -> HttpResponse:
    """The portal home's weigh-in card: with htmx the card comes back saying what was
    saved (or what to fix); without, the home page reloads with a message."""
    client = request.portal_client
    units = client.trainer.unit_system
    form = WeighInForm(request.POST, unit_system=units)
    saved = form.log(client=client) if form.is_valid() else None
    if saved is not None and not request.htmx:
        messages.success(request, f"Weigh-in saved for {saved.measured_on:%-d %B}.")
        return redirect("progress:portal_home")
    if saved is not None:
        form = WeighInForm(initial={"measured_on": client.trainer.today()}, unit_system=units)
    context = {
        "client": client,
        "weigh_in_form": form,
        "units": units,
        "saved": saved,
        "last_weigh_in": last_weigh_in(client=client),
    }
    template = (
        "progress/portal/home.html#weigh-in" if request.htmx else "progress/portal/weigh_in.html"
    )
    return render(request, template, context)


@require_GET
@portal_login_required
def measurements(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    page = Paginator(measurement_list(client=client), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "client": client,
        "page": page,
        "units": client.trainer.unit_system,
        "customs": custom_measurements(client=client),
    }
    return render(request, "progress/portal/measurements.html", context)


@require_http_methods(["GET", "POST"])
@portal_login_required
def measurement_add(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    form = MeasurementForm.for_client(request.POST or None, client=client)
    if request.method == "POST" and form.is_valid() and (row := form.log(client=client)):
        messages.success(request, f"Measurements saved for {row.measured_on:%-d %B}.")
        return redirect("progress:portal_progress")
    return render(
        request,
        "progress/portal/measurement_form.html",
        {"client": client, "form": form, "row": None},
    )


@require_http_methods(["GET", "POST"])
@portal_login_required
def measurement_edit(request: PortalRequest, pk: int) -> HttpResponse:
    client = request.portal_client
    row = measurement_get_for_write(actor=request.actor, pk=pk)
    _own(row, client)
    form = MeasurementForm.for_client(request.POST or None, client=client, row=row)
    if request.method == "POST" and form.is_valid() and form.update(measurement=row):
        messages.success(request, f"Measurements of {row.measured_on:%-d %B} saved.")
        return redirect("progress:portal_measurements")
    return render(
        request,
        "progress/portal/measurement_form.html",
        {"client": client, "form": form, "row": row},
    )


@require_POST
@portal_login_required
def measurement_remove(request: PortalRequest, pk: int) -> HttpResponse:
    row = measurement_get_for_write(actor=request.actor, pk=pk)
    _own(row, request.portal_client)
    measurement_delete(measurement=row)
    messages.success(request, f"Measurements of {row.measured_on:%-d %B} deleted.")
    return redirect("progress:portal_measurements")


@require_GET
@portal_login_required
def photos(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    before, after, pose = CompareForm(request.GET).choice()
    settings = progress_settings(client=client)
    context = {
        "client": client,
        "compare": photo_comparison(client=client, before=before, after=after, pose=pose),
        "pose": pose,
        "poses": PhotoPose.choices,
        "days": photo_days(list(photo_list(client=client))),
        "consent_form": PhotoConsentForm(
            initial={
                "photos_in_reports": settings.photos_in_reports,
                "weekly_report": settings.weekly_report,
            }
        ),
    }
    return render(request, "progress/portal/photos.html", context)


@require_http_methods(["GET", "POST"])
@portal_login_required
def photo_upload(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    form = PhotoForm(
        request.POST or None, request.FILES or None, initial={"taken_on": client.trainer.today()}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.add(client=client, by=request.actor.user)
    ):
        messages.success(request, "Photo saved. Only you and your trainer can see it.")
        return redirect("progress:portal_photos")
    return render(request, "progress/portal/photo_form.html", {"client": client, "form": form})


@require_POST
@portal_login_required
def photo_remove(request: PortalRequest, pk: int) -> HttpResponse:
    photo = photo_get_for_write(actor=request.actor, pk=pk)
    _own(photo, request.portal_client)
    photo_delete(photo=photo)
    messages.success(request, "Photo deleted.")
    return redirect("progress:portal_photos")


@require_POST
@portal_login_required
def photo_consent(request: PortalRequest) -> HttpResponse:
    form = PhotoConsentForm(request.POST)
    valid = form.is_valid()
    allowed = valid and form.cleaned_data["photos_in_reports"]
    weekly = valid and form.cleaned_data["weekly_report"]
    photo_consent_set(client=request.portal_client, allowed=allowed)
    weekly_report_set(client=request.portal_client, wanted=weekly)
    if allowed:
        said = "Your trainer may now use your photos in progress reports."
    else:
        said = "Your photos stay out of progress reports."
    if weekly:
        said += " A report of your week is made every Monday."
    messages.success(request, said)
    return redirect("progress:portal_photos")
