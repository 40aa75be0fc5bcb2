"""The portal home's meal plan card: the plan running on a day, how many of the day's
planned items are ticked off and the kcal eaten so far. The figures `day_meals`
(nutrition.selectors.today) gives, counted and summed by the database in three queries
instead of loading the day's meals with their recipes and foods (six or seven)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from clients.models import Client
from nutrition.models import (
    DiaryEntry,
    MealPlanAssignment,
    MealPlanDay,
)
from nutrition.selectors.today import (
    PlanOfTheDay,
    covering_assignment,
    day_number,
    upcoming_assignment,
)


@dataclass(frozen=True)
class DayGlance(PlanOfTheDay):
    assignment: MealPlanAssignment | None
    day: MealPlanDay | None
    #: the day's planned items, and how many of them have a diary entry (eaten, eaten in
    #: another amount, or skipped)
    planned: int
    ticked: int
    #: everything in the diary that day, planned or not
    eaten_kcal: Decimal
    #: with no plan running that day: the next one, if one is about to start
    upcoming: MealPlanAssignment | None = None


def day_glance(*, client: Client, on: dt.date) -> DayGlance:
    last_day = (
        MealPlanDay.objects.filter(plan=OuterRef("meal_plan"))
        .order_by("-day_number")
        .values("day_number")[:1]
    )
    assignments = list(
        MealPlanAssignment.objects.for_client(client)
        .select_related("meal_plan")
        .annotate(plan_length=Subquery(last_day))
        .order_by("-start_date", "-pk")
    )
    assignment = covering_assignment(assignments, on)
    day = None
    if assignment is not None and assignment.plan_length is not None:  # type: ignore[attr-defined]
        number = day_number(assignment, on, assignment.plan_length)  # type: ignore[attr-defined]
        # an item counts in a meal of its own plan only (as day_meals groups them)
        day = (
            MealPlanDay.objects.filter(plan=assignment.meal_plan, day_number=number)
            .annotate(planned=Count("entries", filter=Q(entries__slot__plan=F("plan"))))
            .first()
        )
    diary = DiaryEntry.objects.for_client(client).filter(eaten_on=on)
    zero = Value(Decimal(0), output_field=DecimalField())
    # one diary entry at most per planned item and day (diary_plan_entry_once_a_day)
    on_the_day = (
        Q(plan_entry__day=day, plan_entry__slot__plan=day.plan_id)
        if day is not None
        else Q(pk__in=[])
    )
    totals = diary.aggregate(
        kcal=Coalesce(Sum("kcal"), zero), ticked=Count("pk", filter=on_the_day)
    )
    upcoming = upcoming_assignment(assignments, on) if assignment is None else None
    return DayGlance(
        assignment=assignment,
        day=day,
        planned=day.planned if day is not None else 0,  # type: ignore[attr-defined]
        ticked=totals["ticked"],
        eaten_kcal=totals["kcal"],
        upcoming=upcoming,
    )
