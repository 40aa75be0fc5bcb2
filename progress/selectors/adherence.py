"""Adherence: workouts logged against workouts scheduled, and who has gone quiet.

Adherence walks the assignments' calendars (two queries for any number of clients);
who has gone quiet is one query, the database counting the missed workouts over the
programs' days. Neither grows with the length of the history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, Least

from clients.models import Client, ClientStatus
from fitnesspr.dates import PlusDays
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


def _workouts_due(*, since: Any, until: Any) -> Subquery:
    """The number of workouts the outer query's assignment schedules from `since` to
    `until` (expressions, which may read the assignment through OuterRef):
    programs.schedule's scheduled_dates, counted by the database. A day of week w,
    day d falls on start + 7(w - 1) + d - 1; weeks past the program's length never
    come, nor (as d <= 7) anything past its last day."""
    return Subquery(
        ProgramDay.objects.filter(
            program_id=OuterRef("program_id"), week__lte=OuterRef("program__duration_weeks")
        )
        .annotate(on=PlusDays(OuterRef("start_date"), (F("week") - 1) * 7 + F("day") - 1))
        .filter(on__gte=since, on__lte=until)
        .order_by()
        .values("program_id")
        .annotate(n=Count("pk"))
        .values("n")
    )


def _until(last: date) -> Any:
    """`last`, or the outer assignment's end date if it ended before."""
    return Least(Value(last), Coalesce(OuterRef("end_date"), Value(last)))


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
    # none): its calendar in the same query, walked here. (Counting in SQL, as going
    # quiet does, costs more CPU in building the query than this walk for one client,
    # and the same for fifty.)
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
        stop = min(last, end or last, end_of(start, duration))
        scheduled[client_id] += len(set(scheduled_dates(start, duration, slots, first, stop)))
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
    their assignment started (a client assigned this morning owes nothing yet).

    One query: the database finds each client's last finished workout and counts the
    missed workouts over the program's days (`scheduled_dates` in SQL), so only the
    clients gone quiet are loaded."""
    first = today - timedelta(days=days)
    yesterday = today - timedelta(days=1)
    last_completed = (
        WorkoutLog.objects.filter(client_id=OuterRef("client_id"), status=WorkoutStatus.COMPLETED)
        .order_by("-performed_on")
        .values("performed_on")[:1]
    )
    missed = _workouts_due(
        since=Greatest(Value(first), OuterRef("start_date")), until=_until(yesterday)
    )
    assignments = (
        ProgramAssignment.objects.for_trainer(trainer)
        .active()
        .filter(start_date__lte=today, client__status=ClientStatus.ACTIVE)
        .annotate(last_workout=Subquery(last_completed), missed=missed)
        .filter(Q(last_workout__isnull=True) | Q(last_workout__lt=first), missed__gt=0)
        .select_related("client__user")
    )
    quiet = [
        QuietClient(client=a.client, last_workout=a.last_workout, missed=a.missed)  # type: ignore[attr-defined]
        for a in assignments
    ]
    return sorted(quiet, key=lambda q: (q.last_workout or date.min, q.client.full_name))
