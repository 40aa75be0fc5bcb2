"""What a planned item and a diary entry have in common: a recipe in servings, or a food
in grams (counted, if the person prefers, in one of the food's portions)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from fitnesspr.constraints import between
from fitnesspr.tenancy import LibraryQuerySet


def protected_link(to: Any, related_name: str) -> models.ForeignKey[Any, Any]:
    """An optional link to a recipe, food or portion that something eaten points at:
    PROTECT, so history keeps saying what it was."""
    return models.ForeignKey(
        to, on_delete=models.PROTECT, null=True, blank=True, related_name=related_name
    )


def quantity_field() -> models.DecimalField[Decimal | None, Decimal | None]:
    """How many of a portion ("2" x "1 large egg")."""
    return models.DecimalField(
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=between(Decimal("0.01"), 1000),
    )


class RecipeOrFood(models.Model):
    """Each concrete model adds `recipe`, `food` and `portion` (protected_link) with its
    own related names, and `recipe_or_food_constraints(prefix)` to its Meta."""

    servings = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=between(Decimal("0.01"), 100),
    )
    grams = models.DecimalField(
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=between(Decimal("0.1"), 10000),
    )
    #: a food measured in a portion: grams = quantity x the portion's grams
    quantity = quantity_field()

    # The links each concrete model declares (annotations only, for type checkers).
    recipe: Any
    food: Any
    portion: Any
    recipe_id: int | None
    food_id: int | None

    class Meta:
        abstract = True

    def check_library(self, trainer_id: int, *, recipe_error: str, food_error: str) -> None:
        """The recipe is the trainer's, the food from their library, the portion of
        that food (for clean())."""
        recipe, food = self.recipe, self.food
        if recipe is not None and recipe.trainer_id != trainer_id:
            raise ValidationError({"recipe": recipe_error})
        if food is not None and not LibraryQuerySet.usable_by(food, trainer_id=trainer_id):
            raise ValidationError({"food": food_error})
        portion = self.portion
        if portion is not None and food is not None and portion.food_id != food.pk:
            raise ValidationError({"portion": "Pick a portion of this food."})

    @staticmethod
    def recipe_or_food_constraints(prefix: str) -> list[models.BaseConstraint]:
        """A recipe with servings or a food with grams, never both; sensible amounts; a
        portion always with how many of it."""
        return [
            models.CheckConstraint(
                condition=models.Q(
                    recipe__isnull=False,
                    servings__isnull=False,
                    food__isnull=True,
                    grams__isnull=True,
                )
                | models.Q(
                    recipe__isnull=True,
                    servings__isnull=True,
                    food__isnull=False,
                    grams__isnull=False,
                ),
                name=f"{prefix}_recipe_xor_food",
                violation_error_message=(
                    "Choose either a recipe (with servings) or a food (with grams)."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(servings__isnull=True)
                | models.Q(servings__gt=0, servings__lte=100),
                name=f"{prefix}_servings_range",
                violation_error_message="Servings must be more than 0 and at most 100.",
            ),
            models.CheckConstraint(
                condition=models.Q(grams__isnull=True) | models.Q(grams__gt=0, grams__lte=10000),
                name=f"{prefix}_grams_range",
                violation_error_message="Grams must be more than 0 and at most 10000.",
            ),
            models.CheckConstraint(
                condition=models.Q(portion__isnull=True, quantity__isnull=True)
                | models.Q(portion__isnull=False, quantity__gt=0, food__isnull=False),
                name=f"{prefix}_portion_has_quantity",
                violation_error_message="A portion needs a quantity (and a quantity a portion).",
            ),
        ]
