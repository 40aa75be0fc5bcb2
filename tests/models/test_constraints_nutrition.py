from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from nutrition.selectors import recipe_macros
from tests.factories.core import ClientFactory
from tests.factories.nutrition import (
    ClientMealPlanFactory,
    FoodFactory,
    MealPlanAssignmentFactory,
    MealPlanDayFactory,
    MealPlanEntryFactory,
    MealPlanFactory,
    MealPlanSlotFactory,
    RecipeFactory,
    RecipeIngredientFactory,
)
from tests.models.helpers import check_fails, clean_errors, non_field_errors, unique_fails

pytestmark = pytest.mark.django_db


class TestFood:
    def test_macros_cannot_exceed_100_g_per_100_g(self):
        with check_fails("food_macros_within_100g"):
            FoodFactory(protein_g=Decimal(50), carbs_g=Decimal(40), fat_g=Decimal("10.5"))

    def test_macros_adding_up_to_exactly_100_g_are_fine(self):
        # Floats in SQLite make 33.33 + 33.33 + 33.34 look like 100.00000000000001.
        FoodFactory(protein_g=Decimal("33.33"), carbs_g=Decimal("33.33"), fat_g=Decimal("33.34"))
        FoodFactory(protein_g=Decimal(0), carbs_g=Decimal(0), fat_g=Decimal(100))

    def test_full_clean_explains_impossible_macros(self):
        food = FoodFactory.build(protein_g=Decimal(60), carbs_g=Decimal(30), fat_g=Decimal(11))
        assert "Protein, carbs and fat can't add up to more than 100 g." in non_field_errors(food)

    def test_energy_is_at_most_that_of_pure_fat(self):
        with check_fails("food_kcal_range"):
            FoodFactory(kcal=Decimal(901))

    def test_no_negative_macros(self):
        with check_fails("food_protein_range"):
            FoodFactory(protein_g=Decimal(-1))

    def test_name_and_brand_are_unique_in_the_global_library(self):
        FoodFactory(name="Rolled oats", brand="Acme")
        FoodFactory(name="Rolled oats", brand="Other")
        with unique_fails():
            FoodFactory(name="rolled OATS", brand="acme")

    def test_a_trainer_may_shadow_a_global_food(self, trainer):
        # (not a name the migrated library has: that row would be the global one)
        FoodFactory(name="Toasted oat groats")
        FoodFactory(name="Toasted oat groats", trainer=trainer)
        with unique_fails():
            FoodFactory(name="Toasted Oat Groats", trainer=trainer)


class TestRecipe:
    def test_at_least_one_serving(self):
        with check_fails("recipe_servings_range"):
            RecipeFactory(servings=0)

    def test_names_are_unique_per_trainer(self, trainer, outsider):
        RecipeFactory(trainer=trainer, name="Overnight oats")
        RecipeFactory(trainer=outsider, name="Overnight oats")
        with unique_fails():
            RecipeFactory(trainer=trainer, name="overnight oats")

    def test_ingredient_needs_a_positive_weight(self):
        with check_fails("ingredient_grams_range"):
            RecipeIngredientFactory(grams=Decimal(0))

    def test_ingredient_comes_from_the_trainers_library(self, trainer, outsider):
        recipe = RecipeFactory(trainer=trainer)
        foreign = RecipeIngredientFactory.build(recipe=recipe, food=FoodFactory(trainer=outsider))
        assert clean_errors(foreign)["food"] == ["Pick a food from your library."]
        assert clean_errors(RecipeIngredientFactory.build(recipe=recipe, food=FoodFactory())) == {}

    def test_macros_are_computed_from_ingredients(self, trainer):
        recipe = RecipeFactory(trainer=trainer, servings=2)
        oats = FoodFactory(
            kcal=Decimal(389),
            protein_g=Decimal("16.9"),
            carbs_g=Decimal("66.3"),
            fat_g=Decimal("6.9"),
            fiber_g=Decimal("10.6"),
        )
        milk = FoodFactory(
            kcal=Decimal(64),
            protein_g=Decimal("3.4"),
            carbs_g=Decimal("4.8"),
            fat_g=Decimal("3.6"),
            fiber_g=Decimal(0),
        )
        RecipeIngredientFactory(recipe=recipe, food=oats, grams=Decimal(80))
        RecipeIngredientFactory(recipe=recipe, food=milk, grams=Decimal(250))

        macros = recipe_macros(recipe)
        assert macros.total.rounded().kcal == Decimal(471)  # 311.2 + 160
        assert macros.total.rounded().protein_g == Decimal("22.0")  # 13.52 + 8.5
        assert macros.per_serving.rounded().kcal == Decimal(236)  # 471.2 / 2
        assert macros.per_serving.rounded().fiber_g == Decimal("4.2")

    def test_a_recipe_without_ingredients_has_zero_macros(self, trainer):
        assert recipe_macros(RecipeFactory(trainer=trainer)).total.kcal == 0


class TestMealPlan:
    def test_a_template_cannot_belong_to_a_client(self, client_):
        with check_fails("mealplan_template_has_no_client"):
            MealPlanFactory(trainer=client_.trainer, client=client_, is_template=True)

    def test_targets_are_realistic(self):
        with check_fails("mealplan_kcal_range"):
            MealPlanFactory(target_kcal=20000)

    def test_the_client_must_be_the_trainers_own(self, trainer, outsider):
        plan = MealPlanFactory.build(
            trainer=trainer, client=ClientFactory(trainer=outsider), is_template=False
        )
        assert "client" in clean_errors(plan)

    def test_a_day_number_is_used_once_and_within_four_weeks(self):
        day = MealPlanDayFactory(day_number=1)
        with unique_fails():
            MealPlanDayFactory(plan=day.plan, day_number=1)
        with check_fails("mealplanday_number_range"):
            MealPlanDayFactory(day_number=29)


class TestMealPlanEntry:
    def test_a_recipe_in_servings(self, trainer):
        day = MealPlanDayFactory(plan=MealPlanFactory(trainer=trainer))
        entry = MealPlanEntryFactory(
            day=day, recipe=RecipeFactory(trainer=trainer), servings=1, food=None, grams=None
        )
        assert clean_errors(entry) == {}

    def test_a_food_in_grams(self):
        assert clean_errors(MealPlanEntryFactory()) == {}

    @pytest.mark.parametrize(
        "fields",
        [
            {"recipe": True, "servings": Decimal(1)},  # both a recipe and a food
            {"food": None, "grams": None},  # neither
            {"grams": None, "servings": Decimal(1)},  # food measured in servings
            {"food": None, "grams": None, "recipe": True},  # recipe without servings
        ],
    )
    def test_exactly_one_of_recipe_or_food_with_its_amount(self, trainer, fields):
        day = MealPlanDayFactory(plan=MealPlanFactory(trainer=trainer))
        if fields.get("recipe"):
            fields["recipe"] = RecipeFactory(trainer=trainer)
        with check_fails("mealentry_recipe_xor_food"):
            MealPlanEntryFactory(day=day, **fields)

    def test_unknown_slot_is_refused(self, trainer):
        # Slots are the plan's own now (the trainer names them): a meal of another plan
        # is as unknown as "brunch" was when the slots were fixed.
        day = MealPlanDayFactory(plan=MealPlanFactory(trainer=trainer))
        elsewhere = MealPlanSlotFactory(plan=MealPlanFactory(trainer=trainer), name="Brunch")
        entry = MealPlanEntryFactory.build(day=day, slot=elsewhere)
        assert clean_errors(entry)["slot"] == ["Pick a meal of this plan."]

    def test_the_recipe_is_the_trainers_own(self, trainer, outsider):
        day = MealPlanDayFactory(plan=MealPlanFactory(trainer=trainer))
        entry = MealPlanEntryFactory.build(
            day=day, recipe=RecipeFactory(trainer=outsider), servings=1, food=None, grams=None
        )
        assert clean_errors(entry)["recipe"] == ["Pick one of your own recipes."]


class TestMealPlanAssignment:
    def test_a_client_has_one_active_plan(self, client_):
        MealPlanAssignmentFactory(client=client_)
        with unique_fails():
            MealPlanAssignmentFactory(client=client_)
        MealPlanAssignmentFactory(client=client_, status="completed")

    def test_it_cannot_end_before_it_starts(self):
        with check_fails("mealassign_end_after_start"):
            MealPlanAssignmentFactory(
                start_date=dt.date(2026, 3, 1), end_date=dt.date(2026, 2, 1), status="ended"
            )

    def test_the_plan_is_the_clients_own_copy(self, client_):
        other = ClientMealPlanFactory(client=ClientFactory(trainer=client_.trainer))
        assignment = MealPlanAssignmentFactory.build(client=client_, meal_plan=other)
        assert "meal_plan" in clean_errors(assignment)
