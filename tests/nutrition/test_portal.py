"""The client's meals in the portal: today's plan with its recipes, ticking items off
(eaten, another amount, skipped, undone), food eaten off-plan, the totals against the
targets, and the home card. Someone else's items are out of reach; a future day and an
absurd amount are refused with a message, and nothing is written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from nutrition.models import DiaryEntry, Food, MealPlanEntry
from nutrition.services.assignments import plan_assign
from nutrition.services.plans import entry_add, plan_create
from nutrition.services.recipes import recipe_create
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db

P = "/portal/nutrition/"
HX = {"HX-Request": "true"}


@pytest.fixture
def oats() -> Food:
    return Food.objects.get(trainer__isnull=True, name="Rolled oats")


@pytest.fixture
def banana() -> Food:
    return Food.objects.get(trainer__isnull=True, name="Banana")


@pytest.fixture
def items(trainer, client_, oats, banana) -> dict[str, MealPlanEntry]:
    """Carol's plan from today: porridge (2 servings of 80 g oats, she eats 1) and a banana."""
    recipe = recipe_create(
        trainer=trainer,
        name="Porridge",
        servings=2,
        instructions="Simmer the oats in water for five minutes.",
        ingredients=[{"food": oats, "grams": 160}],
    )
    plan = plan_create(trainer=trainer, name="Lean week", target_kcal=2000)
    day = plan.days.get(day_number=1)
    entry_add(day=day, slot=plan.slots.get(name="Breakfast"), recipe=recipe)
    entry_add(day=day, slot=plan.slots.get(name="Snacks"), food=banana)
    assignment = plan_assign(plan=plan, client=client_, start_date=trainer.today())
    entries = MealPlanEntry.objects.filter(day__plan=assignment.meal_plan, day__day_number=1)
    return {
        "porridge": entries.get(recipe__isnull=False),
        "banana": entries.get(food__isnull=False),
    }


@pytest.fixture
def portal(client, client_):
    client.force_login(client_.user)
    return client


def tick(portal, entry, action, on=None, **extra):
    day = (on or entry.day.plan.client.trainer.today()).isoformat()
    return portal.post(f"{P}items/{entry.pk}/", {"day": day, "action": action, **extra}, headers=HX)


def test_today_shows_the_meals_with_the_recipe_scaled_to_the_servings(portal, items):
    page = portal.get(P)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]  # Back fetches it again, never a stale copy
    assert "Porridge" in page.text
    assert "Banana" in page.text
    assert "80 g Rolled oats" in page.text  # one serving of a two-serving recipe
    assert "Simmer the oats" in page.text
    assert "0 of 2,000 kcal" in page.text


def test_ticking_eaten_skipped_another_amount_and_undo(portal, items, client_, oats):
    porridge, banana = items["porridge"], items["banana"]
    eaten = tick(portal, porridge, "eaten")
    assert eaten.status_code == 200
    assert f'data-focus="item-{porridge.pk}"' in eaten.text  # focus stays on the meal
    kcal = (oats.kcal * Decimal("0.8")).quantize(Decimal(1))
    assert f"{kcal} of 2,000 kcal" in eaten.text

    tick(portal, banana, "skipped")
    assert DiaryEntry.objects.get(plan_entry=banana).status == "skipped"

    more = tick(portal, porridge, "amount", quantity="1.5", unit="servings")
    assert "✓ Eaten: 1.5 servings" in more.text
    assert DiaryEntry.objects.get(plan_entry=porridge).servings == Decimal("1.5")

    tick(portal, banana, "undo")
    assert not DiaryEntry.objects.filter(plan_entry=banana).exists()
    assert DiaryEntry.objects.filter(client=client_).count() == 1


def test_food_eaten_off_plan_is_searched_added_and_removed(portal, items, banana, client_):
    results = portal.get(f"{P}foods/", {"q": "banane", "day": ""}, headers=HX)
    assert results.status_code == 200
    assert "No food matches" in results.text  # a misspelling finds nothing, and says so
    results = portal.get(f"{P}foods/", {"q": "BANANA"}, headers=HX)
    assert "Banana" in results.text
    assert "1 medium banana" in results.text
    medium = banana.portions.get(name="1 medium banana")
    today = client_.trainer.today().isoformat()
    added = portal.post(
        f"{P}foods/add/",
        {"day": today, "food": banana.pk, "quantity": "2", "unit": medium.pk, "meal": "Snacks"},
        headers=HX,
    )
    entry = DiaryEntry.objects.get(client=client_, plan_entry__isnull=True)
    assert f'data-focus="extra-{entry.pk}"' in added.text
    assert entry.grams == 2 * medium.grams
    portal.post(f"{P}diary/{entry.pk}/remove/", headers=HX)
    assert not DiaryEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"quantity": "0", "unit": "g"}, "above 0"),
        ({"quantity": "-1", "unit": "g"}, "above 0"),
        ({"quantity": "100000", "unit": "g"}, "at most 5,000 g"),
        ({"quantity": "", "unit": "g"}, "This field is required."),
    ],
)
def test_an_absurd_off_plan_amount_is_refused(portal, items, banana, client_, fields, message):
    today = client_.trainer.today().isoformat()
    response = portal.post(
        f"{P}foods/add/", {"day": today, "food": banana.pk, "meal": "Snacks", **fields}, headers=HX
    )
    assert 'id="action-error"' in response.text
    assert message in response.text
    assert not DiaryEntry.objects.exists()


def test_a_future_day_is_refused_and_nothing_is_written(portal, items, client_):
    tomorrow = client_.trainer.today() + dt.timedelta(days=1)
    response = tick(portal, items["porridge"], "eaten", on=tomorrow)
    assert "hasn&#x27;t happened yet" in response.text
    page = portal.get(P, {"day": tomorrow.isoformat()})
    assert "showing today" in page.text
    assert not DiaryEntry.objects.exists()


def test_without_htmx_a_tick_redirects_back_to_the_day(portal, items, client_):
    yesterday = client_.trainer.today() - dt.timedelta(days=1)
    response = portal.post(
        f"{P}items/{items['porridge'].pk}/", {"day": yesterday.isoformat(), "action": "eaten"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(f"{P}?day={yesterday.isoformat()}")
    # yesterday is before the plan started: the refusal comes back as a message
    assert "isn&#x27;t on your plan" in portal.get(response["Location"]).text


def test_another_clients_items_and_entries_are_404s(client, items, trainer, client_, oats):
    sibling = ClientFactory(trainer=trainer)
    own = DiaryEntry.objects.create(
        client=client_, eaten_on=trainer.today(), meal="Snacks", food=oats, grams=Decimal(10)
    )
    client.force_login(sibling.user)
    assert tick(client, items["porridge"], "eaten").status_code == 404
    assert client.post(f"{P}diary/{own.pk}/remove/").status_code == 404
    assert client.post(f"{P}diary/{own.pk}/", {"quantity": "5"}).status_code == 404
    assert DiaryEntry.objects.filter(pk=own.pk).exists()


def test_a_trainer_cannot_open_the_portal_page(trainer_client):
    assert trainer_client.get(P).status_code == 403


def test_the_home_card_shows_the_plan_and_today_so_far(portal, items, oats):
    home = portal.get("/portal/")
    assert "No meal plan yet" not in home.text
    assert "Lean week" in home.text
    assert "0 of 2 planned items ticked off" in home.text
    tick(portal, items["porridge"], "eaten")
    kcal = (oats.kcal * Decimal("0.8")).quantize(Decimal(1))
    assert f"{kcal} of 2,000 kcal today" in portal.get("/portal/").text


def test_the_home_card_without_a_plan(client, client_):
    client.force_login(client_.user)
    home = client.get("/portal/")
    assert "No meal plan yet" in home.text
    assert f'href="{P}"' in home.text
