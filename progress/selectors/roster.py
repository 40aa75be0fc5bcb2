"""The trainer's client list with each client's training at a glance: the program they
follow, their last finished workout and their adherence over four weeks. A trainer's
clients are read whole (a few queries however many) so the list can be searched without
accents and sorted by any column before it is paged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Max

from clients.models import Client
from clients.selectors import client_list, client_search
from programs.models import Program, ProgramAssignment
from progress.models import WorkoutLog, WorkoutStatus
from progress.selectors.adherence import (
    Adherence,
    adherence_of,
    adherence_start,
    counts_for_adherence,
)
from trainers.models import Trainer

ADHERENCE_WEEKS = 4


@dataclass(frozen=True)
class ClientTraining:
    program: Program | None  # the client's copy they follow now
    last_workout: date | None  # the last finished workout
    adherence: Adherence


def _by_name(client: Client) -> tuple[str, str, int]:
    return (client.user.first_name.casefold(), client.user.last_name.casefold(), client.pk)


#: the value each sortable column sorts by (None: shown blank, listed last either way)
SORTS: dict[str, Callable[[Client, ClientTraining], Any]] = {
    "name": lambda c, t: _by_name(c),
    "program": lambda c, t: t.program.name.casefold() if t.program else None,
    "last_workout": lambda c, t: t.last_workout,
    "adherence": lambda c, t: t.adherence.percent,
}


def training_at_a_glance(*, clients: list[Client], today: date) -> dict[int, ClientTraining]:
    ids = [client.pk for client in clients]
    programs = {
        a.client_id: a.program
        for a in ProgramAssignment.objects.filter(client_id__in=ids)
        .active()
        .select_related("program")
    }
    first = adherence_start(today=today, weeks=ADHERENCE_WEEKS)
    # The last finished workout and the workouts adherence counts, in one pass.
    workouts = (
        WorkoutLog.objects.filter(client_id__in=ids, status=WorkoutStatus.COMPLETED)
        .values("client_id")
        .annotate(
            last=Max("performed_on"),
            counted=Count("pk", filter=counts_for_adherence(first=first, last=today)),
        )
        .values_list("client_id", "last", "counted")
    )
    last, logged = {}, {}
    for client_id, last_on, counted in workouts:
        last[client_id], logged[client_id] = last_on, counted
    adherence = adherence_of(ids=ids, logged=logged, first=first, last=today)
    return {
        pk: ClientTraining(
            program=programs.get(pk), last_workout=last.get(pk), adherence=adherence[pk]
        )
        for pk in ids
    }


def client_roster(
    *, trainer: Trainer, today: date, search: str = "", status: str = "", sort: str = "name"
) -> list[Client]:
    """The trainer's clients matching `search` and `status`, each with `.training`
    (ClientTraining), sorted by `sort` (a key of SORTS, "-" first for the other way)."""
    clients = client_search(client_list(trainer=trainer, status=status), search)
    training = training_at_a_glance(clients=clients, today=today)
    sort_value = SORTS.get(sort.removeprefix("-"), SORTS["name"])

    def value(client: Client) -> Any:
        return sort_value(client, training[client.pk])

    present = [c for c in clients if value(c) is not None]
    blank = [c for c in clients if value(c) is None]
    present.sort(key=lambda c: (value(c), _by_name(c)), reverse=sort.startswith("-"))
    ordered = present + sorted(blank, key=_by_name)
    for client in ordered:
        client.training = training[client.pk]  # type: ignore[attr-defined]
    return ordered
