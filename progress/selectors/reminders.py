"""Reads behind the reminder emails: who may get one, and whether today holds a workout
the client has not logged yet."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from clients.models import Client, ClientStatus
from programs.models import ProgramAssignment, ProgramDay
from programs.schedule import slot_on
from progress.models import ProgressSettings, WorkoutLog


def reminder_recipients(*, setting: str) -> QuerySet[Client]:
    """Active clients with an email address who have not turned the reminder named by
    `setting` ("workout_reminders", "check_in_reminders") off; no settings row means
    the defaults, which are on."""
    return (
        Client.objects.filter(status=ClientStatus.ACTIVE)
        .exclude(user__email="")
        .filter(Q(reminder_settings__isnull=True) | Q(**{f"reminder_settings__{setting}": True}))
    )


def workout_reminder_candidates() -> QuerySet[Client]:
    """Who might get a workout reminder: reminders on and a program running."""
    with_program = ProgramAssignment.objects.active().values("client_id")
    return reminder_recipients(setting="workout_reminders").filter(pk__in=with_program)


def check_in_reminder_candidates() -> QuerySet[Client]:
    """Who might get a check-in reminder: reminders on and a check-in day set."""
    with_day = ProgressSettings.objects.filter(check_in_weekday__isnull=False).values("client_id")
    return reminder_recipients(setting="check_in_reminders").filter(pk__in=with_day)


def workout_not_logged(*, client: Client, on: date) -> ProgramDay | None:
    """The program day the client's active program schedules on `on`, when they have
    logged no workout that day; None on a rest day, outside the program, or once a
    workout is logged."""
    assignment = (
        ProgramAssignment.objects.for_client(client).active().select_related("program").first()
    )
    if assignment is None or (assignment.end_date and assignment.end_date < on):
        return None
    slot = slot_on(assignment.start_date, on, assignment.program.duration_weeks)
    if slot is None:
        return None
    day = (
        ProgramDay.objects.filter(program=assignment.program, week=slot.week, day=slot.day)
        .prefetch_related("exercises__exercise")
        .first()
    )
    if day is None or WorkoutLog.objects.for_client(client).filter(performed_on=on).exists():
        return None
    return day
