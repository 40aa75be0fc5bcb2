"""How much of a food: grams, or a number of one of its portions ("2 x 1 large egg").
Recipes, plans and the diary all measure food this way, with one set of rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from nutrition.models import Food, FoodPortion

#: one item on a plan or in a diary is a person's helping, not a batch
MAX_ITEM_GRAMS = Decimal(5000)
#: a recipe's ingredient may be a batch for many servings
MAX_INGREDIENT_GRAMS = Decimal(10000)
MAX_SERVINGS = Decimal(20)
TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Amount:
    grams: Decimal
    portion: FoodPortion | None = None
    quantity: Decimal | None = None


def _decimal(value: Decimal | int | str | None, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({field: "Enter a number."}) from None
    if not number.is_finite():
        raise ValidationError({field: "Enter a number."})
    return number


def _portion(food: Food, portion: FoodPortion | int | None) -> FoodPortion | None:
    if portion is None or portion == "":
        return None
    portion_id = portion.pk if isinstance(portion, FoodPortion) else portion
    found = (
        next((p for p in food.portions.all() if p.pk == portion_id), None)
        if "portions" in getattr(food, "_prefetched_objects_cache", {})
        else FoodPortion.objects.filter(food=food, pk=portion_id).first()
    )
    if found is None:
        raise ValidationError({"portion": f"Pick a portion of {food.name}."})
    return found


def food_amount(
    *,
    food: Food,
    grams: Decimal | int | str | None = None,
    portion: FoodPortion | int | None = None,
    quantity: Decimal | int | str | None = None,
    max_grams: Decimal = MAX_ITEM_GRAMS,
) -> Amount:
    """An amount in grams, or `quantity` x a portion of this food (then grams follow).
    Zero, negative and more than `max_grams` are refused."""
    chosen = _portion(food, portion)
    if chosen is not None:
        count = _decimal(quantity, "quantity")
        if count is None or count <= 0:
            raise ValidationError({"quantity": "How many? Enter a number above 0, e.g. 2."})
        weight = (count * chosen.grams).quantize(TENTH, ROUND_HALF_UP)
        field = "quantity"
    else:
        weight = _decimal(grams, "grams")  # type: ignore[assignment]
        if weight is None:
            raise ValidationError({"grams": "Enter how many grams."})
        weight = weight.quantize(TENTH, ROUND_HALF_UP)
        field = "grams"
        count = None
    if weight <= 0:
        raise ValidationError({field: "Enter an amount above 0 g."})
    if weight > max_grams:
        too_much = f"{weight:,.0f} g of {food.name} is more than one item can be"
        raise ValidationError({field: f"{too_much}: at most {max_grams:,.0f} g."})
    return Amount(grams=weight, portion=chosen, quantity=count)


def servings_amount(servings: Decimal | int | str | None, *, field: str = "servings") -> Decimal:
    count = _decimal(servings, field)
    if count is None:
        raise ValidationError({field: "Enter how many servings."})
    if count <= 0:
        raise ValidationError({field: "Enter servings above 0, e.g. 1 or 0.5."})
    if count > MAX_SERVINGS:
        raise ValidationError({field: f"At most {MAX_SERVINGS:f} servings at once."})
    return count.quantize(Decimal("0.01"), ROUND_HALF_UP)
