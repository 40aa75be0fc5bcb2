"""A client's meals on one day: what the plan they followed that day says, what their
diary says they ate, and the totals against the plan's targets. The portal's Today page,
the portal home card, the trainer's Nutrition tab and the API's `diary/today/` all read
this, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet, prefetch_related_objects

from clients.models import Client
from nutrition.models import (
    WEEK_DAYS,
    AssignmentStatus,
    DiaryEntry,
    MealPlan,
    MealPlanAssignment,
    MealPlanDay,
    MealPlanEntry,
    MealPlanSlot,
    Recipe,
    RecipeIngredient,
)
from nutrition.selectors.macros import Macros, entry_macros, stored_macros, total
from nutrition.selectors.plans import Bar, entries_prefetch, target_bars

OTHER_MEAL = "Other"


def covering_assignment(
    assignments: list[MealPlanAssignment], on: dt.date
) -> MealPlanAssignment | None:
    """The assignment that was (or is) running on `on`: started by then, not ended before."""
    for assignment in assignments:
        if assignment.start_date > on:
            continue
        if assignment.end_date is not None and assignment.end_date < on:
            continue
        if assignment.status != AssignmentStatus.ACTIVE and assignment.end_date is None:
            continue
        return assignment
    return None


def upcoming_assignment(
    assignments: list[MealPlanAssignment], on: dt.date
) -> MealPlanAssignment | None:
    """With no plan running on `on`: the active one about to start, if any."""
    return next(
        (a for a in assignments if a.status == AssignmentStatus.ACTIVE and a.start_date > on),
        None,
    )


def client_assignments(client: Client) -> list[MealPlanAssignment]:
    """The client's meal plan assignments, newest first (one query)."""
    return list(
        MealPlanAssignment.objects.for_client(client)
        .select_related("meal_plan")
        .order_by("-start_date", "-pk")
    )


def day_number(assignment: MealPlanAssignment, on: dt.date, length: int) -> int:
    """Which day of the plan `on` is: day 1 is the start date, and the plan repeats."""
    cycle = max(WEEK_DAYS, -(-length // WEEK_DAYS) * WEEK_DAYS)
    return (on - assignment.start_date).days % cycle + 1


@dataclass(frozen=True)
class ScaledIngredient:
    ingredient: RecipeIngredient
    grams: Decimal
    quantity: Decimal | None


def scaled_ingredients(recipe: Recipe, servings: Decimal) -> list[ScaledIngredient]:
    """A recipe's ingredients for `servings` (the recipe is written for recipe.servings)."""
    factor = Decimal(servings) / recipe.servings
    return [
        ScaledIngredient(
            ingredient=i,
            grams=i.grams * factor,
            quantity=i.quantity * factor if i.quantity is not None else None,
        )
        for i in recipe.ingredients.all()
    ]


@dataclass
class PlannedItem:
    entry: MealPlanEntry
    planned: Macros
    logged: DiaryEntry | None = None

    @property
    def name(self) -> str:
        entry = self.entry
        return entry.recipe.name if entry.recipe is not None else str(entry.food)

    @property
    def state(self) -> str:
        """ "todo", "eaten", "changed" (eaten with other servings/grams) or "skipped"."""
        log = self.logged
        if log is None:
            return "todo"
        if log.is_skipped:
            return "skipped"
        same = (log.servings, log.grams) == (self.entry.servings, self.entry.grams)
        return "eaten" if same else "changed"

    @property
    def ingredients(self) -> list[ScaledIngredient]:
        entry = self.entry
        if entry.recipe is None or entry.servings is None:
            return []
        servings = self.logged.servings if self.logged and self.logged.servings else entry.servings
        return scaled_ingredients(entry.recipe, servings)


@dataclass
class Meal:
    name: str
    slot: MealPlanSlot | None = None
    planned: list[PlannedItem] = field(default_factory=list)
    extras: list[DiaryEntry] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.planned and not self.extras


class PlanOfTheDay:
    """What a day's view of the client's meal plan says of the plan itself (the full day,
    DayMeals, and the portal home's glance, DayGlance)."""

    assignment: MealPlanAssignment | None

    @property
    def plan(self) -> MealPlan | None:
        return self.assignment.meal_plan if self.assignment else None

    @property
    def state(self) -> str:
        """ "no_plan" (nothing running that day) or "planned"."""
        return "planned" if self.assignment is not None else "no_plan"


@dataclass
class DayMeals(PlanOfTheDay):
    client: Client
    on: dt.date
    assignment: MealPlanAssignment | None
    day: MealPlanDay | None
    meals: list[Meal]
    eaten: Macros
    bars: list[Bar]
    entries: list[DiaryEntry]
    #: with no plan running that day: the next one, if one is about to start
    upcoming: MealPlanAssignment | None = None

    @property
    def planned_items(self) -> list[PlannedItem]:
        return [item for meal in self.meals for item in meal.planned]

    @property
    def ticked(self) -> int:
        return sum(1 for item in self.planned_items if item.logged is not None)

    @property
    def planned_macros(self) -> Macros:
        return total(item.planned for item in self.planned_items)

    @property
    def logged(self) -> bool:
        return bool(self.entries)

    @property
    def meal_names(self) -> list[str]:
        return [meal.name for meal in self.meals]


def diary_day(*, client: Client, on: dt.date) -> QuerySet[DiaryEntry]:
    return (
        DiaryEntry.objects.for_client(client)
        .filter(eaten_on=on)
        .select_related("recipe", "food", "portion")
        .order_by("created_at", "pk")
    )


def _plan_day(plan: MealPlan, on: dt.date, assignment: MealPlanAssignment) -> MealPlanDay | None:
    days = list(MealPlanDay.objects.filter(plan=plan).order_by("day_number"))
    if not days:
        return None
    number = day_number(assignment, on, days[-1].day_number)
    wanted = [d for d in days if d.day_number == number]
    if not wanted:
        return None
    # The day is already loaded: only its entries are fetched (not the day a second time).
    prefetch_related_objects(wanted[:1], entries_prefetch())
    return wanted[0]


def day_meals(
    *, client: Client, on: dt.date, assignments: list[MealPlanAssignment] | None = None
) -> DayMeals:
    """The client's plan and diary on `on`, grouped by meal (`assignments`: the
    client's, when the caller has them already)."""
    if assignments is None:
        assignments = client_assignments(client)
    assignment = covering_assignment(assignments, on)
    entries = list(diary_day(client=client, on=on))
    plan = assignment.meal_plan if assignment else None
    day = _plan_day(plan, on, assignment) if plan and assignment else None
    slots = list(plan.slots.order_by("order", "pk")) if plan else []

    meals = {slot.pk: Meal(name=slot.name, slot=slot) for slot in slots}
    by_name = {meal.name.casefold(): meal for meal in meals.values()}
    logged_for = {e.plan_entry_id: e for e in entries if e.plan_entry_id is not None}
    if day is not None:
        for entry in day.entries.all():
            meal = meals.get(entry.slot_id)
            if meal is not None:
                item = PlannedItem(entry, entry_macros(entry), logged_for.pop(entry.pk, None))
                meal.planned.append(item)
    planned_ids = {item.entry.pk for meal in meals.values() for item in meal.planned}
    ordered = list(meals.values())
    for entry in entries:
        if entry.plan_entry_id in planned_ids:
            continue
        meal = by_name.get(entry.meal.casefold())
        if meal is None:
            meal = Meal(name=entry.meal)
            by_name[entry.meal.casefold()] = meal
            ordered.append(meal)
        meal.extras.append(entry)
    eaten = total(stored_macros(e) for e in entries)
    upcoming = upcoming_assignment(assignments, on) if assignment is None else None
    return DayMeals(
        client=client,
        on=on,
        assignment=assignment,
        day=day,
        meals=ordered,
        eaten=eaten,
        bars=target_bars(eaten, plan),
        entries=entries,
        upcoming=upcoming,
    )


def diary_between(*, client: Client, start: dt.date, end: dt.date) -> QuerySet[DiaryEntry]:
    return (
        DiaryEntry.objects.for_client(client)
        .filter(eaten_on__range=(start, end))
        .select_related("recipe", "food", "portion")
        .order_by("-eaten_on", "created_at", "pk")
    )
