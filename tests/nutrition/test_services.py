"""The nutrition services: the rules a page and the API share (amounts, recipes without
ingredients, another trainer's food, copying days, assigning, the diary's days)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fitnesspr.errors import ConflictError
from nutrition.models import DiaryEntry, MealPlan, MealPlanAssignment, MealPlanEntry, Recipe
from nutrition.selectors.today import day_meals
from nutrition.services.assignments import plan_assign, plan_duplicate
from nutrition.services.diary import diary_add_food, diary_tick, diary_update
from nutrition.services.foods import food_create
from nutrition.services.plans import day_copy, entry_add, plan_create, slot_add, slot_rename
from nutrition.services.recipes import recipe_create, recipe_delete, recipe_duplicate
from tests.factories.core import ClientFactory
from tests.factories.nutrition import FoodFactory, FoodPortionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def oats():
    return FoodFactory(
        name="Test oats",
        kcal=Decimal(389),
        protein_g=Decimal("16.9"),
        carbs_g=Decimal("66.3"),
        fat_g=Decimal("6.9"),
        fiber_g=Decimal("10.6"),
    )


@pytest.fixture
def egg():
    egg = FoodFactory(
        name="Test egg",
        kcal=Decimal(143),
        protein_g=Decimal("12.6"),
        carbs_g=Decimal("0.7"),
        fat_g=Decimal("9.5"),
        fiber_g=Decimal(0),
    )
    FoodPortionFactory(food=egg, name="1 large egg", grams=Decimal(50))
    return egg


class TestRecipes:
    def test_a_recipe_needs_an_ingredient_and_nothing_is_written(self, trainer):
        with pytest.raises(ValidationError) as exc:
            recipe_create(trainer=trainer, name="Air", ingredients=[])
        assert exc.value.message_dict == {"ingredients": ["Add at least one ingredient."]}
        assert not Recipe.objects.exists()

    @pytest.mark.parametrize(
        ("amount", "where", "message"),
        [
            ({"grams": Decimal(0)}, "grams", "above 0"),
            ({"grams": Decimal(-5)}, "grams", "above 0"),
            ({"grams": Decimal(100000)}, "grams", "at most 10,000 g"),
            ({"grams": None}, "grams", "how many grams"),
        ],
    )
    def test_absurd_amounts_are_refused_at_their_place(self, trainer, oats, amount, where, message):
        with pytest.raises(ValidationError) as exc:
            recipe_create(
                trainer=trainer,
                name="Porridge",
                ingredients=[{"food": oats, "grams": Decimal(50)}, {"food": oats, **amount}],
            )
        [text] = exc.value.message_dict[f"ingredients[1].{where}"]
        assert message in text
        assert not Recipe.objects.exists()

    def test_another_trainers_food_is_refused_like_a_missing_one(self, trainer, outsider):
        theirs = FoodFactory(trainer=outsider)
        with pytest.raises(ValidationError) as exc:
            recipe_create(
                trainer=trainer, name="Stolen", ingredients=[{"food": theirs.pk, "grams": 10}]
            )
        assert exc.value.message_dict == {"ingredients[0].food": ["Pick a food from your library."]}

    def test_an_ingredient_in_portions_weighs_quantity_times_the_portion(self, trainer, egg):
        portion = egg.portions.get()
        recipe = recipe_create(
            trainer=trainer,
            name="Eggs",
            servings=1,
            ingredients=[{"food": egg, "portion": portion.pk, "quantity": Decimal(3)}],
        )
        ingredient = recipe.ingredients.get()
        assert (ingredient.grams, ingredient.quantity, ingredient.portion) == (
            Decimal(150),
            3,
            portion,
        )

    def test_a_portion_of_another_food_is_refused(self, trainer, egg, oats):
        with pytest.raises(ValidationError) as exc:
            recipe_create(
                trainer=trainer,
                name="Odd",
                ingredients=[{"food": oats, "portion": egg.portions.get().pk, "quantity": 1}],
            )
        assert "ingredients[0].portion" in exc.value.message_dict

    def test_duplicate_copies_ingredients_and_tags_under_a_free_name(self, trainer, oats):
        recipe = recipe_create(
            trainer=trainer, name="Porridge", ingredients=[{"food": oats, "grams": 80}]
        )
        first = recipe_duplicate(recipe=recipe)
        second = recipe_duplicate(recipe=recipe)
        assert (first.name, second.name) == ("Porridge (copy)", "Porridge (copy) 2")
        assert [i.grams for i in second.ingredients.all()] == [Decimal(80)]

    def test_a_recipe_on_a_plan_cannot_be_deleted(self, trainer, oats):
        recipe = recipe_create(
            trainer=trainer, name="Porridge", ingredients=[{"food": oats, "grams": 80}]
        )
        plan = plan_create(trainer=trainer, name="Week")
        entry_add(day=plan.days.first(), slot=plan.slots.first(), recipe=recipe)
        with pytest.raises(ConflictError, match="1 meal plan"):
            recipe_delete(recipe=recipe)


class TestPlans:
    def test_a_new_plan_is_a_week_with_four_meals(self, trainer):
        plan = plan_create(trainer=trainer, name="Week")
        assert list(plan.days.values_list("day_number", flat=True)) == [1, 2, 3, 4, 5, 6, 7]
        assert list(plan.slots.values_list("name", flat=True)) == [
            "Breakfast",
            "Lunch",
            "Dinner",
            "Snacks",
        ]

    def test_meals_are_renamed_and_added_but_never_twice(self, trainer):
        plan = plan_create(trainer=trainer, name="Week")
        slot_rename(slot=plan.slots.get(name="Snacks"), name="Afternoon snack")
        slot_add(plan=plan, name="Pre-workout")
        with pytest.raises(ValidationError):
            slot_add(plan=plan, name="pre-workout")
        assert list(plan.slots.values_list("name", flat=True)) == [
            "Breakfast",
            "Lunch",
            "Dinner",
            "Afternoon snack",
            "Pre-workout",
        ]

    def test_a_food_added_without_an_amount_is_one_portion(self, trainer, egg, oats):
        plan = plan_create(trainer=trainer, name="Week")
        day, slot = plan.days.first(), plan.slots.first()
        eggs = entry_add(day=day, slot=slot, food=egg)
        porridge = entry_add(day=day, slot=slot, food=oats)
        assert (eggs.quantity, eggs.grams) == (1, Decimal(50))
        assert (porridge.portion, porridge.grams) == (None, Decimal(100))

    def test_a_meal_of_another_plan_or_another_trainers_food_is_refused(self, trainer, outsider):
        plan, other = plan_create(trainer=trainer, name="A"), plan_create(trainer=trainer, name="B")
        with pytest.raises(ValidationError, match="meal of this plan"):
            entry_add(day=plan.days.first(), slot=other.slots.first(), food=FoodFactory())
        with pytest.raises(ValidationError, match="from your library"):
            entry_add(
                day=plan.days.first(), slot=plan.slots.first(), food=FoodFactory(trainer=outsider)
            )
        assert not MealPlanEntry.objects.exists()

    def test_copying_a_day_replaces_the_other_days_items(self, trainer, oats, egg):
        plan = plan_create(trainer=trainer, name="Week")
        monday, tuesday, wednesday = plan.days.all()[:3]
        breakfast = plan.slots.first()
        entry_add(day=monday, slot=breakfast, food=oats, grams=Decimal(60))
        entry_add(day=monday, slot=breakfast, food=egg)
        entry_add(
            day=wednesday, slot=breakfast, food=egg, portion=egg.portions.get(), quantity=Decimal(4)
        )

        day_copy(day=monday, to=[2, 3])

        for day in (tuesday, wednesday):
            assert list(day.entries.values_list("food__name", "grams")) == [
                ("Test oats", Decimal(60)),
                ("Test egg", Decimal(50)),
            ]
        assert monday.entries.count() == 2


class TestAssigning:
    def test_each_client_gets_a_copy_and_one_active_plan(self, trainer, oats):
        plan = plan_create(trainer=trainer, name="Week", target_kcal=2000)
        entry_add(day=plan.days.first(), slot=plan.slots.first(), food=oats)
        other = plan_duplicate(plan=plan)
        carol = ClientFactory(trainer=trainer)

        first = plan_assign(plan=plan, client=carol, start_date=dt.date(2026, 3, 1))
        second = plan_assign(plan=other, client=carol, start_date=dt.date(2026, 3, 10))

        first.refresh_from_db()
        assert (first.status, first.end_date) == ("replaced", dt.date(2026, 3, 9))
        assert second.status == "active"
        copy = second.meal_plan
        assert (copy.client, copy.source, copy.target_kcal) == (carol, other, 2000)
        assert copy.pk not in (plan.pk, other.pk)
        assert list(copy.slots.values_list("name", flat=True)) == [
            "Breakfast",
            "Lunch",
            "Dinner",
            "Snacks",
        ]
        assert copy.days.get(day_number=1).entries.get().slot.plan == copy

    def test_an_empty_plan_or_another_trainers_client_is_refused(self, trainer, outsider):
        plan = plan_create(trainer=trainer, name="Empty")
        with pytest.raises(ValidationError, match="at least one meal item"):
            plan_assign(
                plan=plan, client=ClientFactory(trainer=trainer), start_date=dt.date(2026, 3, 1)
            )
        with pytest.raises(ValidationError, match="another trainer"):
            plan_assign(
                plan=plan, client=ClientFactory(trainer=outsider), start_date=dt.date(2026, 3, 1)
            )
        assert not MealPlanAssignment.objects.exists()
        assert MealPlan.objects.count() == 1


@pytest.fixture
def followed(trainer, client_, oats, egg):
    """Carol's plan from a week ago: breakfast is 2 eggs on day 1..7 and oats on day 1."""
    plan = plan_create(trainer=trainer, name="Week", target_kcal=2000)
    breakfast = plan.slots.get(name="Breakfast")
    for day in plan.days.all():
        entry_add(day=day, slot=breakfast, food=egg, portion=egg.portions.get(), quantity=2)
    entry_add(day=plan.days.get(day_number=1), slot=breakfast, food=oats, grams=Decimal(80))
    today = trainer.today()
    return plan_assign(plan=plan, client=client_, start_date=today - dt.timedelta(days=7))


class TestDiary:
    def _today(self, client_):
        return day_meals(client=client_, on=client_.trainer.today())

    def test_ticking_an_item_eaten_stores_its_macros(self, client_, followed):
        day = self._today(client_)
        _eggs, oats = day.planned_items  # today is day 1 again (7 days in)
        entry = diary_tick(client=client_, plan_entry=oats.entry, on=day.on)
        assert (entry.kcal, entry.protein_g) == (Decimal("311.20"), Decimal("13.52"))
        assert entry.meal == "Breakfast"
        assert self._today(client_).eaten.kcal == Decimal("311.20")

    def test_other_servings_and_skips(self, client_, followed):
        day = self._today(client_)
        eggs, oats = day.planned_items
        diary_tick(client=client_, plan_entry=eggs.entry, on=day.on, quantity=Decimal(3))
        diary_tick(client=client_, plan_entry=oats.entry, on=day.on, status="skipped")
        after = self._today(client_)
        assert [item.state for item in after.planned_items] == ["changed", "skipped"]
        assert after.eaten.kcal == Decimal("214.50")  # 150 g of egg, nothing of the oats

    def test_ticking_twice_changes_the_same_entry(self, client_, followed):
        day = self._today(client_)
        item = day.planned_items[0]
        diary_tick(client=client_, plan_entry=item.entry, on=day.on)
        diary_tick(client=client_, plan_entry=item.entry, on=day.on, status="skipped")
        assert DiaryEntry.objects.get().status == "skipped"

    def test_a_future_day_or_a_day_not_on_the_plan_is_refused(self, client_, followed):
        today = client_.trainer.today()
        item = self._today(client_).planned_items[1]  # the oats: day 1 only
        with pytest.raises(ValidationError, match="hasn't happened yet"):
            diary_tick(client=client_, plan_entry=item.entry, on=today + dt.timedelta(days=1))
        with pytest.raises(ValidationError, match="isn't on your plan"):
            diary_tick(client=client_, plan_entry=item.entry, on=today - dt.timedelta(days=1))
        assert not DiaryEntry.objects.exists()

    def test_another_clients_plan_item_is_refused(self, trainer, client_, followed):
        sibling = ClientFactory(trainer=trainer)
        item = self._today(client_).planned_items[0]
        with pytest.raises(ValidationError, match="isn't on your plan"):
            diary_tick(client=sibling, plan_entry=item.entry, on=trainer.today())

    def test_off_plan_food_from_the_library_in_a_portion(self, client_, followed, egg, outsider):
        today = client_.trainer.today()
        entry = diary_add_food(
            client=client_,
            on=today,
            meal="Snacks",
            food=egg,
            portion=egg.portions.get(),
            quantity=1,
        )
        assert (entry.grams, entry.kcal) == (Decimal(50), Decimal("71.50"))
        with pytest.raises(ValidationError, match="from the library"):
            diary_add_food(
                client=client_,
                on=today,
                meal="Snacks",
                food=FoodFactory(trainer=outsider),
                grams=10,
            )
        with pytest.raises(ValidationError, match="at most 5,000 g"):
            diary_add_food(client=client_, on=today, meal="Snacks", food=egg, grams=Decimal(100000))
        assert DiaryEntry.objects.count() == 1

    def test_changing_an_off_plan_amount_recomputes_it(self, client_, followed, oats):
        entry = diary_add_food(
            client=client_, on=client_.trainer.today(), meal="Snacks", food=oats, grams=40
        )
        diary_update(entry=entry, grams=Decimal(80))
        assert DiaryEntry.objects.get().kcal == Decimal("311.20")


def test_a_trainers_food_checks_its_energy_against_its_macros(trainer):
    with pytest.raises(ValidationError) as exc:
        food_create(
            trainer=trainer,
            name="Bar",
            kcal=Decimal(900),
            protein_g=Decimal(20),
            carbs_g=Decimal(40),
            fat_g=Decimal(10),
        )
    assert "about 330 kcal" in exc.value.message_dict["kcal"][0]
    food = food_create(
        trainer=trainer,
        name="Bar",
        kcal=Decimal(350),
        protein_g=Decimal(20),
        carbs_g=Decimal(40),
        fat_g=Decimal(10),
        aliases="Protein bar, Barre protéinée",
        portions=[{"name": "1 bar", "grams": Decimal(60)}],
    )
    assert food.search_text == "bar | protein bar | barre proteinee"
    assert [p.name for p in food.portions.all()] == ["1 bar"]
