"""Progress reports made by a real Celery worker through Redis, with the report row in
PostgreSQL: made, and made exactly once (one file, one ready row, one email) when the
worker is killed in the middle of the render and a new worker takes the task over."""

from __future__ import annotations

import os
import time

from django.conf import settings

from progress.models import ProgressReport, ReportStatus
from progress.tasks.reports import generate_progress_report
from tests.factories.progress import ProgressReportFactory
from tests.integration.conftest import wait_for
from tests.progress.reports_helpers import pdf_text
from trainers.models import EmailKind, OutboundEmail


def _status(report: ProgressReport) -> str:
    report.refresh_from_db()
    return report.status


def _files() -> list[str]:
    found = []
    for folder, _dirs, names in os.walk(settings.PRIVATE_MEDIA_ROOT):
        found += [os.path.join(folder, name) for name in names if name.endswith(".pdf")]
    return found


def _report(client_, trainer) -> ProgressReport:
    today = trainer.today()
    return ProgressReportFactory(client=client_, period_start=today, period_end=today)


def test_a_worker_makes_a_queued_report(start_worker, enqueue, trainer, client_):
    report = _report(client_, trainer)
    start_worker()

    enqueue(generate_progress_report, report.pk)

    wait_for(lambda: _status(report) == ReportStatus.READY, timeout=90, what="the report")
    with report.file.open("rb") as handle:
        assert client_.full_name in pdf_text(handle.read())[1]
    assert _files() == [report.file.path]
    assert OutboundEmail.objects.filter(kind=EmailKind.REPORT_READY).count() == 1


def test_a_worker_killed_mid_render_leaves_one_report_after_a_new_worker(
    start_worker, enqueue, trainer, client_
):
    report = _report(client_, trainer)
    slow = start_worker(REPORT_RENDER_DELAY_SECONDS="60")

    enqueue(generate_progress_report, report.pk)
    wait_for(
        lambda: any(f"Rendering progress report {report.pk}" in line for line in slow.log),
        timeout=60,
        what="the worker to start rendering",
    )
    slow.kill()  # in the middle of the render, holding the report's row lock
    time.sleep(0.5)
    assert _status(report) == ReportStatus.PENDING
    assert _files() == []

    start_worker()  # the killed worker's task comes back from Redis
    wait_for(lambda: _status(report) == ReportStatus.READY, timeout=120, what="the re-render")
    enqueue(generate_progress_report, report.pk)  # and a duplicate, for good measure
    time.sleep(3)

    assert len(_files()) == 1
    assert ProgressReport.objects.filter(status=ReportStatus.READY).count() == 1
    assert OutboundEmail.objects.filter(kind=EmailKind.REPORT_READY).count() == 1
