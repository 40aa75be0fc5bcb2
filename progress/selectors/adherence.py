"""Adherence: workouts logged against workouts scheduled, and who has gone quiet.

Both walk the assignments' calendars in Python over a fixed number of queries, so a
trainer with many clients and long histories still costs three queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max

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
    first = today - timedelta(days=weeks * 7 - 1)
    assignments = list(
        ProgramAssignment.objects.for_client(client)
        .filter(start_date__lte=today)
        .exclude(end_date__lt=first)
        .select_related("program")
    )
    slots = _slots_by_program({a.program_id for a in assignments})
    scheduled = sum(len(_scheduled(a, slots[a.program_id], first, today)) for a in assignments)
    logged = (
        WorkoutLog.objects.for_client(client)
        .filter(
            status=WorkoutStatus.COMPLETED,
            program_day__isnull=False,
            performed_on__range=(first, today),
        )
        .count()
    )
    return Adherence(logged=logged, scheduled=scheduled, first=first, last=today)


@dataclass(frozen=True)
class QuietClient:
    client: Client
    last_workout: date | None
    missed: int


def clients_gone_quiet(*, trainer: Trainer, today: date, days: int = 7) -> list[QuietClient]:
    """Active clients who had workouts scheduled in the last `days` days and logged none."""
    first = today - timedelta(days=days - 1)
    assignments = list(
        ProgramAssignment.objects.for_trainer(trainer)
        .active()
        .filter(start_date__lte=today, client__status=ClientStatus.ACTIVE)
        .select_related("program", "client__user")
    )
    slots = _slots_by_program({a.program_id for a in assignments})
    last_logged = dict(
        WorkoutLog.objects.for_trainer(trainer)
        .filter(status=WorkoutStatus.COMPLETED, client_id__in={a.client_id for a in assignments})
        .values("client_id")
        .annotate(last=Max("performed_on"))
        .values_list("client_id", "last")
    )
    quiet = []
    for assignment in assignments:
        last = last_logged.get(assignment.client_id)
        if last is not None and last >= first:
            continue
        missed = len(_scheduled(assignment, slots[assignment.program_id], first, today))
        if missed:
            quiet.append(QuietClient(client=assignment.client, last_workout=last, missed=missed))
    return sorted(quiet, key=lambda q: (q.last_workout or date.min, q.client.full_name))
