"""The meal plan pages: the index, the editor (targets typed or by the formula, meals
renamed and added, items added and changed in place, a day copied), assigning, the
shopping list, and the client's Nutrition tab. Another trainer's plan, item or client is
a 404; every refusal is shown where it happened and writes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from nutrition.models import Food, MealPlan, MealPlanAssignment, MealPlanEntry, MealPlanSlot
from nutrition.selectors.today import day_meals
from nutrition.services.assignments import plan_assign
from nutrition.services.diary import diary_tick
from nutrition.services.plans import entry_add, plan_create
from nutrition.services.recipes import recipe_create
from tests.factories.core import ClientFactory
from tests.factories.progress import BodyMeasurementFactory

pytestmark = pytest.mark.django_db

N = "/dashboard/nutrition/"
HX = {"HX-Request": "true"}


@pytest.fixture
def oats() -> Food:
    return Food.objects.get(trainer__isnull=True, name="Rolled oats")


@pytest.fixture
def plan(trainer, oats) -> MealPlan:
    plan = plan_create(trainer=trainer, name="Lean week", target_kcal=2000)
    porridge = recipe_create(
        trainer=trainer, name="Porridge", ingredients=[{"food": oats, "grams": 80}]
    )
    for day in plan.days.all():
        entry_add(day=day, slot=plan.slots.get(name="Breakfast"), recipe=porridge)
    return plan


def editor(plan: MealPlan) -> str:
    return f"{N}plans/{plan.pk}/"


class TestIndexAndCreate:
    def test_the_nutrition_section_is_in_the_dashboard_navigation(self, trainer_client, plan):
        page = trainer_client.get("/dashboard/")
        assert 'href="/dashboard/nutrition/"' in page.text
        index = trainer_client.get(N)
        assert index.status_code == 200
        assert "Lean week" in index.text

    def test_a_new_plan_opens_on_its_week(self, trainer_client, trainer):
        response = trainer_client.post(f"{N}plans/new/", {"name": "Cut", "description": ""})
        plan = MealPlan.objects.get(trainer=trainer, name="Cut")
        assert response.status_code == 302
        assert response["Location"] == editor(plan)
        page = trainer_client.get(editor(plan))
        assert page.text.count('class="day-card plan-day"') == 7
        assert "no-store" in page["Cache-Control"]  # Back fetches it again, never a stale copy
        for meal in ("Breakfast", "Lunch", "Dinner", "Snacks"):
            assert f"Add to {meal.lower()}" in page.text


class TestTargets:
    def test_typed_targets_that_do_not_add_up_are_shown_next_to_the_field(
        self, trainer_client, plan
    ):
        response = trainer_client.post(
            f"{editor(plan)}targets/",
            {
                "target_kcal": "2000",
                "target_protein_g": "150",
                "target_carbs_g": "250",
                "target_fat_g": "90",
            },
        )
        assert response.status_code == 200
        assert 'id="id_target_kcal_error"' in response.text
        assert "kcal target" in response.text
        assert 'id="typed-panel" open' not in response.text  # the panel is open:
        assert '<details class="panel" open id="typed-panel">' in response.text
        plan.refresh_from_db()
        assert plan.target_protein_g is None

    def test_the_formula_prefills_from_the_client_and_saves_its_inputs(
        self, trainer_client, trainer
    ):
        carol = ClientFactory(
            trainer=trainer, height_cm=Decimal(165), date_of_birth=dt.date(1985, 6, 1)
        )
        BodyMeasurementFactory(
            client=carol, measured_on=dt.date(2026, 1, 5), weight_kg=Decimal("61.0")
        )
        BodyMeasurementFactory(
            client=carol, measured_on=dt.date(2026, 2, 5), weight_kg=Decimal("60.0")
        )
        plan = plan_create(trainer=trainer, name="Carol's")
        plan.client, plan.is_template = carol, False
        plan.save()

        page = trainer_client.get(editor(plan))
        assert 'name="weight" value="60.0"' in page.text  # the latest measurement
        assert 'name="height" value="165.0"' in page.text

        preview = trainer_client.post(
            f"{editor(plan)}targets/preview/",
            {
                "sex": "female",
                "age": "40",
                "weight": "60",
                "height": "165",
                "activity": "light",
                "goal": "lose",
            },
        )
        assert "1,270 kcal" in preview.text
        assert "\u00d7 1.375" in preview.text
        assert "not saved yet" in preview.text
        response = trainer_client.post(
            f"{editor(plan)}targets/calculate/",
            {
                "sex": "female",
                "age": "40",
                "weight": "60",
                "height": "165",
                "activity": "light",
                "goal": "lose",
            },
        )
        assert response.status_code == 302
        plan.refresh_from_db()
        assert (plan.target_kcal, plan.target_protein_g, plan.calc_weight_kg) == (
            1400,
            120,
            Decimal(60),
        )
        page = trainer_client.get(editor(plan))
        assert "Set by the Mifflin-St Jeor formula" in page.text
        assert (
            "10 \u00d7 60 kg + 6.25 \u00d7 165 cm \u2212 5 \u00d7 40 years \u2212 161" in page.text
        )

    def test_an_impossible_input_is_refused_on_its_field(self, trainer_client, plan):
        response = trainer_client.post(
            f"{editor(plan)}targets/calculate/",
            {
                "sex": "male",
                "age": "30",
                "weight": "600",
                "height": "180",
                "activity": "light",
                "goal": "gain",
            },
        )
        assert response.status_code == 200
        assert 'id="id_weight_error"' in response.text
        plan.refresh_from_db()
        assert plan.target_kcal == 2000


class TestWeek:
    def test_meals_are_renamed_added_and_removed(self, trainer_client, plan):
        snacks = plan.slots.get(name="Snacks")
        renamed = trainer_client.post(
            f"{N}meals/{snacks.pk}/", {"name": "Afternoon snack"}, headers=HX
        )
        assert 'id="week"' in renamed.text
        assert "Add to afternoon snack" in renamed.text
        trainer_client.post(f"{N}plans/{plan.pk}/meals/", {"name": "Pre-workout"}, headers=HX)
        clash = trainer_client.post(
            f"{N}plans/{plan.pk}/meals/", {"name": "pre-workout"}, headers=HX
        )
        assert 'id="week-error"' in clash.text
        assert list(plan.slots.values_list("name", flat=True)) == [
            "Breakfast",
            "Lunch",
            "Dinner",
            "Afternoon snack",
            "Pre-workout",
        ]
        breakfast = plan.slots.get(name="Breakfast")
        trainer_client.post(f"{N}meals/{breakfast.pk}/delete/", headers=HX)
        assert not MealPlanSlot.objects.filter(pk=breakfast.pk).exists()
        assert not MealPlanEntry.objects.filter(day__plan=plan).exists()  # its items went with it

    def test_an_item_is_added_from_the_picker_and_its_amount_changed_in_place(
        self, trainer_client, plan, oats
    ):
        day = plan.days.get(day_number=2)
        lunch = plan.slots.get(name="Lunch")
        results = trainer_client.get(
            f"{N}days/{day.pk}/items/", {"slot": lunch.pk, "q": "oatmeal"}, headers=HX
        )
        assert "Rolled oats" in results.text
        assert "Porridge" not in results.text
        added = trainer_client.post(
            f"{N}days/{day.pk}/items/", {"slot": lunch.pk, "food": oats.pk}, headers=HX
        )
        assert added.status_code == 200
        assert 'id="day-2"' in added.text
        entry = day.entries.get(slot=lunch)
        assert (entry.portion.name, entry.quantity) == ("1/2 cup dry", 1)

        changed = trainer_client.post(
            f"{N}items/{entry.pk}/",
            {f"item{entry.pk}-quantity": "120", f"item{entry.pk}-unit": "g"},
            headers=HX,
        )
        entry.refresh_from_db()
        assert (entry.grams, entry.portion) == (Decimal(120), None)
        assert "Saved" in changed.text

    @pytest.mark.parametrize(
        ("quantity", "message"),
        [("0", "above 0"), ("-5", "above 0"), ("100000", "at most 5,000 g")],
    )
    def test_an_absurd_amount_is_refused_in_the_items_row(
        self, trainer_client, plan, oats, quantity, message
    ):
        day = plan.days.get(day_number=1)
        entry = entry_add(day=day, slot=plan.slots.get(name="Snacks"), food=oats, grams=Decimal(40))
        response = trainer_client.post(
            f"{N}items/{entry.pk}/",
            {f"item{entry.pk}-quantity": quantity, f"item{entry.pk}-unit": "g"},
            headers=HX,
        )
        assert response.status_code == 200
        assert f'id="item-{entry.pk}-error"' in response.text
        assert message in response.text
        entry.refresh_from_db()
        assert entry.grams == Decimal(40)

    def test_copying_a_day_to_other_days(self, trainer_client, plan, oats):
        monday = plan.days.get(day_number=1)
        entry_add(day=monday, slot=plan.slots.get(name="Snacks"), food=oats, grams=Decimal(30))
        response = trainer_client.post(f"{N}days/{monday.pk}/copy/", {"to": ["2", "3"]}, headers=HX)
        assert response.status_code == 200
        for number in (2, 3):
            assert plan.days.get(day_number=number).entries.count() == 2
        assert plan.days.get(day_number=4).entries.count() == 1
        nothing = trainer_client.post(f"{N}days/{monday.pk}/copy/", {}, headers=HX)
        assert "Pick at least one day" in nothing.text

    def test_another_trainers_plan_day_item_and_meal_are_404s(self, client, outsider, plan):
        client.force_login(outsider.user)
        day, slot = plan.days.first(), plan.slots.first()
        entry = day.entries.first()
        for method, url in [
            ("get", editor(plan)),
            ("post", f"{editor(plan)}targets/"),
            ("get", f"{editor(plan)}shopping/"),
            ("post", f"{N}days/{day.pk}/copy/"),
            ("post", f"{N}items/{entry.pk}/"),
            ("post", f"{N}items/{entry.pk}/delete/"),
            ("post", f"{N}meals/{slot.pk}/"),
            ("get", f"{editor(plan)}assign/"),
        ]:
            assert getattr(client, method)(url).status_code == 404, url
        assert MealPlanEntry.objects.filter(pk=entry.pk).exists()


class TestAssignAndShop:
    def test_assigning_gives_each_client_a_copy(self, trainer_client, trainer, plan):
        carol, dave = ClientFactory(trainer=trainer), ClientFactory(trainer=trainer)
        response = trainer_client.post(
            f"{editor(plan)}assign/", {"clients": [carol.pk, dave.pk], "start_date": "2026-03-02"}
        )
        assert response.status_code == 302
        copies = MealPlan.objects.filter(source=plan, client__isnull=False)
        assert {c.client for c in copies} == {carol, dave}
        page = trainer_client.get(editor(plan))
        assert page.text.count("End assignment") == 2

    def test_a_client_of_another_trainer_or_a_date_out_of_range_is_refused(
        self, trainer_client, outsider, plan, trainer
    ):
        carol = ClientFactory(trainer=trainer)
        stranger = ClientFactory(trainer=outsider)
        response = trainer_client.post(
            f"{editor(plan)}assign/", {"clients": [stranger.pk], "start_date": "2026-03-02"}
        )
        assert "not one of the available choices" in response.text
        response = trainer_client.post(
            f"{editor(plan)}assign/", {"clients": [carol.pk], "start_date": "2190-01-01"}
        )
        assert "between 2000 and 2100" in response.text
        assert not MealPlanAssignment.objects.exists()

    def test_the_shopping_list_sums_the_chosen_days(self, trainer_client, plan):
        week = trainer_client.get(f"{editor(plan)}shopping/")
        assert "Rolled oats" in week.text
        assert "560 g" in week.text  # 7 x 80 g
        assert "about 14 \u00d7 1/2 cup dry" in week.text  # 560 / 40 g
        two = trainer_client.get(f"{editor(plan)}shopping/", {"days": ["1", "2"]})
        assert "160 g" in two.text
        assert "data-print" in two.text  # a Print button; nutrition.css has the print style
        assert "@media print" in Path("static/css/nutrition.css").read_text()


class TestClientTab:
    def test_the_client_page_links_to_nutrition_and_shows_compliance(
        self, trainer_client, trainer, plan
    ):
        carol = ClientFactory(trainer=trainer, user__first_name="Carol")
        today = trainer.today()
        plan_assign(plan=plan, client=carol, start_date=today)
        item = day_meals(client=carol, on=today).planned_items[0]
        diary_tick(client=carol, plan_entry=item.entry, on=today)

        profile = trainer_client.get(f"/dashboard/clients/{carol.pk}/")
        assert f'href="/dashboard/clients/{carol.pk}/nutrition/"' in profile.text
        page = trainer_client.get(f"/dashboard/clients/{carol.pk}/nutrition/")
        assert page.status_code == 200
        eaten = (Food.objects.get(name="Rolled oats").kcal * Decimal("0.8")).quantize(Decimal(1))
        assert f"{eaten} of 2,000 kcal" in page.text
        assert "1 of 7" in page.text  # days logged this week
        assert "Porridge" in page.text

    def test_a_future_or_broken_day_falls_back_to_today_with_a_message(
        self, trainer_client, trainer
    ):
        carol = ClientFactory(trainer=trainer)
        future = trainer_client.get(
            f"/dashboard/clients/{carol.pk}/nutrition/", {"day": "2199-01-01"}
        )
        assert "hasn&#x27;t happened yet" in future.text
        broken = trainer_client.get(f"/dashboard/clients/{carol.pk}/nutrition/", {"day": "soon"})
        assert "isn&#x27;t a date" in broken.text

    def test_another_trainers_client_is_a_404(self, trainer_client, outsider):
        stranger = ClientFactory(trainer=outsider)
        assert trainer_client.get(f"/dashboard/clients/{stranger.pk}/nutrition/").status_code == 404
