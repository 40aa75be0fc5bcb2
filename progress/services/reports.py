"""Progress reports: a trainer asks for one (or a client's weekly opt-in queues one), a
background job renders the PDF once, and the trainer is emailed when it is ready.

The report row is the durable record that makes the job exactly-once: the job locks it
(a second worker skips a locked row), does nothing when it is already ready, writes the
file under one name per report and marks it ready in the same transaction. A worker
killed mid-render leaves the row pending and unlocked, and the job's next run makes the
one file. A render that fails marks the row failed with the reason; retrying starts over."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from clients.models import Client, ClientStatus
from fitnesspr.errors import ConflictError
from fitnesspr.pdf import html_to_pdf
from progress.charts.report import report_content
from progress.models import ProgressReport, ProgressSettings, ReportStatus
from progress.selectors.body import FIRST_DATE
from trainers.models import EmailKind
from trainers.services import email_queue

if TYPE_CHECKING:
    from fitnesspr.models import User

log = logging.getLogger(__name__)

#: the longest period one report may cover (two years, leap days included)
MAX_PERIOD_DAYS = 731
WEEKLY_PREFIX = "weekly"
RENDER_FAILED = "The report could not be made: {reason}"
TOO_SLOW = "it took too long to draw. Try a shorter period."


def _validate_period(start: date, end: date, today: date) -> None:
    if start < FIRST_DATE:
        raise ValidationError({"period_start": "Choose a start date from the year 2000 on."})
    if end > today + timedelta(days=1):  # a day of slack for time zones ahead of the trainer
        raise ValidationError({"period_end": "The period can't end in the future."})
    if end < start:
        raise ValidationError({"period_end": "The period can't end before it starts."})
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise ValidationError({"period_start": "A report covers at most two years."})


def _queue(report: ProgressReport) -> None:
    from progress.tasks.reports import generate_progress_report

    transaction.on_commit(lambda: generate_progress_report.delay(report.pk))


@transaction.atomic
def report_request(
    *,
    client: Client,
    period_start: date,
    period_end: date,
    requested_by: User | None,
    key: str | None = None,
) -> ProgressReport:
    """A pending report of `client` over the period, rendered in the background once
    this transaction commits. With a `key` (a schedule's), asking again returns the
    report already made for that key."""
    _validate_period(period_start, period_end, client.trainer.today())
    if key is not None and (existing := ProgressReport.objects.filter(key=key).first()):
        return existing
    report = ProgressReport(
        client=client,
        period_start=period_start,
        period_end=period_end,
        requested_by=requested_by,
        key=key,
    )
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:  # the same key queued at the same moment elsewhere
        return ProgressReport.objects.get(key=key)
    _queue(report)
    return report


def report_html(*, report: ProgressReport) -> str:
    """The report as one HTML document (what the PDF is printed from)."""
    content = report_content(client=report.client, start=report.period_start, end=report.period_end)
    return render_to_string(
        "progress/reports/report.html",
        {"report": report, "content": content, "trainer": report.client.trainer},
    )


def _slow_down_for_tests() -> None:
    """The worker tests set REPORT_RENDER_DELAY_SECONDS to catch a render in progress
    (and kill its worker); it is 0 everywhere else."""
    delay = settings.REPORT_RENDER_DELAY_SECONDS
    if delay:
        import time

        time.sleep(delay)


def _email_ready(report: ProgressReport) -> None:
    client = report.client
    trainer = client.trainer
    period = f"{report.period_start:%-d %b %Y} to {report.period_end:%-d %b %Y}"
    page = reverse("progress:client_progress", args=[client.pk]) + "#reports"
    email_queue(
        trainer=trainer,
        key=f"report-ready-{report.pk}",
        kind=EmailKind.REPORT_READY,
        to_email=trainer.user.email,
        subject=f"Progress report ready: {client.full_name}, {period}",
        template="progress/emails/report_ready",
        context={"client": client, "report": report, "period": period, "page_url": page},
    )


@transaction.atomic
def report_generate(*, report_id: int) -> ProgressReport | None:
    """Render a pending report to its PDF, once. None when another worker holds it (or it
    is gone); the report unchanged when it is ready already (or failed: retry first)."""
    report = (
        ProgressReport.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("client__trainer__user", "client__user")
        .filter(pk=report_id)
        .first()
    )
    if report is None or report.status != ReportStatus.PENDING:
        return report
    log.info("Rendering progress report %s", report.pk)
    try:
        _slow_down_for_tests()
        pdf = html_to_pdf(report_html(report=report))
    except SoftTimeLimitExceeded:
        return _fail(report, TOO_SLOW)
    except DatabaseError:
        raise  # the database is away: the job retries, the report stays pending
    except Exception as exc:  # any render failure: kept on the row for the trainer
        log.exception("Progress report %s failed to render", report.pk)
        reason = getattr(exc, "message", "") or "the PDF renderer failed."
        return _fail(report, reason)
    name = report.file.field.generate_filename(report, "report.pdf")
    storage = report.file.storage
    if storage.exists(name):  # written by a run that died before it could commit
        storage.delete(name)
    report.file.save(name, ContentFile(pdf), save=False)
    report.status = ReportStatus.READY
    report.error = ""
    report.completed_at = timezone.now()
    report.save(update_fields=["file", "status", "error", "completed_at"])
    _email_ready(report)
    return report


def _fail(report: ProgressReport, reason: str) -> ProgressReport:
    report.status = ReportStatus.FAILED
    report.error = RENDER_FAILED.format(reason=reason)
    report.completed_at = timezone.now()
    report.save(update_fields=["status", "error", "completed_at"])
    return report


@transaction.atomic
def report_retry(*, report: ProgressReport) -> ProgressReport:
    """Make a failed report again (the button next to its error)."""
    locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if locked.status != ReportStatus.FAILED:
        raise ConflictError("Only a report that failed can be made again.")
    locked.status = ReportStatus.PENDING
    locked.error = ""
    locked.completed_at = None
    locked.save(update_fields=["status", "error", "completed_at"])
    _queue(locked)
    return locked


def weekly_key(client: Client, monday: date) -> str:
    return f"{WEEKLY_PREFIX}:{client.pk}:{monday.isoformat()}"


def reports_weekly_queue(*, today: date) -> list[ProgressReport]:
    """Last week's report (Monday to Sunday before `today`) for every active client who
    asked for one: one per client and week however often this runs."""
    monday = today - timedelta(days=today.weekday() + 7)
    sunday = monday + timedelta(days=6)
    opted_in = (
        ProgressSettings.objects.filter(weekly_report=True, client__status=ClientStatus.ACTIVE)
        .select_related("client__trainer")
        .order_by("client_id")
    )
    return [
        report_request(
            client=row.client,
            period_start=monday,
            period_end=sunday,
            requested_by=None,
            key=weekly_key(row.client, monday),
        )
        for row in opted_in
    ]
