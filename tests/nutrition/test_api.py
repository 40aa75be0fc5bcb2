"""/api/v1/meals/: foods, recipes, plans, assignments, the diary and compliance, as each
caller sees them: another trainer's objects are 404s, a client's token is refused (403)
everywhere but the diary (and reading foods), bad input is a 400 in the envelope at its
place, and nothing is written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from nutrition.models import DiaryEntry, Food, MealPlan, MealPlanEntry, Recipe
from nutrition.services.assignments import plan_assign
from nutrition.services.plans import entry_add, plan_create
from nutrition.services.recipes import recipe_create
from tests.api.conftest import bearer
from tests.factories.core import ClientFactory
from tests.factories.nutrition import FoodFactory

pytestmark = pytest.mark.django_db

M = "/api/v1/meals/"


def data(response):
    return response.json()["data"]


def error_fields(response) -> set[str]:
    return {d.get("field", "") for d in response.json()["error"]["details"]}


@pytest.fixture
def oats() -> Food:
    return Food.objects.get(trainer__isnull=True, name="Rolled oats")


@pytest.fixture
def egg() -> Food:
    return Food.objects.get(trainer__isnull=True, name="Egg, whole, raw")


@pytest.fixture
def porridge(trainer, oats) -> Recipe:
    return recipe_create(
        trainer=trainer, name="Porridge", servings=2, ingredients=[{"food": oats, "grams": 160}]
    )


@pytest.fixture
def plan(trainer, porridge, egg) -> MealPlan:
    plan = plan_create(trainer=trainer, name="Week", target_kcal=1800)
    breakfast = plan.slots.get(name="Breakfast")
    for day in plan.days.all():
        entry_add(day=day, slot=breakfast, recipe=porridge)
    entry_add(day=plan.days.get(day_number=1), slot=plan.slots.get(name="Snacks"), food=egg)
    return plan


# --- foods ---------------------------------------------------------------------------


class TestFoods:
    @pytest.mark.parametrize(
        ("search", "expected"),
        [
            ("oats", "Rolled oats"),
            ("oatmeal", "Rolled oats"),  # an alias
            ("creme fraiche", "Crème fraîche"),  # no accents typed
            ("CRÊPE", "Crêpe, plain"),
            ("courgette", "Zucchini, raw"),
        ],
    )
    def test_search_ignores_accents_and_case_and_knows_other_names(
        self, trainer_api, search, expected
    ):
        response = trainer_api.get(f"{M}foods/", {"search": search})
        assert response.status_code == 200
        assert expected in [row["name"] for row in data(response)[:5]]

    def test_a_client_reads_the_library_but_cannot_write_it(self, client_api, oats):
        assert client_api.get(f"{M}foods/{oats.pk}/").status_code == 200
        response = client_api.post(f"{M}foods/", {"name": "Mine", "kcal": 100}, format="json")
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "PERMISSION_DENIED"

    def test_a_trainer_adds_a_food_with_portions_and_cannot_change_the_library(
        self, trainer_api, oats
    ):
        body = {
            "name": "Skyr, plain",
            "brand": "Siggi's",
            "category": "eggs-dairy",
            "kcal": 63,
            "protein_g": 11,
            "carbs_g": 4,
            "fat_g": 0.2,
            "aliases": ["Icelandic yogurt"],
            "portions": [{"name": "1 pot", "grams": 150}],
        }
        created = trainer_api.post(f"{M}foods/", body, format="json")
        assert created.status_code == 201, created.json()
        assert data(created)["portions"][0]["grams"] == 150.0
        assert data(created)["is_global"] is False
        refused = trainer_api.patch(f"{M}foods/{oats.pk}/", {"kcal": 1}, format="json")
        assert refused.status_code == 403
        assert Food.objects.get(pk=oats.pk).kcal != 1

    def test_energy_that_does_not_match_the_macros_is_refused(self, trainer_api):
        body = {"name": "Typo bar", "kcal": 800, "protein_g": 10, "carbs_g": 20, "fat_g": 5}
        response = trainer_api.post(f"{M}foods/", body, format="json")
        assert response.status_code == 400
        assert "kcal" in error_fields(response)
        assert not Food.objects.filter(name="Typo bar").exists()

    def test_another_trainers_food_is_a_404(self, trainer_api, outsider):
        theirs = FoodFactory(trainer=outsider)
        assert trainer_api.get(f"{M}foods/{theirs.pk}/").status_code == 404
        assert trainer_api.delete(f"{M}foods/{theirs.pk}/").status_code == 404


# --- recipes -------------------------------------------------------------------------


class TestRecipes:
    def test_create_with_ingredients_answers_the_computed_macros(self, trainer_api, oats, egg):
        large = egg.portions.get(name="1 large egg")
        body = {
            "name": "Eggs and oats",
            "servings": 2,
            "tags": ["vegetarian"],
            "ingredients": [
                {"food": oats.pk, "grams": 80},
                {"food": egg.pk, "portion": large.pk, "quantity": 4},
            ],
        }
        response = trainer_api.post(f"{M}recipes/", body, format="json")
        assert response.status_code == 201, response.json()
        recipe = data(response)
        assert [i["grams"] for i in recipe["ingredients"]] == [80.0, 200.0]
        expected = (Decimal(80) * oats.kcal + Decimal(200) * egg.kcal) / 100
        assert recipe["macros"]["total"]["kcal"] == round(float(expected))
        assert recipe["macros"]["per_serving"]["kcal"] == round(float(expected / 2))
        assert recipe["tags"] == ["vegetarian"]

    def test_macros_are_read_only(self, trainer_api, porridge):
        response = trainer_api.patch(
            f"{M}recipes/{porridge.pk}/", {"macros": {"total": {"kcal": 1}}}, format="json"
        )
        assert response.status_code == 200
        assert data(response)["macros"]["total"]["kcal"] > 500

    @pytest.mark.parametrize(
        ("ingredients", "field"),
        [
            ([], "ingredients"),
            ([{"food": "OATS", "grams": 0}], "ingredients[0].grams"),
            ([{"food": "OATS", "grams": -10}], "ingredients[0].grams"),
            ([{"food": "OATS", "grams": 100000}], "ingredients[0].grams"),
        ],
    )
    def test_no_ingredients_or_absurd_amounts_are_refused_at_their_place(
        self, trainer_api, oats, ingredients, field
    ):
        rows = [{**row, "food": oats.pk} for row in ingredients]
        response = trainer_api.post(
            f"{M}recipes/", {"name": "Bad", "ingredients": rows}, format="json"
        )
        assert response.status_code == 400
        assert field in error_fields(response)
        assert not Recipe.objects.filter(name="Bad").exists()

    def test_another_trainers_food_in_a_body_is_refused_like_a_missing_one(
        self, trainer_api, outsider
    ):
        theirs = FoodFactory(trainer=outsider)
        body = {"name": "Borrowed", "ingredients": [{"food": theirs.pk, "grams": 50}]}
        response = trainer_api.post(f"{M}recipes/", body, format="json")
        assert response.status_code == 400
        assert "ingredients[0].food" in error_fields(response)

    def test_another_trainers_recipe_is_a_404_and_a_client_gets_403(
        self, trainer_api, outsider_api, client_api, porridge
    ):
        assert outsider_api.get(f"{M}recipes/{porridge.pk}/").status_code == 404
        assert outsider_api.post(f"{M}recipes/{porridge.pk}/duplicate/").status_code == 404
        assert client_api.get(f"{M}recipes/").status_code == 403
        copy = trainer_api.post(f"{M}recipes/{porridge.pk}/duplicate/", {}, format="json")
        assert copy.status_code == 201
        assert data(copy)["name"] == "Porridge (copy)"


# --- plans ---------------------------------------------------------------------------


class TestPlans:
    def test_create_a_plan_with_its_meals_and_days(self, trainer_api, porridge, egg):
        large = egg.portions.get(name="1 large egg")
        body = {
            "name": "API week",
            "target_kcal": 2000,
            "target_protein_g": 150,
            "target_carbs_g": 200,
            "target_fat_g": 67,
            "slots": [{"name": "Breakfast"}, {"name": "Post-workout"}],
            "days": [
                {
                    "day_number": 1,
                    "title": "Training",
                    "entries": [
                        {"slot": "Breakfast", "recipe": porridge.pk, "servings": 1},
                        {
                            "slot": "post-workout",
                            "food": egg.pk,
                            "portion": large.pk,
                            "quantity": 2,
                        },
                    ],
                }
            ],
        }
        response = trainer_api.post(f"{M}plans/", body, format="json")
        assert response.status_code == 201, response.json()
        plan = data(response)
        assert [s["name"] for s in plan["slots"]] == ["Breakfast", "Post-workout"]
        assert [d["day_number"] for d in plan["days"]] == [1, 2, 3, 4, 5, 6, 7]
        day = plan["days"][0]
        assert [e["slot"] for e in day["entries"]] == ["Breakfast", "Post-workout"]
        assert day["entries"][1]["grams"] == 100.0
        assert day["totals"]["kcal"] == sum(e["macros"]["kcal"] for e in day["entries"])

    def test_an_update_keeps_an_item_sent_with_its_id(self, trainer_api, plan):
        full = data(trainer_api.get(f"{M}plans/{plan.pk}/"))
        item = full["days"][0]["entries"][0]
        body = {
            **{k: full[k] for k in ("name", "description", "is_template")},
            "days": [{"day_number": 1, "entries": [{**item, "servings": 2}]}],
        }
        response = trainer_api.put(f"{M}plans/{plan.pk}/", body, format="json")
        assert response.status_code == 200, response.json()
        assert MealPlanEntry.objects.get(pk=item["id"]).servings == 2
        assert MealPlanEntry.objects.filter(day__plan=plan).count() == 1  # the rest removed

    @pytest.mark.parametrize(
        "targets",
        [
            {
                "target_kcal": 2000,
                "target_protein_g": 150,
                "target_carbs_g": 200,
                "target_fat_g": 120,
            },
            {
                "target_kcal": 3000,
                "target_protein_g": 100,
                "target_carbs_g": 100,
                "target_fat_g": 50,
            },
        ],
    )
    def test_targets_whose_macros_do_not_add_up_are_refused(self, trainer_api, plan, targets):
        response = trainer_api.patch(f"{M}plans/{plan.pk}/", targets, format="json")
        assert response.status_code == 400
        assert "target_kcal" in error_fields(response)
        plan.refresh_from_db()
        assert plan.target_kcal == 1800

    @pytest.mark.parametrize(
        ("entry", "field"),
        [
            ({"slot": "Breakfast", "food": "OATS", "grams": 100000}, "days[0].entries[0].grams"),
            ({"slot": "Breakfast", "food": "OATS", "grams": 0}, "days[0].entries[0].grams"),
            ({"slot": "Lunch", "recipe": "THEIRS", "servings": 1}, "days[0].entries[0].recipe"),
            ({"slot": "Brunch", "food": "OATS", "grams": 50}, "days[0].entries[0].slot"),
        ],
    )
    def test_absurd_amounts_foreign_recipes_and_unknown_meals_are_refused(
        self, trainer_api, plan, outsider, oats, entry, field
    ):
        theirs = recipe_create(
            trainer=outsider, name="Theirs", ingredients=[{"food": oats, "grams": 50}]
        )
        stand_in = {"OATS": oats.pk, "THEIRS": theirs.pk}
        entry = {k: stand_in.get(v, v) if isinstance(v, str) else v for k, v in entry.items()}
        before = list(MealPlanEntry.objects.filter(day__plan=plan).values_list("pk", flat=True))
        body = {"days": [{"day_number": 1, "entries": [entry]}]}
        response = trainer_api.patch(f"{M}plans/{plan.pk}/", body, format="json")
        assert response.status_code == 400
        assert field in error_fields(response)
        assert (
            list(MealPlanEntry.objects.filter(day__plan=plan).values_list("pk", flat=True))
            == before
        )

    def test_the_formula_sets_targets_and_answers_its_steps(self, trainer_api, plan):
        body = {
            "sex": "female",
            "age": 40,
            "weight_kg": 60,
            "height_cm": 165,
            "activity": "light",
            "goal": "lose",
        }
        response = trainer_api.post(f"{M}plans/{plan.pk}/targets/", body, format="json")
        assert response.status_code == 200, response.json()
        assert data(response)["kcal"] == 1400
        assert data(response)["multiplier"] == 1.375
        assert data(trainer_api.get(f"{M}plans/{plan.pk}/"))["target_inputs"]["goal"] == "lose"

    def test_assign_gives_each_client_a_copy_and_one_active_plan(self, trainer_api, plan, trainer):
        carol = ClientFactory(trainer=trainer)
        first = trainer_api.post(
            f"{M}plans/{plan.pk}/assign/",
            {"client": carol.pk, "start_date": "2026-03-01"},
            format="json",
        )
        second = trainer_api.post(
            f"{M}plans/{plan.pk}/assign/",
            {"client": carol.pk, "start_date": "2026-03-09"},
            format="json",
        )
        assert (first.status_code, second.status_code) == (201, 201)
        assignments = data(trainer_api.get(f"{M}assignments/", {"client": carol.pk}))
        assert [a["status"] for a in assignments] == ["active", "replaced"]
        assert data(second)["meal_plan"]["id"] != plan.pk

    def test_a_date_out_of_range_or_another_trainers_client_is_refused(
        self, trainer_api, plan, outsider
    ):
        stranger = ClientFactory(trainer=outsider)
        response = trainer_api.post(
            f"{M}plans/{plan.pk}/assign/",
            {"client": stranger.pk, "start_date": "2026-03-01"},
            format="json",
        )
        assert response.status_code == 400
        assert "client" in error_fields(response)
        mine = ClientFactory(trainer=plan.trainer)
        response = trainer_api.post(
            f"{M}plans/{plan.pk}/assign/",
            {"client": mine.pk, "start_date": "1850-01-01"},
            format="json",
        )
        assert response.status_code == 400
        assert not mine.meal_plan_assignments.exists()

    def test_shopping_list_and_duplicate(self, trainer_api, plan):
        aisles = data(trainer_api.get(f"{M}plans/{plan.pk}/shopping-list/", {"days": "1,2"}))
        oats = next(i for a in aisles for i in a["items"] if i["food_name"] == "Rolled oats")
        assert oats["grams"] == 160  # 2 days x 1 of 2 servings of 160 g
        copy = trainer_api.post(f"{M}plans/{plan.pk}/duplicate/", {"name": "Week B"}, format="json")
        assert copy.status_code == 201
        assert len(data(copy)["days"][0]["entries"]) == 2

    def test_another_trainer_gets_404_and_a_client_403(self, outsider_api, client_api, plan):
        for method, url in [
            ("get", f"{M}plans/{plan.pk}/"),
            ("patch", f"{M}plans/{plan.pk}/"),
            ("delete", f"{M}plans/{plan.pk}/"),
            ("post", f"{M}plans/{plan.pk}/assign/"),
            ("post", f"{M}plans/{plan.pk}/duplicate/"),
            ("get", f"{M}plans/{plan.pk}/shopping-list/"),
        ]:
            assert getattr(outsider_api, method)(url, {}, format="json").status_code == 404, url
            assert getattr(client_api, method)(url, {}, format="json").status_code == 403, url
        assert client_api.get(f"{M}plans/").status_code == 403
        assert client_api.get(f"{M}assignments/").status_code == 403
        assert MealPlan.objects.filter(pk=plan.pk).exists()


# --- the diary and compliance ---------------------------------------------------------


@pytest.fixture
def following(plan, client_):
    today = client_.trainer.today()
    return plan_assign(plan=plan, client=client_, start_date=today)


class TestDiary:
    def test_a_client_ticks_a_meal_and_logs_a_food_off_plan(
        self, client_api, following, client_, oats
    ):
        today = client_.trainer.today().isoformat()
        day = data(client_api.get(f"{M}diary/today/"))
        porridge = day["meals"][0]["planned"][0]
        assert porridge["state"] == "todo"
        assert porridge["ingredients"][0]["grams"] == 80.0  # one of the recipe's two servings

        ticked = client_api.post(
            f"{M}diary/",
            {"plan_entry": porridge["plan_entry"], "eaten_on": today, "servings": 1.5},
            format="json",
        )
        assert ticked.status_code == 201, ticked.json()
        extra = client_api.post(
            f"{M}diary/",
            {"food": oats.pk, "meal": "Snacks", "eaten_on": today, "grams": 40},
            format="json",
        )
        assert extra.status_code == 201, extra.json()

        after = data(client_api.get(f"{M}diary/today/"))
        assert after["meals"][0]["planned"][0]["state"] == "changed"
        expected = (
            (Decimal(120) + Decimal(40)) * oats.kcal / 100
        )  # 1.5 of 2 servings of 160 g, 40 g
        assert after["eaten"]["kcal"] == round(float(expected))
        assert after["ticked"] == 1

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"eaten_on": "TOMORROW"}, "eaten_on"),
            ({"eaten_on": "1999-12-31"}, "eaten_on"),
            ({"servings": 0}, "servings"),
            ({"servings": 500}, "servings"),
        ],
    )
    def test_a_future_day_or_absurd_amount_is_refused(
        self, client_api, following, client_, body, field
    ):
        item = following.meal_plan.days.get(day_number=1).entries.first()
        tomorrow = client_.trainer.today() + dt.timedelta(days=1)
        values = {"plan_entry": item.pk, "eaten_on": client_.trainer.today().isoformat(), **body}
        if values["eaten_on"] == "TOMORROW":
            values["eaten_on"] = tomorrow.isoformat()
        response = client_api.post(f"{M}diary/", values, format="json")
        assert response.status_code == 400
        assert field in error_fields(response)
        assert not DiaryEntry.objects.exists()

    def test_another_clients_item_or_entry_is_out_of_reach(self, following, client_, trainer):
        sibling = ClientFactory(trainer=trainer)
        item = following.meal_plan.days.get(day_number=1).entries.first()
        today = client_.trainer.today().isoformat()
        own = bearer(client_.user).post(
            f"{M}diary/", {"plan_entry": item.pk, "eaten_on": today}, format="json"
        )
        other = bearer(sibling.user)
        response = other.post(
            f"{M}diary/", {"plan_entry": item.pk, "eaten_on": today}, format="json"
        )
        assert response.status_code == 400
        assert "plan_entry" in error_fields(response)
        assert other.get(f"{M}diary/{data(own)['id']}/").status_code == 404
        assert other.delete(f"{M}diary/{data(own)['id']}/").status_code == 404
        assert DiaryEntry.objects.count() == 1

    def test_the_trainer_reads_the_diary_but_does_not_write_it(
        self, trainer_api, client_api, following, client_
    ):
        item = following.meal_plan.days.get(day_number=1).entries.first()
        today = client_.trainer.today().isoformat()
        client_api.post(f"{M}diary/", {"plan_entry": item.pk, "eaten_on": today}, format="json")
        listed = trainer_api.get(f"{M}diary/", {"client": client_.pk, "date": today})
        assert [row["name"] for row in data(listed)] == ["Porridge"]
        refused = trainer_api.post(
            f"{M}diary/", {"plan_entry": item.pk, "eaten_on": today}, format="json"
        )
        assert refused.status_code == 403
        day = data(trainer_api.get(f"{M}diary/today/", {"client": client_.pk}))
        assert day["ticked"] == 1

    def test_another_trainer_cannot_read_the_diary(
        self, outsider_api, client_api, following, client_
    ):
        item = following.meal_plan.days.get(day_number=1).entries.first()
        entry = data(
            client_api.post(
                f"{M}diary/",
                {"plan_entry": item.pk, "eaten_on": client_.trainer.today().isoformat()},
                format="json",
            )
        )
        assert outsider_api.get(f"{M}diary/{entry['id']}/").status_code == 404
        assert data(outsider_api.get(f"{M}diary/")) == []
        assert outsider_api.get(f"{M}diary/today/", {"client": client_.pk}).status_code == 400


class TestCompliance:
    def test_a_trainer_reads_percentages_per_day_and_week(
        self, trainer_api, client_api, following, client_
    ):
        item = following.meal_plan.days.get(day_number=1).entries.get(recipe__isnull=False)
        today = client_.trainer.today()
        client_api.post(
            f"{M}diary/", {"plan_entry": item.pk, "eaten_on": today.isoformat()}, format="json"
        )

        response = trainer_api.get(f"{M}compliance/", {"client": client_.pk})
        assert response.status_code == 200
        result = data(response)
        last = result["days"][-1]
        eaten = last["eaten"]["kcal"]
        assert last["date"] == today.isoformat()
        assert last["percent_of_target"]["kcal"] == round(eaten * 100 / 1800)
        assert result["days_logged"] == 1
        assert len(result["weeks"]) == 4
        assert result["weeks"][0]["days_logged"] == 1

    def test_a_client_token_is_refused_and_another_trainers_client_is_not_a_choice(
        self, client_api, outsider_api, client_
    ):
        assert client_api.get(f"{M}compliance/", {"client": client_.pk}).status_code == 403
        response = outsider_api.get(f"{M}compliance/", {"client": client_.pk})
        assert response.status_code == 400
        assert "client" in error_fields(response)

    def test_a_range_too_long_or_backwards_is_refused(self, trainer_api, client_):
        long = trainer_api.get(
            f"{M}compliance/", {"client": client_.pk, "start": "2026-01-01", "end": "2026-12-31"}
        )
        backwards = trainer_api.get(
            f"{M}compliance/", {"client": client_.pk, "start": "2026-03-10", "end": "2026-03-01"}
        )
        assert (long.status_code, backwards.status_code) == (400, 400)
