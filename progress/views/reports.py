"""The Progress report panel of a client's Progress tab: ask for a report (a preset or
your own dates), watch it being made (the row polls with htmx until it is ready), try a
failed one again, and download it through an access-checked view. Another trainer's
client or report is a 404 on every one of these."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from clients.models import Client
from clients.selectors import client_get_for_write
from fitnesspr.actor import actor_of
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from fitnesspr.tenancy import NOT_FOUND
from progress.forms.reports import ReportRequestForm
from progress.models import ProgressReport
from progress.selectors.reports import (
    RECENT_REPORTS,
    report_download,
    report_get,
    report_get_for_write,
    report_list,
)
from progress.services.reports import report_request, report_retry
from trainers.decorators import TrainerRequest, trainer_required

PANEL = "progress/reports/panel.html"


def report_panel_context(*, client: Client, form: ReportRequestForm) -> dict[str, object]:
    """What the panel shows on the Progress tab (and after a request)."""
    return {
        "client": client,
        "report_form": form,
        "reports": list(report_list(client=client)[:RECENT_REPORTS]),
    }


def _own(report: ProgressReport, client_id: int) -> None:
    if report.client_id != client_id:
        raise Http404(NOT_FOUND)


def _form_problem(form: ReportRequestForm) -> str:
    problems = [str(error) for errors in form.errors.values() for error in errors]
    return " ".join(problems) or "Check the dates."


def _back(client: Client) -> HttpResponse:
    return redirect(reverse("progress:client_progress", args=[client.pk]) + "#reports")


@never_cache
@require_POST
@trainer_required
def request_report(request: TrainerRequest, client_id: int) -> HttpResponse:
    client = client_get_for_write(actor=request.actor, pk=client_id)
    form = ReportRequestForm(request.POST, today=request.trainer.today())
    new = None
    if form.is_valid():
        try:
            new = report_request(
                client=client,
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
                requested_by=request.actor.user,
            )
        except ValidationError as exc:
            add_service_error(form, exc, default_field="period_start")
    if not request.htmx:
        if new is not None:
            messages.success(request, "The report is being made. Its download link appears here.")
        else:
            messages.error(request, _form_problem(form))
        return _back(client)
    if new is not None:
        form = ReportRequestForm(today=request.trainer.today())
    context = {**report_panel_context(client=client, form=form), "new": new}
    return render(request, PANEL + "#panel", context)


@never_cache
@require_GET
@trainer_required
def report_row(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    """One report's row: what the "Generating…" row polls until it is ready or failed."""
    report = report_get(actor=request.actor, pk=pk)
    _own(report, client_id)
    return render(request, PANEL + "#row", {"client": report.client, "report": report})


@never_cache
@require_POST
@trainer_required
def retry_report(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    report = report_get_for_write(actor=request.actor, pk=pk)
    _own(report, client_id)
    try:
        report = report_retry(report=report)
    except ConflictError as exc:
        messages.info(request, exc.message)
        return _back(report.client)
    if not request.htmx:
        messages.success(request, "Trying again: the download link appears here when it's made.")
        return _back(report.client)
    context = {"client": report.client, "report": report, "new": report}
    return render(request, PANEL + "#row", context)


@require_GET
@never_cache
def report_file(request: HttpRequest, client_id: int, pk: int) -> HttpResponseBase:
    """The PDF, as a download, for the client's trainer (and staff) only; never kept by
    a browser or proxy cache. A client (who reads no reports) gets a 404."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    report = report_get(actor=actor_of(request), pk=pk)
    _own(report, client_id)
    return report_download(report)
