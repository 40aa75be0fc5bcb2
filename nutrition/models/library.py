from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.db.models.lookups import LessThanOrEqual

from fitnesspr.constraints import between, not_blank, range_check
from fitnesspr.tenancy import LibraryQuerySet, TrainerScopedQuerySet

if TYPE_CHECKING:
    from clients.models import Client

# Pure fat is 9 kcal/g, so no food carries more than 900 kcal per 100 g.
MAX_KCAL_PER_100G = 900


def _macro_field() -> models.DecimalField[Decimal, Decimal]:
    return models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal(0), validators=between(0, 100)
    )


class FoodQuerySet(LibraryQuerySet):
    trainer_path = "trainer"


class Food(models.Model):
    """A food with its nutrition per 100 g. Global rows (trainer null) are the shared
    library; a trainer adds their own."""

    trainer = models.ForeignKey(
        "trainers.Trainer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="foods",
        help_text="Empty for the global library.",
    )
    name = models.CharField(max_length=160)
    brand = models.CharField(max_length=120, blank=True)
    kcal = models.DecimalField(
        "kcal per 100 g",
        max_digits=5,
        decimal_places=1,
        validators=between(0, MAX_KCAL_PER_100G),
    )
    protein_g = _macro_field()
    carbs_g = _macro_field()
    fat_g = _macro_field()
    fiber_g = _macro_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FoodQuerySet.as_manager()

    class Meta:
        ordering = ["name", "brand"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                Lower("brand"),
                condition=models.Q(trainer__isnull=True),
                name="food_global_name_unique",
                violation_error_message="The global library already has this food.",
            ),
            models.UniqueConstraint(
                Lower("name"),
                Lower("brand"),
                "trainer",
                condition=models.Q(trainer__isnull=False),
                name="food_trainer_name_unique",
                violation_error_message="You already have this food.",
            ),
            not_blank("name", name="food_name_set"),
            range_check("kcal", 0, MAX_KCAL_PER_100G, name="food_kcal_range"),
            range_check("protein_g", 0, 100, name="food_protein_range"),
            range_check("carbs_g", 0, 100, name="food_carbs_range"),
            range_check("fat_g", 0, 100, name="food_fat_range"),
            range_check("fiber_g", 0, 100, name="food_fiber_range"),
            # SQLite compares decimals as floats, so an exact 100.00 can come out a hair
            # over; the slack is below the 0.01 g precision. clean() applies the exact rule.
            models.CheckConstraint(
                condition=LessThanOrEqual(
                    models.F("protein_g") + models.F("carbs_g") + models.F("fat_g"),
                    Decimal("100.001"),
                ),
                name="food_macros_within_100g",
                violation_error_message="Protein, carbs and fat can't add up to more than 100 g.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.brand})" if self.brand else self.name

    def clean(self) -> None:
        super().clean()
        macros = [self.protein_g, self.carbs_g, self.fat_g]
        if all(m is not None for m in macros) and sum(macros, Decimal(0)) > 100:
            raise ValidationError("Protein, carbs and fat can't add up to more than 100 g.")


class RecipeQuerySet(TrainerScopedQuerySet):
    trainer_path = "trainer"
    client_path = "meal_plan_entries__day__plan__client"

    def for_client(self, client: Client) -> Self:
        """A client reads the recipes in their own meal plans, nothing else. A subquery
        rather than the join, so a recipe used twice is listed once."""
        from .plans import MealPlanEntry

        used = MealPlanEntry.objects.filter(day__plan__client=client, recipe__isnull=False)
        return self.filter(pk__in=used.values("recipe_id"))


class Recipe(models.Model):
    """A trainer's recipe. Its macros are computed from the ingredients
    (nutrition.selectors.recipe_macros), never stored, so they can't go stale."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="recipes"
    )
    name = models.CharField(max_length=160)
    description = models.TextField(blank=True)
    instructions = models.TextField(blank=True)
    servings = models.PositiveSmallIntegerField(default=1, validators=between(1, 100))
    prep_minutes = models.PositiveSmallIntegerField(default=0, validators=between(0, 1440))
    cook_minutes = models.PositiveSmallIntegerField(default=0, validators=between(0, 1440))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecipeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "trainer",
                name="recipe_trainer_name_unique",
                violation_error_message="You already have a recipe by this name.",
            ),
            not_blank("name", name="recipe_name_set"),
            range_check("servings", 1, 100, name="recipe_servings_range"),
            range_check("prep_minutes", 0, 1440, name="recipe_prep_range"),
            range_check("cook_minutes", 0, 1440, name="recipe_cook_range"),
        ]

    def __str__(self) -> str:
        return self.name


class RecipeIngredientQuerySet(TrainerScopedQuerySet):
    trainer_path = "recipe__trainer"
    client_path = "recipe__meal_plan_entries__day__plan__client"

    def for_client(self, client: Client) -> Self:
        return self.filter(recipe__in=Recipe.objects.for_client(client))


class RecipeIngredient(models.Model):
    recipe = models.ForeignKey(Recipe, on_delete=models.CASCADE, related_name="ingredients")
    food = models.ForeignKey(Food, on_delete=models.PROTECT, related_name="recipe_ingredients")
    grams = models.DecimalField(
        max_digits=7, decimal_places=1, validators=between(Decimal("0.1"), 10000)
    )
    order = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(max_length=120, blank=True, help_text="e.g. finely chopped")

    objects = RecipeIngredientQuerySet.as_manager()

    class Meta:
        ordering = ["recipe", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(grams__gt=0, grams__lte=10000),
                name="ingredient_grams_range",
                violation_error_message="Grams must be more than 0 and at most 10000.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.grams} g {self.food}"

    def clean(self) -> None:
        super().clean()
        if self.food_id and self.recipe_id:
            trainer_id = self.recipe.trainer_id
            if not LibraryQuerySet.usable_by(self.food, trainer_id=trainer_id):
                raise ValidationError({"food": "Pick a food from your library."})
