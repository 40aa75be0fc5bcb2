"""The macro arithmetic: a recipe's totals are the sum of its ingredients scaled by
amount (and divided by its servings), a day's totals the sum of its items, and the
compliance percentages what was eaten over the target."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nutrition.models import Food, MealPlan, Recipe, RecipeIngredient
from nutrition.selectors.compliance import client_compliance
from nutrition.selectors.macros import Macros, entry_macros, food_macros, percent, recipe_macros
from nutrition.selectors.plans import plan_week, with_week
from tests.factories.nutrition import (
    ClientMealPlanFactory,
    DiaryEntryFactory,
    FoodFactory,
    MealPlanAssignmentFactory,
    MealPlanDayFactory,
    MealPlanEntryFactory,
    MealPlanFactory,
    MealPlanSlotFactory,
    RecipeFactory,
    RecipeIngredientFactory,
)

pytestmark = pytest.mark.django_db

TENTH = Decimal("0.1")


def food(kcal, protein, carbs, fat, fiber="0", **kwargs):
    return FoodFactory(
        kcal=Decimal(kcal),
        protein_g=Decimal(protein),
        carbs_g=Decimal(carbs),
        fat_g=Decimal(fat),
        fiber_g=Decimal(fiber),
        **kwargs,
    )


def test_a_food_in_grams_is_its_per_100_g_values_scaled():
    egg = food("143", "12.6", "0.7", "9.5")
    macros = food_macros(egg, Decimal(150))
    assert macros.kcal == Decimal("214.5")
    assert macros.protein_g == Decimal("18.9")
    assert macros.fat_g == Decimal("14.25")


def test_a_recipe_is_the_sum_of_its_ingredients_and_a_serving_its_share(trainer):
    oats = food("379", "13.2", "67.7", "6.5", "10.1")
    milk = food("61", "3.2", "4.8", "3.3")
    banana = food("89", "1.1", "22.8", "0.3", "2.6")
    recipe = RecipeFactory(trainer=trainer, servings=3)
    RecipeIngredientFactory(recipe=recipe, food=oats, grams=Decimal(120))
    RecipeIngredientFactory(recipe=recipe, food=milk, grams=Decimal(500))
    RecipeIngredientFactory(recipe=recipe, food=banana, grams=Decimal("118.5"))

    macros = recipe_macros(recipe)

    # by hand: 120 g oats + 500 g milk + 118.5 g banana
    assert macros.total.rounded().kcal == Decimal(865)  # 454.8 + 305 + 105.465
    assert macros.total.protein_g.quantize(TENTH) == Decimal("33.1")  # 15.84 + 16 + 1.3035
    assert macros.total.carbs_g.quantize(TENTH) == Decimal("132.3")  # 81.24 + 24 + 27.018
    assert macros.total.fat_g.quantize(TENTH) == Decimal("24.7")  # 7.8 + 16.5 + 0.3555
    assert macros.per_serving.kcal.quantize(TENTH) == Decimal("288.4")  # 865.265 / 3
    assert macros.per_serving.fiber_g.quantize(TENTH) == Decimal("5.1")  # (12.12 + 3.081) / 3


@settings(max_examples=200, deadline=None)
@given(
    amounts=st.lists(
        st.decimals(min_value=Decimal("0.1"), max_value=Decimal(2000), places=1),
        min_size=1,
        max_size=8,
    ),
    servings=st.integers(min_value=1, max_value=12),
)
def test_recipe_totals_always_equal_the_scaled_sum_to_a_tenth_of_a_gram(amounts, servings):
    oats = Food(
        kcal=Decimal(389),
        protein_g=Decimal("16.9"),
        carbs_g=Decimal("66.3"),
        fat_g=Decimal("6.9"),
        fiber_g=Decimal("10.6"),
    )
    oil = Food(kcal=Decimal(884), protein_g=Decimal(0), carbs_g=Decimal(0), fat_g=Decimal(100))
    recipe = Recipe(pk=1, servings=servings)  # in memory: the arithmetic alone
    rows = [
        RecipeIngredient(recipe=recipe, food=oats if n % 2 == 0 else oil, grams=g)
        for n, g in enumerate(amounts)
    ]
    recipe._prefetched_objects_cache = {"ingredients": rows}

    macros = recipe_macros(recipe)

    fat = sum(
        (g * (Decimal("6.9") if n % 2 == 0 else 100) / 100 for n, g in enumerate(amounts)),
        Decimal(0),
    )
    kcal = sum((g * (389 if n % 2 == 0 else 884) / 100 for n, g in enumerate(amounts)), Decimal(0))
    assert abs(macros.total.fat_g - fat) < TENTH
    assert abs(macros.total.kcal - kcal) < TENTH
    assert abs(macros.per_serving.fat_g * servings - fat) < TENTH
    assert abs(macros.per_serving.kcal * servings - kcal) < TENTH


def test_a_days_totals_are_the_sum_of_its_items(trainer):
    plan = MealPlanFactory(trainer=trainer, target_kcal=None)
    day = MealPlanDayFactory(plan=plan, day_number=1)
    breakfast = MealPlanSlotFactory(plan=plan, name="Breakfast", order=1)
    lunch = MealPlanSlotFactory(plan=plan, name="Lunch", order=2)
    recipe = RecipeFactory(trainer=trainer, servings=2)
    RecipeIngredientFactory(recipe=recipe, food=food("200", "10", "20", "5"), grams=Decimal(300))
    bread = food("250", "9", "45", "3")
    items = [
        MealPlanEntryFactory(day=day, slot=breakfast, food=bread, grams=Decimal(60)),
        MealPlanEntryFactory(
            day=day, slot=lunch, recipe=recipe, servings=Decimal("1.5"), food=None, grams=None
        ),
    ]

    [view] = plan_week(with_week(MealPlan.objects.all()).get(pk=plan.pk))

    by_hand = Macros(
        kcal=Decimal(150) + Decimal(450),  # 60 g bread + 1.5 of 2 servings of 600 kcal
        protein_g=Decimal("5.4") + Decimal("22.5"),
        carbs_g=Decimal(27) + Decimal(45),
        fat_g=Decimal("1.8") + Decimal("11.25"),
    )
    assert view.macros == by_hand
    assert view.macros == entry_macros(items[0]) + entry_macros(items[1])
    assert [len(s.items) for s in view.slots] == [1, 1]
    assert view.slots[1].macros.kcal == Decimal(450)


@pytest.mark.parametrize(
    ("eaten", "target", "expected"),
    [
        (Decimal(1800), 2000, 90),
        (Decimal("2210.4"), 2000, 111),
        (Decimal(150), 0, None),
        (Decimal(5), None, None),
    ],
)
def test_percent_of_target(eaten, target, expected):
    assert percent(eaten, target) == expected


def test_compliance_per_day_and_per_week(client_):
    today = dt.date(2026, 3, 15)
    plan = ClientMealPlanFactory(
        client=client_, target_kcal=2000, target_protein_g=150, target_carbs_g=200, target_fat_g=67
    )
    MealPlanAssignmentFactory(client=client_, meal_plan=plan, start_date=dt.date(2026, 3, 1))
    # the 15th: 1800 kcal, 120 g protein in two entries; the 14th: 2200 kcal; the 13th: a skip
    DiaryEntryFactory(client=client_, eaten_on=today, kcal=1000, protein_g=70, carbs_g=90, fat_g=40)
    DiaryEntryFactory(client=client_, eaten_on=today, kcal=800, protein_g=50, carbs_g=90, fat_g=20)
    DiaryEntryFactory(
        client=client_,
        eaten_on=today - dt.timedelta(days=1),
        kcal=2200,
        protein_g=165,
        carbs_g=210,
        fat_g=75,
    )
    DiaryEntryFactory(
        client=client_,
        eaten_on=today - dt.timedelta(days=2),
        status="skipped",
        kcal=0,
        protein_g=0,
        carbs_g=0,
        fat_g=0,
        fiber_g=0,
    )

    result = client_compliance(client=client_, start=today - dt.timedelta(days=13), end=today)

    days = {d.on: d for d in result.days}
    assert days[today].percents == {"kcal": 90, "protein_g": 80, "carbs_g": 90, "fat_g": 90}
    assert days[today - dt.timedelta(days=1)].percents["kcal"] == 110
    assert days[today - dt.timedelta(days=2)].logged  # a skipped meal is still logging the day
    assert days[today - dt.timedelta(days=3)].percents["kcal"] is None  # not logged
    assert result.days_logged == 3
    this_week, last_week = result.weeks
    assert (this_week.start, this_week.end) == (today - dt.timedelta(days=6), today)
    assert this_week.days_logged == 3
    # 4000 kcal eaten on three logged days with a 2000 target each: 4000 / 6000
    assert this_week.percents["kcal"] == 67
    assert this_week.average.kcal.quantize(TENTH) == Decimal("1333.3")
    assert last_week.days_logged == 0
    assert last_week.percents["kcal"] is None


def test_compliance_uses_the_targets_of_the_plan_followed_that_day(client_):
    old = ClientMealPlanFactory(client=client_, target_kcal=1800)
    new = ClientMealPlanFactory(client=client_, target_kcal=2400)
    MealPlanAssignmentFactory(
        client=client_,
        meal_plan=old,
        start_date=dt.date(2026, 3, 1),
        end_date=dt.date(2026, 3, 9),
        status="replaced",
    )
    MealPlanAssignmentFactory(client=client_, meal_plan=new, start_date=dt.date(2026, 3, 10))
    for day in (9, 10):
        DiaryEntryFactory(client=client_, eaten_on=dt.date(2026, 3, day), kcal=1800)

    result = client_compliance(client=client_, start=dt.date(2026, 3, 9), end=dt.date(2026, 3, 10))

    assert [d.percents["kcal"] for d in result.days] == [100, 75]
