"""Adherence: workouts logged against workouts scheduled, and who has gone quiet.

Both walk the assignments' calendars in Python over a fixed number of queries, so a
trainer with many clients and long histories still costs three queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, OuterRef, Subquery

from clients.models import Client, ClientStatus
from programs.models import ProgramAssignment, ProgramDay
from programs.schedule import Slot, end_of, scheduled_dates
from progress.models import WorkoutLog, WorkoutStatus
from trainers.models import Trainer


@dataclass(frozen=True)
class Adherence:
    logged: int
    scheduled: int
    first: date
    last: date

    @property
    def percent(self) -> int | None:
        if not self.scheduled:
            return None
        return min(100, round(100 * self.logged / self.scheduled))


def _slots_by_program(program_ids: set[int]) -> dict[int, list[Slot]]:
    slots: dict[int, list[Slot]] = defaultdict(list)
    rows = ProgramDay.objects.filter(program_id__in=program_ids).values_list(
        "program_id", "week", "day"
    )
    for program_id, week, day in rows:
        slots[program_id].append(Slot(week, day))
    return slots


def _scheduled(
    assignment: ProgramAssignment, slots: list[Slot], first: date, last: date
) -> set[date]:
    weeks = assignment.program.duration_weeks
    stop = min(last, assignment.end_date or last, end_of(assignment.start_date, weeks))
    return set(scheduled_dates(assignment.start_date, weeks, slots, first, stop))


def client_adherence(*, client: Client, today: date, weeks: int = 4) -> Adherence:
    """Completed program workouts vs. scheduled ones over the last `weeks` weeks."""
    return adherence_by_client(clients=[client], today=today, weeks=weeks)[client.pk]


def adherence_by_client(
    *, clients: Sequence[Client], today: date, weeks: int = 4
) -> dict[int, Adherence]:
    """client_adherence for many clients at once (three queries, however many)."""
    first = today - timedelta(days=weeks * 7 - 1)
    ids = [client.pk for client in clients]
    assignments = list(
        ProgramAssignment.objects.filter(client_id__in=ids, start_date__lte=today)
        .exclude(end_date__lt=first)
        .select_related("program")
    )
    slots = _slots_by_program({a.program_id for a in assignments})
    scheduled: dict[int, int] = defaultdict(int)
    for a in assignments:
        scheduled[a.client_id] += len(_scheduled(a, slots[a.program_id], first, today))
    logged = dict(
        WorkoutLog.objects.filter(
            client_id__in=ids,
            status=WorkoutStatus.COMPLETED,
            program_day__isnull=False,
            performed_on__range=(first, today),
        )
        .values("client_id")
        .annotate(n=Count("pk"))
        .values_list("client_id", "n")
    )
    return {
        pk: Adherence(logged=logged.get(pk, 0), scheduled=scheduled[pk], first=first, last=today)
        for pk in ids
    }


@dataclass(frozen=True)
class QuietClient:
    client: Client
    last_workout: date | None
    missed: int


def clients_gone_quiet(*, trainer: Trainer, today: date, days: int = 7) -> list[QuietClient]:
    """Active clients who logged no workout in the last `days` days although workouts
    were due then: scheduled at least a day ago (today's can still be done) and after
    their assignment started (a client assigned this morning owes nothing yet)."""
    first = today - timedelta(days=days)
    yesterday = today - timedelta(days=1)
    # Each client's last completed workout rides along (an index lookup per client on
    # workout_client_status): one query fewer on the dashboard home.
    last_completed = (
        WorkoutLog.objects.filter(client_id=OuterRef("client_id"), status=WorkoutStatus.COMPLETED)
        .order_by("-performed_on")
        .values("performed_on")[:1]
    )
    assignments = list(
        ProgramAssignment.objects.for_trainer(trainer)
        .active()
        .filter(start_date__lte=today, client__status=ClientStatus.ACTIVE)
        .select_related("program", "client__user")
        .annotate(last_workout=Subquery(last_completed))
    )
    slots = _slots_by_program({a.program_id for a in assignments})
    quiet = []
    for assignment in assignments:
        last = assignment.last_workout  # type: ignore[attr-defined]
        if last is not None and last >= first:
            continue
        since = max(first, assignment.start_date)
        missed = len(_scheduled(assignment, slots[assignment.program_id], since, yesterday))
        if missed:
            quiet.append(QuietClient(client=assignment.client, last_workout=last, missed=missed))
    return sorted(quiet, key=lambda q: (q.last_workout or date.min, q.client.full_name))
