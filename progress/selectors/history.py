"""A client's training history: past workouts, best sets and estimated 1RM over time.

A timed set (a plank, a carry) has no one-rep max: its best is the longest one."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    DecimalField,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, DenseRank, Mod, Round, RowNumber
from django.db.models.lookups import Exact, GreaterThan

from clients.models import Client
from programs.models import Exercise
from progress.models import SetLog, WorkoutLog, WorkoutStatus

# Rep-max estimates are unreliable past ~12 reps; such sets don't count towards e1RM.
E1RM_MAX_REPS = 12


def estimated_1rm(load_kg: Decimal | None, reps: int | None) -> Decimal | None:
    """Epley's estimate of a one-rep max from a set (the load itself for a single),
    rounded half-to-even to 0.1 kg from the exact value: load x (30 + reps) / 30, the
    same figure `_e1rm_tenths` ranks sets by in SQL."""
    if not load_kg or not reps or reps > E1RM_MAX_REPS:
        return None
    if reps == 1:
        return Decimal(load_kg).quantize(Decimal("0.1"))
    return (Decimal(load_kg) * (30 + reps) / 30).quantize(Decimal("0.1"))


def _divide_half_even(numerator: Any, divisor: int) -> Any:
    """numerator / divisor rounded half to even, in integers (exact on every database)."""
    quotient = numerator / divisor
    twice_rest = (numerator - quotient * divisor) * 2
    return quotient + Case(
        When(GreaterThan(twice_rest, divisor), then=Value(1)),
        When(Exact(twice_rest, divisor), then=Mod(quotient, 2, output_field=IntegerField())),
        default=Value(0),
    )


def _e1rm_tenths() -> Case:
    """A set's estimated 1RM in tenths of a kg as an SQL expression, 0 where
    `set_e1rm` gives none: ranks sets without loading each one."""
    hundredths = Cast(Round(F("load_kg") * 100), IntegerField())
    return Case(
        When(
            Q(duration_seconds__isnull=True, load_kg__gt=0, reps__gte=1, reps__lte=E1RM_MAX_REPS),
            then=Case(
                When(reps=1, then=_divide_half_even(hundredths, 10)),
                default=_divide_half_even(hundredths * (F("reps") + 30), 300),
            ),
        ),
        default=Value(0),
        output_field=IntegerField(),
    )


#: the order of a log's sets: as prescribed, then extra exercises by name
SET_ORDER = ("prescribed__order", "exercise__name", "set_number")


#: _e1rm_tenths() compiled, per database vendor (see e1rm_tenths_sql)
_E1RM_SQL: dict[str, tuple[str, tuple[Any, ...]]] = {}


def e1rm_tenths_sql() -> RawSQL:
    """_e1rm_tenths() as the SQL it compiles to, compiled once per process: Django took
    longer building that nested expression (~7 ms of CPU a call) than the database
    takes to run the whole ranking query. The SQL and its parameters are constants;
    the columns are named after the sets' table, the base table of every query that
    ranks sets."""
    found = _E1RM_SQL.get(connection.vendor)
    if found is None:
        query = SetLog.objects.annotate(e1rm_tenths=_e1rm_tenths()).query
        sql, params = query.get_compiler(connection=connection).compile(
            query.annotations["e1rm_tenths"]
        )
        found = _E1RM_SQL[connection.vendor] = (sql, tuple(params))
    return RawSQL(found[0], found[1], output_field=IntegerField())  # noqa: S611 (our own compiled SQL)


def workout_logs(*, logs: QuerySet[WorkoutLog]) -> QuerySet[WorkoutLog]:
    """Logs with their sets, exercises and program day loaded (three queries in all)."""
    return logs.select_related("program_day", "client__user").prefetch_related(
        Prefetch("sets", queryset=SetLog.objects.select_related("exercise").order_by(*SET_ORDER))
    )


def workout_logs_listed(*, logs: QuerySet[WorkoutLog]) -> QuerySet[WorkoutLog]:
    """Logs for a list that reads their sets apart (`workout_log_sets`): each with its
    client's name and trainer's time zone (the day it is there), the program day only by
    id; none of the clients' other columns."""
    own = [field.name for field in WorkoutLog._meta.concrete_fields]
    return logs.select_related("client__user", "client__trainer").only(
        *own, "client__user__first_name", "client__user__last_name", "client__trainer__timezone"
    )


def workout_log_sets(
    *, logs: Iterable[WorkoutLog], fields: Sequence[str]
) -> dict[int, list[dict[str, Any]]]:
    """The sets of these logs as `values(*fields)` rows by log id, in `SET_ORDER`: one
    query, and for a page of logs hundreds of sets without a model instance each."""
    ids = [log.pk for log in logs]
    by_log: dict[int, list[dict[str, Any]]] = {pk: [] for pk in ids}
    if ids:
        sets = SetLog.objects.filter(workout_log_id__in=ids).order_by(*SET_ORDER)
        for row in sets.values(*fields, log_id=F("workout_log_id")):
            by_log[row.pop("log_id")].append(row)
    return by_log


def client_history(*, client: Client) -> QuerySet[WorkoutLog]:
    return workout_logs(logs=WorkoutLog.objects.for_client(client).order_by("-performed_on", "-pk"))


def client_logs(*, client: Client) -> QuerySet[WorkoutLog]:
    """The client's workouts, newest first, with their program day: give a page of
    them their sets with `logged_exercises`."""
    return (
        WorkoutLog.objects.for_client(client)
        .select_related("program_day")
        .order_by("-performed_on", "-pk")
    )


@dataclass(frozen=True)
class LoggedSet:
    """A logged set as a list of workouts shows it."""

    reps: int | None
    load_kg: Decimal | None
    duration_seconds: int | None
    rpe: Decimal | None
    is_completed: bool


@dataclass(frozen=True)
class LoggedExercise:
    exercise_id: int
    name: str
    sets: list[LoggedSet]


def logged_exercises(*, logs: Sequence[WorkoutLog]) -> None:
    """Give each log `exercises`: its sets grouped by exercise (LoggedExercise), in
    the order `workout_logs` lists them, in one query for all the logs. The sets are
    read as rows, not models: a page of ten workouts has some two hundred of them."""
    rows = (
        SetLog.objects.filter(workout_log__in=[log.pk for log in logs])
        .order_by("workout_log_id", "prescribed__order", "exercise__name", "set_number")
        .values_list(
            "workout_log_id",
            "exercise_id",
            "exercise__name",
            "reps",
            "load_kg",
            "duration_seconds",
            "rpe",
            "is_completed",
        )
    )
    grouped: dict[int, list[LoggedExercise]] = {log.pk: [] for log in logs}
    for log_id, exercise_id, name, reps, load_kg, seconds, rpe, done in rows:
        groups = grouped[log_id]
        if not groups or groups[-1].exercise_id != exercise_id:
            groups.append(LoggedExercise(exercise_id, name, []))
        groups[-1].sets.append(LoggedSet(reps, load_kg, seconds, rpe, done))
    for log in logs:
        log.exercises = grouped[log.pk]  # type: ignore[attr-defined]


def set_e1rm(row: SetLog) -> Decimal | None:
    """A set's estimated 1RM; none for a timed set, whatever reps it also names."""
    if row.duration_seconds is not None:
        return None
    return estimated_1rm(row.load_kg, row.reps)


@dataclass(frozen=True)
class ProgressPoint:
    performed_on: date
    best_load_kg: Decimal | None
    best_reps: int | None
    e1rm_kg: Decimal | None
    best_duration_seconds: int | None = None


@dataclass(frozen=True)
class ExerciseBest:
    exercise: Exercise
    performed_on: date
    load_kg: Decimal | None
    reps: int | None
    e1rm_kg: Decimal | None
    sessions: int
    duration_seconds: int | None = None  # a timed exercise: the longest set


BEST_FIELDS = ("exercise", "workout_log", "reps", "load_kg", "duration_seconds")


def _done_sets(client: Client) -> QuerySet[SetLog]:
    return SetLog.objects.for_client(client).filter(
        is_completed=True, workout_log__status=WorkoutStatus.COMPLETED
    )


def _rank(s: SetLog) -> tuple[Decimal, int, Decimal, int]:
    zero = Decimal(0)
    return (set_e1rm(s) or zero, s.duration_seconds or 0, s.load_kg or zero, s.reps or 0)


def _better(a: SetLog | None, b: SetLog) -> bool:
    """Is b a better set than a? Higher e1RM first, then longer (timed sets), then
    heavier, then more reps."""
    return a is None or _rank(b) > _rank(a)


def exercise_progress(*, client: Client, exercise: Exercise) -> list[ProgressPoint]:
    """Per workout date, the best set of `exercise` and its estimated 1RM (oldest first)."""
    best: dict[date, SetLog] = {}
    rows = (
        _done_sets(client)
        .filter(exercise=exercise)
        .select_related("workout_log")
        .order_by("workout_log__performed_on")
    )
    for row in rows:
        day = row.workout_log.performed_on
        if _better(best.get(day), row):
            best[day] = row
    return [
        ProgressPoint(day, s.load_kg, s.reps, set_e1rm(s), s.duration_seconds)
        for day, s in sorted(best.items())
    ]


def exercise_bests(
    *,
    client: Client,
    exercise_ids: Iterable[int] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[ExerciseBest]:
    """Every exercise the client has done (or those of `exercise_ids`), with their best
    set ever (or between `start` and `end`, a report's period), by name (one query).

    The database ranks the sets and returns one row per exercise, so the cost no longer
    grows with the client's history in Python: higher e1RM first, then longer (timed
    sets), then heavier, then more reps; on a tie the newest set wins. The number of
    workouts an exercise was done in is a distinct count per exercise, taken as the
    sum of two dense ranks (ascending and descending) minus one, which needs no second
    query or grouping."""
    rows = _done_sets(client)
    if exercise_ids is not None:
        rows = rows.filter(exercise_id__in=set(exercise_ids))
    if start is not None:
        rows = rows.filter(workout_log__performed_on__gte=start)
    if end is not None:
        rows = rows.filter(workout_log__performed_on__lte=end)
    per_exercise = [F("exercise_id")]
    rows = (
        rows.annotate(
            best_rank=Window(
                RowNumber(),
                partition_by=per_exercise,
                order_by=[
                    e1rm_tenths_sql().desc(),
                    Coalesce("duration_seconds", 0).desc(),
                    Coalesce("load_kg", Value(0), output_field=DecimalField()).desc(),
                    Coalesce("reps", 0).desc(),
                    F("workout_log__performed_on").desc(),
                    F("workout_log__started_at").desc(),
                    F("set_number").asc(),
                    F("pk").asc(),
                ],
            ),
            logs_up=Window(
                DenseRank(), partition_by=per_exercise, order_by=F("workout_log_id").asc()
            ),
            logs_down=Window(
                DenseRank(), partition_by=per_exercise, order_by=F("workout_log_id").desc()
            ),
        )
        .filter(best_rank=1)
        .select_related("exercise", "workout_log")
        .only(*BEST_FIELDS, "exercise__name", "workout_log__performed_on")
        .order_by()
    )
    return sorted(
        (
            ExerciseBest(
                exercise=s.exercise,
                performed_on=s.workout_log.performed_on,
                load_kg=s.load_kg,
                reps=s.reps,
                e1rm_kg=set_e1rm(s),
                sessions=s.logs_up + s.logs_down - 1,
                duration_seconds=s.duration_seconds,
            )
            for s in rows
        ),
        key=lambda b: b.exercise.name,
    )


def exercise_best(*, client: Client, exercise: Exercise) -> ExerciseBest | None:
    """The client's best set of one exercise, by the same rule as exercise_bests."""
    return next(iter(exercise_bests(client=client, exercise_ids=[exercise.pk])), None)
