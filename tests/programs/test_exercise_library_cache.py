"""The exercise library's pages are cached as rendered, per version of what each trainer
sees (fitnesspr.versions): every change shows at once, whoever makes it (the trainer
through the services, staff in the admin, the library loader), and no trainer is ever
served another trainer's own exercises from the cache."""

from __future__ import annotations

import copy

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fitnesspr import versions
from fitnesspr.actor import actor_for_user
from programs.library import load_exercise_library, read_library
from programs.models import Equipment, Exercise, MuscleGroup
from programs.selectors.exercises import CACHE, library_version
from programs.services import exercises as services
from tests.factories.programs import ExerciseFactory, ProgramDayFactory, ProgramFactory

pytestmark = pytest.mark.django_db

LIST = "/dashboard/exercises/"
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
    return browser.get(LIST, params).text


def test_a_second_look_is_served_from_the_cache(alice):
    first = alice.get(LIST, {"muscle": "chest"}, headers=HTMX)
    alice.get(LIST, {"muscle": "chest"})
    with CaptureQueriesContext(connection) as queries:
        again = alice.get(LIST, {"muscle": "chest"})
    assert first.text in again.text
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "programs_exercise" not in sql  # neither the rows nor the filter choices
    assert "programs_musclegroup" not in sql


def test_the_trainers_own_exercise_shows_at_once(alice, trainer):
    assert "Zorblat Press" not in text(alice)
    assert "Zorblat Press" not in text(alice, q="zorblat")

    services.exercise_create(trainer=trainer, name="Zorblat Press")

    assert "Zorblat Press" in text(alice, q="zorblat")
    assert "Zorblat Press" in alice.get(LIST, {"q": "zorblat"}, headers=HTMX).text


def test_an_edit_and_a_delete_show_at_once(alice, trainer):
    chest = MuscleGroup.objects.get(slug="chest")
    own = services.exercise_create(trainer=trainer, name="Zorblat Press")
    assert "Zorblat Press" in text(alice, q="zorblat")
    assert "Zorblat Press" not in text(alice, muscle="chest", q="zorblat")

    services.exercise_update(
        actor=trainer_actor(trainer), exercise=own, name="Zorblat Fly", primary_muscles=[chest]
    )
    assert "Zorblat Fly" in text(alice, q="zorblat")
    assert "Zorblat Press" not in text(alice, q="zorblat")
    assert "Zorblat Fly" in text(alice, muscle="chest", q="zorblat")  # a filter follows too

    services.exercise_delete(actor=trainer_actor(trainer), exercise=own)
    assert "Zorblat" not in text(alice, q="zorblat")
    assert "No exercises match" in text(alice, q="zorblat")


def test_another_trainer_never_sees_someone_elses_own_exercise(alice, bob, trainer, outsider):
    services.exercise_create(trainer=trainer, name="Zorblat Press")
    services.exercise_create(trainer=outsider, name="Zorblat Row")

    for _ in range(2):  # built, then from the cache
        mine, theirs = text(alice, q="zorblat"), text(bob, q="zorblat")
        assert "Zorblat Press" in mine
        assert "Zorblat Row" not in mine
        assert "Zorblat Row" in theirs
        assert "Zorblat Press" not in theirs

    # one trainer's change leaves the other's cached page alone, and stays out of it
    before = library_version(trainer=outsider)
    services.exercise_create(trainer=trainer, name="Zorblat Curl")
    assert library_version(trainer=outsider) == before
    assert "Zorblat Curl" not in text(bob, q="zorblat")


def test_a_change_to_the_shared_library_in_the_admin_shows_at_once(alice, bob, admin):
    squat = Exercise.objects.get(trainer__isnull=True, name="Barbell Back Squat")
    assert "Barbell Back Squat" in text(alice, q="back squat")
    assert "Barbell Back Squat" in text(bob, q="back squat")

    url = reverse("admin:programs_exercise_change", args=[squat.pk])
    answer = admin.post(
        url,
        {
            "trainer": "",
            "name": "Barbell High-Bar Back Squat",
            "aliases": squat.aliases,
            "category": squat.category,
            "primary_muscles": [m.pk for m in squat.primary_muscles.all()],
            "secondary_muscles": [m.pk for m in squat.secondary_muscles.all()],
            "equipment": [e.pk for e in squat.equipment.all()],
            "instructions": squat.instructions,
            "video_url": "",
            "_save": "Save",
        },
    )
    assert answer.status_code == 302, answer.content

    for browser in (alice, bob):
        assert "Barbell High-Bar Back Squat" in text(browser, q="back squat")


def test_muscles_and_equipment_renamed_show_in_the_rows_and_the_filters(alice):
    assert "Pecs" not in text(alice, muscle="chest")
    chest = MuscleGroup.objects.get(slug="chest")
    chest.name = "Pecs"
    chest.save()

    page = text(alice, muscle="chest")
    assert '<option value="chest" selected>Pecs</option>' in page
    assert "<td>Pecs" in page

    Equipment.objects.create(name="Sandbag", slug="sandbag")
    assert '<option value="sandbag">Sandbag</option>' in text(alice)


def test_links_changed_from_the_muscles_side_show_too(alice, trainer):
    own = ExerciseFactory(trainer=trainer, name="Zorblat Press")
    assert "Zorblat Press" not in text(alice, muscle="chest", q="zorblat")

    MuscleGroup.objects.get(slug="chest").primary_exercises.add(own)

    assert "Zorblat Press" in text(alice, muscle="chest", q="zorblat")


def test_moving_an_exercise_to_another_trainer_in_the_admin(alice, bob, admin, trainer, outsider):
    own = ExerciseFactory(trainer=trainer, name="Zorblat Press", category="strength")
    assert "Zorblat Press" in text(alice, q="zorblat")

    answer = admin.post(
        reverse("admin:programs_exercise_change", args=[own.pk]),
        {
            "trainer": outsider.pk,
            "name": own.name,
            "category": own.category,
            "_save": "Save",
        },
    )
    assert answer.status_code == 302, answer.content

    assert "Zorblat Press" not in text(alice, q="zorblat")
    assert "Zorblat Press" in text(bob, q="zorblat")


def test_a_refresh_of_the_library_file_shows_at_once(alice):
    assert "Tempo Wall Sit" not in text(alice, q="tempo wall")
    data = copy.deepcopy(read_library())
    data["exercises"].append(
        {
            "name": "Tempo Wall Sit",
            "aliases": [],
            "category": "strength",
            "primary": ["quadriceps"],
            "secondary": [],
            "equipment": [],
        }
    )

    load_exercise_library(data=data)  # bulk writes: no signals, the loader bumps

    assert "Tempo Wall Sit" in text(alice, q="tempo wall")


def test_the_version_moves_again_once_the_change_is_committed(
    trainer, django_capture_on_commit_callbacks
):
    before = library_version(trainer=trainer)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.exercise_create(trainer=trainer, name="Zorblat Press")
        in_transaction = library_version(trainer=trainer)
    assert callbacks  # a request that read the old rows meanwhile cached them under
    assert before != in_transaction != library_version(trainer=trainer)  # ...this one


def test_an_evicted_version_starts_afresh(alice, trainer):
    text(alice)
    before = library_version(trainer=trainer)
    cache.delete_many([f"{versions.PREFIX}{CACHE}:shared"])
    assert library_version(trainer=trainer) != before


def test_the_builders_picker_shows_changes_at_once_and_only_the_trainers_own(
    alice, trainer, outsider
):
    day = ProgramDayFactory(program=ProgramFactory(trainer=trainer), week=1, day=1)
    url = f"/dashboard/programs/days/{day.pk}/exercises/"
    assert "Zorblat" not in alice.get(url, {"q": "zorblat"}, headers=HTMX).text

    services.exercise_create(trainer=outsider, name="Zorblat Row")
    own = services.exercise_create(trainer=trainer, name="Zorblat Press")

    picked = alice.get(url, {"q": "zorblat"}, headers=HTMX).text
    assert "Zorblat Press" in picked
    assert "Zorblat Row" not in picked
    services.exercise_update(actor=trainer_actor(trainer), exercise=own, name="Zorblat Fly")
    assert "Zorblat Fly" in alice.get(url, {"q": "zorblat"}, headers=HTMX).text


def trainer_actor(trainer):
    return actor_for_user(trainer.user)
