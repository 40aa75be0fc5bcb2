"""The macro arithmetic. A recipe's and a plan's macros are computed from the foods on
every read, never stored, so editing a food or an ingredient can't leave them stale
(a diary entry keeps what was eaten at the time: see nutrition.services.diary)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from nutrition.models import Food, MealPlanEntry, Recipe

_HUNDRED = Decimal(100)
MACRO_NAMES = ("kcal", "protein_g", "carbs_g", "fat_g", "fiber_g")


@dataclass(frozen=True)
class Macros:
    kcal: Decimal = Decimal(0)
    protein_g: Decimal = Decimal(0)
    carbs_g: Decimal = Decimal(0)
    fat_g: Decimal = Decimal(0)
    fiber_g: Decimal = Decimal(0)

    def __add__(self, other: Macros) -> Macros:
        return Macros(
            kcal=self.kcal + other.kcal,
            protein_g=self.protein_g + other.protein_g,
            carbs_g=self.carbs_g + other.carbs_g,
            fat_g=self.fat_g + other.fat_g,
            fiber_g=self.fiber_g + other.fiber_g,
        )

    def scaled(self, factor: Decimal) -> Macros:
        return Macros(
            kcal=self.kcal * factor,
            protein_g=self.protein_g * factor,
            carbs_g=self.carbs_g * factor,
            fat_g=self.fat_g * factor,
            fiber_g=self.fiber_g * factor,
        )

    def rounded(self) -> Macros:
        """For display: whole kcal, grams to one decimal."""
        one = Decimal("0.1")
        return Macros(
            kcal=self.kcal.quantize(Decimal(1), ROUND_HALF_UP),
            protein_g=self.protein_g.quantize(one, ROUND_HALF_UP),
            carbs_g=self.carbs_g.quantize(one, ROUND_HALF_UP),
            fat_g=self.fat_g.quantize(one, ROUND_HALF_UP),
            fiber_g=self.fiber_g.quantize(one, ROUND_HALF_UP),
        )

    def as_dict(self) -> dict[str, Decimal]:
        return {name: getattr(self, name) for name in MACRO_NAMES}


def total(items: Iterable[Macros]) -> Macros:
    result = Macros()
    for item in items:
        result += item
    return result


@dataclass(frozen=True)
class RecipeMacros:
    total: Macros
    per_serving: Macros


class _Stored(Protocol):
    """Anything that carries its macros as columns (a diary entry)."""

    kcal: Decimal
    protein_g: Decimal
    carbs_g: Decimal
    fat_g: Decimal
    fiber_g: Decimal


def stored_macros(row: _Stored) -> Macros:
    return Macros(
        kcal=row.kcal,
        protein_g=row.protein_g,
        carbs_g=row.carbs_g,
        fat_g=row.fat_g,
        fiber_g=row.fiber_g,
    )


def food_macros(food: Food, grams: Decimal) -> Macros:
    """A food's macros in `grams` (the food's own are per 100 g)."""
    return stored_macros(food).scaled(Decimal(grams) / _HUNDRED)


def recipe_macros(recipe: Recipe) -> RecipeMacros:
    """Unrounded totals; round only for display. Prefetch `ingredients__food` when
    computing this for many recipes."""
    ingredients = recipe.ingredients.all()
    if "ingredients" not in getattr(recipe, "_prefetched_objects_cache", {}):
        ingredients = ingredients.select_related("food")
    whole = total(food_macros(i.food, i.grams) for i in ingredients)
    return RecipeMacros(total=whole, per_serving=whole.scaled(Decimal(1) / recipe.servings))


def serving_macros(recipe: Recipe, servings: Decimal) -> Macros:
    return recipe_macros(recipe).per_serving.scaled(Decimal(servings))


def entry_macros(entry: MealPlanEntry) -> Macros:
    """A planned item: a recipe in servings, or a food in grams."""
    if entry.recipe_id is not None and entry.recipe is not None and entry.servings:
        return serving_macros(entry.recipe, entry.servings)
    if entry.food is not None and entry.grams:
        return food_macros(entry.food, entry.grams)
    return Macros()


def percent(eaten: Decimal, target: int | Decimal | None) -> int | None:
    """Eaten as a whole percentage of the target; None without a target."""
    if not target:
        return None
    return int((Decimal(eaten) * _HUNDRED / Decimal(target)).quantize(Decimal(1), ROUND_HALF_UP))
