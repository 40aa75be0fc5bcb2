"""Smaller bounds: a client listed twice in one assignment, megabytes of notes and
thousands of nested rows are refused with a 400 (documented in the schema), and
nothing is written."""

from __future__ import annotations

import pytest

from fitnesspr.text import TEXT_MAX
from programs.models import Program, ProgramAssignment
from programs.services.builder import MAX_DAYS_IN_PROGRAM, MAX_EXERCISES_PER_DAY
from tests.api.conftest import bearer
from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramDayFactory,
    ProgramFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_api(trainer):
    return bearer(trainer.user)


@pytest.fixture
def template(trainer):
    program = ProgramFactory(trainer=trainer, name="Strength base", duration_weeks=2)
    day = ProgramDayFactory(program=program, week=1, day=1, title="Full body")
    PrescribedExerciseFactory(day=day, exercise=ExerciseFactory(name="Back squat"), sets=5)
    return program


def _fields(response):
    return {d.get("field", "") for d in response.json()["error"]["details"]}


def test_a_client_listed_twice_is_refused(trainer_api, template, client_):
    response = trainer_api.post(
        f"/api/v1/programs/{template.pk}/assign/",
        {"clients": [client_.pk, client_.pk, client_.pk], "start_date": "2026-03-02"},
        format="json",
    )

    assert response.status_code == 400
    assert "Each client can be picked once" in response.json()["error"]["message"]
    assert not ProgramAssignment.objects.exists()
    assert Program.objects.count() == 1


def test_a_meal_plan_client_listed_twice_is_refused(trainer, client_):
    from django.core.exceptions import ValidationError

    from nutrition.services.assignments import plan_assign_many
    from tests.factories.nutrition import MealPlanFactory

    plan = MealPlanFactory(trainer=trainer)
    with pytest.raises(ValidationError, match="Each client can be picked once"):
        plan_assign_many(plan=plan, clients=[client_, client_], start_date=trainer.today())


def test_a_megabyte_of_notes_is_refused(trainer_api, client_):
    huge = "x" * (TEXT_MAX + 1)
    response = trainer_api.patch(f"/api/v1/clients/{client_.pk}/", {"notes": huge}, format="json")

    assert response.status_code == 400
    assert "notes" in _fields(response)
    client_.refresh_from_db()
    assert client_.notes == ""


def test_notes_on_the_client_page_are_capped(trainer, client_, client):
    client.force_login(trainer.user)
    page = client.get(f"/dashboard/clients/{client_.pk}/edit/")
    assert f'maxlength="{TEXT_MAX}"' in page.text


def test_too_many_exercises_in_a_day_are_refused(trainer_api):
    squat = ExerciseFactory(name="Squat")
    day = {
        "week": 1,
        "day": 1,
        "exercises": [{"exercise": squat.pk, "sets": 3, "reps_min": 5}]
        * (MAX_EXERCISES_PER_DAY + 1),
    }

    response = trainer_api.post("/api/v1/programs/", {"name": "Huge", "days": [day]}, format="json")

    assert response.status_code == 400
    assert not Program.objects.filter(name="Huge").exists()


def test_the_builder_service_caps_a_day_too(trainer):
    from django.core.exceptions import ValidationError

    from programs.services.builder import prescription_add

    day = ProgramDayFactory(program=ProgramFactory(trainer=trainer), week=1, day=1)
    squat = ExerciseFactory(name="Squat")
    for _ in range(MAX_EXERCISES_PER_DAY):
        prescription_add(program_day=day, exercise=squat, sets=3, reps_min=5)
    with pytest.raises(ValidationError, match="at most"):
        prescription_add(program_day=day, exercise=squat, sets=3, reps_min=5)


def test_the_caps_are_in_the_schema(trainer_api):
    schema = trainer_api.get("/api/v1/schema/?format=json").json()["components"]["schemas"]
    program = schema.get("ProgramRequest", schema["Program"])
    day = schema.get("ProgramDayRequest", schema["ProgramDay"])
    assert program["properties"]["days"]["maxItems"] == MAX_DAYS_IN_PROGRAM
    assert program["properties"]["description"]["maxLength"] == TEXT_MAX
    assert day["properties"]["exercises"]["maxItems"] == MAX_EXERCISES_PER_DAY
    client = schema.get("ClientRequest", schema["Client"])
    assert client["properties"]["notes"]["maxLength"] == TEXT_MAX
