"""Reads of meal plans: the lists, the getters, and the plan editor's week (days x
meals with their macros and the day totals against the targets), read in a fixed number
of queries whatever the plan's size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from clients.models import Client, ClientStatus
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from nutrition.models import (
    FoodPortion,
    MealPlan,
    MealPlanAssignment,
    MealPlanDay,
    MealPlanEntry,
    MealPlanSlot,
)
from nutrition.selectors.macros import Macros, entry_macros, percent, total
from nutrition.selectors.recipes import ingredients_prefetch
from trainers.models import Trainer

PLAN_KINDS = {"plans": "Plans", "templates": "Templates", "assigned": "Assigned copies"}
#: a day within this share of a target is on target (the bar turns green)
ON_TARGET = Decimal("0.10")


def entries_prefetch(lookup: str = "entries") -> Prefetch:
    """A day's items with their recipe (and its ingredients), food and portions: four
    queries for any number of days."""
    portions = Prefetch("food__portions", queryset=FoodPortion.objects.order_by("order", "pk"))
    entries = (
        MealPlanEntry.objects.select_related("recipe", "food", "portion")
        .prefetch_related(ingredients_prefetch("recipe__ingredients"), portions)
        .order_by("order", "pk")
    )
    return Prefetch(lookup, queryset=entries)


def days_prefetch(lookup: str = "days") -> Prefetch:
    days = MealPlanDay.objects.order_by("day_number").prefetch_related(entries_prefetch())
    return Prefetch(lookup, queryset=days)


def slots_prefetch(lookup: str = "slots") -> Prefetch:
    return Prefetch(lookup, queryset=MealPlanSlot.objects.order_by("order", "pk"))


def with_week(qs: QuerySet[MealPlan]) -> QuerySet[MealPlan]:
    return qs.select_related("client__user", "source").prefetch_related(
        slots_prefetch(), days_prefetch()
    )


def plan_list(*, trainer: Trainer, kind: str = "plans", search: str = "") -> QuerySet[MealPlan]:
    """The trainer's plans: their own ("plans"), templates, or clients' copies."""
    plans = MealPlan.objects.for_trainer(trainer)
    if kind == "templates":
        plans = plans.filter(is_template=True)
    elif kind == "assigned":
        plans = plans.filter(client__isnull=False).select_related("client__user")
    else:
        plans = plans.filter(is_template=False, client__isnull=True)
    for term in search.split()[:5]:
        plans = plans.filter(Q(name__icontains=term) | Q(description__icontains=term))
    return plan_counts(plans).order_by("name", "pk")


def plan_counts(plans: QuerySet[MealPlan]) -> QuerySet[MealPlan]:
    return plans.annotate(
        item_count=Count("days__entries", distinct=True),
        active_assignments=Count(
            "source_assignments", filter=Q(source_assignments__status="active"), distinct=True
        ),
    )


def plan_get(*, actor: Actor, pk: int) -> MealPlan:
    return get_for_read(MealPlan.objects.select_related("client__user"), actor=actor, pk=pk)


def plan_get_for_write(*, actor: Actor, pk: int) -> MealPlan:
    return get_for_write(MealPlan.objects.select_related("client__user"), actor=actor, pk=pk)


def plan_for_editor(*, actor: Actor, pk: int) -> MealPlan:
    """A plan the actor may change with its meals, days and items (a fixed number of
    queries); another trainer's is a 404."""
    return get_for_write(with_week(MealPlan.objects.all()), actor=actor, pk=pk)


def plan_with_week(*, actor: Actor, pk: int) -> MealPlan:
    return get_for_read(with_week(MealPlan.objects.all()), actor=actor, pk=pk)


def slot_get_for_write(*, actor: Actor, pk: int) -> MealPlanSlot:
    return get_for_write(MealPlanSlot.objects.select_related("plan"), actor=actor, pk=pk)


def day_get_for_write(*, actor: Actor, pk: int) -> MealPlanDay:
    return get_for_write(MealPlanDay.objects.select_related("plan"), actor=actor, pk=pk)


def entry_get_for_write(*, actor: Actor, pk: int) -> MealPlanEntry:
    return get_for_write(
        MealPlanEntry.objects.select_related("day__plan", "slot", "recipe", "food", "portion"),
        actor=actor,
        pk=pk,
    )


def assignment_get_for_write(*, actor: Actor, pk: int) -> MealPlanAssignment:
    return get_for_write(
        MealPlanAssignment.objects.select_related("client__user", "meal_plan"), actor=actor, pk=pk
    )


def plan_assignments(*, plan: MealPlan) -> QuerySet[MealPlanAssignment]:
    """Who follows this plan (as their own copy), newest first; for a client's copy, the
    assignment that made it."""
    return (
        MealPlanAssignment.objects.filter(Q(source_meal_plan=plan) | Q(meal_plan=plan))
        .select_related("client__user", "meal_plan")
        .order_by("-start_date", "-pk")
    )


def assignable_clients(*, trainer: Trainer) -> QuerySet[Client]:
    """The trainer's active clients, each with `current` = their active meal plans."""
    active = MealPlanAssignment.objects.active().select_related("meal_plan")
    return (
        Client.objects.for_trainer(trainer)
        .filter(status=ClientStatus.ACTIVE)
        .select_related("user")
        .prefetch_related(Prefetch("meal_plan_assignments", queryset=active, to_attr="current"))
        .order_by("user__first_name", "user__last_name", "pk")
    )


# ---------- the week as the editor and the portal draw it ----------


@dataclass(frozen=True)
class Bar:
    """One macro of a day against its target, for a <meter>."""

    key: str
    label: str
    unit: str
    value: Decimal
    target: int | None

    @property
    def percent(self) -> int | None:
        return percent(self.value, self.target)

    @property
    def state(self) -> str:
        """ "none" (no target), "under", "on" (within 10%) or "over"."""
        if not self.target:
            return "none"
        share = self.value / Decimal(self.target)
        if share < 1 - ON_TARGET:
            return "under"
        return "over" if share > 1 + ON_TARGET else "on"

    @property
    def low(self) -> Decimal:
        return Decimal(self.target or 0) * (1 - ON_TARGET)

    @property
    def high(self) -> Decimal:
        return Decimal(self.target or 0) * (1 + ON_TARGET)

    @property
    def maximum(self) -> Decimal:
        """The meter's end: a little past the target, or the value if that is further."""
        return max(Decimal(self.target or 0) * Decimal("1.5"), self.value, Decimal(1))


def target_bars(macros: Macros, plan: MealPlan | None) -> list[Bar]:
    rounded = macros.rounded()
    return [
        Bar("kcal", "Energy", "kcal", rounded.kcal, plan.target_kcal if plan else None),
        Bar("protein", "Protein", "g", rounded.protein_g, plan.target_protein_g if plan else None),
        Bar("carbs", "Carbs", "g", rounded.carbs_g, plan.target_carbs_g if plan else None),
        Bar("fat", "Fat", "g", rounded.fat_g, plan.target_fat_g if plan else None),
    ]


@dataclass
class EntryView:
    entry: MealPlanEntry
    macros: Macros

    @property
    def name(self) -> str:
        entry = self.entry
        return entry.recipe.name if entry.recipe is not None else str(entry.food)


@dataclass
class SlotView:
    slot: MealPlanSlot
    items: list[EntryView] = field(default_factory=list)

    @property
    def macros(self) -> Macros:
        return total(item.macros for item in self.items)


@dataclass
class DayView:
    day: MealPlanDay
    slots: list[SlotView]
    bars: list[Bar]

    @property
    def macros(self) -> Macros:
        return total(slot.macros for slot in self.slots)

    @property
    def item_count(self) -> int:
        return sum(len(slot.items) for slot in self.slots)


def day_view(day: MealPlanDay, plan: MealPlan, slots: list[MealPlanSlot]) -> DayView:
    """One day as meals with their items (from prefetched rows only)."""
    views = {slot.pk: SlotView(slot=slot) for slot in slots}
    for entry in day.entries.all():
        view = views.get(entry.slot_id)
        if view is not None:
            view.items.append(EntryView(entry=entry, macros=entry_macros(entry)))
    ordered = list(views.values())
    return DayView(day=day, slots=ordered, bars=target_bars(total(v.macros for v in ordered), plan))


def plan_week(plan: MealPlan) -> list[DayView]:
    """Every day of a plan fetched with `with_week` (no further queries)."""
    slots = list(plan.slots.all())
    return [day_view(day, plan, slots) for day in plan.days.all()]


@dataclass(frozen=True)
class ClientBody:
    """What we know of a client for the target formula (any may be unknown)."""

    weight_kg: Decimal | None
    height_cm: Decimal | None
    age: int | None
    weighed_on: dt.date | None = None


def client_body(client: Client | None, *, today: dt.date) -> ClientBody:
    """The client's height and age from their profile and their latest weight from
    their body measurements (read through the reverse relation: the progress app sits
    above this one)."""
    if client is None:
        return ClientBody(None, None, None)
    latest = (
        client.body_measurements.filter(weight_kg__isnull=False)
        .order_by("-measured_on", "-pk")
        .values("weight_kg", "measured_on")
        .first()
    )
    age = None
    born = client.date_of_birth
    if born is not None:
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return ClientBody(
        weight_kg=latest["weight_kg"] if latest else None,
        height_cm=client.height_cm,
        age=age,
        weighed_on=latest["measured_on"] if latest else None,
    )
