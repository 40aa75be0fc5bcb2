"""The food library and recipe pages: search that ignores accents, a trainer's own foods
(the shared library is read-only), recipes written from the library with live macros,
and every refusal shown next to its field with nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command

from nutrition.library import load_food_library, read_library
from nutrition.models import Food, FoodPortion, Recipe, RecipeTag
from nutrition.services.plans import entry_add, plan_create
from nutrition.services.recipes import recipe_create
from tests.factories.nutrition import FoodFactory

pytestmark = pytest.mark.django_db

FOODS = "/dashboard/nutrition/foods/"
RECIPES = "/dashboard/nutrition/recipes/"


@pytest.fixture
def oats() -> Food:
    return Food.objects.get(trainer__isnull=True, name="Rolled oats")


@pytest.fixture
def egg() -> Food:
    return Food.objects.get(trainer__isnull=True, name="Egg, whole, raw")


class TestLibrary:
    def test_the_migration_loaded_the_library_with_portions(self):
        assert Food.objects.filter(trainer__isnull=True).count() >= 600
        egg = Food.objects.get(name="Egg, whole, raw")
        assert egg.portions.get(name="1 large egg").grams == 50
        rice = Food.objects.get(name="Rice, white, long-grain, cooked")
        assert rice.portions.get(name="1 cup").grams == 158

    def test_the_command_refreshes_global_foods_and_leaves_trainers_own_alone(
        self, trainer, capsys
    ):
        own = FoodFactory(trainer=trainer, name="Rolled oats", kcal=Decimal(400))
        Food.objects.filter(trainer__isnull=True, name="Rolled oats").update(kcal=1, search_text="")
        FoodPortion.objects.filter(food__name="Banana", food__trainer__isnull=True).delete()

        call_command("load_food_library")

        assert "1 updated" in capsys.readouterr().out
        global_oats = Food.objects.get(trainer__isnull=True, name="Rolled oats")
        assert global_oats.kcal == Decimal(379)
        assert "oatmeal" in global_oats.search_text
        assert FoodPortion.objects.filter(food__name="Banana").exists()
        own.refresh_from_db()
        assert own.kcal == Decimal(400)

    def test_a_portion_something_measures_in_survives_a_refresh_that_drops_it(self, trainer, egg):
        large = egg.portions.get(name="1 large egg")
        recipe_create(
            trainer=trainer,
            name="Eggs",
            ingredients=[{"food": egg, "portion": large, "quantity": 2}],
        )
        data = read_library()
        for row in data["foods"]:
            if row["name"] == "Egg, whole, raw":
                row["portions"] = [p for p in row["portions"] if p["name"] != "1 large egg"]
        result = load_food_library(data=data)
        assert result.portions_removed == 0
        assert FoodPortion.objects.filter(pk=large.pk).exists()


class TestFoodPages:
    @pytest.mark.parametrize(
        ("typed", "found"),
        [
            ("oats", "Rolled oats"),
            ("oatmeal", "Rolled oats"),
            ("creme", "Crème fraîche"),
            ("aubergine", "Eggplant, raw"),
        ],
    )
    def test_live_search_ignores_accents_and_finds_other_names(self, trainer_client, typed, found):
        response = trainer_client.get(FOODS, {"q": typed}, headers={"HX-Request": "true"})
        assert response.status_code == 200
        assert 'id="food-results"' in response.text
        assert "<html" not in response.text  # the fragment only
        assert found in response.text

    def test_a_trainer_adds_a_food_with_portions(self, trainer_client, trainer):
        response = trainer_client.post(
            f"{FOODS}new/",
            {
                "name": "Protein pancake mix",
                "brand": "Acme",
                "category": "grains-starches",
                "aliases": "pancakes, protein pancakes",
                "kcal": "370",
                "protein_g": "30",
                "carbs_g": "45",
                "fat_g": "7",
                "fiber_g": "4",
                "alcohol_g": "",
                "portions-TOTAL_FORMS": "2",
                "portions-INITIAL_FORMS": "0",
                "portions-0-name": "1 scoop",
                "portions-0-grams": "40",
                "portions-1-name": "",
                "portions-1-grams": "",
            },
        )
        food = Food.objects.get(trainer=trainer, name="Protein pancake mix")
        assert response.status_code == 302
        assert [(p.name, p.grams) for p in food.portions.all()] == [("1 scoop", Decimal(40))]
        found = trainer_client.get(FOODS, {"q": "pancakes"}, headers={"HX-Request": "true"})
        assert found.text.count("Protein pancake mix") == 1

    def test_energy_typed_per_serving_is_refused_next_to_the_field(self, trainer_client, trainer):
        response = trainer_client.post(
            f"{FOODS}new/",
            {
                "name": "Bar",
                "category": "snacks-sweets",
                "kcal": "850",
                "protein_g": "20",
                "carbs_g": "40",
                "fat_g": "10",
                "portions-TOTAL_FORMS": "0",
                "portions-INITIAL_FORMS": "0",
            },
        )
        assert response.status_code == 200
        assert 'id="id_kcal_error"' in response.text
        assert "per 100 g" in response.text
        assert not Food.objects.filter(trainer=trainer).exists()

    def test_the_library_is_read_only_and_another_trainers_food_is_a_404(
        self, trainer_client, outsider, oats
    ):
        page = trainer_client.get(f"{FOODS}{oats.pk}/")
        assert page.status_code == 200
        assert "can't be changed" in page.text
        assert trainer_client.get(f"{FOODS}{oats.pk}/edit/").status_code == 403
        assert trainer_client.post(f"{FOODS}{oats.pk}/delete/").status_code == 403
        theirs = FoodFactory(trainer=outsider)
        assert trainer_client.get(f"{FOODS}{theirs.pk}/").status_code == 404
        assert trainer_client.post(f"{FOODS}{theirs.pk}/edit/", {"name": "x"}).status_code == 404

    def test_a_food_in_use_is_not_deleted(self, trainer_client, trainer):
        food = FoodFactory(trainer=trainer, name="House granola")
        recipe_create(trainer=trainer, name="Bowl", ingredients=[{"food": food, "grams": 50}])
        response = trainer_client.post(f"{FOODS}{food.pk}/delete/")
        assert response.status_code == 409
        assert "1 recipe" in response.text
        assert Food.objects.filter(pk=food.pk).exists()


def _recipe_post(**fields):
    """A recipe form post: the recipe's fields and its ingredient rows."""
    rows = fields.pop("rows", [])
    data = {
        "name": "Porridge",
        "description": "",
        "servings": "2",
        "prep_minutes": "5",
        "cook_minutes": "5",
        "instructions": "Cook it.",
        "ingredients-TOTAL_FORMS": str(len(rows)),
        "ingredients-INITIAL_FORMS": "0",
    }
    for n, row in enumerate(rows):
        for key, value in row.items():
            data[f"ingredients-{n}-{key}"] = str(value)
    return {**data, **fields}


class TestRecipePages:
    def test_adding_a_food_shows_a_new_row_and_saves_nothing(self, trainer_client, oats, egg):
        rows = [{"food": oats.pk, "quantity": "80", "unit": "g", "note": ""}]
        response = trainer_client.post(
            f"{RECIPES}new/",
            _recipe_post(rows=rows, add_food=egg.pk),
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 200
        assert 'id="ingredient-editor"' in response.text
        assert response.text.count('<li class="ingredient-row') == 2
        assert "1 large egg" in response.text  # the egg comes in its first portion
        assert "data-autofocus" in response.text  # focus goes to the new row's amount
        assert not Recipe.objects.exists()

    def test_the_macros_follow_what_is_typed(self, trainer_client, oats):
        rows = [{"food": oats.pk, "quantity": "100", "unit": "g", "note": ""}]
        response = trainer_client.post(f"{RECIPES}preview/", _recipe_post(rows=rows, servings="2"))
        assert response.status_code == 200
        per_serving = (oats.kcal / 2).quantize(Decimal(1))
        assert f"<strong>{per_serving}</strong>" in response.text
        assert not Recipe.objects.exists()

    def test_saving_a_recipe_with_tags_and_portions(self, trainer_client, trainer, oats, egg):
        large = egg.portions.get(name="1 large egg")
        rows = [
            {"food": oats.pk, "quantity": "80", "unit": "g", "note": ""},
            {"food": egg.pk, "quantity": "2", "unit": large.pk, "note": "beaten"},
        ]
        tag = RecipeTag.objects.get(slug="vegetarian")
        response = trainer_client.post(
            f"{RECIPES}new/", _recipe_post(rows=rows, tags=tag.pk, save="1")
        )
        recipe = Recipe.objects.get(trainer=trainer)
        assert response.status_code == 302
        assert [(i.food, i.grams, i.note) for i in recipe.ingredients.all()] == [
            (oats, Decimal(80), ""),
            (egg, Decimal(100), "beaten"),
        ]
        assert list(recipe.tags.all()) == [tag]
        detail = trainer_client.get(f"{RECIPES}{recipe.pk}/")
        assert "2 \u00d7 1 large egg (100 g)" in detail.text

    @pytest.mark.parametrize(
        ("rows", "message"),
        [
            ([], "Add at least one ingredient."),
            ([{"quantity": "0", "unit": "g"}], "above 0"),
            ([{"quantity": "100000", "unit": "g"}], "at most 10,000 g"),
        ],
    )
    def test_no_ingredients_or_absurd_amounts_are_refused(
        self, trainer_client, oats, rows, message
    ):
        rows = [{"food": oats.pk, "note": "", **row} for row in rows]
        response = trainer_client.post(f"{RECIPES}new/", _recipe_post(rows=rows, save="1"))
        assert response.status_code == 200
        assert message in response.text
        assert not Recipe.objects.exists()

    def test_duplicate_and_a_recipe_on_a_plan_is_not_deleted(self, trainer_client, trainer, oats):
        recipe = recipe_create(
            trainer=trainer, name="Porridge", ingredients=[{"food": oats, "grams": 80}]
        )
        copy = trainer_client.post(f"{RECIPES}{recipe.pk}/duplicate/")
        assert copy.status_code == 302
        assert Recipe.objects.filter(name="Porridge (copy)").exists()
        plan = plan_create(trainer=trainer, name="Week")
        entry_add(day=plan.days.first(), slot=plan.slots.first(), recipe=recipe)
        refused = trainer_client.post(f"{RECIPES}{recipe.pk}/delete/")
        assert refused.status_code == 409
        assert Recipe.objects.filter(pk=recipe.pk).exists()

    def test_another_trainers_recipe_is_a_404(self, trainer_client, outsider, oats):
        theirs = recipe_create(
            trainer=outsider, name="Theirs", ingredients=[{"food": oats, "grams": 80}]
        )
        assert trainer_client.get(f"{RECIPES}{theirs.pk}/").status_code == 404
        assert trainer_client.post(f"{RECIPES}{theirs.pk}/edit/", _recipe_post()).status_code == 404
        assert trainer_client.post(f"{RECIPES}{theirs.pk}/duplicate/").status_code == 404
