"""Copying inside a program: a day to another slot, a week to other weeks (repeating
week 1 through the whole block is a week copy to every later week).

A copy replaces whatever the target slots held, in one transaction, so a week copied
onto a week that had days ends up exactly like its source. A target day with logged
workouts is never replaced: a client's history points at it.

A week copy can carry a progression: each week after the source adds one step to
loads and reps (a negative step takes them down: a deload), so a whole block is laid
out from its first week in one go."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from fitnesspr.units import format_number, format_weight, round_to_step, weight_unit
from programs.models import PrescribedExercise, Program, ProgramDay
from programs.selectors.programs import day_exercises_prefetch
from programs.services.assignments import COPIED_DOSE_FIELDS

MAX_LOAD_STEP_KG = Decimal(50)
MAX_LOAD_STEP_PERCENT = Decimal(25)
MAX_REPS_STEP = 10


@dataclass(frozen=True)
class Progression:
    """What each week after the source adds: `load_kg` to loads in kg, or
    `load_percent` % of the source's load to them (and as many points to a % of 1RM);
    `reps` to reps (timed exercises keep their time)."""

    load_kg: Decimal = Decimal(0)
    load_percent: Decimal = Decimal(0)
    reps: int = 0

    def __post_init__(self) -> None:
        errors: dict[str, str] = {}
        if self.load_kg and self.load_percent:
            errors["load_step"] = "Give the load step in kg or in %, not both."
        if abs(self.load_kg) > MAX_LOAD_STEP_KG:
            errors["load_step"] = "A load step goes up to 50 kg (110 lb) a week."
        if abs(self.load_percent) > MAX_LOAD_STEP_PERCENT:
            errors["load_step"] = "A load step goes up to 25 % a week."
        if abs(self.reps) > MAX_REPS_STEP:
            errors["reps_step"] = "A rep step goes up to 10 reps a week."
        if errors:
            raise ValidationError(errors)

    @property
    def is_flat(self) -> bool:
        return not (self.load_kg or self.load_percent or self.reps)

    def describe(self, unit_system: str) -> str:
        """ "+2.5 kg and +1 rep a week"; "" when flat."""
        parts = []
        if self.load_kg:
            sign = "+" if self.load_kg > 0 else "\N{MINUS SIGN}"
            parts.append(f"{sign}{format_weight(abs(self.load_kg), unit_system)}")
        if self.load_percent:
            sign = "+" if self.load_percent > 0 else "\N{MINUS SIGN}"
            parts.append(f"{sign}{format_number(abs(self.load_percent))} %")
        if self.reps:
            sign = "+" if self.reps > 0 else "\N{MINUS SIGN}"
            parts.append(f"{sign}{abs(self.reps)} rep{'s' if abs(self.reps) > 1 else ''}")
        return f"{' and '.join(parts)} a week" if parts else ""


FLAT = Progression()
RoundLoad = Callable[[Decimal], Decimal]


def _check_slot(program: Program, week: int, day: int) -> None:
    if not 1 <= week <= program.duration_weeks:
        raise ValidationError({"week": f"Pick a week from 1 to {program.duration_weeks}."})
    if not 1 <= day <= 7:
        raise ValidationError({"day": "Pick a day from 1 to 7."})


def _clear_slots(
    program: Program, slots: Iterable[tuple[int, int]], *, weeks: Sequence[int]
) -> None:
    """Delete the days at `slots` and every day of `weeks`, unless one has logs."""
    slots = set(slots)
    doomed = [
        day
        for day in ProgramDay.objects.filter(program=program).prefetch_related("workout_logs")
        if day.week in weeks or (day.week, day.day) in slots
    ]
    logged = next((day for day in doomed if day.workout_logs.all()), None)
    if logged is not None:
        raise ValidationError(
            {
                "week": f"Week {logged.week}, day {logged.day} has logged workouts, so it "
                "can't be replaced. Pick another week or day."
            }
        )
    ProgramDay.objects.filter(pk__in=[day.pk for day in doomed]).delete()


def _grown(
    p: PrescribedExercise, steps: int, progression: Progression, round_load: RoundLoad
) -> dict[str, Any]:
    """The dose of `p` moved `steps` weeks along the progression."""
    dose = {name: getattr(p, name) for name in COPIED_DOSE_FIELDS}
    if not steps:
        return dose
    if progression.reps and p.duration_seconds is None and p.reps_min is not None:
        dose["reps_min"] = p.reps_min + progression.reps * steps
        if p.reps_max is not None:
            dose["reps_max"] = p.reps_max + progression.reps * steps
    if p.load_kg is not None and progression.load_kg:
        dose["load_kg"] = (p.load_kg + progression.load_kg * steps).quantize(Decimal("0.01"))
    elif p.load_kg is not None and progression.load_percent:
        dose["load_kg"] = round_load(p.load_kg * (1 + progression.load_percent * steps / 100))
    if p.load_percent_1rm is not None and progression.load_percent:
        dose["load_percent_1rm"] = p.load_percent_1rm + progression.load_percent * steps
    return dose


def _check_grown(dose: dict[str, Any], name: str, week: int, unit_system: str) -> None:
    """Plain words for a progression that runs out of range (the model's bounds)."""
    where = f"In week {week}, {name} would"
    reps = dose["reps_min"]
    if reps is not None and reps < 1:
        raise ValidationError({"reps_step": f"{where} drop below 1 rep: use a smaller rep step."})
    if (dose["reps_max"] or reps or 0) > 100:
        raise ValidationError({"reps_step": f"{where} go past 100 reps."})
    load = dose["load_kg"]
    if load is not None and load < 0:
        raise ValidationError({"load_step": f"{where} drop below 0 {weight_unit(unit_system)}."})
    if load is not None and load > 1000:
        raise ValidationError(
            {"load_step": f"{where} go past {format_weight(Decimal(1000), unit_system)}."}
        )
    percent = dose["load_percent_1rm"]
    if percent is not None and not 1 <= percent <= 120:
        raise ValidationError({"load_step": f"{where} go outside 1\N{EN DASH}120 % of 1RM."})


def _copy_days(
    program: Program,
    copies: Sequence[tuple[ProgramDay, int, int]],
    progression: Progression,
    source_week: int,
) -> list[ProgramDay]:
    """Write each (source day, target week, target day) with its exercises, the dose
    grown by the weeks between source_week and the target week."""
    trainer = program.trainer
    units = trainer.unit_system

    def round_load(kg: Decimal) -> Decimal:
        return round_to_step(kg, units, trainer.load_step_kg)

    new_days = ProgramDay.objects.bulk_create(
        ProgramDay(program=program, week=week, day=day, title=source.title, notes=source.notes)
        for source, week, day in copies
    )
    if not all(d.pk for d in new_days):  # backends without RETURNING: read the ids back
        by_slot = {(d.week, d.day): d for d in ProgramDay.objects.filter(program=program)}
        new_days = [by_slot[(d.week, d.day)] for d in new_days]
    rows = []
    for (source, week, _), target in zip(copies, new_days, strict=True):
        for p in source.exercises.all():
            dose = _grown(p, week - source_week, progression, round_load)
            _check_grown(dose, p.exercise.name, week, units)
            row = PrescribedExercise(day=target, **dose)
            row.clean_fields(exclude=["day", "exercise"])
            rows.append(row)
    PrescribedExercise.objects.bulk_create(rows)
    return new_days


def _source_days(program: Program, week: int) -> list[ProgramDay]:
    return list(
        ProgramDay.objects.filter(program=program, week=week)
        .order_by("day")
        .prefetch_related(day_exercises_prefetch())
    )


@transaction.atomic
def program_day_copy(
    *,
    program_day: ProgramDay,
    to: Sequence[tuple[int, int]],
    progression: Progression = FLAT,
) -> list[ProgramDay]:
    """Copy a day (title, notes, exercises and doses) to the (week, day) slots `to` of
    its program, replacing the days that were there; grown by `progression` once per
    week after the source's week."""
    program = program_day.program
    targets = sorted(set(to))
    if not targets:
        raise ValidationError({"day": "Pick where to copy the day."})
    for week, day in targets:
        _check_slot(program, week, day)
        if (week, day) == (program_day.week, program_day.day):
            raise ValidationError({"day": "That is the day you are copying: pick another one."})
    source = next(d for d in _source_days(program, program_day.week) if d.pk == program_day.pk)
    _clear_slots(program, targets, weeks=())
    copies = [(source, week, day) for week, day in targets]
    return _copy_days(program, copies, progression, source_week=program_day.week)


@transaction.atomic
def program_week_copy(
    *, program: Program, week: int, to_weeks: Sequence[int], progression: Progression = FLAT
) -> list[ProgramDay]:
    """Make each of `to_weeks` a copy of `week`, grown by `progression` once per week
    after the source (a week before it shrinks by as much)."""
    _check_slot(program, week, 1)
    targets = sorted(set(to_weeks))
    if not targets:
        raise ValidationError({"to_weeks": "Pick at least one week to copy to."})
    if week in targets:
        raise ValidationError({"to_weeks": f"Week {week} is the week you are copying."})
    for target in targets:
        _check_slot(program, target, 1)
    source = _source_days(program, week)
    if not source:
        raise ValidationError({"week": f"Week {week} has no training days to copy: add one first."})
    _clear_slots(program, (), weeks=targets)
    copies = [(day, target, day.day) for target in targets for day in source]
    return _copy_days(program, copies, progression, source_week=week)


def later_weeks(program: Program, week: int) -> list[int]:
    """The weeks after `week` ("repeat through the block")."""
    return list(range(week + 1, program.duration_weeks + 1))
