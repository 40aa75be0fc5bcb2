"""The portal's "Today": what the active program schedules for a date, in a fixed
number of queries however long the program or the client's history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404

from clients.models import Client
from programs.models import AssignmentStatus, PrescribedExercise, ProgramAssignment, ProgramDay
from programs.schedule import Slot, date_of, end_of, next_slot, slot_on
from progress.models import SetLog, WorkoutLog


@dataclass
class TodayExercise:
    prescription: PrescribedExercise
    last_sets: list[SetLog] = field(default_factory=list)
    logged_sets: list[SetLog] = field(default_factory=list)

    @property
    def last_date(self) -> date | None:
        return self.last_sets[0].workout_log.performed_on if self.last_sets else None


@dataclass
class TodayWorkout:
    today: date
    state: str  # no_program | not_started | training | rest | finished
    assignment: ProgramAssignment | None = None
    slot: Slot | None = None
    day: ProgramDay | None = None
    exercises: list[TodayExercise] = field(default_factory=list)
    log: WorkoutLog | None = None
    next_day: ProgramDay | None = None
    next_date: date | None = None
    ends_on: date | None = None


def last_sets_by_exercise(
    *, client: Client, exercise_ids: set[int], before: date
) -> dict[int, list[SetLog]]:
    """For each exercise, the sets of the client's most recent earlier workout with it."""
    latest_log = (
        WorkoutLog.objects.for_client(client)
        .filter(performed_on__lt=before, sets__exercise_id=OuterRef("exercise_id"))
        .order_by("-performed_on", "-pk")
        .values("pk")[:1]
    )
    rows = (
        SetLog.objects.for_client(client)
        .filter(exercise_id__in=exercise_ids)
        .annotate(latest=Subquery(latest_log))
        .filter(workout_log_id=F("latest"))
        .select_related("workout_log")
        .order_by("exercise_id", "set_number")
    )
    found: dict[int, list[SetLog]] = {}
    for row in rows:
        found.setdefault(row.exercise_id, []).append(row)
    return found


def today_workout(*, client: Client, on: date) -> TodayWorkout:
    assignment = (
        ProgramAssignment.objects.for_client(client).active().select_related("program").first()
    )
    if assignment is None:
        return TodayWorkout(today=on, state="no_program")
    program = assignment.program
    result = TodayWorkout(
        today=on,
        state="training",
        assignment=assignment,
        ends_on=end_of(assignment.start_date, program.duration_weeks),
    )
    days = list(
        ProgramDay.objects.for_client(client).filter(program=program).order_by("week", "day")
    )
    by_slot = {Slot(d.week, d.day): d for d in days}
    result.slot = slot_on(assignment.start_date, on, program.duration_weeks)
    upcoming = next_slot(assignment.start_date, on, program.duration_weeks, by_slot)
    if upcoming:
        result.next_day, result.next_date = by_slot[upcoming[0]], upcoming[1]

    if result.slot is None:
        result.state = "not_started" if on < assignment.start_date else "finished"
        return result
    result.day = by_slot.get(result.slot)
    if result.day is None:
        result.state = "rest"
        return result
    result.exercises, result.log = day_workout(client=client, day=result.day, on=on)
    return result


def active_program_day(*, client: Client, pk: int) -> ProgramDay:
    """A day of the client's active program (the only days they may log); 404 otherwise."""
    return get_object_or_404(
        ProgramDay.objects.for_client(client)
        .filter(
            program__assignments__client=client,
            program__assignments__status=AssignmentStatus.ACTIVE,
        )
        .select_related("program")
        .distinct(),
        pk=pk,
    )


def day_workout(
    *, client: Client, day: ProgramDay, on: date
) -> tuple[list[TodayExercise], WorkoutLog | None]:
    """A program day's exercises with last time's sets, and the client's log of it on
    `on` if any (its sets carry their exercise, for sets no prescription matches)."""
    prescriptions = list(
        PrescribedExercise.objects.filter(day=day)
        .select_related("exercise")
        .order_by("order", "pk")
    )
    log = (
        WorkoutLog.objects.for_client(client)
        .filter(program_day=day, performed_on=on)
        .prefetch_related(
            Prefetch(
                "sets", queryset=SetLog.objects.select_related("exercise").order_by("set_number")
            )
        )
        .first()
    )
    logged = list(log.sets.all()) if log else []
    last = last_sets_by_exercise(
        client=client, exercise_ids={p.exercise_id for p in prescriptions}, before=on
    )
    exercises = [
        TodayExercise(
            prescription=p,
            last_sets=last.get(p.exercise_id, []),
            logged_sets=[s for s in logged if s.prescribed_id == p.pk],
        )
        for p in prescriptions
    ]
    return exercises, log


def scheduled_date(assignment: ProgramAssignment, day: ProgramDay) -> date:
    return date_of(assignment.start_date, Slot(day.week, day.day))
