"""seed_demo's nutrition: recipes, a week-long template plan with targets assigned to two
demo clients (each with their own copy), and a few days of the first client's diary."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from clients.models import Client
from nutrition.models import DiaryEntry, MealPlan, MealPlanEntry, Recipe
from nutrition.selectors.compliance import client_compliance

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_plan_recipes_assignments_and_a_diary():
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent: nothing twice

    template = MealPlan.objects.get(is_template=True)
    assert template.target_kcal == 1800
    assert template.slots.count() == 4
    assert MealPlanEntry.objects.filter(day__plan=template).count() >= 7 * 4
    assert Recipe.objects.filter(trainer=template.trainer).count() == 6
    copies = MealPlan.objects.filter(source=template, client__isnull=False)
    assert copies.count() == 2
    assert all(copy.assignments.get().status == "active" for copy in copies)

    anna = Client.objects.get(user__email="anna@demo.fitnesspr.app")
    diary = DiaryEntry.objects.filter(client=anna)
    assert diary.values("eaten_on").distinct().count() == 4  # three days back and today
    assert diary.filter(status="skipped").exists()
    assert diary.filter(plan_entry__isnull=True).exists()  # a snack eaten off-plan
    today = anna.trainer.today()
    days = client_compliance(client=anna, start=today - dt.timedelta(days=3), end=today).days
    assert all(day.logged for day in days)
    assert 70 <= days[1].percents["kcal"] <= 130  # a full day, near the target
