"""Progress report jobs: render one report, and queue the weekly reports clients asked for."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from progress.services.reports import report_generate, reports_weekly_queue

RETRIES = 3


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseError,),
    max_retries=RETRIES,
    retry_backoff=30,  # 30 s, 60 s, 120 s (with jitter)
    retry_backoff_max=600,
    soft_time_limit=settings.REPORT_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.REPORT_TASK_TIME_LIMIT,
)
def generate_progress_report(report_id: int) -> None:
    """Render one report's PDF. Runs again safely: a ready report is never made twice,
    and a render failure is kept on the report (not retried) for the trainer to see."""
    report_generate(report_id=report_id)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseError,),
    max_retries=RETRIES,
    retry_backoff=30,
)
def queue_weekly_progress_reports() -> int:
    """Monday morning: last week's report for every client who asked for one."""
    return len(reports_weekly_queue(today=timezone.now().date()))
