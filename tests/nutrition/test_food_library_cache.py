"""The food library's page is cached as rendered, per version of what each trainer sees
(fitnesspr.versions): every change to a food or its portions shows at once, whoever
makes it (the trainer through the services, staff in the admin, the library loader),
and no trainer is ever served another trainer's own foods from the cache."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fitnesspr.actor import actor_for_user
from nutrition.library import load_food_library, read_library
from nutrition.models import Food, FoodPortion
from nutrition.selectors.foods import library_version
from nutrition.services import foods as services

pytestmark = pytest.mark.django_db

FOODS = "/dashboard/nutrition/foods/"
HTMX = {"HX-Request": "true"}


@pytest.fixture
def alice(client, trainer):
    client.force_login(trainer.user)
    return client


@pytest.fixture
def bob(outsider):
    browser = Browser()
    browser.force_login(outsider.user)
    return browser


@pytest.fixture
def admin(staff):
    browser = Browser()
    browser.force_login(staff)
    return browser


def text(browser, **params: str) -> str:
    return browser.get(FOODS, params).text


def make(trainer, name: str, **fields):
    macros = {"protein_g": Decimal(10), "carbs_g": Decimal(10), "fat_g": Decimal("4.4")}
    return services.food_create(trainer=trainer, name=name, kcal=Decimal(120), **macros, **fields)


def test_a_second_look_is_served_from_the_cache(alice):
    first = alice.get(FOODS, {"category": "fruits"}, headers=HTMX)
    alice.get(FOODS, {"category": "fruits"})
    with CaptureQueriesContext(connection) as queries:
        again = alice.get(FOODS, {"category": "fruits"})
    assert first.text in again.text
    assert "nutrition_food" not in " ".join(q["sql"] for q in queries.captured_queries)


def test_the_trainers_own_food_and_its_changes_show_at_once(alice, trainer):
    assert "Zorblat bar" not in text(alice, q="zorblat")

    bar = make(trainer, "Zorblat bar", portions=[{"name": "1 bar", "grams": Decimal(40)}])
    page = text(alice, q="zorblat")
    assert "Zorblat bar" in page
    assert "1 bar = 40" in page

    actor = actor_for_user(trainer.user)
    services.food_update(
        actor=actor,
        food=bar,
        kcal=Decimal(250),
        protein_g=Decimal(20),
        carbs_g=Decimal(25),
        fat_g=Decimal("7.8"),
        portions=[{"name": "1 bar", "grams": Decimal(45)}],
    )
    page = text(alice, q="zorblat")
    assert ">250<" in page
    assert "1 bar = 45" in page

    services.food_delete(actor=actor, food=bar)
    assert "No foods match" in text(alice, q="zorblat")


def test_a_portion_changed_on_its_own_shows_at_once(alice, trainer):
    bar = make(trainer, "Zorblat bar", portions=[{"name": "1 bar", "grams": Decimal(40)}])
    assert "1 bar = 40" in text(alice, q="zorblat")

    portion = FoodPortion.objects.get(food=bar)  # its food not at hand
    portion.grams = Decimal(55)
    portion.save()
    assert "1 bar = 55" in text(alice, q="zorblat")

    portion.delete()
    assert "1 bar" not in text(alice, q="zorblat")


def test_another_trainer_never_sees_someone_elses_own_food(alice, bob, trainer, outsider):
    make(trainer, "Zorblat bar")
    make(outsider, "Zorblat shake")

    for _ in range(2):  # built, then from the cache
        mine, theirs = text(alice, q="zorblat"), text(bob, q="zorblat")
        assert "Zorblat bar" in mine
        assert "Zorblat shake" not in mine
        assert "Zorblat shake" in theirs
        assert "Zorblat bar" not in theirs

    before = library_version(trainer=outsider)
    make(trainer, "Zorblat gel")
    assert library_version(trainer=outsider) == before
    assert "Zorblat gel" not in text(bob, q="zorblat")


def test_a_change_to_the_shared_library_in_the_admin_shows_at_once(alice, bob, admin):
    oats = Food.objects.get(trainer__isnull=True, name="Rolled oats")
    assert "Rolled oats" in text(alice, q="rolled oats")
    text(bob, q="rolled oats")
    portions = list(oats.portions.order_by("order", "pk"))
    form = {
        "trainer": "",
        "name": "Rolled oats, jumbo",
        "brand": oats.brand,
        "aliases": oats.aliases,
        "category": oats.category,
        **{f: str(getattr(oats, f)) for f in ("kcal", "protein_g", "carbs_g", "fat_g")},
        **{f: str(getattr(oats, f)) for f in ("fiber_g", "alcohol_g")},
        "portions-TOTAL_FORMS": str(len(portions)),
        "portions-INITIAL_FORMS": str(len(portions)),
        "portions-MIN_NUM_FORMS": "0",
        "portions-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for n, portion in enumerate(portions):
        form |= {
            f"portions-{n}-id": str(portion.pk),
            f"portions-{n}-food": str(oats.pk),
            f"portions-{n}-order": str(portion.order),
            f"portions-{n}-name": portion.name,
            f"portions-{n}-grams": str(portion.grams),
        }

    answer = admin.post(reverse("admin:nutrition_food_change", args=[oats.pk]), form)
    assert answer.status_code == 302, answer.content

    for browser in (alice, bob):
        assert "Rolled oats, jumbo" in text(browser, q="rolled oats")


def test_moving_a_food_to_another_trainer_in_the_admin(alice, bob, admin, trainer, outsider):
    bar = make(trainer, "Zorblat bar")
    assert "Zorblat bar" in text(alice, q="zorblat")
    assert "Zorblat bar" not in text(bob, q="zorblat")

    form = {
        "trainer": outsider.pk,
        "name": bar.name,
        "brand": "",
        "aliases": "",
        "category": bar.category,
        **{f: str(getattr(bar, f)) for f in ("kcal", "protein_g", "carbs_g", "fat_g")},
        **{f: str(getattr(bar, f)) for f in ("fiber_g", "alcohol_g")},
        "portions-TOTAL_FORMS": "0",
        "portions-INITIAL_FORMS": "0",
        "portions-MIN_NUM_FORMS": "0",
        "portions-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    answer = admin.post(reverse("admin:nutrition_food_change", args=[bar.pk]), form)
    assert answer.status_code == 302, answer.content

    assert "Zorblat bar" not in text(alice, q="zorblat")
    assert "Zorblat bar" in text(bob, q="zorblat")


def test_a_refresh_of_the_library_file_shows_at_once(alice):
    assert "Zorblat berries" not in text(alice, q="zorblat")
    data = copy.deepcopy(read_library())
    data["foods"].append({**data["foods"][0], "name": "Zorblat berries", "aliases": []})

    load_food_library(data=data)  # bulk writes: no signals, the loader bumps

    assert "Zorblat berries" in text(alice, q="zorblat")
