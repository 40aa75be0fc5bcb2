"""Building meal plans: the plan and its targets, its meals (slots), its days and the
items on them. Every function takes objects the caller already scoped (a view or a
viewset fetched them through the plan getters); recipes and foods, which come from the
request, are checked against the plan's trainer's library here."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from fitnesspr.errors import ConflictError
from nutrition.models import (
    DEFAULT_SLOTS,
    MAX_SLOTS,
    WEEK_DAYS,
    Food,
    FoodPortion,
    MealPlan,
    MealPlanDay,
    MealPlanEntry,
    MealPlanSlot,
    Recipe,
    TargetSource,
)
from nutrition.selectors.targets import TargetInputs, Targets, mifflin_st_jeor
from nutrition.services.amounts import food_amount, servings_amount
from trainers.models import Trainer


class PlanDetails(TypedDict, total=False):
    description: str
    is_template: bool
    target_kcal: int | None
    target_protein_g: int | None
    target_carbs_g: int | None
    target_fat_g: int | None


class PlanChanges(PlanDetails, total=False):
    name: str


TARGET_FIELDS = ("target_kcal", "target_protein_g", "target_carbs_g", "target_fat_g")
PLAN_FIELDS = set(PlanChanges.__annotations__)


def _only(fields: dict[str, Any], allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be set here."))


@transaction.atomic
def plan_create(
    *,
    trainer: Trainer,
    name: str,
    slots: Iterable[str] = DEFAULT_SLOTS,
    **fields: Unpack[PlanDetails],
) -> MealPlan:
    """A new plan: a week of seven days and its meals (Breakfast, Lunch, Dinner, Snacks
    unless given)."""
    _only(dict(fields), PLAN_FIELDS - {"name"})
    plan = MealPlan(trainer=trainer, name=name.strip(), **fields)
    if any(fields.get(f) is not None for f in TARGET_FIELDS):
        plan.targets_from = TargetSource.TYPED
    plan.full_clean()
    plan.save()
    MealPlanDay.objects.bulk_create(
        MealPlanDay(plan=plan, day_number=n) for n in range(1, WEEK_DAYS + 1)
    )
    names = _slot_names(slots)
    MealPlanSlot.objects.bulk_create(
        MealPlanSlot(plan=plan, name=slot, order=n) for n, slot in enumerate(names, start=1)
    )
    return plan


def _slot_names(names: Iterable[str]) -> list[str]:
    cleaned: dict[str, str] = {}
    for name in names:
        name = name.strip()
        if not name:
            raise ValidationError({"slots": "Give every meal a name."})
        if len(name) > 60:
            raise ValidationError({"slots": "A meal's name has at most 60 characters."})
        if name.casefold() in cleaned:
            raise ValidationError({"slots": f"“{name}” is listed twice."})
        cleaned[name.casefold()] = name
    if not cleaned:
        raise ValidationError({"slots": "A plan needs at least one meal."})
    if len(cleaned) > MAX_SLOTS:
        raise ValidationError({"slots": f"A plan has at most {MAX_SLOTS} meals a day."})
    return list(cleaned.values())


@transaction.atomic
def plan_update(*, plan: MealPlan, **fields: Unpack[PlanChanges]) -> MealPlan:
    """Change a plan's details or typed targets (the kcal and macros must agree)."""
    _only(dict(fields), PLAN_FIELDS)
    if fields.get("is_template") and plan.client_id:
        raise ValidationError({"is_template": "A client's own copy can't become a template."})
    if "name" in fields:
        fields["name"] = fields["name"].strip()
    for key, value in fields.items():
        setattr(plan, key, value)
    if any(f in fields for f in TARGET_FIELDS):
        plan.targets_from = TargetSource.TYPED
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def plan_calculate_targets(
    *,
    plan: MealPlan,
    sex: str,
    age: int,
    weight_kg: Decimal,
    height_cm: Decimal,
    activity: str,
    goal: str,
) -> Targets:
    """Set the plan's targets from the Mifflin-St Jeor formula, keeping the inputs."""
    given = {"calc_sex": sex, "calc_age": age, "calc_weight_kg": weight_kg}
    given |= {"calc_height_cm": height_cm, "calc_activity": activity, "calc_goal": goal}
    missing = [name for name, value in given.items() if value in (None, "")]
    if missing:
        raise ValidationError(dict.fromkeys(missing, "The formula needs this."))
    plan.calc_sex, plan.calc_age = sex, age
    plan.calc_weight_kg, plan.calc_height_cm = weight_kg, height_cm
    plan.calc_activity, plan.calc_goal = activity, goal
    # the inputs first: a bad one is reported on its own field, not as an odd result
    plan.full_clean(
        exclude=[f.name for f in MealPlan._meta.fields if not f.name.startswith("calc_")]
    )
    targets = mifflin_st_jeor(
        TargetInputs(
            sex=sex, age=age, weight_kg=weight_kg, height_cm=height_cm, activity=activity, goal=goal
        )
    )
    plan.target_kcal = targets.kcal
    plan.target_protein_g = targets.protein_g
    plan.target_carbs_g = targets.carbs_g
    plan.target_fat_g = targets.fat_g
    plan.targets_from = TargetSource.MIFFLIN_ST_JEOR
    plan.full_clean()
    plan.save()
    return targets


@transaction.atomic
def plan_delete(*, plan: MealPlan) -> None:
    """Delete a plan. A client's copy that is (or was) assigned holds what they were
    told to eat, so it is ended through its assignment instead."""
    if plan.client_id and plan.assignments.exists():
        raise ConflictError(
            "This is a client's assigned copy: end the assignment instead of deleting it."
        )
    plan.delete()


# ---------- meals (slots) ----------


def _check_slot_name(plan: MealPlan, name: str, exclude_pk: int | None = None) -> str:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the meal a name, e.g. Pre-workout."})
    if len(name) > 60:
        raise ValidationError({"name": "A meal's name has at most 60 characters."})
    taken = plan.slots.filter(name__iexact=name)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError({"name": f"This plan already has a meal called “{name}”."})
    return name


@transaction.atomic
def slot_add(*, plan: MealPlan, name: str) -> MealPlanSlot:
    """A new meal at the end of every day of the plan."""
    name = _check_slot_name(plan, name)
    if plan.slots.count() >= MAX_SLOTS:
        raise ValidationError({"name": f"A plan has at most {MAX_SLOTS} meals a day."})
    last = plan.slots.aggregate(last=Max("order"))["last"] or 0
    slot = MealPlanSlot(plan=plan, name=name, order=last + 1)
    slot.full_clean()
    slot.save()
    return slot


@transaction.atomic
def slot_rename(*, slot: MealPlanSlot, name: str) -> MealPlanSlot:
    slot.name = _check_slot_name(slot.plan, name, exclude_pk=slot.pk)
    slot.full_clean()
    slot.save(update_fields=["name"])
    return slot


@transaction.atomic
def slot_delete(*, slot: MealPlanSlot) -> int:
    """Remove a meal from every day, with its items; returns how many items went."""
    plan = slot.plan
    if plan.slots.count() <= 1:
        raise ValidationError({"slot": "A plan needs at least one meal."})
    removed = slot.entries.count()
    slot.delete()
    return removed


@transaction.atomic
def slot_move(*, slot: MealPlanSlot, direction: str) -> None:
    """Swap a meal with the one before ("up") or after ("down")."""
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": "Move a meal up or down."})
    slots = list(slot.plan.slots.order_by("order", "pk"))
    index = next(i for i, s in enumerate(slots) if s.pk == slot.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(slots):
        slots[index], slots[other] = slots[other], slots[index]
    for order, row in enumerate(slots, start=1):
        row.order = order
    MealPlanSlot.objects.bulk_update(slots, ["order"])


# ---------- days and their items ----------


@transaction.atomic
def day_update(*, day: MealPlanDay, title: str) -> MealPlanDay:
    day.title = title.strip()
    day.full_clean()
    day.save(update_fields=["title"])
    return day


class EntryAmount(TypedDict, total=False):
    servings: Decimal | None
    grams: Decimal | None
    portion: FoodPortion | int | None
    quantity: Decimal | None
    notes: str


def _library_recipe(plan: MealPlan, recipe: Recipe | int) -> Recipe:
    recipe_id = recipe.pk if isinstance(recipe, Recipe) else recipe
    found = Recipe.objects.filter(trainer_id=plan.trainer_id, pk=recipe_id).first()
    if found is None:
        raise ValidationError({"recipe": "Pick one of your recipes."})
    return found


def _library_food(plan: MealPlan, food: Food | int) -> Food:
    food_id = food.pk if isinstance(food, Food) else food
    found = (
        Food.objects.for_trainer(plan.trainer)
        .filter(pk=food_id)
        .prefetch_related("portions")
        .first()
    )
    if found is None:
        raise ValidationError({"food": "Pick a food from your library."})
    return found


def _apply_amount(entry: MealPlanEntry, amount: EntryAmount) -> None:
    if entry.recipe_id is not None:
        entry.servings = servings_amount(amount.get("servings", entry.servings or 1))
        entry.grams = entry.portion = entry.quantity = None
        return
    assert entry.food is not None
    if "portion" in amount or "quantity" in amount or "grams" in amount:
        chosen = food_amount(
            food=entry.food,
            grams=amount.get("grams"),
            portion=amount.get("portion"),
            quantity=amount.get("quantity"),
        )
    else:
        chosen = food_amount(
            food=entry.food, grams=entry.grams, portion=entry.portion, quantity=entry.quantity
        )
    entry.grams, entry.portion, entry.quantity = chosen.grams, chosen.portion, chosen.quantity
    entry.servings = None


def default_amount(food: Food) -> EntryAmount:
    """What one click adds: one of the food's first portion, else 100 g."""
    portions = list(food.portions.all())
    if portions:
        return {"portion": portions[0], "quantity": Decimal(1)}
    return {"grams": Decimal(100)}


@transaction.atomic
def entry_add(
    *,
    day: MealPlanDay,
    slot: MealPlanSlot,
    recipe: Recipe | int | None = None,
    food: Food | int | None = None,
    **amount: Unpack[EntryAmount],
) -> MealPlanEntry:
    """Put a recipe (in servings) or a food (in grams or portions) at the end of a meal;
    without an amount, one serving or one portion (else 100 g)."""
    plan = day.plan
    if slot.plan_id != plan.pk:
        raise ValidationError({"slot": "Pick a meal of this plan."})
    if (recipe is None) == (food is None):
        raise ValidationError({"recipe": "Choose either a recipe or a food."})
    entry = MealPlanEntry(day=day, slot=slot, notes=(amount.pop("notes", "") or "").strip())
    if recipe is not None:
        entry.recipe = _library_recipe(plan, recipe)
    else:
        entry.food = _library_food(plan, food)  # type: ignore[arg-type]
        if not amount:
            amount = default_amount(entry.food)
    _apply_amount(entry, amount)
    last = day.entries.filter(slot=slot).aggregate(last=Max("order"))["last"] or 0
    entry.order = last + 1
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def entry_update(*, entry: MealPlanEntry, **amount: Unpack[EntryAmount]) -> MealPlanEntry:
    """Change how much of an item (and its note)."""
    if "notes" in amount:
        entry.notes = (amount.pop("notes") or "").strip()
    if entry.food_id is not None:
        entry.food = _library_food(entry.day.plan, entry.food_id)
    _apply_amount(entry, amount)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def entry_delete(*, entry: MealPlanEntry) -> None:
    entry.delete()


@transaction.atomic
def day_copy(*, day: MealPlanDay, to: Iterable[int]) -> list[MealPlanDay]:
    """Make other days of the plan the same as this one: their items are replaced by
    copies of this day's (same meals, recipes, foods and amounts)."""
    numbers = sorted({int(n) for n in to} - {day.day_number})
    if not numbers:
        raise ValidationError({"to": "Pick at least one other day to copy to."})
    targets = list(day.plan.days.filter(day_number__in=numbers).order_by("day_number"))
    if len(targets) != len(numbers):
        raise ValidationError({"to": "Pick days of this plan."})
    items = list(day.entries.order_by("order", "pk"))
    MealPlanEntry.objects.filter(day__in=targets).delete()
    MealPlanEntry.objects.bulk_create(
        MealPlanEntry(
            day=target,
            slot_id=item.slot_id,
            recipe_id=item.recipe_id,
            servings=item.servings,
            food_id=item.food_id,
            grams=item.grams,
            portion_id=item.portion_id,
            quantity=item.quantity,
            order=item.order,
            notes=item.notes,
        )
        for target in targets
        for item in items
    )
    return targets
