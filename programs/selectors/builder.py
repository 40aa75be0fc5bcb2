"""Getters for the builder's pages and small actions (a program, a day, one prescribed
exercise, an assignment). Every builder page edits, so each is the kind's write getter on
the tenancy scope: another trainer's row is a 404 (the API reads through the same scope,
fitnesspr.api.viewsets). Also the clients a program can go to."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from clients.models import Client, ClientStatus
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_write
from programs.models import PrescribedExercise, Program, ProgramAssignment, ProgramDay
from programs.selectors.programs import day_exercises_prefetch
from trainers.models import Trainer


def _programs() -> QuerySet[Program]:
    return Program.objects.select_related("client__user")


def _days() -> QuerySet[ProgramDay]:
    return ProgramDay.objects.select_related("program__trainer").prefetch_related(
        day_exercises_prefetch()
    )


def _prescriptions() -> QuerySet[PrescribedExercise]:
    return PrescribedExercise.objects.select_related("exercise", "day__program__trainer")


def _assignments() -> QuerySet[ProgramAssignment]:
    return ProgramAssignment.objects.select_related("client__user", "program", "source_program")


def program_get_for_write(*, actor: Actor, pk: int) -> Program:
    return get_for_write(_programs(), actor=actor, pk=pk)


def program_day_get_for_write(*, actor: Actor, pk: int) -> ProgramDay:
    return get_for_write(_days(), actor=actor, pk=pk)


def prescription_get_for_write(*, actor: Actor, pk: int) -> PrescribedExercise:
    return get_for_write(_prescriptions(), actor=actor, pk=pk)


def assignment_get_for_write(*, actor: Actor, pk: int) -> ProgramAssignment:
    return get_for_write(_assignments(), actor=actor, pk=pk)


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


def assignable_programs(*, trainer: Trainer) -> QuerySet[Program]:
    """What a trainer can assign to a client: their own programs and templates, never a
    client's copy; those with training days only, by name."""
    return (
        Program.objects.for_trainer(trainer)
        .filter(client__isnull=True, days__isnull=False)
        .distinct()
        .order_by("name", "pk")
    )


def active_assignment(*, client: Client) -> ProgramAssignment | None:
    return ProgramAssignment.objects.for_client(client).active().select_related("program").first()
