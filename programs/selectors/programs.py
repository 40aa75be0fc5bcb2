"""Reads for the program builder and the program lists (constant query counts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce

from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_write
from programs.models import PrescribedExercise, Program, ProgramAssignment, ProgramDay
from trainers.models import Trainer

PROGRAM_KINDS = {"programs", "templates", "assigned"}


def program_list(
    *, trainer: Trainer, kind: str = "programs", search: str = ""
) -> QuerySet[Program]:
    """The trainer's programs: their own drafts ("programs"), templates, or clients' copies."""
    programs = Program.objects.for_trainer(trainer)
    if kind == "templates":
        programs = programs.filter(is_template=True)
    elif kind == "assigned":
        programs = programs.filter(client__isnull=False).select_related("client__user")
    else:
        programs = programs.filter(is_template=False, client__isnull=True)
    if search:
        programs = programs.filter(Q(name__icontains=search) | Q(description__icontains=search))
    return program_counts(programs).order_by("name", "pk")


def _count(rows: QuerySet[Any], key: str) -> Coalesce:
    """How many of `rows` point at the program, as a subquery (0 for none)."""
    counted = rows.filter(**{key: OuterRef("pk")}).order_by().values(key)
    return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")), 0)


def program_counts(programs: QuerySet[Program]) -> QuerySet[Program]:
    """Programs annotated with `day_count` and `active_assignments` (clients following it).
    Subqueries, not joins and GROUP BY: a page of the list and its total are one query."""
    return programs.annotate(
        day_count=_count(ProgramDay.objects.all(), "program"),
        active_assignments=_count(
            ProgramAssignment.objects.filter(status="active"), "source_program"
        ),
    )


def program_for_builder(*, actor: Actor, pk: int, week: int | None = None) -> Program:
    """One program the actor may edit, with its days in calendar order, each with its
    `exercise_count`, and the prescribed exercises of the days of `builder_week(week)`
    (of every day when None): three queries; 404 if not theirs. The builder draws one
    week in full and counts the others: a 4-week program reads a quarter of its rows."""
    days = ProgramDay.objects.annotate(exercise_count=Count("exercises")).order_by("week", "day")
    queryset = Program.objects.select_related("client__user", "source")
    if week is None:
        queryset = queryset.prefetch_related(
            Prefetch("days", queryset=days.prefetch_related(day_exercises_prefetch()))
        )
        return get_for_write(queryset, actor=actor, pk=pk)
    queryset = queryset.prefetch_related(Prefetch("days", queryset=days))
    program = get_for_write(queryset, actor=actor, pk=pk)
    week = builder_week(program, week)
    drawn = [day for day in program.days.all() if day.week == week]
    prefetch_related_objects(drawn, day_exercises_prefetch())
    return program


def builder_week(program: Program, week: int | None) -> int:
    """The week the builder draws in full when asked for `week`: week 1 for a week the
    program doesn't have."""
    return week if week is not None and 1 <= week <= program.duration_weeks else 1


@dataclass
class Week:
    number: int
    days: list[ProgramDay | None] = field(default_factory=list)  # index 0..6 = day 1..7

    @property
    def training_days(self) -> list[ProgramDay]:
        return [d for d in self.days if d is not None]


def program_weeks(program: Program) -> list[Week]:
    """The program's calendar, week by week, rest days as None (uses prefetched days)."""
    weeks = [Week(number=n, days=[None] * 7) for n in range(1, program.duration_weeks + 1)]
    for day in program.days.all():
        if day.week <= program.duration_weeks:
            weeks[day.week - 1].days[day.day - 1] = day
    return weeks


def week_days_counted(*, program_id: int, week: int) -> QuerySet[ProgramDay]:
    """A week's days, each with `exercise_count` (one query)."""
    return (
        ProgramDay.objects.filter(program_id=program_id, week=week)
        .annotate(exercise_count=Count("exercises"))
        .order_by("day")
    )


def program_assignments(*, program: Program) -> QuerySet[ProgramAssignment]:
    """Who follows this program (as their own copy), newest first; for a client's copy,
    the assignment that made it."""
    return (
        ProgramAssignment.objects.filter(Q(source_program=program) | Q(program=program))
        .select_related("client__user", "program")
        .order_by("-start_date", "-pk")
    )


def day_exercises_prefetch() -> Prefetch:
    """A day's prescribed exercises in order, each with its exercise (one query)."""
    return Prefetch(
        "exercises",
        queryset=PrescribedExercise.objects.select_related("exercise").order_by("order", "pk"),
    )


def program_days_prefetch(lookup: str = "days") -> Prefetch:
    """A program's days in calendar order with their exercises in order (two queries
    whatever the size), for any queryset that reaches programs through `lookup`."""
    days = ProgramDay.objects.order_by("week", "day").prefetch_related(day_exercises_prefetch())
    return Prefetch(lookup, queryset=days)


def superset_links(rows: Sequence[PrescribedExercise]) -> list[bool]:
    """For each row of a day (in order): is it done back to back with the row above? A
    superset letter only binds neighbours."""
    return [
        i > 0 and row.superset_group != "" and row.superset_group == rows[i - 1].superset_group
        for i, row in enumerate(rows)
    ]


def superset_runs(
    rows: Sequence[PrescribedExercise], links: Sequence[bool] | None = None
) -> list[list[PrescribedExercise]]:
    """The day's rows in runs done back to back: a superset is a run of two or more, any
    other exercise a run of its own. `links` (from superset_links, maybe changed)
    defaults to the stored letters."""
    links = superset_links(rows) if links is None else links
    runs: list[list[PrescribedExercise]] = []
    for row, linked in zip(rows, links, strict=True):
        if linked and runs:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs
