"""A whole meal plan written in one go: details, its meals (slots) and every day's items.

The API sends a plan as one nested document; these services turn it into calls to the
plan services (so every rule lives there once) inside one transaction, and report each
problem at its place in the document, e.g. `days[1].entries[0].grams`.

Meals are matched by `id` (else by name) and items by `id`, and matches are updated in
place: a client's diary points at their plan's items, and must keep pointing at them
across an edit. A plan always keeps its week (days 1-7); a day left out is emptied."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NotRequired, TypedDict

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from nutrition.models import (
    MAX_SLOTS,
    WEEK_DAYS,
    Food,
    FoodPortion,
    MealPlan,
    MealPlanDay,
    MealPlanEntry,
    MealPlanSlot,
    Recipe,
)
from nutrition.services.plans import (
    entry_add,
    entry_update,
    plan_create,
    plan_update,
    slot_add,
    slot_rename,
)
from trainers.models import Trainer

MAX_DAYS = WEEK_DAYS * 4
#: items on one day of a plan (10 meals of 10 foods)
MAX_ENTRIES_PER_DAY = 100


class SlotSpec(TypedDict):
    name: str
    id: NotRequired[int | None]


class EntrySpec(TypedDict):
    slot: str
    recipe: NotRequired[Recipe | int | None]
    servings: NotRequired[Decimal | None]
    food: NotRequired[Food | int | None]
    grams: NotRequired[Decimal | None]
    portion: NotRequired[FoodPortion | int | None]
    quantity: NotRequired[Decimal | None]
    notes: NotRequired[str]
    id: NotRequired[int | None]  # an item already on this plan, to keep it


class DaySpec(TypedDict):
    day_number: int
    title: NotRequired[str]
    entries: NotRequired[list[EntrySpec]]


Problems = dict[str, list[str]]


def _note(found: Problems, where: str, error: ValidationError) -> None:
    """File a refusal under its place in the document."""
    if not hasattr(error, "error_dict"):
        found.setdefault(where, []).extend(error.messages)
        return
    for field, messages in error.message_dict.items():
        key = where if field == NON_FIELD_ERRORS else f"{where}.{field}"
        found.setdefault(key, []).extend(messages)


def _write_slots(plan: MealPlan, specs: Sequence[SlotSpec]) -> dict[str, MealPlanSlot]:
    """Make the plan's meals exactly `specs` (in that order); name -> slot."""
    if not specs:
        raise ValidationError({"slots": "A plan needs at least one meal."})
    if len(specs) > MAX_SLOTS:
        raise ValidationError({"slots": f"A plan has at most {MAX_SLOTS} meals a day."})
    names = [spec["name"].strip().casefold() for spec in specs]
    repeated = {name for name in names if names.count(name) > 1}
    if repeated:
        raise ValidationError({"slots": "Each meal is listed once: one name appears twice."})
    current = {slot.pk: slot for slot in MealPlanSlot.objects.filter(plan=plan)}
    by_name = {slot.name.casefold(): slot for slot in current.values()}
    kept: list[MealPlanSlot] = []
    for spec in specs:
        slot = current.get(spec.get("id") or 0) or by_name.get(spec["name"].strip().casefold())
        if slot is not None and slot not in kept:
            kept.append(slot)
    for slot in current.values():
        if slot not in kept:
            slot.delete()
    # Free every kept name first, so renames that swap two names don't collide.
    for slot in kept:
        MealPlanSlot.objects.filter(pk=slot.pk).update(name=f"\u2063{slot.pk}")
    result: dict[str, MealPlanSlot] = {}
    found: Problems = {}
    for i, spec in enumerate(specs):
        match = current.get(spec.get("id") or 0) or by_name.get(spec["name"].strip().casefold())
        try:
            if match is not None:
                match.name = f"\u2063{match.pk}"
                slot = slot_rename(slot=match, name=spec["name"])
            else:
                slot = slot_add(plan=plan, name=spec["name"])
        except ValidationError as error:
            _note(found, f"slots[{i}]", error)
            continue
        slot.order = i + 1
        slot.save(update_fields=["order"])
        result[slot.name.casefold()] = slot
    if found:
        raise ValidationError(found)
    return result


def _check_days(days: Sequence[DaySpec]) -> None:
    found: dict[str, str] = {}
    seen: set[int] = set()
    for i, spec in enumerate(days):
        number = spec["day_number"]
        if number in seen:
            found[f"days[{i}].day_number"] = f"Day {number} is listed twice."
        if not 1 <= number <= MAX_DAYS:
            found[f"days[{i}].day_number"] = f"Days are numbered 1 to {MAX_DAYS}."
        if len(spec.get("entries", [])) > MAX_ENTRIES_PER_DAY:
            found[f"days[{i}].entries"] = f"A day has at most {MAX_ENTRIES_PER_DAY} items."
        seen.add(number)
    if found:
        raise ValidationError(found)


def _entry_fields(spec: EntrySpec) -> dict[str, Any]:
    return {k: v for k, v in spec.items() if k not in {"id", "slot"} and v is not None}


def _write_entries(
    day: MealPlanDay,
    specs: Sequence[EntrySpec],
    slots: dict[str, MealPlanSlot],
    existing: dict[int, MealPlanEntry],
    where: str,
    found: Problems,
) -> set[int]:
    """Write one day's items; returns the ids kept or added."""
    kept: set[int] = set()
    for j, spec in enumerate(specs):
        here = f"{where}.entries[{j}]"
        slot = slots.get(str(spec.get("slot", "")).strip().casefold())
        if slot is None:
            found.setdefault(f"{here}.slot", []).append("Name one of the plan's meals.")
            continue
        fields = _entry_fields(spec)
        pk = spec.get("id")
        try:
            if pk is None:
                entry = entry_add(day=day, slot=slot, **fields)
            elif pk in kept:
                raise ValidationError({"id": "This item is listed twice."})
            elif pk in existing:
                entry = existing[pk]
                wanted = (_pk(fields.pop("recipe", None)), _pk(fields.pop("food", None)))
                if wanted != (entry.recipe_id, entry.food_id):
                    raise ValidationError(
                        {"id": "An item keeps its recipe or food: send a new item instead."}
                    )
                entry.day, entry.slot, entry.order = day, slot, j + 1
                entry = entry_update(entry=entry, **fields)
            else:
                raise ValidationError({"id": "This item isn't on this plan."})
        except ValidationError as error:
            _note(found, here, error)
            continue
        kept.add(entry.pk)
    return kept


def _pk(value: Any) -> Any:
    return getattr(value, "pk", value)


@transaction.atomic
def plan_replace_week(
    *, plan: MealPlan, slots: Sequence[SlotSpec] | None, days: Sequence[DaySpec] | None
) -> MealPlan:
    """Make the plan's meals and days exactly as sent, all or nothing (None = keep)."""
    if slots is not None:
        slot_map = _write_slots(plan, slots)
    else:
        slot_map = {s.name.casefold(): s for s in MealPlanSlot.objects.filter(plan=plan)}
    if days is None:
        return plan
    _check_days(days)
    numbers = {spec["day_number"] for spec in days} | set(range(1, WEEK_DAYS + 1))
    MealPlanDay.objects.filter(plan=plan).exclude(day_number__in=numbers).delete()
    by_number = {d.day_number: d for d in MealPlanDay.objects.filter(plan=plan)}
    for number in sorted(numbers - set(by_number)):
        by_number[number] = MealPlanDay.objects.create(plan=plan, day_number=number)
    existing = {
        e.pk: e for e in MealPlanEntry.objects.filter(day__plan=plan).select_related("food")
    }
    sent = {spec["day_number"]: (i, spec) for i, spec in enumerate(days)}
    found: Problems = {}
    kept: set[int] = set()
    for number, day in sorted(by_number.items()):
        index, spec = sent.get(number, (None, None))
        day.title = spec.get("title", "").strip() if spec is not None else ""
        day.full_clean()
        day.save(update_fields=["title"])
        if spec is not None:
            where = f"days[{index}]"
            kept |= _write_entries(day, spec.get("entries", []), slot_map, existing, where, found)
    if found:
        raise ValidationError(found)
    MealPlanEntry.objects.filter(day__plan=plan).exclude(pk__in=kept).delete()
    return plan


@transaction.atomic
def plan_create_with_week(
    *,
    trainer: Trainer,
    name: str,
    slots: Sequence[SlotSpec] | None = None,
    days: Sequence[DaySpec] | None = None,
    **fields: Any,
) -> MealPlan:
    """A new plan with its meals and days, from one request."""
    plan = plan_create(trainer=trainer, name=name, **fields)
    return plan_replace_week(plan=plan, slots=slots, days=days)


@transaction.atomic
def plan_update_with_week(
    *,
    plan: MealPlan,
    slots: Sequence[SlotSpec] | None = None,
    days: Sequence[DaySpec] | None = None,
    **fields: Any,
) -> MealPlan:
    if fields:
        plan = plan_update(plan=plan, **fields)
    return plan_replace_week(plan=plan, slots=slots, days=days)
