"""Macro compliance: per day and per week, what a client ate against the targets of the
plan they followed that day, as percentages, and how many days they logged. Two queries
for any range (the diary summed by day, and the client's assignments)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from clients.models import Client
from nutrition.models import DiaryEntry, MealPlan, MealPlanAssignment
from nutrition.selectors.macros import MACRO_NAMES, Macros, percent
from nutrition.selectors.plans import Bar, target_bars
from nutrition.selectors.today import client_assignments, covering_assignment

#: the longest range one request may ask for
MAX_DAYS = 92
TARGETS = (
    ("kcal", "target_kcal"),
    ("protein_g", "target_protein_g"),
    ("carbs_g", "target_carbs_g"),
    ("fat_g", "target_fat_g"),
)


def _percents(eaten: Macros, plan: MealPlan | None) -> dict[str, int | None]:
    return {
        key: percent(getattr(eaten, key), getattr(plan, target) if plan else None)
        for key, target in TARGETS
    }


@dataclass(frozen=True)
class DayCompliance:
    on: dt.date
    plan: MealPlan | None
    eaten: Macros
    entries: int

    @property
    def logged(self) -> bool:
        return self.entries > 0

    @property
    def percents(self) -> dict[str, int | None]:
        """kcal, protein_g, carbs_g, fat_g eaten as a % of the target (None: no target)."""
        return (
            _percents(self.eaten, self.plan)
            if self.logged
            else dict.fromkeys((k for k, _ in TARGETS), None)
        )

    @property
    def bars(self) -> list[Bar]:
        return target_bars(self.eaten, self.plan)


@dataclass(frozen=True)
class WeekCompliance:
    start: dt.date
    end: dt.date
    days: list[DayCompliance]

    @property
    def days_logged(self) -> int:
        return sum(1 for day in self.days if day.logged)

    @property
    def average(self) -> Macros:
        """The average day among the logged ones (days not logged would count as zero
        eaten, which says more about the logging than the eating)."""
        logged = [day for day in self.days if day.logged]
        if not logged:
            return Macros()
        whole = Macros()
        for day in logged:
            whole += day.eaten
        return whole.scaled(Decimal(1) / len(logged))

    @property
    def percents(self) -> dict[str, int | None]:
        """Each macro eaten on the logged days as a % of those days' targets."""
        logged = [day for day in self.days if day.logged]
        result: dict[str, int | None] = {}
        for key, target in TARGETS:
            eaten = Decimal(0)
            wanted = Decimal(0)
            for day in logged:
                goal = getattr(day.plan, target) if day.plan else None
                if goal:
                    eaten += getattr(day.eaten, key)
                    wanted += goal
            result[key] = percent(eaten, wanted) if wanted else None
        return result


@dataclass(frozen=True)
class Compliance:
    client: Client
    start: dt.date
    end: dt.date
    days: list[DayCompliance]  # oldest first
    weeks: list[WeekCompliance]  # newest first, each ending 7 days after the one before

    @property
    def days_logged(self) -> int:
        return sum(1 for day in self.days if day.logged)


def _diary_by_day(
    client: Client, start: dt.date, end: dt.date
) -> dict[dt.date, dict[str, Decimal]]:
    rows = (
        DiaryEntry.objects.for_client(client)
        .filter(eaten_on__range=(start, end))
        .values("eaten_on")
        .annotate(entries=Count("pk"), **{name: Sum(name) for name in MACRO_NAMES})
    )
    return {row["eaten_on"]: row for row in rows}


def _macros(row: dict[str, Decimal] | None) -> Macros:
    if row is None:
        return Macros()
    return Macros(**{name: Decimal(row[name] or 0) for name in MACRO_NAMES})


def client_compliance(
    *,
    client: Client,
    start: dt.date,
    end: dt.date,
    assignments: list[MealPlanAssignment] | None = None,
) -> Compliance:
    """Every day from `start` to `end` (at most MAX_DAYS), and the weeks ending on `end`
    (`assignments`: the client's, when the caller has them already)."""
    if end < start:
        raise ValueError("The range ends before it starts.")
    if (end - start).days >= MAX_DAYS:
        raise ValueError(f"Ask for at most {MAX_DAYS} days at a time.")
    diary = _diary_by_day(client, start, end)
    if assignments is None:
        assignments = client_assignments(client)
    days = []
    on = start
    while on <= end:
        assignment = covering_assignment(assignments, on)
        row = diary.get(on)
        days.append(
            DayCompliance(
                on=on,
                plan=assignment.meal_plan if assignment else None,
                eaten=_macros(row),
                entries=int(row["entries"]) if row else 0,
            )
        )
        on += dt.timedelta(days=1)
    weeks = []
    for week_end in range(len(days), 0, -7):
        chunk = days[max(0, week_end - 7) : week_end]
        weeks.append(WeekCompliance(start=chunk[0].on, end=chunk[-1].on, days=chunk))
    return Compliance(client=client, start=start, end=end, days=days, weeks=weeks)
