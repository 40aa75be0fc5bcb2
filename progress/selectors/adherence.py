"""Adherence: workouts logged against workouts scheduled, and who has gone quiet.

Both walk the assignments' calendars in Python over a fixed number of queries, so a
trainer with many clients and long histories still costs two queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, OuterRef, Q, Subquery

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


def _scheduled_dates(
    start: date,
    end: date | None,
    weeks: int,
    slots: Iterable[Slot],
    first: date,
    last: date,
) -> set[date]:
    """The dates in [first, last] an assignment (from `start`, ended on `end` if it
    was) of a `weeks`-week program with these training slots schedules a workout."""
    stop = min(last, end or last, end_of(start, weeks))
    return set(scheduled_dates(start, weeks, slots, first, stop))


def _scheduled(
    assignment: ProgramAssignment, slots: list[Slot], first: date, last: date
) -> set[date]:
    weeks = assignment.program.duration_weeks
    return _scheduled_dates(assignment.start_date, assignment.end_date, weeks, slots, first, last)


def client_adherence(*, client: Client, today: date, weeks: int = 4) -> Adherence:
    """Completed program workouts vs. scheduled ones over the last `weeks` weeks."""
    return adherence_by_client(clients=[client], today=today, weeks=weeks)[client.pk]


def adherence_by_client(
    *, clients: Sequence[Client], today: date, weeks: int = 4
) -> dict[int, Adherence]:
    """client_adherence for many clients at once (two queries, however many)."""
    first = adherence_start(today=today, weeks=weeks)
    ids = [client.pk for client in clients]
    logged = dict(
        WorkoutLog.objects.filter(client_id__in=ids)
        .filter(counts_for_adherence(first=first, last=today))
        .values("client_id")
        .annotate(n=Count("pk"))
        .values_list("client_id", "n")
    )
    return adherence_of(ids=ids, logged=logged, first=first, last=today)


def adherence_start(*, today: date, weeks: int) -> date:
    """The first day of the `weeks` weeks up to `today` that adherence looks at."""
    return today - timedelta(days=weeks * 7 - 1)


def counts_for_adherence(*, first: date, last: date) -> Q:
    """The workouts adherence counts: finished program workouts between the dates."""
    return Q(
        status=WorkoutStatus.COMPLETED,
        program_day__isnull=False,
        performed_on__range=(first, last),
    )


def adherence_of(
    *, ids: Sequence[int], logged: dict[int, int], first: date, last: date
) -> dict[int, Adherence]:
    """Each client's adherence from the workouts they logged (counts_for_adherence),
    against what their assignments scheduled between `first` and `last` (one query)."""
    # Each assignment comes once per day of its program (once with no day if it has
    # none): its calendar in the same query.
    rows = (
        ProgramAssignment.objects.filter(client_id__in=ids, start_date__lte=last)
        .exclude(end_date__lt=first)
        .values_list(
            "pk",
            "client_id",
            "start_date",
            "end_date",
            "program__duration_weeks",
            "program__days__week",
            "program__days__day",
        )
    )
    calendars: dict[int, tuple[int, date, date | None, int, list[Slot]]] = {}
    for pk, client_id, start, end, duration, week, day in rows:
        calendar = calendars.setdefault(pk, (client_id, start, end, duration, []))
        if week is not None:
            calendar[4].append(Slot(week, day))
    scheduled: dict[int, int] = defaultdict(int)
    for client_id, start, end, duration, slots in calendars.values():
        scheduled[client_id] += len(_scheduled_dates(start, end, duration, slots, first, last))
    return {
        pk: Adherence(logged=logged.get(pk, 0), scheduled=scheduled[pk], first=first, last=last)
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
    # Only those with no workout since `first` leave the database: the others (most
    # clients) are never loaded.
    assignments = list(
        ProgramAssignment.objects.for_trainer(trainer)
        .active()
        .filter(start_date__lte=today, client__status=ClientStatus.ACTIVE)
        .annotate(last_workout=Subquery(last_completed))
        .filter(Q(last_workout__isnull=True) | Q(last_workout__lt=first))
        .select_related("program", "client__user")
    )
    slots = _slots_by_program({a.program_id for a in assignments})
    quiet = []
    for assignment in assignments:
        last = assignment.last_workout  # type: ignore[attr-defined]
        since = max(first, assignment.start_date)
        missed = len(_scheduled(assignment, slots[assignment.program_id], since, yesterday))
        if missed:
            quiet.append(QuietClient(client=assignment.client, last_workout=last, missed=missed))
    return sorted(quiet, key=lambda q: (q.last_workout or date.min, q.client.full_name))
