"""A whole program written in one go: details plus every day and prescribed exercise.

The API sends a program as one nested document. These services turn that document into
calls to the builder services (so every rule lives there once) inside one transaction,
and report each problem at its place in the document, e.g. `days[1].exercises[0].sets`.

Days are matched by their slot (week, day) and exercises by `id`, and matches are
updated in place rather than deleted and re-created: workout logs point at program days
and prescriptions, and a client's history must keep those links across an edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NotRequired, TypedDict

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from programs.models import Exercise, PrescribedExercise, Program, ProgramDay
from programs.services.builder import (
    DOSE_FIELDS,
    DayDetails,
    Dose,
    one_dose_kind,
    prescription_add,
    prescription_delete,
    prescription_reorder,
    prescription_update,
    program_create,
    program_day_add,
    program_day_delete,
    program_day_update,
    program_update,
)
from trainers.models import Trainer


class PrescriptionSpec(Dose):
    exercise: Exercise | int
    id: NotRequired[int | None]  # an existing prescription of the same day, to keep it


class DaySpec(TypedDict):
    week: int
    day: int
    title: NotRequired[str]
    notes: NotRequired[str]
    exercises: NotRequired[list[PrescriptionSpec]]


class _Errors:
    """Collects ValidationErrors under their path in the document, so one response can
    list every problem instead of only the first."""

    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {}

    def add(self, where: str, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            self.found.setdefault(where, []).extend(error.messages)
            return
        for field, messages in error.message_dict.items():
            key = where if field == NON_FIELD_ERRORS else f"{where}.{field}"
            self.found.setdefault(key, []).extend(messages)

    def raise_any(self) -> None:
        if self.found:
            raise ValidationError(self.found)


def _field_default(model: type[Any], name: str) -> Any:
    field = model._meta.get_field(name)
    return field.get_default()


def _complete(spec: PrescriptionSpec) -> dict[str, Any]:
    """The spec as the full dose: a field left out is back to its default, so an entry
    reads the same whether it updates an exercise or adds it (and a timed one gets no
    default reps)."""
    dose = {name: _field_default(PrescribedExercise, name) for name in DOSE_FIELDS}
    return {**dose, **one_dose_kind({k: v for k, v in spec.items() if k != "id"})}


def _check_slots(days: Sequence[DaySpec], duration_weeks: int) -> None:
    errors: dict[str, str] = {}
    seen: set[tuple[int, int]] = set()
    for i, spec in enumerate(days):
        slot = (spec["week"], spec["day"])
        if slot in seen:
            errors[f"days[{i}].day"] = f"Week {slot[0]} day {slot[1]} is listed twice."
        seen.add(slot)
        if spec["week"] > duration_weeks:
            errors[f"days[{i}].week"] = f"The program only runs {duration_weeks} weeks."
    if errors:
        raise ValidationError(errors)


def _drop_unlisted_days(program: Program, days: Sequence[DaySpec]) -> None:
    wanted = {(spec["week"], spec["day"]) for spec in days}
    # Fresh queries, not program.days.all(): a caller's prefetched days would be stale.
    for existing in ProgramDay.objects.filter(program=program):
        if (existing.week, existing.day) not in wanted:
            program_day_delete(program_day=existing)


def _write_exercises(
    program_day: ProgramDay, specs: Sequence[PrescriptionSpec], where: str, errors: _Errors
) -> None:
    existing = {p.pk: p for p in PrescribedExercise.objects.filter(day=program_day)}
    listed = {spec.get("id") for spec in specs} - {None}
    for pk, prescription in existing.items():
        if pk not in listed:
            prescription_delete(prescription=prescription)
    ordered: list[int] = []
    for j, spec in enumerate(specs):
        here = f"{where}.exercises[{j}]"
        fields = _complete(spec)
        pk = spec.get("id")
        try:
            if pk is None:
                prescription = prescription_add(program_day=program_day, **fields)
            elif pk in ordered:
                errors.add(here, ValidationError({"id": "This exercise is listed twice."}))
                continue
            elif pk in existing:
                prescription = prescription_update(prescription=existing[pk], **fields)
            else:
                errors.add(here, ValidationError({"id": "This exercise isn't on this day."}))
                continue
        except ValidationError as error:
            errors.add(here, error)
            continue
        ordered.append(prescription.pk)
    if len(ordered) == len(specs):
        prescription_reorder(program_day=program_day, ordered_ids=ordered)


@transaction.atomic
def program_replace_structure(*, program: Program, days: Sequence[DaySpec]) -> Program:
    """Make the program's days and exercises exactly `days`, all or nothing.

    A day already at a listed (week, day) and an exercise whose `id` is listed are kept
    and updated; anything not listed is deleted; exercise order is list order."""
    _check_slots(days, program.duration_weeks)
    _drop_unlisted_days(program, days)
    by_slot = {(d.week, d.day): d for d in ProgramDay.objects.filter(program=program)}
    errors = _Errors()
    for i, spec in enumerate(days):
        where = f"days[{i}]"
        details: DayDetails = {"title": spec.get("title", ""), "notes": spec.get("notes", "")}
        try:
            current = by_slot.get((spec["week"], spec["day"]))
            if current is None:
                current = program_day_add(
                    program=program, week=spec["week"], day=spec["day"], **details
                )
            else:
                current = program_day_update(program_day=current, **details)
        except ValidationError as error:
            errors.add(where, error)
            continue
        _write_exercises(current, spec.get("exercises", []), where, errors)
    errors.raise_any()
    return program


@transaction.atomic
def program_create_with_days(
    *, trainer: Trainer, name: str, days: Sequence[DaySpec] = (), **fields: Any
) -> Program:
    """A new program with its days and exercises, from one request."""
    duration = fields.get("duration_weeks", _field_default(Program, "duration_weeks"))
    _check_slots(days, duration)
    program = program_create(trainer=trainer, name=name, **fields)
    return program_replace_structure(program=program, days=days)


@transaction.atomic
def program_update_with_days(
    *, program: Program, days: Sequence[DaySpec] | None = None, **fields: Any
) -> Program:
    """Change a program's details and, when `days` is given, replace its structure.

    Days being removed go first, so a program can be shortened in the same request that
    drops its last weeks."""
    if days is None:
        return program_update(program=program, **fields)
    _check_slots(days, fields.get("duration_weeks", program.duration_weeks))
    _drop_unlisted_days(program, days)
    program = program_update(program=program, **fields)
    return program_replace_structure(program=program, days=days)
