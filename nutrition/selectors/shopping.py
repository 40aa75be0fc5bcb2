"""A plan's shopping list: for the chosen days, every ingredient summed per food, in
grams and, where the food has a common portion, in portions ("about 6 x 1 large egg")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, ROUND_UP, Decimal

from nutrition.models import Food, FoodCategory, FoodPortion, MealPlan


@dataclass(frozen=True)
class ShoppingItem:
    food: Food
    grams: Decimal
    portion: FoodPortion | None

    @property
    def portions(self) -> Decimal | None:
        """How many of the food's first portion the grams make, to the half (rounded up:
        better one egg too many than one short)."""
        if self.portion is None:
            return None
        halves = (self.grams * 2 / self.portion.grams).quantize(Decimal(1), ROUND_UP)
        return halves / 2

    @property
    def rounded_grams(self) -> Decimal:
        return self.grams.quantize(Decimal(1), ROUND_HALF_UP)


@dataclass
class ShoppingAisle:
    category: str
    label: str
    items: list[ShoppingItem] = field(default_factory=list)


def shopping_list(plan: MealPlan, day_numbers: Iterable[int]) -> list[ShoppingAisle]:
    """For a plan read with `with_week`: the chosen days' ingredients by food, grouped by
    category in a shop's order (one more query, for the portions)."""
    wanted = set(day_numbers)
    grams: dict[int, Decimal] = defaultdict(Decimal)
    foods: dict[int, Food] = {}
    for day in plan.days.all():
        if day.day_number not in wanted:
            continue
        for entry in day.entries.all():
            if entry.recipe is not None and entry.servings:
                factor = entry.servings / entry.recipe.servings
                for ingredient in entry.recipe.ingredients.all():
                    foods[ingredient.food_id] = ingredient.food
                    grams[ingredient.food_id] += ingredient.grams * factor
            elif entry.food is not None and entry.grams:
                foods[entry.food_id] = entry.food
                grams[entry.food_id] += entry.grams
    first_portion: dict[int, FoodPortion] = {}
    for portion in FoodPortion.objects.filter(food_id__in=list(foods)).order_by("order", "pk"):
        first_portion.setdefault(portion.food_id, portion)
    aisles = {value: ShoppingAisle(value, str(label)) for value, label in FoodCategory.choices}
    for food_id, food in sorted(foods.items(), key=lambda item: item[1].name.casefold()):
        aisle = aisles.get(food.category, aisles[FoodCategory.OTHER])
        aisle.items.append(ShoppingItem(food, grams[food_id], first_portion.get(food_id)))
    return [aisle for aisle in aisles.values() if aisle.items]
