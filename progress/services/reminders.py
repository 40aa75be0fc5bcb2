"""The reminder emails to clients: a workout reminder on a training day not yet logged,
at the time the client chose, and a check-in reminder on the day the weekly check-in is
due. Each is one outbox email under a key naming the client and their local day (or
check-in week), so running the job again, twice at once or after a restart sends
nothing more. `now` is a parameter: the jobs pass the clock, tests pin it."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from clients.models import Client, ClientStatus
from clients.selectors import reminder_settings
from clients.services.reminders import unsubscribe_url
from fitnesspr.links import site_link
from progress.selectors.check_ins import check_in_due
from progress.selectors.reminders import (
    check_in_reminder_candidates,
    workout_not_logged,
    workout_reminder_candidates,
)
from trainers.models import EmailKind, OutboundEmail
from trainers.services import email_queue


def _due_now(*, client_id: int, setting: str, now: datetime) -> tuple[Client, datetime] | None:
    """The client, and their local time now, when the reminder named by `setting` is on
    for them and their chosen time has passed today; None for anyone no longer active
    or without an email address."""
    client = (
        Client.objects.select_related("user", "trainer__user")
        .filter(pk=client_id, status=ClientStatus.ACTIVE)
        .exclude(user__email="")
        .first()
    )
    if client is None:
        return None
    choice = reminder_settings(client=client)
    if not getattr(choice, setting):
        return None
    local = now.astimezone(choice.zone)
    if local.time() < choice.workout_reminder_time:
        return None
    return client, local


@transaction.atomic
def workout_reminder_send(*, client_id: int, now: datetime) -> OutboundEmail | None:
    """Remind the client of today's workout (their today, in their time zone) once their
    chosen time has passed, if the day holds one they have not logged; one email per
    client and local day."""
    found = _due_now(client_id=client_id, setting="workout_reminders", now=now)
    if found is None:
        return None
    client, local = found
    day = workout_not_logged(client=client, on=local.date())
    if day is None:
        return None
    return email_queue(
        trainer=client.trainer,
        key=f"workout-reminder:{client.pk}:{local.date().isoformat()}",
        kind=EmailKind.WORKOUT_REMINDER,
        to_email=client.email,
        subject=f"Today's workout: {day.title or f'week {day.week}, day {day.day}'}",
        template="progress/emails/workout_reminder",
        context={
            "client": client,
            "day": day,
            "exercises": [p.exercise.name for p in day.exercises.all()],
            "portal_url": site_link("progress:portal_today"),
            "settings_url": site_link("clients:portal_reminders"),
        },
        unsubscribe_url=unsubscribe_url(client),
    )


@transaction.atomic
def check_in_reminder_send(*, client_id: int, now: datetime) -> OutboundEmail | None:
    """Remind the client that their weekly check-in is due today (their today), from
    their chosen reminder time, unless it is already in; one email per check-in week."""
    found = _due_now(client_id=client_id, setting="check_in_reminders", now=now)
    if found is None:
        return None
    client, local = found
    due = check_in_due(client=client, today=local.date())
    if due is None or not due.is_today or due.submitted is not None:
        return None
    return email_queue(
        trainer=client.trainer,
        key=f"check-in-due:{client.pk}:{due.due_on.isoformat()}",
        kind=EmailKind.CHECK_IN_DUE,
        to_email=client.email,
        subject="Your weekly check-in is due today",
        template="progress/emails/check_in_due",
        context={
            "client": client,
            "check_in_url": site_link("progress:portal_check_in_new"),
            "settings_url": site_link("clients:portal_reminders"),
        },
        unsubscribe_url=unsubscribe_url(client),
    )


def workout_reminders_send(*, now: datetime) -> int:
    """Every workout reminder due at `now`; the number of clients emailed (now or by an
    earlier run today). Each client is handled in a transaction of their own, so one
    client's trouble never holds back the others' reminders."""
    ids = list(workout_reminder_candidates().values_list("pk", flat=True))
    return sum(workout_reminder_send(client_id=pk, now=now) is not None for pk in ids)


def check_in_reminders_send(*, now: datetime) -> int:
    """Every check-in reminder due at `now`; the number of clients emailed."""
    ids = list(check_in_reminder_candidates().values_list("pk", flat=True))
    return sum(check_in_reminder_send(client_id=pk, now=now) is not None for pk in ids)
