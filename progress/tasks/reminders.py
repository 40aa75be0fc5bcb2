"""The periodic jobs (celery beat, `CELERY_BEAT_SCHEDULE`): reminder emails to clients,
overdue-invoice notices and the trainers' weekly summary. Each job only reads the clock
and calls a service, which loads fresh data and writes each email once under its key:
a job run twice, by two beat processes or again after a restart, sends nothing more."""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils import timezone

from billing.services.overdue import invoices_overdue_notify
from progress.services.reminders import check_in_reminders_send, workout_reminders_send
from progress.services.summaries import weekly_summaries_send

logger = logging.getLogger(__name__)

#: a job that has not finished in this long is stopped (beat starts the next one anyway)
JOB = {"acks_late": True, "soft_time_limit": 240, "time_limit": 300}


@shared_task(**JOB)
def send_workout_reminders() -> int:
    """Workout reminders whose local time has come (every 15 minutes)."""
    sent = workout_reminders_send(now=timezone.now())
    logger.info("Workout reminders: %d client(s) reminded today", sent)
    return sent


@shared_task(**JOB)
def send_check_in_reminders() -> int:
    """Check-in reminders on each client's check-in day (every 15 minutes)."""
    sent = check_in_reminders_send(now=timezone.now())
    logger.info("Check-in reminders: %d client(s) reminded this week", sent)
    return sent


@shared_task(**JOB)
def send_weekly_summaries() -> int:
    """Each trainer's summary of last week, Monday from 07:00 where they work."""
    sent = weekly_summaries_send(now=timezone.now())
    logger.info("Weekly summaries: %d trainer(s) emailed this week", sent)
    return sent


@shared_task(**JOB)
def flag_overdue_invoices() -> int:
    """Flag invoices newly overdue and send each client one polite notice (hourly)."""
    flagged = invoices_overdue_notify(now=timezone.now())
    logger.info("Overdue invoices: %d notice(s) sent", flagged)
    return flagged
