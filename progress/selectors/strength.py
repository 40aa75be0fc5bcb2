"""A client's one-rep maxes and the loads they turn "% of 1RM" into.

A 1RM the trainer entered wins; otherwise the best estimated 1RM of the client's own
finished sets (Epley, sets of up to 12 reps) stands in, and the page says which it is.
A load worked out from it is rounded to the trainer's plate increment, in the unit the
client loads (2.5 kg, or 5 lb), so it is a weight they can put on the bar."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from clients.models import Client
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from fitnesspr.units import round_to_step
from programs.models import Exercise, PrescribedExercise, ProgramAssignment
from progress.models import OneRepMax
from progress.selectors.history import exercise_bests
from trainers.models import Trainer

ENTERED = "trainer"
ESTIMATED = "logs"


@dataclass(frozen=True)
class OneRepMaxValue:
    """The 1RM a load is worked out from, and where it comes from."""

    exercise_id: int
    kg: Decimal
    source: str  # ENTERED or ESTIMATED
    on: date | None  # tested on (entered), or the day of the set it is estimated from
    load_kg: Decimal | None = None  # the set it is estimated from
    reps: int | None = None

    @property
    def entered(self) -> bool:
        return self.source == ENTERED


def estimated_one_rep_maxes(
    *, client: Client, exercise_ids: Iterable[int]
) -> dict[int, OneRepMaxValue]:
    """The best estimated 1RM of the client's finished sets, by exercise id (one query)."""
    return {
        best.exercise.pk: OneRepMaxValue(
            exercise_id=best.exercise.pk,
            kg=best.e1rm_kg,
            source=ESTIMATED,
            on=best.performed_on,
            load_kg=best.load_kg,
            reps=best.reps,
        )
        for best in exercise_bests(client=client, exercise_ids=exercise_ids)
        if best.e1rm_kg
    }


def one_rep_maxes(*, client: Client, exercise_ids: Iterable[int]) -> dict[int, OneRepMaxValue]:
    """The 1RM of each exercise that has one, by exercise id (two queries)."""
    ids = set(exercise_ids)
    if not ids:
        return {}
    found = estimated_one_rep_maxes(client=client, exercise_ids=ids)
    for entry in OneRepMax.objects.for_client(client).filter(exercise_id__in=ids):
        found[entry.exercise_id] = OneRepMaxValue(
            exercise_id=entry.exercise_id, kg=entry.weight_kg, source=ENTERED, on=entry.tested_on
        )
    return found


def prescribed_load(
    plan: PrescribedExercise, one_rep_max: OneRepMaxValue | None, *, trainer: Trainer
) -> Decimal | None:
    """The load of a "% of 1RM" prescription, in kg, rounded to the plate increment in
    the trainer's unit; None when the plan gives no percentage or no 1RM is known."""
    if plan.load_percent_1rm is None or one_rep_max is None:
        return None
    load = one_rep_max.kg * plan.load_percent_1rm / 100
    return round_to_step(load, trainer.unit_system, trainer.load_step_kg)


def one_rep_max_list(*, client: Client) -> QuerySet[OneRepMax]:
    return (
        OneRepMax.objects.for_client(client).select_related("exercise").order_by("exercise__name")
    )


def _entries() -> QuerySet[OneRepMax]:
    return OneRepMax.objects.select_related("client__trainer", "client__user", "exercise")


def one_rep_max_get(*, actor: Actor, pk: int) -> OneRepMax:
    return get_for_read(_entries(), actor=actor, pk=pk)


def one_rep_max_get_for_write(*, actor: Actor, pk: int) -> OneRepMax:
    return get_for_write(_entries(), actor=actor, pk=pk)


@dataclass(frozen=True)
class OneRepMaxRow:
    """A line of the trainer's 1RM page: what they entered and what the logs say."""

    exercise: Exercise
    entry: OneRepMax | None
    estimated: OneRepMaxValue | None
    percent_based: bool  # prescribed as a % of 1RM in the current program


def one_rep_max_rows(*, client: Client) -> list[OneRepMaxRow]:
    """The exercises of the client's current program (those prescribed as a % of 1RM
    first) and any other with an entered 1RM, in four queries."""
    assignment = ProgramAssignment.objects.for_client(client).active().first()
    prescribed = (
        list(
            PrescribedExercise.objects.filter(day__program_id=assignment.program_id)
            .select_related("exercise")
            .order_by("exercise__name")
        )
        if assignment is not None
        else []
    )
    entries = {e.exercise_id: e for e in one_rep_max_list(client=client)}
    exercises = {p.exercise_id: p.exercise for p in prescribed}
    exercises.update({e.exercise_id: e.exercise for e in entries.values()})
    percent = {p.exercise_id for p in prescribed if p.load_percent_1rm is not None}
    estimated = estimated_one_rep_maxes(client=client, exercise_ids=exercises)
    rows = [
        OneRepMaxRow(
            exercise=exercise,
            entry=entries.get(pk),
            estimated=estimated.get(pk),
            percent_based=pk in percent,
        )
        for pk, exercise in exercises.items()
    ]
    return sorted(rows, key=lambda row: (not row.percent_based, row.exercise.name))
