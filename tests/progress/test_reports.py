"""Progress reports, made by the service and the task (eagerly here): the PDF's content,
empty sections, exactly one file and one email per report, failures kept for the trainer
with a retry, the period's rules and the weekly reports clients opt in to."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from fitnesspr.pdf import PdfUnavailable
from progress.models import ProgressReport, ReportStatus
from progress.services import reports as services
from progress.services.reports import (
    report_generate,
    report_request,
    report_retry,
    reports_weekly_queue,
)
from progress.tasks.reports import generate_progress_report, queue_weekly_progress_reports
from tests.factories.core import ClientFactory
from tests.factories.progress import ProgressPhotoFactory, ProgressSettingsFactory
from tests.progress.reports_helpers import fill_period, pdf_text
from trainers.models import EmailKind, OutboundEmail

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def period(trainer):
    end = trainer.today()
    return end - dt.timedelta(days=27), end


def _files() -> list[str]:
    found = []
    for folder, _dirs, names in os.walk(settings.PRIVATE_MEDIA_ROOT):
        found += [os.path.join(folder, name) for name in names if name.endswith(".pdf")]
    return found


def _make(client_, period, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        report = report_request(
            client=client_,
            period_start=period[0],
            period_end=period[1],
            requested_by=client_.trainer.user,
            **kwargs,
        )
    report.refresh_from_db()
    return report


def test_a_report_holds_the_cover_and_every_section(
    client_, period, django_capture_on_commit_callbacks
):
    fill_period(client_, period[0])

    report = _make(client_, period, django_capture_on_commit_callbacks)

    assert report.status == ReportStatus.READY
    assert report.completed_at is not None
    with report.file.open("rb") as handle:
        pages, text = pdf_text(handle.read())
    assert pages >= 4  # the cover, body, training, nutrition, photos
    assert client_.full_name in text
    assert "Alice Strength" in text
    for title in ("Progress report", "Body", "Weight", "Training", "Best lifts", "Nutrition"):
        assert title in text
    assert "Back squat" in text
    assert "1 workout finished" in text
    assert "No data yet for this period" not in text.split("Photos")[0]
    assert "keeps their progress photos out of reports" in text


def test_an_empty_period_says_no_data_yet_in_each_section(
    client_, period, django_capture_on_commit_callbacks
):
    report = _make(client_, period, django_capture_on_commit_callbacks)

    with report.file.open("rb") as handle:
        _pages, text = pdf_text(handle.read())
    assert text.count("No data yet for this period") == 3  # body, training, nutrition
    assert client_.full_name in text


def test_photos_go_in_only_with_the_clients_consent(
    client_, period, django_capture_on_commit_callbacks
):
    ProgressSettingsFactory(client=client_, photos_in_reports=True)
    ProgressPhotoFactory(client=client_, taken_on=period[0], pose="front")

    report = _make(client_, period, django_capture_on_commit_callbacks)

    with report.file.open("rb") as handle:
        _pages, text = pdf_text(handle.read())
    assert "Front" in text.split("Photos")[-1]
    assert "keeps their progress photos out" not in text


def test_running_twice_writes_one_file_and_sends_one_email(
    client_, period, django_capture_on_commit_callbacks
):
    report = _make(client_, period, django_capture_on_commit_callbacks)
    first_name = report.file.name

    with django_capture_on_commit_callbacks(execute=True):
        again = report_generate(report_id=report.pk)
        generate_progress_report.delay(report.pk)  # a duplicate delivery of the task

    assert again is not None
    assert again.file.name == first_name
    assert len(_files()) == 1
    emails = OutboundEmail.objects.filter(kind=EmailKind.REPORT_READY)
    assert emails.count() == 1
    email = emails.get()
    assert email.to_email == "alice@example.com"
    assert client_.full_name in email.subject
    assert f"/dashboard/clients/{client_.pk}/progress/#reports" in email.text_body
    assert "is ready" in email.html_body


def test_a_file_left_by_a_killed_run_is_replaced_not_doubled(
    client_, period, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        report = report_request(
            client=client_, period_start=period[0], period_end=period[1], requested_by=None
        )
    name = report.file.field.generate_filename(report, "report.pdf")
    report.file.storage.save(name, ContentFile(b"half a PDF"))

    report_generate(report_id=report.pk)

    assert len(_files()) == 1
    report.refresh_from_db()
    with report.file.open("rb") as handle:
        assert handle.read().startswith(b"%PDF-")


def test_a_failed_render_is_kept_with_its_reason_and_can_be_retried(
    client_, period, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(html, **kwargs):
        raise PdfUnavailable("PDF rendering needs WeasyPrint's system libraries (pango) here.")

    monkeypatch.setattr(services, "html_to_pdf", broken)
    report = _make(client_, period, django_capture_on_commit_callbacks)

    assert report.status == ReportStatus.FAILED
    assert report.error.startswith("The report could not be made: PDF rendering needs")
    assert not report.file
    assert not OutboundEmail.objects.exists()

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        report_retry(report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.READY
    assert report.error == ""
    assert len(_files()) == 1


def test_only_a_failed_report_is_retried(client_, period, django_capture_on_commit_callbacks):
    report = _make(client_, period, django_capture_on_commit_callbacks)
    from fitnesspr.errors import ConflictError

    with pytest.raises(ConflictError):
        report_retry(report=report)


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        (10, 20, "period_end"),  # ends before it starts
        (800, 0, "period_start"),  # more than two years
        (0, -5, "period_end"),  # ends in the future
        (None, 0, "period_start"),  # before 2000
    ],
)
def test_the_period_is_checked_and_nothing_is_written(client_, trainer, start, end, field):
    today = trainer.today()
    first = dt.date(1999, 12, 31) if start is None else today - dt.timedelta(days=start)
    with pytest.raises(ValidationError) as refused:
        report_request(
            client=client_,
            period_start=first,
            period_end=today - dt.timedelta(days=end),
            requested_by=None,
        )
    assert field in refused.value.message_dict
    assert not ProgressReport.objects.exists()


def test_the_weekly_report_is_queued_once_a_week_for_clients_who_asked(
    client_, trainer, django_capture_on_commit_callbacks
):
    ProgressSettingsFactory(client=client_, weekly_report=True)
    paused = ClientFactory(trainer=trainer, status="paused")
    ProgressSettingsFactory(client=paused, weekly_report=True)
    ClientFactory(trainer=trainer)  # did not ask
    monday = dt.date(2026, 11, 30)

    with django_capture_on_commit_callbacks(execute=True):
        first = reports_weekly_queue(today=monday)
        again = reports_weekly_queue(today=monday + dt.timedelta(days=1))  # a second beat

    assert len(first) == 1
    assert [r.pk for r in again] == [first[0].pk]
    report = ProgressReport.objects.get()
    assert (report.client, report.period_start, report.period_end) == (
        client_,
        dt.date(2026, 11, 23),
        dt.date(2026, 11, 29),
    )
    assert report.status == ReportStatus.READY
    assert report.requested_by is None


def test_the_weekly_task_and_its_schedule(client_):
    ProgressSettingsFactory(client=client_, weekly_report=True)

    assert queue_weekly_progress_reports.delay().get() == 1
    entry = settings.CELERY_BEAT_SCHEDULE["weekly-progress-reports"]
    assert entry["task"] == queue_weekly_progress_reports.name
    assert entry["schedule"].day_of_week == {1}  # Monday
    assert entry["schedule"].hour == {6}
    assert entry["schedule"].minute == {0}
    assert "progress.tasks.reports" in settings.CELERY_IMPORTS


def test_the_render_task_is_safe_to_run_again():
    task = generate_progress_report
    assert task.name == "progress.tasks.reports.generate_progress_report"
    assert task.acks_late
    assert task.reject_on_worker_lost
    assert task.max_retries == 3
    assert task.retry_backoff
    assert task.soft_time_limit == settings.REPORT_TASK_SOFT_TIME_LIMIT
    assert task.time_limit == settings.REPORT_TASK_TIME_LIMIT
