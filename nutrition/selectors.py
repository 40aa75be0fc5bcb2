"""Reads for nutrition. Macros are computed from the foods on every read, never stored,
so editing a food or an ingredient can't leave a recipe's numbers stale."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from nutrition.models import Food, Recipe

_HUNDRED = Decimal(100)


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


@dataclass(frozen=True)
class RecipeMacros:
    total: Macros
    per_serving: Macros


def food_macros(food: Food, grams: Decimal) -> Macros:
    per_100g = Macros(
        kcal=food.kcal,
        protein_g=food.protein_g,
        carbs_g=food.carbs_g,
        fat_g=food.fat_g,
        fiber_g=food.fiber_g,
    )
    return per_100g.scaled(Decimal(grams) / _HUNDRED)


def recipe_macros(recipe: Recipe) -> RecipeMacros:
    """Unrounded totals; round only for display. Prefetch `ingredients__food` when
    computing this for many recipes."""
    ingredients = recipe.ingredients.all()
    if "ingredients" not in getattr(recipe, "_prefetched_objects_cache", {}):
        ingredients = ingredients.select_related("food")
    total = Macros()
    for ingredient in ingredients:
        total += food_macros(ingredient.food, ingredient.grams)
    return RecipeMacros(total=total, per_serving=total.scaled(Decimal(1) / recipe.servings))
