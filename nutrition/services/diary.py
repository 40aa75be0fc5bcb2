"""The client's food diary: ticking off planned items (eaten, eaten in another amount,
or skipped) and logging food eaten off-plan. Only the client writes it (their trainer
reads it). Each entry keeps the macros of what was eaten, computed here when it is
written, so a recipe edited later doesn't rewrite the past."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction

from clients.models import Client
from nutrition.models import (
    EARLIEST_DAY,
    DiaryEntry,
    DiaryStatus,
    Food,
    FoodPortion,
    MealPlanEntry,
    Recipe,
)
from nutrition.models.amounts import RecipeOrFood
from nutrition.selectors.macros import Macros, food_macros, serving_macros
from nutrition.selectors.recipes import ingredients_prefetch
from nutrition.selectors.today import client_assignments, covering_assignment, day_number
from nutrition.services.amounts import food_amount, servings_amount

MAX_MEAL_NAME = 60
HUNDREDTH = Decimal("0.01")


def check_day(client: Client, on: dt.date) -> None:
    """A diary day is one that has happened (in the trainer's calendar), from 2000 on."""
    if on > client.trainer.today():
        raise ValidationError(
            {"eaten_on": "That day hasn't happened yet: log what you ate once it has."}
        )
    if on < EARLIEST_DAY:
        raise ValidationError({"eaten_on": "Pick a day from the year 2000 on."})


def _store(entry: DiaryEntry, macros: Macros) -> DiaryEntry:
    eaten = Macros() if entry.status == DiaryStatus.SKIPPED else macros
    for name, value in eaten.as_dict().items():
        setattr(entry, name, value.quantize(HUNDREDTH, ROUND_HALF_UP))
    entry.full_clean()
    entry.save()
    return entry


def _planned_on(client: Client, entry: MealPlanEntry, on: dt.date) -> None:
    """The item must be on the plan the client followed that day, on that day."""
    assignment = covering_assignment(client_assignments(client), on)
    plan = entry.day.plan
    if assignment is None or assignment.meal_plan_id != plan.pk:
        raise ValidationError({"plan_entry": f"That meal isn't on your plan for {on:%-d %B %Y}."})
    length = plan.days.order_by("-day_number").values_list("day_number", flat=True).first() or 0
    if day_number(assignment, on, length) != entry.day.day_number:
        raise ValidationError({"plan_entry": f"That meal isn't on your plan for {on:%-d %B %Y}."})


def _recipe(recipe_id: int | None) -> Recipe:
    assert recipe_id is not None
    recipe = Recipe.objects.filter(pk=recipe_id).prefetch_related(ingredients_prefetch()).first()
    assert recipe is not None  # PROTECT keeps a recipe that plans and diaries use
    return recipe


class Eaten(TypedDict):
    """How much was eaten; None = as in the source (the plan, or the entry as it was)."""

    servings: Decimal | None
    grams: Decimal | None
    portion: FoodPortion | int | None
    quantity: Decimal | None


def _fill(entry: DiaryEntry, source: RecipeOrFood, eaten: Eaten) -> Macros:
    """Set on `entry` the recipe or food of `source` (a planned item, or the entry
    itself) in the amount eaten; returns its macros."""
    if source.recipe_id is not None:
        recipe = _recipe(source.recipe_id)
        servings = eaten["servings"] if eaten["servings"] is not None else source.servings
        entry.recipe, entry.servings = recipe, servings_amount(servings)
        entry.food = entry.grams = entry.portion = entry.quantity = None
        return serving_macros(recipe, entry.servings)
    food = _food_for(source.food_id)
    grams, portion, quantity = eaten["grams"], eaten["portion"], eaten["quantity"]
    if grams is None and portion is None and quantity is None:
        grams, portion, quantity = source.grams, source.portion, source.quantity
    elif quantity is not None and portion is None:
        portion = source.portion
    amount = food_amount(food=food, grams=grams, portion=portion, quantity=quantity)
    entry.recipe, entry.servings = None, None
    entry.food, entry.grams = food, amount.grams
    entry.portion, entry.quantity = amount.portion, amount.quantity
    return food_macros(food, amount.grams)


def _food_for(food_id: int | None) -> Food:
    assert food_id is not None  # PROTECT keeps a food that plans and diaries use
    food = Food.objects.filter(pk=food_id).prefetch_related("portions").first()
    assert food is not None
    return food


@transaction.atomic
def diary_tick(
    *,
    client: Client,
    plan_entry: MealPlanEntry,
    on: dt.date,
    status: str = DiaryStatus.EATEN,
    servings: Decimal | None = None,
    grams: Decimal | None = None,
    portion: FoodPortion | int | None = None,
    quantity: Decimal | None = None,
) -> DiaryEntry:
    """Mark a planned item as eaten (as planned, or in another amount) or skipped on a
    day; ticking it again changes the same diary entry."""
    check_day(client, on)
    if status not in DiaryStatus.values:
        raise ValidationError({"status": "Mark it eaten or skipped."})
    _planned_on(client, plan_entry, on)
    entry = (
        DiaryEntry.objects.select_for_update()
        .filter(client=client, eaten_on=on, plan_entry=plan_entry)
        .first()
    ) or DiaryEntry(client=client, eaten_on=on, plan_entry=plan_entry)
    entry.meal = plan_entry.slot.name
    entry.status = status
    amount = Eaten(servings=servings, grams=grams, portion=portion, quantity=quantity)
    return _store(entry, _fill(entry, plan_entry, amount))


@transaction.atomic
def diary_add_food(
    *,
    client: Client,
    on: dt.date,
    meal: str,
    food: Food | int,
    grams: Decimal | None = None,
    portion: FoodPortion | int | None = None,
    quantity: Decimal | None = None,
) -> DiaryEntry:
    """Log a food eaten off-plan, from the library the client's trainer uses."""
    check_day(client, on)
    meal = meal.strip()
    if not meal:
        raise ValidationError({"meal": "Which meal was it? e.g. Snacks."})
    if len(meal) > MAX_MEAL_NAME:
        raise ValidationError({"meal": f"At most {MAX_MEAL_NAME} characters."})
    food_id = food.pk if isinstance(food, Food) else food
    chosen = Food.objects.for_client(client).filter(pk=food_id).prefetch_related("portions").first()
    if chosen is None:
        raise ValidationError({"food": "Pick a food from the library."})
    amount = food_amount(food=chosen, grams=grams, portion=portion, quantity=quantity)
    entry = DiaryEntry(
        client=client,
        eaten_on=on,
        meal=meal,
        food=chosen,
        grams=amount.grams,
        portion=amount.portion,
        quantity=amount.quantity,
    )
    return _store(entry, food_macros(chosen, amount.grams))


@transaction.atomic
def diary_update(
    *,
    entry: DiaryEntry,
    status: str | None = None,
    servings: Decimal | None = None,
    grams: Decimal | None = None,
    portion: FoodPortion | int | None = None,
    quantity: Decimal | None = None,
) -> DiaryEntry:
    """Change the amount (or, for a planned item, the status) of a diary entry."""
    client = entry.client
    check_day(client, entry.eaten_on)
    if entry.plan_entry is not None:
        return diary_tick(
            client=client,
            plan_entry=entry.plan_entry,
            on=entry.eaten_on,
            status=status or entry.status,
            servings=servings if servings is not None else entry.servings,
            grams=grams,
            portion=portion,
            quantity=quantity,
        )
    if status not in (None, DiaryStatus.EATEN):
        raise ValidationError(
            {"status": "Food eaten off-plan can't be skipped: remove it instead."}
        )
    amount = Eaten(servings=servings, grams=grams, portion=portion, quantity=quantity)
    return _store(entry, _fill(entry, entry, amount))


@transaction.atomic
def diary_delete(*, entry: DiaryEntry) -> None:
    """Remove a diary entry (an off-plan food, or undo a tick)."""
    check_day(entry.client, entry.eaten_on)
    entry.delete()
