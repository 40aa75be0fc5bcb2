from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import models

from fitnesspr.constraints import choices_check, not_blank
from fitnesspr.dates import validate_date_in_window
from fitnesspr.tenancy import TrainerScopedQuerySet

from .amounts import RecipeOrFood, protected_link
from .library import Food, FoodPortion, Recipe
from .plans import MealPlanEntry

#: the earliest day a diary entry may be for (dates a person types are bounded)
EARLIEST_DAY = dt.date(2000, 1, 1)


class DiaryStatus(models.TextChoices):
    EATEN = "eaten", "Eaten"
    SKIPPED = "skipped", "Skipped"


class DiaryEntryQuerySet(TrainerScopedQuerySet):
    """The client's own food diary: they write it, their trainer reads it."""

    trainer_path = "client__trainer"
    client_path = "client"
    client_may_write = True


def _energy_field() -> models.DecimalField[Decimal, Decimal]:
    return models.DecimalField(max_digits=8, decimal_places=2, default=Decimal(0))


class DiaryEntry(RecipeOrFood):
    """What a client ate (or skipped) on a day: a planned item ticked off, or a food
    eaten off-plan. The macros are stored as they were when logged, so editing a recipe
    or a food later doesn't rewrite what the client ate; a skipped item counts zero."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="diary_entries"
    )
    eaten_on = models.DateField(
        validators=[validate_date_in_window],
    )
    meal = models.CharField(max_length=60, help_text="The meal it belongs to, e.g. Lunch.")
    plan_entry = models.ForeignKey(
        MealPlanEntry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="diary_entries",
        help_text="The planned item this ticks off; empty for food eaten off-plan.",
    )
    status = models.CharField(max_length=8, choices=DiaryStatus.choices, default=DiaryStatus.EATEN)
    recipe = protected_link(Recipe, "diary_entries")
    food = protected_link(Food, "diary_entries")
    portion = protected_link(FoodPortion, "diary_entries")
    kcal = _energy_field()
    protein_g = _energy_field()
    carbs_g = _energy_field()
    fat_g = _energy_field()
    fiber_g = _energy_field()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DiaryEntryQuerySet.as_manager()

    class Meta:
        ordering = ["client", "eaten_on", "created_at", "pk"]
        verbose_name_plural = "diary entries"
        indexes = [models.Index(fields=["client", "eaten_on"], name="diary_client_day")]
        constraints = [
            *RecipeOrFood.recipe_or_food_constraints("diary"),
            models.UniqueConstraint(
                fields=["client", "eaten_on", "plan_entry"],
                condition=models.Q(plan_entry__isnull=False),
                name="diary_plan_entry_once_a_day",
                violation_error_message="This meal is already in the diary for that day.",
            ),
            models.CheckConstraint(
                condition=models.Q(eaten_on__gte=EARLIEST_DAY),
                name="diary_day_from_2000",
                violation_error_message="Pick a day from the year 2000 on.",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kcal__gte=0, protein_g__gte=0, carbs_g__gte=0, fat_g__gte=0, fiber_g__gte=0
                ),
                name="diary_energy_not_negative",
                violation_error_message="Energy and macros can't be negative.",
            ),
            not_blank("meal", name="diary_meal_set"),
            choices_check("status", DiaryStatus.values, name="diary_status_valid"),
        ]

    def __str__(self) -> str:
        what = (
            f"{self.servings} x {self.recipe}" if self.recipe_id else f"{self.grams} g {self.food}"
        )
        return f"{self.eaten_on} {self.meal}: {what} ({self.get_status_display().lower()})"

    def clean(self) -> None:
        super().clean()
        if self.client_id:
            self.check_library(
                self.client.trainer_id,
                recipe_error="Pick a recipe from your plan.",
                food_error="Pick a food from the library.",
            )

    @property
    def is_skipped(self) -> bool:
        return self.status == DiaryStatus.SKIPPED

    @property
    def name(self) -> str:
        return self.recipe.name if self.recipe_id and self.recipe else str(self.food)
