"""Ids and numbers no form offers (too big for a database column, not numbers at all)
are refused like anything else that isn't there: a message, never a server error, and
nothing written."""

from __future__ import annotations

import pytest

from nutrition.models import DiaryEntry, Food, MealPlanEntry, Recipe
from nutrition.services.assignments import plan_assign
from nutrition.services.plans import entry_add, plan_create

pytestmark = pytest.mark.django_db

HUGE = str(2**70)
HX = {"HX-Request": "true"}


@pytest.fixture
def oats() -> Food:
    return Food.objects.get(trainer__isnull=True, name="Rolled oats")


@pytest.fixture
def plan(trainer, oats):
    plan = plan_create(trainer=trainer, name="Week")
    entry_add(day=plan.days.first(), slot=plan.slots.first(), food=oats)
    return plan


@pytest.mark.parametrize("wild", [HUGE, "-3", "oats", "1e9"])
def test_the_plan_editor(trainer_client, plan, wild):
    day, slot = plan.days.first(), plan.slots.first()
    before = MealPlanEntry.objects.count()
    added = trainer_client.post(
        f"/dashboard/nutrition/days/{day.pk}/items/", {"slot": slot.pk, "food": wild}, headers=HX
    )
    assert added.status_code == 200
    assert "from your library" in added.text
    picker = trainer_client.get(
        f"/dashboard/nutrition/days/{day.pk}/items/", {"slot": wild, "q": "oat"}, headers=HX
    )
    assert picker.status_code == 404
    copy = trainer_client.post(
        f"/dashboard/nutrition/days/{day.pk}/copy/", {"to": [wild]}, headers=HX
    )
    assert copy.status_code == 200
    assert MealPlanEntry.objects.count() == before


@pytest.mark.parametrize("wild", [HUGE, "-3", "oats"])
def test_the_recipe_form(trainer_client, oats, wild):
    rows = {
        "ingredients-TOTAL_FORMS": "1",
        "ingredients-INITIAL_FORMS": "0",
        "ingredients-0-food": wild,
        "ingredients-0-quantity": "50",
        "ingredients-0-unit": "g",
    }
    added = trainer_client.post(
        "/dashboard/nutrition/recipes/new/",
        {"name": "X", "servings": "1", "add_food": wild, **rows},
        headers=HX,
    )
    assert added.status_code == 200
    assert "Pick a food from your library." in added.text
    saved = trainer_client.post(
        "/dashboard/nutrition/recipes/new/",
        {
            "name": "X",
            "servings": "1",
            "prep_minutes": "0",
            "cook_minutes": "0",
            "save": "1",
            **rows,
        },
    )
    assert saved.status_code == 200
    assert not Recipe.objects.exists()


@pytest.mark.parametrize("wild", [HUGE, "-3", "oats"])
def test_the_portal(client, client_, plan, oats, wild):
    plan_assign(plan=plan, client=client_, start_date=client_.trainer.today())
    client.force_login(client_.user)
    today = client_.trainer.today().isoformat()
    for data in (
        {"day": today, "food": wild, "quantity": "1", "unit": "g", "meal": "Snacks"},
        {"day": today, "food": oats.pk, "quantity": "1", "unit": wild, "meal": "Snacks"},
    ):
        response = client.post("/portal/nutrition/foods/add/", data, headers=HX)
        assert response.status_code == 200
        assert 'id="action-error"' in response.text
    assert client.get("/portal/nutrition/", {"day": HUGE}).status_code == 200
    assert not DiaryEntry.objects.exists()


def test_the_api(client_api, client_, plan, oats):
    plan_assign(plan=plan, client=client_, start_date=client_.trainer.today())
    body = {
        "food": oats.pk,
        "meal": "Snacks",
        "eaten_on": client_.trainer.today().isoformat(),
        "portion": int(HUGE),
        "quantity": 1,
    }
    response = client_api.post("/api/v1/meals/diary/", body, format="json")
    assert response.status_code == 400
    assert not DiaryEntry.objects.exists()
