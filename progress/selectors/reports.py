"""Reads of progress reports. Clients read none (the queryset's rule): a report is the
trainer's document, which they pass on."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.http.response import HttpResponseBase

from clients.models import Client
from fitnesspr.actor import Actor
from fitnesspr.storage import private_file_response
from fitnesspr.tenancy import get_for_read, get_for_write
from progress.models import ProgressReport

#: the reports listed on a client's Progress tab
RECENT_REPORTS = 10


def _reports() -> QuerySet[ProgressReport]:
    return ProgressReport.objects.select_related("client__trainer", "client__user")


def report_get(*, actor: Actor, pk: int) -> ProgressReport:
    """A report the actor may read (their client's, or staff); anyone else's is a 404."""
    return get_for_read(_reports(), actor=actor, pk=pk)


def report_get_for_write(*, actor: Actor, pk: int) -> ProgressReport:
    return get_for_write(_reports(), actor=actor, pk=pk)


def report_list(*, client: Client) -> QuerySet[ProgressReport]:
    """A client's reports, newest first."""
    return ProgressReport.objects.filter(client=client).order_by("-created_at", "-pk")


def report_filename(report: ProgressReport) -> str:
    """What the downloaded file is called: "progress-carol-smith-2026-01-05-2026-02-01.pdf"."""
    from django.utils.text import slugify

    name = slugify(report.client.full_name) or "client"
    return f"progress-{name}-{report.period_start:%Y-%m-%d}-{report.period_end:%Y-%m-%d}.pdf"


def report_download(report: ProgressReport) -> HttpResponseBase:
    """The report's PDF as a download (pages and API alike): private, never stored by a
    cache (from a bucket, a short-lived signed link); a 404 while it is not made yet."""
    if not report.file:
        raise Http404("This report isn't ready yet.")
    return private_file_response(
        report.file,
        content_type="application/pdf",
        filename=report_filename(report),
        cache_seconds=None,
        attachment=True,
    )
