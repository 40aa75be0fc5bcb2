"""The portal's "Today": what the active program schedules for a date, in a fixed
number of queries however long the program or the client's history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    QuerySet,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import DenseRank
from django.shortcuts import get_object_or_404

from clients.models import Client
from programs.models import (
    AssignmentStatus,
    Exercise,
    PrescribedExercise,
    ProgramAssignment,
    ProgramDay,
)
from programs.schedule import Slot, date_of, end_of, next_slot, slot_on
from progress.models import SetLog, WorkoutLog
from progress.selectors.strength import OneRepMaxValue, one_rep_maxes, prescribed_load

#: equipment a client picks a weight for
LOADED_EQUIPMENT = {
    "barbell",
    "dumbbell",
    "kettlebell",
    "machine",
    "cable",
    "ez-bar",
    "trap-bar",
    "smith-machine",
    "medicine-ball",
    "sled",
}


@dataclass
class TodayExercise:
    prescription: PrescribedExercise
    last_sets: list[SetLog] = field(default_factory=list)
    logged_sets: list[SetLog] = field(default_factory=list)
    #: for a "% of 1RM" prescription: the 1RM used, and the load it comes to (kg)
    one_rep_max: OneRepMaxValue | None = None
    target_load_kg: Decimal | None = None

    @property
    def last_date(self) -> date | None:
        return self.last_sets[0].performed_on if self.last_sets else None  # type: ignore[attr-defined]

    @property
    def needs_a_weight(self) -> bool:
        """Nothing tells the client what to lift: no load given or worked out, no
        earlier workout with it, nothing logged today, and it is done with a weight
        (not a timed hold, not bodyweight)."""
        plan = self.prescription
        if plan.is_timed or plan.load_kg is not None or self.target_load_kg is not None:
            return False
        if self.last_sets or self.logged_sets:
            return False
        return bool(getattr(plan, "uses_loaded_equipment", False))


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
    #: the day's prescriptions (also without `exercises`, as `today_at_a_glance` reads it)
    exercise_count: int = 0


def last_sets_by_exercise(
    *, client: Client, exercise_ids: set[int], before: date
) -> dict[int, list[SetLog]]:
    """For each exercise, the sets of the client's most recent earlier workout with it,
    each with the workout's date as `performed_on`. One pass over the client's sets of
    those exercises, ranked per exercise by workout (a subquery per set row took ~100 ms
    with a year of history)."""
    newest_first = Window(
        DenseRank(),
        partition_by=[F("exercise_id")],
        order_by=[F("workout_log__performed_on").desc(), F("workout_log_id").desc()],
    )
    rows = (
        SetLog.objects.for_client(client)
        .filter(exercise_id__in=exercise_ids, workout_log__performed_on__lt=before)
        .annotate(recency=newest_first, performed_on=F("workout_log__performed_on"))
        .filter(recency=1)
        .order_by("exercise_id", "set_number")
    )
    found: dict[int, list[SetLog]] = {}
    for row in rows:
        found.setdefault(row.exercise_id, []).append(row)
    return found


@dataclass(frozen=True)
class ProgramPosition:
    """Where a client stands in their active program on a date, without its days."""

    assignment: ProgramAssignment | None
    state: str  # no_program | not_started | running | finished
    slot: Slot | None = None


def _active_assignment(client: Client) -> ProgramAssignment | None:
    return ProgramAssignment.objects.for_client(client).active().select_related("program").first()


def program_position(*, client: Client, on: date) -> ProgramPosition:
    """The active program and the (week, day) `on` falls on, in one query: what the
    client page says of the training, where today's workout isn't needed."""
    assignment = _active_assignment(client)
    if assignment is None:
        return ProgramPosition(assignment=None, state="no_program")
    slot = slot_on(assignment.start_date, on, assignment.program.duration_weeks)
    if slot is not None:
        return ProgramPosition(assignment=assignment, state="running", slot=slot)
    state = "not_started" if on < assignment.start_date else "finished"
    return ProgramPosition(assignment=assignment, state=state)


def _schedule(*, client: Client, on: date, count_exercises: bool) -> TodayWorkout:
    """Where `on` falls in the active program: its day (if any), the next one, the state
    (two queries; with `count_exercises` each day knows its number of prescriptions)."""
    assignment = _active_assignment(client)
    if assignment is None:
        return TodayWorkout(today=on, state="no_program")
    program = assignment.program
    result = TodayWorkout(
        today=on,
        state="training",
        assignment=assignment,
        ends_on=end_of(assignment.start_date, program.duration_weeks),
    )
    days = ProgramDay.objects.for_client(client).filter(program=program).order_by("week", "day")
    if count_exercises:
        days = days.annotate(exercise_count=Count("exercises"))
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


def today_workout(
    *,
    client: Client,
    on: date,
    logs: list[WorkoutLog] | None = None,
    exercises: bool = True,
) -> TodayWorkout:
    """The workout the active program schedules on `on`, with each exercise's last time
    and the client's log of it. `logs`: the client's workouts of that date if the caller
    already has them (`workouts_on`), else the day's own log is fetched. Without
    `exercises`, the day's prescriptions, last time's sets and 1RMs are not read
    (`exercises` stays empty and `log` comes without its sets): what the trainer's
    Training tab shows."""
    result = _schedule(client=client, on=on, count_exercises=False)
    if result.state != "training" or result.day is None:
        return result
    if exercises:
        result.exercises, result.log = day_workout(client=client, day=result.day, on=on, logs=logs)
        result.exercise_count = len(result.exercises)
    else:
        result.log = _day_log(client=client, day=result.day, on=on).first()
    return result


def today_at_a_glance(*, client: Client, on: date) -> TodayWorkout:
    """What the portal home shows of today's workout: the day, its number of exercises
    and the day's log (its status), without the exercises themselves (three queries)."""
    result = _schedule(client=client, on=on, count_exercises=True)
    if result.state == "training" and result.day is not None:
        result.exercise_count = result.day.exercise_count  # type: ignore[attr-defined]
        result.log = _day_log(client=client, day=result.day, on=on).first()
    return result


def _day_log(*, client: Client, day: ProgramDay, on: date) -> QuerySet[WorkoutLog]:
    return WorkoutLog.objects.for_client(client).filter(program_day=day, performed_on=on)


def _sets_with_exercise() -> Prefetch:
    return Prefetch(
        "sets", queryset=SetLog.objects.select_related("exercise").order_by("set_number")
    )


def workouts_on(*, client: Client, on: date) -> list[WorkoutLog]:
    """The client's workouts logged on `on`, newest first, each with its program day and
    its sets (with their exercise): one query, two when there is any."""
    return list(
        WorkoutLog.objects.for_client(client)
        .filter(performed_on=on)
        .select_related("program_day")
        .prefetch_related(_sets_with_exercise())
        .order_by("-pk")
    )


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
    *, client: Client, day: ProgramDay, on: date, logs: list[WorkoutLog] | None = None
) -> tuple[list[TodayExercise], WorkoutLog | None]:
    """A program day's exercises with last time's sets (and, for a "% of 1RM"
    prescription, the load it comes to), and the client's log of it on `on` if any (its
    sets carry their exercise, for sets no prescription matches). `logs`: the client's
    workouts of `on` (`workouts_on`) when the caller has them: the log is picked there."""
    # Whether the exercise is done with a weight rides along (one query fewer than
    # loading each exercise's equipment).
    loaded = Exercise.equipment.through.objects.filter(
        exercise_id=OuterRef("exercise_id"), equipment__slug__in=LOADED_EQUIPMENT
    )
    # Kept on the day as its `exercises`: saving the day's log checks the sets against
    # them (progress.services) without reading them again.
    prefetch_related_objects(
        [day],
        Prefetch(
            "exercises",
            queryset=PrescribedExercise.objects.select_related("exercise")
            .annotate(uses_loaded_equipment=Exists(loaded))
            .order_by("order", "pk"),
        ),
    )
    prescriptions = list(day.exercises.all())
    if logs is None:
        log = (
            _day_log(client=client, day=day, on=on).prefetch_related(_sets_with_exercise()).first()
        )
    else:
        log = next((w for w in logs if w.program_day_id == day.pk and w.performed_on == on), None)
    last = last_sets_by_exercise(
        client=client, exercise_ids={p.exercise_id for p in prescriptions}, before=on
    )
    logged = list(log.sets.all()) if log else []
    return _exercises(client, prescriptions, last, logged), log


def day_workout_saved(
    *, client: Client, exercises: list[TodayExercise], log: WorkoutLog
) -> list[TodayExercise]:
    """`exercises` of `day_workout` once `log` is saved: its sets read again (they carry
    their exercise) and the loads of "% of 1RM" prescriptions worked out again (a
    finished set may raise an estimated 1RM). The plan and last time's sets, from before
    the log's date, stay as they were read (one query, three with a % of 1RM)."""
    prefetch_related_objects([log], _sets_with_exercise())
    prescriptions = [item.prescription for item in exercises]
    last = {item.prescription.exercise_id: item.last_sets for item in exercises}
    return _exercises(client, prescriptions, last, list(log.sets.all()))


def _exercises(
    client: Client,
    prescriptions: list[PrescribedExercise],
    last: dict[int, list[SetLog]],
    logged: list[SetLog],
) -> list[TodayExercise]:
    maxes = one_rep_maxes(
        client=client,
        exercise_ids={p.exercise_id for p in prescriptions if p.load_percent_1rm is not None},
    )
    exercises = []
    for p in prescriptions:
        one_rep_max = maxes.get(p.exercise_id) if p.load_percent_1rm is not None else None
        exercises.append(
            TodayExercise(
                prescription=p,
                last_sets=last.get(p.exercise_id, []),
                logged_sets=[s for s in logged if s.prescribed_id == p.pk],
                one_rep_max=one_rep_max,
                target_load_kg=prescribed_load(p, one_rep_max, trainer=client.trainer),
            )
        )
    return exercises


def scheduled_date(assignment: ProgramAssignment, day: ProgramDay) -> date:
    return date_of(assignment.start_date, Slot(day.week, day.day))


def planned_on(*, client: Client, day: ProgramDay) -> date | None:
    """The date the client's assignment of the day's program schedules it (one query)."""
    assignment = (
        ProgramAssignment.objects.for_client(client)
        .filter(program_id=day.program_id)
        .order_by("-start_date", "-pk")
        .first()
    )
    return scheduled_date(assignment, day) if assignment is not None else None
