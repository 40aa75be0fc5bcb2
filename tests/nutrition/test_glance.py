"""The portal home's meal plan card counts in the database what the Today page works out
from the loaded meals: the same plan, day, planned and ticked items and kcal eaten as
`day_meals` on every kind of day, in three queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nutrition.models import DiaryEntry, DiaryStatus, Food, MealPlanEntry
from nutrition.selectors.glance import day_glance
from nutrition.selectors.today import day_meals
from nutrition.services.assignments import assignment_end, plan_assign
from nutrition.services.diary import diary_add_food, diary_tick
from nutrition.services.plans import entry_add, plan_create
from nutrition.services.recipes import recipe_create

pytestmark = pytest.mark.django_db


def same_as_day_meals(client, on: dt.date) -> None:
    with CaptureQueriesContext(connection) as queries:
        glance = day_glance(client=client, on=on)
    meals = day_meals(client=client, on=on)
    assert len(queries) <= 3
    assert (glance.state, glance.assignment, glance.plan) == (
        meals.state,
        meals.assignment,
        meals.plan,
    )
    assert glance.day == meals.day
    assert getattr(glance.day, "title", None) == getattr(meals.day, "title", None)
    assert (glance.planned, glance.ticked) == (len(meals.planned_items), meals.ticked)
    assert glance.eaten_kcal == meals.eaten.kcal
    assert glance.upcoming == meals.upcoming


@pytest.fixture
def week(trainer, client_):
    """A week-long plan from six days ago: porridge and a banana on day 1 (today is day 7,
    with an apple), nothing on day 3."""
    oats = Food.objects.get(trainer__isnull=True, name="Rolled oats")
    banana = Food.objects.get(trainer__isnull=True, name="Banana")
    apple = Food.objects.get(trainer__isnull=True, name="Apple")
    recipe = recipe_create(
        trainer=trainer, name="Porridge", servings=2, ingredients=[{"food": oats, "grams": 160}]
    )
    plan = plan_create(trainer=trainer, name="Lean week", target_kcal=2000)
    breakfast, snacks = plan.slots.get(name="Breakfast"), plan.slots.get(name="Snacks")
    first, last = plan.days.get(day_number=1), plan.days.get(day_number=7)
    entry_add(day=first, slot=breakfast, recipe=recipe)
    entry_add(day=first, slot=snacks, food=banana)
    entry_add(day=last, slot=snacks, food=apple)
    last.title = "Rest and refuel"
    last.save()
    today = trainer.today()
    assignment = plan_assign(plan=plan, client=client_, start_date=today - dt.timedelta(days=6))
    return {"assignment": assignment, "today": today, "banana": banana, "apple": apple}


def _items(assignment, number: int) -> list[MealPlanEntry]:
    return list(
        MealPlanEntry.objects.filter(day__plan=assignment.meal_plan, day__day_number=number)
    )


def test_no_plan_nor_diary(client_):
    same_as_day_meals(client_, client_.trainer.today())


def test_a_plan_about_to_start(trainer, client_):
    plan = plan_create(trainer=trainer, name="Next month")
    banana = Food.objects.get(trainer__isnull=True, name="Banana")
    entry_add(day=plan.days.get(day_number=1), slot=plan.slots.get(name="Snacks"), food=banana)
    plan_assign(plan=plan, client=client_, start_date=trainer.today() + dt.timedelta(days=3))
    same_as_day_meals(client_, trainer.today())


def test_nothing_ticked_then_eaten_skipped_another_amount_and_off_plan(client_, week):
    assignment, today = week["assignment"], week["today"]
    first_day = today - dt.timedelta(days=6)
    same_as_day_meals(client_, today)
    same_as_day_meals(client_, first_day)

    porridge, banana = sorted(_items(assignment, 1), key=lambda e: e.recipe_id is None)
    diary_tick(client=client_, plan_entry=porridge, on=first_day, servings=Decimal(1))
    diary_tick(client=client_, plan_entry=banana, on=first_day, status=DiaryStatus.SKIPPED)
    diary_add_food(client=client_, on=first_day, meal="Snacks", food=week["apple"], grams=150)
    diary_add_food(client=client_, on=first_day, meal="Late", food=week["banana"], grams=90)
    same_as_day_meals(client_, first_day)

    (apple,) = _items(assignment, 7)
    diary_tick(client=client_, plan_entry=apple, on=today, grams=Decimal(200))
    same_as_day_meals(client_, today)
    assert day_glance(client=client_, on=today).ticked == 1


def test_a_day_without_items_a_day_of_the_next_cycle_and_a_past_plan(client_, week):
    assignment, today = week["assignment"], week["today"]
    same_as_day_meals(client_, today - dt.timedelta(days=4))  # day 3: nothing planned
    same_as_day_meals(client_, today - dt.timedelta(days=7))  # before the plan
    assignment_end(assignment=assignment, on=today - dt.timedelta(days=1))
    same_as_day_meals(client_, today)  # ended yesterday
    same_as_day_meals(client_, today - dt.timedelta(days=2))  # still ran then


def test_an_item_ticked_from_another_day_counts_for_neither(client_, week):
    """A diary row pointing at day 1's banana on day 7 (written before a plan changed)
    is eaten food, not a ticked item of day 7."""
    assignment, today = week["assignment"], week["today"]
    banana = next(e for e in _items(assignment, 1) if e.food_id is not None)
    DiaryEntry.objects.create(
        client=client_, eaten_on=today, meal="Snacks", plan_entry=banana, food=week["banana"],
        grams=Decimal(120), kcal=Decimal("106.80"),
    )  # fmt: skip
    same_as_day_meals(client_, today)
    assert day_glance(client=client_, on=today).ticked == 0
