from __future__ import annotations

from decimal import Decimal
from typing import Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from clients.models import AssignmentQuerySet, ClientAssignment
from fitnesspr.constraints import between, choices_check, not_blank, range_check
from fitnesspr.tenancy import TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap

from .amounts import RecipeOrFood, protected_link
from .library import KCAL_PER_G, Food, FoodPortion, Recipe

#: the slots a new plan starts with; the trainer renames, adds and removes them
DEFAULT_SLOTS = ("Breakfast", "Lunch", "Dinner", "Snacks")
MAX_SLOTS = 10
#: a plan is a week: day 1 is the start date's weekday, and it repeats after day 7
WEEK_DAYS = 7
#: how far typed macros may stray from the kcal target before we refuse them
TARGET_TOLERANCE = Decimal("0.10")


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"


class ActivityLevel(models.TextChoices):
    SEDENTARY = "sedentary", "Sedentary: desk job, little exercise"
    LIGHT = "light", "Lightly active: exercise 1\u20133 days a week"
    MODERATE = "moderate", "Moderately active: exercise 3\u20135 days a week"
    VERY = "very", "Very active: hard exercise 6\u20137 days a week"
    EXTRA = "extra", "Extra active: hard daily training or a physical job"


class Goal(models.TextChoices):
    LOSE = "lose", "Lose fat (20% below maintenance)"
    LOSE_SLOWLY = "lose_slowly", "Lose fat slowly (10% below maintenance)"
    MAINTAIN = "maintain", "Maintain weight"
    GAIN = "gain", "Build muscle (10% above maintenance)"


class TargetSource(models.TextChoices):
    TYPED = "typed", "Typed in"
    MIFFLIN_ST_JEOR = "mifflin_st_jeor", "Mifflin-St Jeor"


def macro_kcal(protein_g: Decimal | int, carbs_g: Decimal | int, fat_g: Decimal | int) -> Decimal:
    """The energy in these macros, by the Atwater factors (4, 4, 9 kcal per gram)."""
    return (
        Decimal(protein_g) * KCAL_PER_G["protein"]
        + Decimal(carbs_g) * KCAL_PER_G["carbs"]
        + Decimal(fat_g) * KCAL_PER_G["fat"]
    )


class MealPlanQuerySet(TrainerScopedQuerySet):
    trainer_path = "trainer"
    client_path = "client"

    def templates(self) -> Self:
        return self.filter(is_template=True)


class MealPlan(models.Model):
    """A meal plan with daily targets. Like programs: templates belong to the trainer,
    assignment gives the client their own copy (client set, `source` = the template)."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="meal_plans"
    )
    client = models.ForeignKey(
        "clients.Client",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meal_plans",
        help_text="Set on a client's own copy made by assignment.",
    )
    name = models.CharField(max_length=120)
    description = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    target_kcal = models.PositiveIntegerField(null=True, blank=True, validators=between(0, 10000))
    target_protein_g = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=between(0, 1000)
    )
    target_carbs_g = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=between(0, 1000)
    )
    target_fat_g = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=between(0, 1000)
    )
    # How the targets were set: typed in, or computed from these inputs (kept so the
    # trainer can see, and redo, the arithmetic).
    targets_from = models.CharField(
        max_length=20, choices=TargetSource.choices, default=TargetSource.TYPED
    )
    calc_sex = models.CharField("sex", max_length=6, choices=Sex.choices, blank=True)
    calc_age = models.PositiveSmallIntegerField(
        "age", null=True, blank=True, validators=between(14, 100)
    )
    calc_weight_kg = models.DecimalField(
        "weight (kg)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=between(30, 300),
    )
    calc_height_cm = models.DecimalField(
        "height (cm)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=between(120, 230),
    )
    calc_activity = models.CharField(
        "activity level", max_length=10, choices=ActivityLevel.choices, blank=True
    )
    calc_goal = models.CharField("goal", max_length=12, choices=Goal.choices, blank=True)
    is_template = models.BooleanField(default=False)
    source = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MealPlanQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["trainer", "is_template"], name="mealplan_trainer_template")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(is_template=True, client__isnull=False),
                name="mealplan_template_has_no_client",
                violation_error_message="A template can't belong to a client.",
            ),
            not_blank("name", name="mealplan_name_set"),
            range_check("target_kcal", 0, 10000, name="mealplan_kcal_range", nullable=True),
            range_check("target_protein_g", 0, 1000, name="mealplan_protein_range", nullable=True),
            range_check("target_carbs_g", 0, 1000, name="mealplan_carbs_range", nullable=True),
            range_check("target_fat_g", 0, 1000, name="mealplan_fat_range", nullable=True),
            choices_check("targets_from", TargetSource.values, name="mealplan_targets_from_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        client, source = self.client, self.source
        if client is not None and self.trainer_id and client.trainer_id != self.trainer_id:
            raise ValidationError({"client": "This client belongs to another trainer."})
        if source is not None and self.trainer_id and source.trainer_id != self.trainer_id:
            raise ValidationError({"source": "Copy only from your own meal plans."})
        self._check_targets_add_up()

    def _check_targets_add_up(self) -> None:
        """Typed macros must roughly give the kcal target (4 kcal per gram of protein and
        carbs, 9 per gram of fat): a plan that asks for 2,000 kcal and 300 g of fat can't
        be eaten as written."""
        kcal = self.target_kcal
        macros = (self.target_protein_g, self.target_carbs_g, self.target_fat_g)
        if not kcal or all(m is None for m in macros):
            return
        energy = macro_kcal(*(m or 0 for m in macros))
        off_by = (energy - kcal) / kcal
        complete = all(m is not None for m in macros)
        if off_by > TARGET_TOLERANCE or (complete and off_by < -TARGET_TOLERANCE):
            more_or_less = "more" if off_by > 0 else "less"
            raise ValidationError(
                {
                    "target_kcal": (
                        f"Protein, carbs and fat add up to {energy:,.0f} kcal (4 kcal per gram "
                        f"of protein and carbs, 9 per gram of fat): {abs(off_by):.0%} "
                        f"{more_or_less} than the {kcal:,} kcal target. Bring them within "
                        f"{TARGET_TOLERANCE:.0%} of each other."
                    )
                }
            )

    @property
    def has_targets(self) -> bool:
        return any(
            v is not None
            for v in (
                self.target_kcal,
                self.target_protein_g,
                self.target_carbs_g,
                self.target_fat_g,
            )
        )


class MealPlanSlotQuerySet(TrainerScopedQuerySet):
    trainer_path = "plan__trainer"
    client_path = "plan__client"


class MealPlanSlot(models.Model):
    """A meal of the day in a plan (Breakfast, Lunch…), named and ordered by the trainer;
    the same slots run through every day of the plan."""

    plan = models.ForeignKey(MealPlan, on_delete=models.CASCADE, related_name="slots")
    name = models.CharField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)

    objects = MealPlanSlotQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                "plan",
                Lower("name"),
                name="mealplanslot_name_unique",
                violation_error_message="This plan already has a meal by this name.",
            ),
            not_blank("name", name="mealplanslot_name_set"),
        ]

    def __str__(self) -> str:
        return self.name


class MealPlanDayQuerySet(TrainerScopedQuerySet):
    trainer_path = "plan__trainer"
    client_path = "plan__client"


class MealPlanDay(models.Model):
    """Day N of a plan (up to four weeks); the plan repeats after its last day."""

    plan = models.ForeignKey(MealPlan, on_delete=models.CASCADE, related_name="days")
    day_number = models.PositiveSmallIntegerField(validators=between(1, 28))
    title = models.CharField(max_length=120, blank=True)

    objects = MealPlanDayQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "day_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "day_number"],
                name="mealplanday_unique_number",
                violation_error_message="This plan already has that day.",
            ),
            range_check("day_number", 1, 28, name="mealplanday_number_range"),
        ]

    def __str__(self) -> str:
        return f"Day {self.day_number}: {self.title}" if self.title else f"Day {self.day_number}"


class MealPlanEntryQuerySet(TrainerScopedQuerySet):
    trainer_path = "day__plan__trainer"
    client_path = "day__plan__client"


class MealPlanEntry(RecipeOrFood):
    """One item in a meal slot: a recipe in servings, or a single food in grams."""

    day = models.ForeignKey(MealPlanDay, on_delete=models.CASCADE, related_name="entries")
    slot = models.ForeignKey(MealPlanSlot, on_delete=models.CASCADE, related_name="entries")
    recipe = protected_link(Recipe, "meal_plan_entries")
    food = protected_link(Food, "meal_plan_entries")
    portion = protected_link(FoodPortion, "meal_plan_entries")
    order = models.PositiveSmallIntegerField(default=0)
    notes = models.CharField(max_length=200, blank=True)

    objects = MealPlanEntryQuerySet.as_manager()

    class Meta:
        ordering = ["day", "slot__order", "order", "pk"]
        verbose_name_plural = "meal plan entries"
        constraints = RecipeOrFood.recipe_or_food_constraints("mealentry")

    def __str__(self) -> str:
        if self.recipe_id:
            return f"{self.slot}: {self.servings} x {self.recipe}"
        return f"{self.slot}: {self.grams} g {self.food}"

    def clean(self) -> None:
        super().clean()
        if not self.day_id:
            return
        self.check_library(
            self.day.plan.trainer_id,
            recipe_error="Pick one of your own recipes.",
            food_error="Pick a food from your library.",
        )
        if self.slot_id and self.slot.plan_id != self.day.plan_id:
            raise ValidationError({"slot": "Pick a meal of this plan."})


class MealPlanAssignmentQuerySet(AssignmentQuerySet):
    pass


class MealPlanAssignment(ClientAssignment):
    """A client following a meal plan (their own copy). One active plan per client."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="meal_plan_assignments"
    )
    meal_plan = models.ForeignKey(MealPlan, on_delete=models.CASCADE, related_name="assignments")
    source_meal_plan = models.ForeignKey(
        MealPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_assignments",
    )
    objects = MealPlanAssignmentQuerySet.as_manager()

    class Meta(ClientAssignment.Meta):
        indexes = [models.Index(fields=["client", "status"], name="mealassign_client_status")]
        constraints = ClientAssignment.assignment_constraints("mealassign", "meal plan")

    def __str__(self) -> str:
        return f"{self.meal_plan} → {self.client} from {self.start_date}"

    def clean(self) -> None:
        super().clean()
        if self.meal_plan_id and self.client_id and self.meal_plan.client_id != self.client_id:
            raise ValidationError({"meal_plan": "Assign the client's own copy of the plan."})
        source = self.source_meal_plan
        if source is not None and self.client_id and source.trainer_id != self.client.trainer_id:
            raise ValidationError({"source_meal_plan": "That plan belongs to another trainer."})
