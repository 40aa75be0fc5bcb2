"""Lookups for the builder's small actions (a day, one prescribed exercise, the clients a
program can go to). All start from `for_trainer`: another trainer's row is a 404."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from clients.models import Client, ClientStatus
from programs.models import PrescribedExercise, Program, ProgramAssignment, ProgramDay
from trainers.models import Trainer


def _day_exercises() -> Prefetch:
    return Prefetch(
        "exercises",
        queryset=PrescribedExercise.objects.select_related("exercise").order_by("order", "pk"),
    )


def program_get(*, trainer: Trainer, pk: int) -> Program:
    """One program for the pages around the builder (details, delete, assign)."""
    programs = Program.objects.for_trainer(trainer).select_related("client__user")
    return get_object_or_404(programs, pk=pk)


def program_day_get(*, trainer: Trainer, pk: int) -> ProgramDay:
    """A day with its program and its exercises in order (two queries)."""
    days = ProgramDay.objects.for_trainer(trainer).select_related("program")
    return get_object_or_404(days.prefetch_related(_day_exercises()), pk=pk)


def prescription_get(*, trainer: Trainer, pk: int) -> PrescribedExercise:
    rows = PrescribedExercise.objects.for_trainer(trainer).select_related(
        "exercise", "day__program"
    )
    return get_object_or_404(rows, pk=pk)


def assignment_get(*, trainer: Trainer, pk: int) -> ProgramAssignment:
    assignments = ProgramAssignment.objects.for_trainer(trainer)
    return get_object_or_404(
        assignments.select_related("client__user", "program", "source_program"), pk=pk
    )


def assignable_clients(*, trainer: Trainer) -> QuerySet[Client]:
    """The trainer's active clients, each with `current` = their active assignments (so
    the page can say whose program is about to be replaced)."""
    active = ProgramAssignment.objects.active().select_related("program")
    return (
        Client.objects.for_trainer(trainer)
        .filter(status=ClientStatus.ACTIVE)
        .select_related("user")
        .prefetch_related(Prefetch("program_assignments", queryset=active, to_attr="current"))
        .order_by("user__first_name", "user__last_name", "pk")
    )
