"""Building programs: the program itself, its days and the exercises prescribed on them.

Every function takes objects the caller already scoped (a view or viewset fetched them
through `for_trainer`); the exercise a trainer puts on a day is checked against their
library here, because it comes from the request."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from fitnesspr.errors import ConflictError
from programs.models import DOSE_FIELDS as PRESCRIBED_DOSE_FIELDS
from programs.models import Exercise, PrescribedExercise, Program, ProgramDay
from programs.models.programs import SUPERSET_LETTERS
from programs.selectors.programs import superset_links, superset_runs
from trainers.models import Trainer

#: exercises on one day (a long session has 10-15; 30 leaves room, 7,000 is an attack)
MAX_EXERCISES_PER_DAY = 30
#: 52 weeks of 7 days: the longest program there is
MAX_DAYS_IN_PROGRAM = 52 * 7


class ProgramDetails(TypedDict, total=False):
    goal: str
    description: str
    duration_weeks: int
    is_template: bool


class ProgramChanges(ProgramDetails, total=False):
    name: str


class DayDetails(TypedDict, total=False):
    title: str
    notes: str


class DayChanges(DayDetails, total=False):
    week: int
    day: int


class Dose(TypedDict, total=False):
    """How an exercise is prescribed (the model's DOSE_FIELDS)."""

    sets: int
    reps_min: int | None
    reps_max: int | None
    duration_seconds: int | None
    load_kg: Decimal | None
    load_percent_1rm: Decimal | None
    rpe: Decimal | None
    rir: int | None
    rest_seconds: int | None
    tempo: str
    notes: str
    superset_group: str


class DoseChanges(Dose, total=False):
    exercise: Exercise | int


PROGRAM_FIELDS = set(ProgramChanges.__annotations__)
DAY_FIELDS = set(DayChanges.__annotations__)
DOSE_FIELDS = set(PRESCRIBED_DOSE_FIELDS)


def _only(fields: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be set here."))


@transaction.atomic
def program_create(*, trainer: Trainer, name: str, **fields: Unpack[ProgramDetails]) -> Program:
    _only(fields, PROGRAM_FIELDS - {"name"})
    program = Program(trainer=trainer, name=name.strip(), **fields)
    program.full_clean()
    program.save()
    return program


@transaction.atomic
def program_update(*, program: Program, **fields: Unpack[ProgramChanges]) -> Program:
    """Change a program's details; it can't be shortened below a week that has days."""
    _only(fields, PROGRAM_FIELDS)
    if fields.get("is_template") and program.client_id:
        raise ValidationError({"is_template": "A client's own copy can't become a template."})
    if "name" in fields:
        fields["name"] = fields["name"].strip()
    for name, value in fields.items():
        setattr(program, name, value)
    last_week = program.days.aggregate(last=Max("week"))["last"]
    if last_week and program.duration_weeks < last_week:
        raise ValidationError(
            {"duration_weeks": f"Week {last_week} has training days: remove them first."}
        )
    program.full_clean()
    program.save()
    return program


@transaction.atomic
def program_delete(*, program: Program) -> None:
    """Delete a program. A client's copy that is (or was) assigned keeps the client's
    history, so it is ended through its assignment instead of deleted."""
    if program.client_id and program.assignments.exists():
        raise ConflictError(
            "This is a client's assigned copy: end the assignment instead of deleting it."
        )
    program.delete()


@transaction.atomic
def program_day_add(
    *, program: Program, week: int, day: int, **fields: Unpack[DayDetails]
) -> ProgramDay:
    _only(fields, DAY_FIELDS - {"week", "day"})
    program_day = ProgramDay(program=program, week=week, day=day, **fields)
    program_day.full_clean()
    program_day.save()
    return program_day


@transaction.atomic
def program_day_update(*, program_day: ProgramDay, **fields: Unpack[DayChanges]) -> ProgramDay:
    _only(fields, DAY_FIELDS)
    for name, value in fields.items():
        setattr(program_day, name, value)
    program_day.full_clean()
    program_day.save()
    return program_day


@transaction.atomic
def program_day_delete(*, program_day: ProgramDay) -> None:
    program_day.delete()


def one_dose_kind(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A set is dosed in reps or in time, and whichever kind the caller gives wins: a
    time without reps makes the exercise timed (reps cleared, not defaulted to 8), reps
    without a time make it rep-based again. Giving both is left for the model to refuse."""
    fields = dict(fields)
    if fields.get("duration_seconds") is not None and "reps_min" not in fields:
        fields["reps_min"] = None
        fields.setdefault("reps_max", None)
    elif fields.get("reps_min") is not None and "duration_seconds" not in fields:
        fields["duration_seconds"] = None
    return fields


def _library_exercise(program: Program, exercise: Exercise | int) -> Exercise:
    """The exercise, if it is in the program's trainer's library (the tenancy scope)."""
    exercise_id = exercise.pk if isinstance(exercise, Exercise) else exercise
    found = Exercise.objects.for_trainer(program.trainer).filter(pk=exercise_id).first()
    if found is None:
        raise ValidationError({"exercise": "Pick an exercise from your library."})
    return found


@transaction.atomic
def prescription_add(
    *, program_day: ProgramDay, exercise: Exercise | int, **dose: Unpack[Dose]
) -> PrescribedExercise:
    """Put an exercise at the end of a day, with its dose (sets, reps or a time, load,
    effort…)."""
    _only(dose, DOSE_FIELDS)
    if program_day.exercises.count() >= MAX_EXERCISES_PER_DAY:
        raise ValidationError({"exercise": f"A day has at most {MAX_EXERCISES_PER_DAY} exercises."})
    chosen = _library_exercise(program_day.program, exercise)
    last = program_day.exercises.aggregate(last=Max("order"))["last"]
    prescription = PrescribedExercise(
        day=program_day, exercise=chosen, order=(last or 0) + 1, **one_dose_kind(dose)
    )
    prescription.full_clean()
    prescription.save()
    return prescription


@transaction.atomic
def prescription_update(
    *, prescription: PrescribedExercise, **fields: Unpack[DoseChanges]
) -> PrescribedExercise:
    _only(fields, DOSE_FIELDS | {"exercise"})
    changes = one_dose_kind(fields)
    if "exercise" in changes:
        changes["exercise"] = _library_exercise(prescription.day.program, changes["exercise"])
    for name, value in changes.items():
        setattr(prescription, name, value)
    prescription.full_clean()
    prescription.save()
    return prescription


def _reletter(runs: list[list[PrescribedExercise]]) -> None:
    """Letter the supersets A, B, C… top to bottom; an exercise on its own gets none."""
    supersets = [run for run in runs if len(run) > 1]
    if len(supersets) > len(SUPERSET_LETTERS):
        raise ValidationError({"superset_group": "A day can have at most 26 supersets."})
    for run in runs:
        for row in run:
            row.superset_group = ""
    for letter, run in zip(SUPERSET_LETTERS, supersets, strict=False):
        for row in run:
            row.superset_group = letter


def _renumber(program_day: ProgramDay, ordered_ids: list[int]) -> None:
    """Store the new order; supersets are re-lettered to match it: a superset whose
    exercises were moved apart is no longer one (a letter only binds neighbours)."""
    rows = list(program_day.exercises.all())
    by_id = {row.pk: row for row in rows}
    for position, pk in enumerate(ordered_ids, start=1):
        by_id[pk].order = position
    rows.sort(key=lambda row: row.order)
    _reletter(superset_runs(rows))
    PrescribedExercise.objects.bulk_update(rows, ["order", "superset_group"])


@transaction.atomic
def prescription_delete(*, prescription: PrescribedExercise) -> None:
    program_day = prescription.day
    prescription.delete()
    _renumber(program_day, list(program_day.exercises.values_list("pk", flat=True)))


@transaction.atomic
def prescription_move(*, prescription: PrescribedExercise, direction: str) -> None:
    """Swap an exercise with its neighbour above ("up") or below ("down")."""
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": "Move an exercise up or down."})
    ids = list(prescription.day.exercises.values_list("pk", flat=True))
    index = ids.index(prescription.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
    _renumber(prescription.day, ids)


@transaction.atomic
def prescription_reorder(*, program_day: ProgramDay, ordered_ids: list[int]) -> None:
    """Put a day's exercises in the given order (drag and drop sends the whole list)."""
    current = set(program_day.exercises.values_list("pk", flat=True))
    if len(ordered_ids) != len(current) or set(ordered_ids) != current:
        raise ValidationError({"order": "Send every exercise of the day exactly once."})
    _renumber(program_day, ordered_ids)


@transaction.atomic
def prescription_group(*, prescription: PrescribedExercise, with_previous: bool) -> None:
    """Join an exercise to the superset of the one above it (`with_previous`), or take
    it out of its superset altogether.

    Letters are re-derived for the whole day afterwards (A, B, C… top to bottom, blank
    for an exercise on its own), so they always read in order."""
    rows = list(prescription.day.exercises.order_by("order", "pk"))
    index = next(i for i, row in enumerate(rows) if row.pk == prescription.pk)
    if with_previous and index == 0:
        raise ValidationError({"superset_group": "The first exercise has nothing above it."})
    links = superset_links(rows)
    links[index] = with_previous
    if not with_previous and index + 1 < len(rows):
        links[index + 1] = False
    _reletter(superset_runs(rows, links))
    PrescribedExercise.objects.bulk_update(rows, ["superset_group"])
