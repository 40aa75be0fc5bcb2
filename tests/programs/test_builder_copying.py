"""Copying in the builder: a day to another slot, a week to another week or to every later
week, with a progression per week. A copy replaces what was in the target slots, never a
day with logged workouts, and a step that runs a dose out of range changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from programs.models import PrescribedExercise, ProgramDay
from programs.services.copying import Progression, program_day_copy, program_week_copy
from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramDayFactory,
    ProgramFactory,
)
from tests.factories.progress import WorkoutLogFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def program(trainer):
    """Week 1: Mon squat 100 kg 5 reps + plank 30 s, Wed bench 70% of 1RM 8-10 reps."""
    program = ProgramFactory(trainer=trainer, name="Block", duration_weeks=4, is_template=False)
    monday = ProgramDayFactory(program=program, week=1, day=1, title="Lower")
    wednesday = ProgramDayFactory(program=program, week=1, day=3, title="Upper")
    squat = ExerciseFactory(name="Back squat")
    plank = ExerciseFactory(name="Plank")
    bench = ExerciseFactory(name="Bench press")
    PrescribedExerciseFactory(
        day=monday, exercise=squat, order=1, sets=5, reps_min=5, reps_max=None, load_kg=100
    )
    PrescribedExerciseFactory(
        day=monday,
        exercise=plank,
        order=2,
        reps_min=None,
        reps_max=None,
        duration_seconds=30,
    )
    PrescribedExerciseFactory(
        day=wednesday, exercise=bench, order=1, reps_min=8, reps_max=10, load_percent_1rm=70
    )
    return program


def week_doses(program, week: int) -> list[tuple]:
    return list(
        PrescribedExercise.objects.filter(day__program=program, day__week=week)
        .order_by("day__day", "order")
        .values_list(
            "day__day",
            "exercise__name",
            "reps_min",
            "reps_max",
            "duration_seconds",
            "load_kg",
            "load_percent_1rm",
        )
    )


# ---------- services ----------


def test_a_week_copied_to_every_later_week_grows_by_one_step_a_week(program):
    program_week_copy(
        program=program,
        week=1,
        to_weeks=[2, 3, 4],
        progression=Progression(load_kg=Decimal("2.5"), reps=1),
    )

    assert week_doses(program, 4) == [
        (1, "Back squat", 8, None, None, Decimal("107.50"), None),
        (1, "Plank", None, None, 30, None, None),  # a time is not reps: it stays
        (3, "Bench press", 11, 13, None, None, Decimal("70.0")),  # kg step: % of 1RM stays
    ]
    assert week_doses(program, 2)[0][5] == Decimal("102.50")
    titles = set(ProgramDay.objects.filter(program=program).values_list("week", "day", "title"))
    assert (3, 1, "Lower") in titles
    assert (4, 3, "Upper") in titles


def test_a_percent_step_grows_loads_rounded_to_the_plate_and_1rm_percentages(program, trainer):
    trainer.plate_increment_kg = Decimal("2.5")
    trainer.save()

    program_week_copy(
        program=program, week=1, to_weeks=[3], progression=Progression(load_percent=Decimal(3))
    )

    # 100 kg + 2 x 3 % = 106 kg, rounded to the 2.5 kg plate step; 70 % + 2 x 3 points
    assert week_doses(program, 3) == [
        (1, "Back squat", 5, None, None, Decimal("105.00"), None),
        (1, "Plank", None, None, 30, None, None),
        (3, "Bench press", 8, 10, None, None, Decimal("76.0")),
    ]


def test_an_imperial_trainers_percent_step_rounds_to_5_lb(program, trainer):
    trainer.unit_system = "imperial"
    trainer.save()

    program_week_copy(
        program=program, week=1, to_weeks=[2], progression=Progression(load_percent=Decimal(5))
    )

    load = week_doses(program, 2)[0][5]  # 105 kg = 231.5 lb -> 230 lb
    assert load == Decimal("104.33")
    assert (load / Decimal("0.45359237")).quantize(Decimal(1)) == 230


def test_copying_onto_a_week_replaces_its_days(program):
    ProgramDayFactory(program=program, week=2, day=5, title="Old conditioning")

    program_week_copy(program=program, week=1, to_weeks=[2])

    assert list(ProgramDay.objects.filter(program=program, week=2).values_list("day", "title")) == [
        (1, "Lower"),
        (3, "Upper"),
    ]
    assert week_doses(program, 2) == week_doses(program, 1)


@pytest.mark.parametrize(
    ("progression", "message"),
    [
        (Progression(reps=-3), "In week 3, Back squat would drop below 1 rep"),
        (Progression(load_kg=Decimal(-40)), "In week 4, Back squat would drop below 0 kg"),
        (Progression(load_percent=Decimal(20)), "go outside 1\N{EN DASH}120 % of 1RM"),
    ],
)
def test_a_step_that_runs_a_dose_out_of_range_changes_nothing(program, progression, message):
    before = week_doses(program, 1)

    with pytest.raises(ValidationError) as refused:
        program_week_copy(program=program, week=1, to_weeks=[2, 3, 4], progression=progression)

    assert message in str(refused.value)
    assert not ProgramDay.objects.filter(program=program, week__gt=1).exists()
    assert week_doses(program, 1) == before


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"load_kg": Decimal(1), "load_percent": Decimal(1)}, "in kg or in %, not both"),
        ({"load_kg": Decimal(60)}, "up to 50 kg"),
        ({"reps": 11}, "up to 10 reps"),
    ],
)
def test_a_progression_is_checked(kwargs, message):
    with pytest.raises(ValidationError, match=message):
        Progression(**kwargs)


def test_a_day_with_logged_workouts_is_never_replaced(program, client_):
    logged = ProgramDayFactory(program=program, week=2, day=1, title="Done already")
    WorkoutLogFactory(client=client_, program_day=logged, performed_on=date(2026, 3, 9))

    with pytest.raises(ValidationError, match="Week 2, day 1 has logged workouts"):
        program_week_copy(program=program, week=1, to_weeks=[2])
    with pytest.raises(ValidationError, match="Week 2, day 1 has logged workouts"):
        program_day_copy(program_day=program.days.get(week=1, day=1), to=[(2, 1)])

    assert ProgramDay.objects.get(pk=logged.pk).title == "Done already"


def test_a_day_is_copied_to_another_slot(program):
    monday = program.days.get(week=1, day=1)

    (copy,) = program_day_copy(program_day=monday, to=[(1, 5)])

    assert (copy.week, copy.day, copy.title) == (1, 5, "Lower")
    assert [e.exercise.name for e in copy.exercises.order_by("order")] == ["Back squat", "Plank"]
    with pytest.raises(ValidationError, match="the day you are copying"):
        program_day_copy(program_day=monday, to=[(1, 1)])
    with pytest.raises(ValidationError, match="Pick a week from 1 to 4"):
        program_day_copy(program_day=monday, to=[(5, 1)])


def test_a_day_is_copied_to_the_same_day_of_every_later_week_with_a_step(program):
    monday = program.days.get(week=1, day=1)

    copies = program_day_copy(
        program_day=monday,
        to=[(2, 1), (3, 1), (4, 1)],
        progression=Progression(load_kg=Decimal(5)),
    )

    assert [(c.week, c.day) for c in copies] == [(2, 1), (3, 1), (4, 1)]
    assert week_doses(program, 4)[0][5] == Decimal("115.00")
    assert not ProgramDay.objects.filter(program=program, week=4, day=3).exists()


def test_an_empty_week_or_no_target_is_refused(program):
    with pytest.raises(ValidationError, match="Week 2 has no training days to copy"):
        program_week_copy(program=program, week=2, to_weeks=[3])
    with pytest.raises(ValidationError, match="Pick at least one week"):
        program_week_copy(program=program, week=1, to_weeks=[])
    with pytest.raises(ValidationError, match="Week 1 is the week you are copying"):
        program_week_copy(program=program, week=1, to_weeks=[1, 2])


# ---------- pages ----------


def test_repeat_week_1_with_a_progression_from_the_builder(alice, program):
    url = f"/dashboard/programs/{program.pk}/weeks/1/copy/"
    form = alice.get(url, {"to": "later"}, headers=HTMX)
    assert "<html" not in form.text
    assert "Every later week (2\N{EN DASH}4)" in form.text
    assert 'value="later" selected' in form.text

    answer = alice.post(
        url, {"to": "later", "load_step": "2.5", "load_unit": "unit", "reps_step": ""}, headers=HTMX
    )

    assert answer.text.lstrip().startswith('<div id="weeks-list">')
    assert "Week 1 is copied to weeks 2\N{EN DASH}4, +2.5 kg a week." in answer.text
    assert 'id="week-1" open' in answer.text
    assert "2 training days · 3 exercises" in answer.text  # week 4's summary
    assert week_doses(program, 3)[0][5] == Decimal("105.00")


def test_a_refused_copy_shows_the_form_again_where_it_was(alice, program):
    url = f"/dashboard/programs/{program.pk}/weeks/1/copy/"

    answer = alice.post(url, {"to": "later", "reps_step": "-3", "load_unit": "unit"}, headers=HTMX)

    assert answer["HX-Retarget"] == "#copy-week-1-form"
    assert "would drop below 1 rep" in answer.text
    assert not ProgramDay.objects.filter(program=program, week__gt=1).exists()
    junk = alice.post(url, {"to": "later", "load_step": "heavy", "load_unit": "unit"}, headers=HTMX)
    assert "Write the load step as a number" in junk.text


def test_copying_works_without_javascript(alice, program):
    monday = program.days.get(week=1, day=1)
    page = alice.get(f"/dashboard/programs/days/{monday.pk}/copy/")
    assert "<html" in page.text
    assert "Week 1 · Day 3 (replaces Upper)" in page.text
    assert "Day 1 of every later week (2\N{EN DASH}4)" in page.text

    done = alice.post(f"/dashboard/programs/days/{monday.pk}/copy/", {"slot": "2-2"})

    assert done.status_code == 302
    assert ProgramDay.objects.filter(program=program, week=2, day=2, title="Lower").exists()
    followed = alice.get(done["Location"])
    assert "Lower is copied to week 2, day 2. Open week 2 to see it." in followed.text

    every = alice.post(
        f"/dashboard/programs/days/{monday.pk}/copy/", {"slot": "later"}, headers=HTMX
    )
    assert "Lower is copied to day 1 of weeks 2\N{EN DASH}4." in every.text
    assert ProgramDay.objects.filter(program=program, day=1, title="Lower").count() == 4


def test_another_trainers_program_cannot_be_copied(client, outsider, program):
    client.force_login(outsider.user)
    assert (
        client.post(f"/dashboard/programs/{program.pk}/weeks/1/copy/", {"to": "2"}).status_code
        == 404
    )
    monday = program.days.get(week=1, day=1)
    assert (
        client.post(f"/dashboard/programs/days/{monday.pk}/copy/", {"slot": "2-1"}).status_code
        == 404
    )
    assert not ProgramDay.objects.filter(program=program, week=2).exists()


def test_a_week_that_does_not_exist_is_a_404(alice, program):
    assert alice.get(f"/dashboard/programs/{program.pk}/weeks/9/copy/").status_code == 404


# ---------- API ----------


def test_the_api_copies_a_week_through_the_block(trainer, api, program):
    api.force_authenticate(trainer.user)

    response = api.post(
        f"/api/v1/programs/{program.pk}/copy-week/",
        {"week": 1, "later": True, "progression": {"load_kg": 5}},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["message"] == "Week copied."
    assert len(body["data"]["days"]) == 8
    week_4 = next(d for d in body["data"]["days"] if d["week"] == 4 and d["day"] == 1)
    assert week_4["exercises"][0]["load_kg"] == 115.0


def test_the_api_copies_a_day_and_says_what_is_wrong(trainer, api, program):
    api.force_authenticate(trainer.user)
    url = f"/api/v1/programs/{program.pk}/copy-day/"

    created = api.post(url, {"week": 1, "day": 3, "to_week": 2, "to_day": 3}, format="json")
    missing = api.post(url, {"week": 1, "day": 2, "to_week": 2, "to_day": 3}, format="json")
    both = api.post(
        f"/api/v1/programs/{program.pk}/copy-week/",
        {"week": 1, "later": True, "to_weeks": [2]},
        format="json",
    )

    assert created.status_code == 201
    assert ProgramDay.objects.filter(program=program, week=2, day=3, title="Upper").exists()
    assert missing.status_code == 400
    assert missing.json()["error"]["code"] == "VALIDATION_ERROR"
    assert "has no training day 2" in missing.json()["error"]["message"]
    assert both.status_code == 400


def test_the_api_copies_a_day_to_every_later_week(trainer, api, program):
    api.force_authenticate(trainer.user)

    response = api.post(
        f"/api/v1/programs/{program.pk}/copy-day/",
        {"week": 1, "day": 3, "later": True, "progression": {"reps": 1}},
        format="json",
    )

    assert response.status_code == 201
    assert week_doses(program, 3) == [(3, "Bench press", 10, 12, None, None, Decimal("70.0"))]
