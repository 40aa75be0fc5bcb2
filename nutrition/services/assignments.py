"""Copying meal plans and assigning them to clients (the same rule as programs).

A client never follows the trainer's plan itself but their own deep copy, so editing a
template later doesn't change what a client was told to eat; a client follows one plan
at a time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from clients.models import Client, ClientStatus
from clients.services.choosing import clients_chosen
from nutrition.models import (
    AssignmentStatus,
    MealPlan,
    MealPlanAssignment,
    MealPlanDay,
    MealPlanEntry,
    MealPlanSlot,
)

COPIED_PLAN_FIELDS = (
    "name",
    "description",
    "target_kcal",
    "target_protein_g",
    "target_carbs_g",
    "target_fat_g",
    "targets_from",
    "calc_sex",
    "calc_age",
    "calc_weight_kg",
    "calc_height_cm",
    "calc_activity",
    "calc_goal",
)
COPIED_ENTRY_FIELDS = (
    "recipe_id",
    "servings",
    "food_id",
    "grams",
    "portion_id",
    "quantity",
    "order",
    "notes",
)


def _created[M: MealPlanDay | MealPlanSlot](rows: list[M], reread: list[M]) -> list[M]:
    # backends without RETURNING leave the ids empty: read them back in the same order
    return rows if all(r.pk for r in rows) else reread


@transaction.atomic
def plan_copy(
    *,
    plan: MealPlan,
    name: str | None = None,
    is_template: bool = False,
    client: Client | None = None,
) -> MealPlan:
    """A deep copy (meals, days, items) in a fixed number of queries."""
    if client is not None and client.trainer_id != plan.trainer_id:
        raise ValidationError({"client": "This client belongs to another trainer."})
    copy = MealPlan(
        trainer_id=plan.trainer_id,
        client=client,
        is_template=is_template and client is None,
        source=plan,
        **{field: getattr(plan, field) for field in COPIED_PLAN_FIELDS},
    )
    if name is not None:
        copy.name = name.strip()
    copy.full_clean()
    copy.save()

    slots = list(plan.slots.order_by("order", "pk"))
    new_slots = MealPlanSlot.objects.bulk_create(
        MealPlanSlot(plan=copy, name=s.name, order=s.order) for s in slots
    )
    new_slots = _created(new_slots, list(copy.slots.order_by("order", "pk")))
    days = list(plan.days.order_by("day_number"))
    new_days = MealPlanDay.objects.bulk_create(
        MealPlanDay(plan=copy, day_number=d.day_number, title=d.title) for d in days
    )
    new_days = _created(new_days, list(copy.days.order_by("day_number")))
    slot_map = {old.pk: new.pk for old, new in zip(slots, new_slots, strict=True)}
    day_map = {old.pk: new.pk for old, new in zip(days, new_days, strict=True)}
    MealPlanEntry.objects.bulk_create(
        MealPlanEntry(
            day_id=day_map[e.day_id],
            slot_id=slot_map[e.slot_id],
            **{f: getattr(e, f) for f in COPIED_ENTRY_FIELDS},
        )
        for e in MealPlanEntry.objects.filter(day__plan=plan).order_by("pk")
    )
    return copy


def plan_duplicate(*, plan: MealPlan, name: str | None = None) -> MealPlan:
    """ "Duplicate": the same plan again, for the trainer (a template stays a template)."""
    return plan_copy(plan=plan, name=name or f"{plan.name} (copy)", is_template=plan.is_template)


def plan_from_template(*, template: MealPlan, name: str | None = None) -> MealPlan:
    if not template.is_template:
        raise ValidationError({"template": "Pick a plan marked as a template."})
    return plan_copy(plan=template, name=name or template.name, is_template=False)


FIRST_START = date(2000, 1, 1)
LAST_START = date(2100, 12, 31)


def _assignable(plan: MealPlan, client: Client, start_date: date) -> None:
    if not FIRST_START <= start_date <= LAST_START:
        raise ValidationError({"start_date": "Pick a start date between 2000 and 2100."})
    if client.trainer_id != plan.trainer_id:
        raise ValidationError({"client": "This client belongs to another trainer."})
    if client.status == ClientStatus.ARCHIVED:
        raise ValidationError({"client": f"{client.full_name} is archived."})
    if plan.client_id is not None:
        raise ValidationError(
            {"meal_plan": "This is a client's own copy: assign the plan it was made from."}
        )
    if not MealPlanEntry.objects.filter(day__plan=plan).exists():
        raise ValidationError({"meal_plan": "Add at least one meal item before assigning."})


@transaction.atomic
def plan_assign(*, plan: MealPlan, client: Client, start_date: date) -> MealPlanAssignment:
    """Give a client their own copy of `plan` from `start_date`. A client follows one
    plan at a time: an active assignment is marked replaced and ends the day before."""
    _assignable(plan, client, start_date)
    # Lock the client so two assignments at once can't both become "active".
    Client.objects.select_for_update().filter(pk=client.pk).first()
    for current in MealPlanAssignment.objects.for_client(client).active():
        current.status = AssignmentStatus.REPLACED
        current.end_date = max(current.start_date, start_date - timedelta(days=1))
        current.save(update_fields=["status", "end_date", "updated_at"])
    copy = plan_copy(plan=plan, client=client)
    assignment = MealPlanAssignment(
        client=client, meal_plan=copy, source_meal_plan=plan, start_date=start_date
    )
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def plan_assign_many(
    *, plan: MealPlan, clients: Iterable[Client], start_date: date
) -> list[MealPlanAssignment]:
    """Assign to several clients: all of them, or (on any error) none."""
    chosen = clients_chosen(clients)
    return [plan_assign(plan=plan, client=c, start_date=start_date) for c in chosen]


@transaction.atomic
def assignment_end(
    *, assignment: MealPlanAssignment, on: date, status: str = AssignmentStatus.ENDED
) -> MealPlanAssignment:
    """Stop an active assignment (ended early, or completed). The diary stays."""
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError({"status": "This assignment has already ended."})
    if status not in {AssignmentStatus.ENDED, AssignmentStatus.COMPLETED}:
        raise ValidationError({"status": "End an assignment as ended or completed."})
    assignment.status = status
    assignment.end_date = max(on, assignment.start_date)
    assignment.full_clean()
    assignment.save()
    return assignment
