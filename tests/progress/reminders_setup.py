"""A client with a program that schedules workouts on set dates, and the clock the
reminder tests pin: Monday 2 March 2026, 21:30 UTC. That instant is Tuesday 07:30 in
Brisbane (UTC+10, no summer time) and Monday 13:30 in Los Angeles (UTC-8 until 8 March)."""

from __future__ import annotations

import datetime as dt

from programs.models import Exercise
from tests.factories.core import ClientFactory, ReminderSettingsFactory
from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
)

NOW = dt.datetime(2026, 3, 2, 21, 30, tzinfo=dt.UTC)
MONDAY = dt.date(2026, 3, 2)
TUESDAY = dt.date(2026, 3, 3)


def client_training(trainer, *, zone="", at=dt.time(7, 0), status="active", **client):
    """A client of `trainer` whose program (started Monday 2 March) has a workout on
    Monday (week 1 day 1: "Lower body", squats) and on Tuesday (day 2: "Upper body")."""
    client_ = ClientFactory(trainer=trainer, status=status, **client)
    ReminderSettingsFactory(client=client_, timezone=zone, workout_reminder_time=at)
    assignment = ProgramAssignmentFactory(client=client_, start_date=MONDAY)
    monday = ProgramDayFactory(program=assignment.program, week=1, day=1, title="Lower body")
    squat = Exercise.objects.filter(trainer=None, name="Back squat").first()
    PrescribedExerciseFactory(day=monday, exercise=squat or ExerciseFactory(name="Back squat"))
    ProgramDayFactory(program=assignment.program, week=1, day=2, title="Upper body")
    return client_
