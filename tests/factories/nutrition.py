from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from nutrition.models import (
    DiaryEntry,
    Food,
    FoodPortion,
    MealPlan,
    MealPlanAssignment,
    MealPlanDay,
    MealPlanEntry,
    MealPlanSlot,
    Recipe,
    RecipeIngredient,
)
from tests.factories.core import ClientFactory, TrainerFactory


class FoodFactory(factory.django.DjangoModelFactory):
    """A global library food (oats-like numbers); pass trainer=... for a trainer's own."""

    class Meta:
        model = Food

    trainer = None
    name = factory.Sequence(lambda n: f"Food {n}")
    kcal = Decimal("389.0")
    protein_g = Decimal("16.90")
    carbs_g = Decimal("66.30")
    fat_g = Decimal("6.90")
    fiber_g = Decimal("10.60")
    category = "grains-starches"


class FoodPortionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FoodPortion

    food = factory.SubFactory(FoodFactory)
    name = factory.Sequence(lambda n: f"1 cup {n}")
    grams = Decimal("40.0")


class RecipeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recipe

    trainer = factory.SubFactory(TrainerFactory)
    name = factory.Sequence(lambda n: f"Recipe {n}")
    servings = 2


class RecipeIngredientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecipeIngredient

    recipe = factory.SubFactory(RecipeFactory)
    food = factory.SubFactory(FoodFactory)
    grams = Decimal("100.0")


class MealPlanFactory(factory.django.DjangoModelFactory):
    """A trainer's template meal plan."""

    class Meta:
        model = MealPlan

    trainer = factory.SubFactory(TrainerFactory)
    client = None
    name = factory.Sequence(lambda n: f"Meal plan {n}")
    target_kcal = 2200
    is_template = True


class ClientMealPlanFactory(MealPlanFactory):
    client = factory.SubFactory(ClientFactory)
    trainer = factory.SelfAttribute("client.trainer")
    is_template = False


class MealPlanDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MealPlanDay

    plan = factory.SubFactory(MealPlanFactory)
    day_number = factory.Sequence(lambda n: n % 28 + 1)


class MealPlanSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MealPlanSlot

    plan = factory.SubFactory(MealPlanFactory)
    name = factory.Sequence(lambda n: f"Meal {n}")
    order = factory.Sequence(lambda n: n)


class MealPlanEntryFactory(factory.django.DjangoModelFactory):
    """A food entry in grams; use recipe=..., servings=..., food=None, grams=None for a recipe."""

    class Meta:
        model = MealPlanEntry

    day = factory.SubFactory(MealPlanDayFactory)
    slot = factory.SubFactory(MealPlanSlotFactory, plan=factory.SelfAttribute("..day.plan"))
    food = factory.SubFactory(FoodFactory)
    grams = Decimal("80.0")
    recipe = None
    servings = None


class MealPlanAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MealPlanAssignment

    client = factory.SubFactory(ClientFactory)
    meal_plan = factory.SubFactory(ClientMealPlanFactory, client=factory.SelfAttribute("..client"))
    start_date = factory.LazyFunction(dt.date.today)
    status = "active"


class DiaryEntryFactory(factory.django.DjangoModelFactory):
    """An off-plan food eaten today (80 g of the oats-like food: 311.2 kcal)."""

    class Meta:
        model = DiaryEntry

    client = factory.SubFactory(ClientFactory)
    eaten_on = factory.LazyFunction(dt.date.today)
    meal = "Snacks"
    food = factory.SubFactory(FoodFactory)
    grams = Decimal("80.0")
    kcal = Decimal("311.20")
    protein_g = Decimal("13.52")
    carbs_g = Decimal("53.04")
    fat_g = Decimal("5.52")
    fiber_g = Decimal("8.48")
