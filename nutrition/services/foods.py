"""A trainer's own foods. The global library is read-only here (staff change it in the
admin or by reloading nutrition/data/food_library.json)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from fitnesspr.actor import Actor
from fitnesspr.errors import ConflictError
from fitnesspr.tenancy import check_writable
from nutrition.models import (
    KCAL_PER_G,
    Food,
    FoodCategory,
    FoodPortion,
    food_search_text,
    split_aliases,
)
from nutrition.selectors.foods import food_usage
from trainers.models import Trainer

MAX_PORTIONS = 10


class PortionInput(TypedDict):
    name: str
    grams: Decimal


class FoodChanges(TypedDict, total=False):
    """What `food_update` may change; any subset."""

    name: str
    brand: str
    aliases: Iterable[str] | str
    category: str
    kcal: Decimal
    protein_g: Decimal
    carbs_g: Decimal
    fat_g: Decimal
    fiber_g: Decimal
    alcohol_g: Decimal
    portions: list[PortionInput]


EDITABLE_FIELDS = set(FoodChanges.__annotations__)


def energy_from_macros(food: Food) -> Decimal:
    return (
        Decimal(food.protein_g) * KCAL_PER_G["protein"]
        + Decimal(food.carbs_g) * KCAL_PER_G["carbs"]
        + Decimal(food.fat_g) * KCAL_PER_G["fat"]
        + Decimal(food.alcohol_g) * KCAL_PER_G["alcohol"]
    )


def _check_energy(food: Food) -> None:
    """kcal and macros typed for different amounts (a serving and 100 g) is the usual
    slip; labels differ a little (fibre, rounding), so only a clear mismatch is refused."""
    expected = energy_from_macros(food)
    typed = Decimal(food.kcal)
    if abs(typed - expected) > max(Decimal(40), typed * Decimal("0.2")):
        raise ValidationError(
            {
                "kcal": (
                    f"These macros give about {expected:.0f} kcal per 100 g, but {typed:f} kcal "
                    "was typed. Check that every number is per 100 g."
                )
            }
        )


def _check_name_free(
    *, trainer_id: int, name: str, brand: str, exclude_pk: int | None = None
) -> None:
    taken = Food.objects.filter(trainer_id=trainer_id, name__iexact=name, brand__iexact=brand)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ConflictError(f"You already have a food called “{name}”.", field="name")


def _clean_portions(portions: Iterable[PortionInput]) -> list[PortionInput]:
    cleaned: dict[str, PortionInput] = {}
    for portion in portions:
        name = portion["name"].strip()
        if not name:
            raise ValidationError({"portions": "Give every portion a name, e.g. “1 slice”."})
        if name.casefold() in cleaned:
            raise ValidationError({"portions": f"“{name}” is listed twice."})
        cleaned[name.casefold()] = {"name": name, "grams": Decimal(portion["grams"])}
    if len(cleaned) > MAX_PORTIONS:
        raise ValidationError({"portions": f"A food has at most {MAX_PORTIONS} portions."})
    return list(cleaned.values())


def _set_portions(food: Food, portions: list[PortionInput]) -> None:
    """Keep portions by name (recipes and diaries may measure in them), add the new,
    remove the rest unless something measures in it."""
    current = {p.name.casefold(): p for p in food.portions.all()}
    for order, item in enumerate(portions, start=1):
        portion = current.pop(item["name"].casefold(), None) or FoodPortion(food=food)
        portion.name, portion.grams, portion.order = item["name"], item["grams"], order
        portion.full_clean()
        portion.save()
    for portion in current.values():
        try:
            with transaction.atomic():
                portion.delete()
        except (ProtectedError, RestrictedError) as exc:
            raise ValidationError(
                {"portions": f"“{portion.name}” is used in recipes, plans or diaries: keep it."}
            ) from exc


def _save(food: Food, portions: list[PortionInput] | None) -> Food:
    food.search_text = food_search_text(food)
    food.full_clean(exclude=["trainer"])
    _check_energy(food)
    food.save()
    if portions is not None:
        _set_portions(food, portions)
    return food


@transaction.atomic
def food_create(
    *,
    trainer: Trainer,
    name: str,
    kcal: Decimal,
    protein_g: Decimal = Decimal(0),
    carbs_g: Decimal = Decimal(0),
    fat_g: Decimal = Decimal(0),
    fiber_g: Decimal = Decimal(0),
    alcohol_g: Decimal = Decimal(0),
    brand: str = "",
    aliases: Iterable[str] | str = (),
    category: str = FoodCategory.OTHER,
    portions: Iterable[PortionInput] = (),
) -> Food:
    """Add a food to `trainer`'s own library (nutrition per 100 g); names are unique per
    trainer and brand, ignoring case (a trainer may shadow a global food)."""
    name, brand = name.strip(), brand.strip()
    if not name:
        raise ValidationError({"name": "Give the food a name."})
    _check_name_free(trainer_id=trainer.pk, name=name, brand=brand)
    food = Food(
        trainer=trainer,
        name=name,
        brand=brand,
        aliases=", ".join(split_aliases(aliases)),
        category=category,
        kcal=kcal,
        protein_g=protein_g,
        carbs_g=carbs_g,
        fat_g=fat_g,
        fiber_g=fiber_g,
        alcohol_g=alcohol_g,
    )
    return _save(food, _clean_portions(portions))


@transaction.atomic
def food_update(*, actor: Actor, food: Food, **changes: Unpack[FoodChanges]) -> Food:
    """Change a food the actor may change (a trainer's own; a global food is refused
    with PermissionDenied)."""
    check_writable(food, actor=actor)
    fields: dict[str, Any] = dict(changes)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed."))
    portions = fields.pop("portions", None)
    for key in ("name", "brand"):
        if key in fields:
            fields[key] = fields[key].strip()
    if "aliases" in fields:
        fields["aliases"] = ", ".join(split_aliases(fields["aliases"]))
    for key, value in fields.items():
        setattr(food, key, value)
    if not food.name:
        raise ValidationError({"name": "Give the food a name."})
    if food.trainer_id is not None and ({"name", "brand"} & set(fields)):
        _check_name_free(
            trainer_id=food.trainer_id, name=food.name, brand=food.brand, exclude_pk=food.pk
        )
    return _save(food, _clean_portions(portions) if portions is not None else None)


@transaction.atomic
def food_delete(*, actor: Actor, food: Food) -> None:
    """Delete a food the actor may change, unless a recipe, a plan or a diary uses it."""
    check_writable(food, actor=actor)
    usage = food_usage(food=food)
    if any(usage.values()):
        raise ConflictError(in_use_message(food.name, **usage))
    try:
        food.delete()
    except (ProtectedError, RestrictedError) as exc:  # used since we counted
        raise ConflictError(f"“{food.name}” is in use, so it can't be deleted.") from exc


def in_use_message(name: str, recipes: int = 0, meal_plans: int = 0, diary_entries: int = 0) -> str:
    where = []
    for count, what in (
        (recipes, "recipe"),
        (meal_plans, "meal plan"),
        (diary_entries, "diary entry"),
    ):
        if count:
            plural = "diary entries" if what == "diary entry" else f"{what}s"
            where.append(f"{count} {what if count == 1 else plural}")
    return f"“{name}” is used in {' and '.join(where)}, so it can't be deleted."
