"""A trainer's recipes. A recipe is written for a number of servings; its macros come
from its ingredients (never typed in), so a recipe needs at least one ingredient."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, NotRequired, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from fitnesspr.errors import ConflictError
from nutrition.models import Food, FoodPortion, Recipe, RecipeIngredient, RecipeTag
from nutrition.selectors.recipes import recipe_usage
from nutrition.services.amounts import MAX_INGREDIENT_GRAMS, food_amount
from trainers.models import Trainer

MAX_INGREDIENTS = 40
RECIPE_FIELDS = ("name", "description", "instructions", "servings", "prep_minutes", "cook_minutes")


class IngredientInput(TypedDict):
    food: Food | int
    grams: NotRequired[Decimal | None]
    portion: NotRequired[FoodPortion | int | None]
    quantity: NotRequired[Decimal | None]
    note: NotRequired[str]


class RecipeDetails(TypedDict, total=False):
    description: str
    instructions: str
    servings: int
    prep_minutes: int
    cook_minutes: int
    tags: Iterable[RecipeTag]


class RecipeChanges(RecipeDetails, total=False):
    name: str
    ingredients: Sequence[IngredientInput]


def _where(index: int, field: str) -> str:
    """The place of a problem in a list of ingredients, e.g. ingredients[1].grams."""
    return f"ingredients[{index}].{field}"


def _ingredients(trainer: Trainer, items: Sequence[IngredientInput]) -> list[RecipeIngredient]:
    """Ingredient rows (unsaved), each food from the trainer's library."""
    if not items:
        raise ValidationError({"ingredients": "Add at least one ingredient."})
    if len(items) > MAX_INGREDIENTS:
        raise ValidationError(
            {"ingredients": f"A recipe has at most {MAX_INGREDIENTS} ingredients."}
        )
    wanted = [i["food"].pk if isinstance(i["food"], Food) else i["food"] for i in items]
    library = {
        f.pk: f
        for f in Food.objects.for_trainer(trainer)
        .filter(pk__in=[w for w in wanted if isinstance(w, int)])
        .prefetch_related("portions")
    }
    rows = []
    for index, (item, food_id) in enumerate(zip(items, wanted, strict=True)):
        food = library.get(food_id) if isinstance(food_id, int) else None
        if food is None:
            raise ValidationError({_where(index, "food"): "Pick a food from your library."})
        try:
            amount = food_amount(
                food=food,
                grams=item.get("grams"),
                portion=item.get("portion"),
                quantity=item.get("quantity"),
                max_grams=MAX_INGREDIENT_GRAMS,
            )
        except ValidationError as exc:
            raise ValidationError(
                {_where(index, k): v for k, v in exc.message_dict.items()}
            ) from exc
        rows.append(
            RecipeIngredient(
                food=food,
                grams=amount.grams,
                portion=amount.portion,
                quantity=amount.quantity,
                order=index + 1,
                note=(item.get("note") or "").strip(),
            )
        )
    return rows


def _check_name_free(recipe: Recipe) -> None:
    taken = Recipe.objects.filter(trainer_id=recipe.trainer_id, name__iexact=recipe.name)
    if recipe.pk:
        taken = taken.exclude(pk=recipe.pk)
    if taken.exists():
        raise ConflictError(f"You already have a recipe called “{recipe.name}”.", field="name")


def _save(
    recipe: Recipe,
    ingredients: list[RecipeIngredient] | None,
    tags: Iterable[RecipeTag] | None,
) -> Recipe:
    recipe.name = recipe.name.strip()
    if not recipe.name:
        raise ValidationError({"name": "Give the recipe a name."})
    _check_name_free(recipe)
    recipe.full_clean(exclude=["trainer"])
    recipe.save()
    if tags is not None:
        recipe.tags.set(list(tags))
    if ingredients is not None:
        recipe.ingredients.all().delete()
        for row in ingredients:
            row.recipe = recipe
        RecipeIngredient.objects.bulk_create(ingredients)
    return recipe


@transaction.atomic
def recipe_create(
    *,
    trainer: Trainer,
    name: str,
    ingredients: Sequence[IngredientInput],
    **details: Unpack[RecipeDetails],
) -> Recipe:
    """A new recipe with its ingredients (at least one) and tags."""
    fields: dict[str, Any] = dict(details)
    tags = fields.pop("tags", ())
    rows = _ingredients(trainer, ingredients)
    recipe = Recipe(trainer=trainer, name=name, **fields)
    return _save(recipe, rows, tags)


@transaction.atomic
def recipe_update(*, recipe: Recipe, **changes: Unpack[RecipeChanges]) -> Recipe:
    """Change a recipe; `ingredients` (when given) replaces them all."""
    fields: dict[str, Any] = dict(changes)
    unknown = set(fields) - {*RECIPE_FIELDS, "tags", "ingredients"}
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed."))
    tags = fields.pop("tags", None)
    items = fields.pop("ingredients", None)
    rows = _ingredients(recipe.trainer, items) if items is not None else None
    for key, value in fields.items():
        setattr(recipe, key, value.strip() if isinstance(value, str) else value)
    return _save(recipe, rows, tags)


def _free_copy_name(recipe: Recipe, wanted: str) -> str:
    names = set(
        Recipe.objects.filter(trainer_id=recipe.trainer_id, name__istartswith=wanted).values_list(
            "name", flat=True
        )
    )
    taken = {n.casefold() for n in names}
    name, number = wanted, 2
    while name.casefold() in taken:
        name = f"{wanted} {number}"
        number += 1
    return name


@transaction.atomic
def recipe_duplicate(*, recipe: Recipe, name: str | None = None) -> Recipe:
    """The same recipe again (ingredients and tags), to change without touching the
    original; named "<name> (copy)" unless named."""
    copy = Recipe(
        trainer_id=recipe.trainer_id,
        **{field: getattr(recipe, field) for field in RECIPE_FIELDS},
    )
    copy.name = (name or "").strip() or _free_copy_name(recipe, f"{recipe.name} (copy)")
    rows = [
        RecipeIngredient(
            food_id=i.food_id,
            grams=i.grams,
            portion_id=i.portion_id,
            quantity=i.quantity,
            order=i.order,
            note=i.note,
        )
        for i in recipe.ingredients.order_by("order", "pk")
    ]
    return _save(copy, rows, list(recipe.tags.all()))


@transaction.atomic
def recipe_delete(*, recipe: Recipe) -> None:
    """Delete a recipe, unless a meal plan or a client's diary uses it."""
    usage = recipe_usage(recipe=recipe)
    if usage["meal_plans"] or usage["diary_entries"]:
        raise ConflictError(in_use_message(recipe.name, **usage))
    try:
        recipe.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise ConflictError(f"“{recipe.name}” is in use, so it can't be deleted.") from exc


def in_use_message(name: str, meal_plans: int = 0, diary_entries: int = 0) -> str:
    where = []
    if meal_plans:
        where.append(f"{meal_plans} meal plan{'s' if meal_plans != 1 else ''}")
    if diary_entries:
        where.append(f"{diary_entries} diary entr{'ies' if diary_entries != 1 else 'y'}")
    return f"“{name}” is used in {' and '.join(where)}, so it can't be deleted."
