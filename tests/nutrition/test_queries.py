"""The busiest nutrition pages read in a fixed number of queries, whatever the data: the
plan editor (an almost empty plan, and a full week of 6 meals x 4 items with recipes of
8 ingredients, and several clients on it), the portal's Today (one item, and a full day
with a diary), and a client's Nutrition tab (nothing logged, and four weeks of diary)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from nutrition.models import DiaryEntry, Food, MealPlanEntry, MealPlanSlot
from nutrition.selectors.today import day_meals
from nutrition.services.assignments import plan_assign
from nutrition.services.diary import diary_tick
from nutrition.services.plans import plan_create
from nutrition.services.recipes import recipe_create
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db

# session, user, trainer or client (+ its trainer); then the page's own reads. Savepoints
# are not counted on SQLite but are on PostgreSQL, hence some headroom. Far below one
# query per day (7), meal (42), item (168) or ingredient (1,000+).
EDITOR_QUERIES = 16
TODAY_QUERIES = 14
CLIENT_TAB_QUERIES = 16


def build_plan(trainer, *, meals: int, per_meal: int, ingredients: int):
    foods = list(Food.objects.filter(trainer__isnull=True).order_by("pk")[:40])
    recipes = [
        recipe_create(
            trainer=trainer,
            name=f"Recipe {n}",
            servings=2,
            ingredients=[
                {"food": foods[(n + i) % 40], "grams": Decimal(50)} for i in range(ingredients)
            ],
        )
        for n in range(4)
    ]
    plan = plan_create(
        trainer=trainer, name="Plan", target_kcal=2000, slots=[f"Meal {n}" for n in range(meals)]
    )
    slots = list(MealPlanSlot.objects.filter(plan=plan))
    rows = []
    for day in plan.days.all():
        for slot in slots:
            for n in range(per_meal):
                recipe = n % 2 == 0
                rows.append(
                    MealPlanEntry(
                        day=day,
                        slot=slot,
                        order=n,
                        recipe=recipes[n % 4] if recipe else None,
                        servings=Decimal(1) if recipe else None,
                        food=None if recipe else foods[n],
                        grams=None if recipe else Decimal(100),
                    )
                )
    MealPlanEntry.objects.bulk_create(rows)
    return plan


SIZES = [
    pytest.param({"meals": 1, "per_meal": 2, "ingredients": 1, "clients": 0}, id="small"),
    pytest.param({"meals": 6, "per_meal": 4, "ingredients": 8, "clients": 3}, id="large"),
]


@pytest.mark.parametrize("size", SIZES)
def test_the_plan_editor(client, trainer, django_assert_max_num_queries, size):
    plan = build_plan(
        trainer, meals=size["meals"], per_meal=size["per_meal"], ingredients=size["ingredients"]
    )
    for _ in range(size["clients"]):
        plan_assign(plan=plan, client=ClientFactory(trainer=trainer), start_date=trainer.today())
    client.force_login(trainer.user)

    with django_assert_max_num_queries(EDITOR_QUERIES):
        response = client.get(f"/dashboard/nutrition/plans/{plan.pk}/")

    assert response.status_code == 200
    assert response.text.count('class="item-form"') == 7 * size["meals"] * size["per_meal"]
    assert response.text.count("End assignment") == size["clients"]


@pytest.mark.parametrize("size", SIZES)
def test_an_htmx_answer_for_one_day_is_cheap_too(
    client, trainer, django_assert_max_num_queries, size
):
    plan = build_plan(
        trainer, meals=size["meals"], per_meal=size["per_meal"], ingredients=size["ingredients"]
    )
    entry = MealPlanEntry.objects.filter(day__plan=plan, food__isnull=False).first()
    client.force_login(trainer.user)
    field = f"item{entry.pk}-quantity"

    # the write (the food checked against the library, the row's constraints checked in
    # savepoints) and the day read again
    with django_assert_max_num_queries(EDITOR_QUERIES + 18):
        response = client.post(
            f"/dashboard/nutrition/items/{entry.pk}/",
            {field: "1", f"item{entry.pk}-unit": "g"},
            headers={"HX-Request": "true"},
        )

    assert response.status_code == 200
    assert response.text.count('class="item-form"') == size["meals"] * size["per_meal"]


def _follow_and_log(trainer, plan, days: int):
    carol = ClientFactory(trainer=trainer)
    today = trainer.today()
    plan_assign(plan=plan, client=carol, start_date=today - dt.timedelta(days=days))
    for back in range(days):
        on = today - dt.timedelta(days=back)
        for item in day_meals(client=carol, on=on).planned_items:
            diary_tick(client=carol, plan_entry=item.entry, on=on)
        DiaryEntry.objects.create(
            client=carol, eaten_on=on, meal="Snacks", food=Food.objects.first(), grams=Decimal(30)
        )
    return carol


@pytest.mark.parametrize(
    ("size", "days"),
    [
        pytest.param({"meals": 1, "per_meal": 1, "ingredients": 1}, 0, id="small"),
        pytest.param({"meals": 6, "per_meal": 4, "ingredients": 8}, 1, id="large"),
    ],
)
def test_the_portals_today(client, trainer, django_assert_max_num_queries, size, days):
    plan = build_plan(trainer, **size)
    carol = _follow_and_log(trainer, plan, days)
    client.force_login(carol.user)

    with django_assert_max_num_queries(TODAY_QUERIES):
        response = client.get("/portal/nutrition/")

    assert response.status_code == 200
    assert response.text.count('class="portal-card plan-item') == size["meals"] * size["per_meal"]


@pytest.mark.parametrize(
    ("size", "days"),
    [
        pytest.param({"meals": 1, "per_meal": 1, "ingredients": 1}, 0, id="small"),
        pytest.param({"meals": 3, "per_meal": 2, "ingredients": 4}, 28, id="four weeks of diary"),
    ],
)
def test_a_clients_nutrition_tab(client, trainer, django_assert_max_num_queries, size, days):
    plan = build_plan(trainer, **size)
    carol = _follow_and_log(trainer, plan, days)
    client.force_login(trainer.user)

    with django_assert_max_num_queries(CLIENT_TAB_QUERIES):
        response = client.get(f"/dashboard/clients/{carol.pk}/nutrition/")

    assert response.status_code == 200
    assert response.text.count("Not logged") == (7 if days == 0 else 0)
