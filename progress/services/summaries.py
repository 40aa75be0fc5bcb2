"""The weekly summary email to each trainer: on Monday from 07:00 where they work, one
per trainer and ISO week (the outbox key), however often the job runs."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.db import transaction

from fitnesspr.links import site_link, site_url
from progress.selectors.summaries import weekly_summary
from trainers.models import EmailKind, OutboundEmail, Trainer
from trainers.services import email_queue

#: the summary goes out from this local time on Mondays
SUMMARY_TIME = time(7, 0)


@transaction.atomic
def weekly_summary_send(*, trainer_id: int, now: datetime) -> OutboundEmail | None:
    """Email the trainer last week's summary if it is Monday, 07:00 or later, where they
    work; None on other days, for a trainer without an email address, or with nothing
    to say (no active client, nothing waiting)."""
    trainer = Trainer.objects.select_related("user").filter(pk=trainer_id).first()
    if trainer is None or not trainer.user.is_active or not trainer.user.email:
        return None
    local = now.astimezone(ZoneInfo(trainer.timezone))
    if local.weekday() != 0 or local.time() < SUMMARY_TIME:
        return None
    summary = weekly_summary(trainer=trainer, today=local.date())
    if summary.is_empty:
        return None
    year, week, _ = local.isocalendar()
    site = site_url()
    return email_queue(
        trainer=trainer,
        key=f"weekly-summary:{trainer.pk}:{year}-W{week:02d}",
        kind=EmailKind.WEEKLY_SUMMARY,
        to_email=trainer.user.email,
        subject=f"Your week: {summary.first:%-d %b} to {summary.last:%-d %b}",
        template="progress/emails/weekly_summary",
        context={
            "summary": summary,
            "site": site,
            "dashboard_url": site_link("progress:dashboard"),
        },
    )


def weekly_summaries_send(*, now: datetime) -> int:
    """Every trainer's weekly summary due at `now`; the number of trainers emailed (now
    or earlier this week)."""
    ids = list(Trainer.objects.filter(user__is_active=True).values_list("pk", flat=True))
    return sum(weekly_summary_send(trainer_id=pk, now=now) is not None for pk in ids)
