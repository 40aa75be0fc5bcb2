"""Workout logging by clients.

A client logs a day of their *active* program: each set done or skipped, with reps (or
how long it lasted, for a timed exercise), load and RPE. Saving replaces the sets of
that log as a whole, so a form or an API call always sends the complete workout and a
half-written log can't exist."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clients.models import Client
from programs.models import Exercise, PrescribedExercise, ProgramAssignment, ProgramDay
from progress.models import OneRepMax, SetLog, WorkoutLog, WorkoutStatus

NOT_IN_PROGRAM = "This workout isn't part of your current program."
NOTHING_DONE = "Nothing is recorded yet: mark the sets you did as done, then finish."
EDIT_WINDOW_CLOSED = "A workout log can only be changed on the day it was logged."


@dataclass(frozen=True)
class SetEntry:
    """One set as a client reports it; the same fields as a stored SetLog."""

    exercise_id: int
    set_number: int
    reps: int | None = None
    load_kg: Decimal | None = None
    rpe: Decimal | None = None
    is_completed: bool = True
    prescribed_id: int | None = None
    notes: str = ""
    duration_seconds: int | None = None  # a timed set (plank, carry): how long it lasted

    @classmethod
    def of(cls, row: SetLog) -> SetEntry:
        """A stored set, as an entry (to save a log again with its sets unchanged)."""
        return cls(**{name: getattr(row, name) for name in SET_FIELDS})

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> SetEntry:
        """An entry from validated request data (absent values take the defaults)."""
        return cls(**{name: data[name] for name in SET_FIELDS if name in data})

    @classmethod
    def as_prescribed(
        cls, prescription: PrescribedExercise, *, set_number: int, rpe: Decimal | None = None
    ) -> SetEntry:
        """Set `set_number` done exactly as prescribed (the top of a rep range)."""
        return cls(
            exercise_id=prescription.exercise_id,
            prescribed_id=prescription.pk,
            set_number=set_number,
            reps=prescription.reps_max or prescription.reps_min,
            duration_seconds=prescription.duration_seconds,
            load_kg=prescription.load_kg,
            rpe=rpe,
        )

    def as_log(self, log: WorkoutLog) -> SetLog:
        return SetLog(workout_log=log, **{name: getattr(self, name) for name in SET_FIELDS})


SET_FIELDS = tuple(field.name for field in fields(SetEntry))


def workout_log_is_editable(log: WorkoutLog, *, today: date) -> bool:
    """Logs stay open for changes until the end of the day they were written (trainer's
    calendar), then they are history."""
    tz = zoneinfo.ZoneInfo(log.client.trainer.timezone)
    return timezone.localdate(log.created_at, timezone=tz) == today


def _check_sets(client: Client, program_day: ProgramDay, sets: Sequence[SetEntry]) -> None:
    prescribed = {p.pk: p.exercise_id for p in program_day.exercises.all()}
    allowed = set(
        Exercise.objects.for_client(client)
        .filter(pk__in={entry.exercise_id for entry in sets})
        .values_list("pk", flat=True)
    )
    seen: set[tuple[int, int]] = set()
    for index, entry in enumerate(sets):
        where = f"sets[{index}]"
        if entry.exercise_id not in allowed:
            raise ValidationError({where: "Pick an exercise from your trainer's library."})
        if entry.prescribed_id is not None and entry.prescribed_id not in prescribed:
            raise ValidationError({where: "That exercise isn't part of this workout."})
        key = (entry.exercise_id, entry.set_number)
        if key in seen:
            raise ValidationError({where: f"Set {entry.set_number} is logged twice."})
        seen.add(key)


@transaction.atomic
def workout_log_save(
    *,
    client: Client,
    program_day: ProgramDay,
    sets: Sequence[SetEntry],
    notes: str = "",
    finish: bool = False,
    performed_on: date | None = None,
) -> WorkoutLog:
    """Create or replace the client's log of `program_day` on `performed_on` (today by
    default; an earlier date of the current assignment for a workout logged late)."""
    today = client.trainer.today()
    performed_on = performed_on or today
    assignment = (
        ProgramAssignment.objects.for_client(client).active().select_related("program").first()
    )
    if assignment is None or program_day.program_id != assignment.program_id:
        raise ValidationError({"program_day": NOT_IN_PROGRAM})
    if performed_on > today:
        raise ValidationError({"performed_on": "You can't log a workout in the future."})
    if performed_on < assignment.start_date:
        raise ValidationError({"performed_on": "That date is before your program started."})
    if finish and not any(entry.is_completed for entry in sets):
        raise ValidationError({"sets": NOTHING_DONE})
    _check_sets(client, program_day, sets)

    log = (
        WorkoutLog.objects.for_client(client)
        .select_for_update()
        .filter(program_day=program_day, performed_on=performed_on)
        .first()
    )
    if log is None:
        log = WorkoutLog(
            client=client, assignment=assignment, program_day=program_day, performed_on=performed_on
        )
    else:
        # the rows this call already holds (the lookup matched them): not read again
        log.client, log.program_day = client, program_day
        if log.assignment_id == assignment.pk:
            log.assignment = assignment
        if not workout_log_is_editable(log, today=today):
            raise ValidationError({"performed_on": EDIT_WINDOW_CLOSED})
    return _write(log, sets=sets, notes=notes, finish=finish)


@transaction.atomic
def workout_log_update(
    *, log: WorkoutLog, sets: Sequence[SetEntry], notes: str = "", finish: bool = False
) -> WorkoutLog:
    """Edit a log the client already has (same rules as saving it again)."""
    if log.program_day is None:
        raise ValidationError({"program_day": NOT_IN_PROGRAM})
    return workout_log_save(
        client=log.client,
        program_day=log.program_day,
        sets=sets,
        notes=notes,
        finish=finish,
        performed_on=log.performed_on,
    )


def _write(log: WorkoutLog, *, sets: Sequence[SetEntry], notes: str, finish: bool) -> WorkoutLog:
    log.notes = notes
    if finish and log.status != WorkoutStatus.COMPLETED:
        log.status = WorkoutStatus.COMPLETED
        log.completed_at = max(timezone.now(), log.started_at)
    # The client, the assignment and the day are rows this call was given or just read:
    # their existence is not checked again (the database's foreign keys still are). The
    # constraints hold by construction and the database enforces them too: the status and
    # its finish time are set together above, and the lookup by (client, day, date) under
    # a row lock found the one log a save may change. (Checking them here took a query
    # each, in a savepoint of its own: 15 queries.)
    log.full_clean(exclude=["client", "assignment", "program_day"], validate_constraints=False)
    log.save()
    rows = [entry.as_log(log) for entry in sets]
    for index, row in enumerate(rows):
        try:
            # the parent and the exercise were checked above; validate the numbers
            row.clean_fields(exclude=["workout_log", "exercise", "prescribed"])
        except ValidationError as error:
            raise ValidationError({f"sets[{index}]": error.messages}) from error
    log.sets.all().delete()
    SetLog.objects.bulk_create(rows)
    return log


# ---------- one-rep maxes ----------


@transaction.atomic
def one_rep_max_set(
    *, client: Client, exercise: Exercise, weight_kg: Decimal, tested_on: date | None = None
) -> OneRepMax:
    """Enter a client's 1RM on an exercise, replacing the one entered before: a client
    has one per exercise (the latest test is the one that counts)."""
    if tested_on is not None and tested_on > client.trainer.today():
        raise ValidationError({"tested_on": "That date is in the future."})
    entry = OneRepMax.objects.filter(client=client, exercise=exercise).first()
    if entry is None:
        entry = OneRepMax(client=client, exercise=exercise)
    entry.weight_kg = weight_kg
    entry.tested_on = tested_on
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def one_rep_max_delete(*, one_rep_max: OneRepMax) -> None:
    """Forget an entered 1RM: loads come from the client's logged sets again."""
    one_rep_max.delete()
