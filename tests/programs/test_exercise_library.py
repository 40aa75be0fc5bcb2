"""The global exercise library: every migrated database has it, and the same loader
refreshes it (as a command) without touching a trainer's own exercises."""

from __future__ import annotations

import copy
import importlib
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.models import Count

from programs.library import load_exercise_library, read_library
from programs.models import Equipment, Exercise, MuscleGroup
from tests.factories.programs import ExerciseFactory

pytestmark = pytest.mark.django_db

MIGRATION = ("programs", "0002_load_exercise_library")


def _global():
    return Exercise.objects.filter(trainer__isnull=True)


def _link_counts() -> tuple[int, int, int]:
    return (
        Exercise.primary_muscles.through.objects.count(),
        Exercise.secondary_muscles.through.objects.count(),
        Exercise.equipment.through.objects.count(),
    )


def test_a_migrated_database_has_the_library_with_muscles_equipment_and_instructions():
    library = _global().annotate(
        n_primary=Count("primary_muscles", distinct=True),
        n_equipment=Count("equipment", distinct=True),
    )

    assert library.count() >= 150
    assert MuscleGroup.objects.count() >= 20
    assert Equipment.objects.count() >= 20
    assert not library.filter(n_primary=0).exists()
    assert not library.filter(n_equipment=0).exists()
    assert not library.filter(instructions="").exists()
    assert {"strength", "cardio", "mobility"} <= set(library.values_list("category", flat=True))
    squat = library.get(name="Barbell Back Squat")
    assert {m.slug for m in squat.primary_muscles.all()} == {"quadriceps", "glutes"}
    assert "hamstrings" in {m.slug for m in squat.secondary_muscles.all()}
    assert {e.slug for e in squat.equipment.all()} == {"barbell", "squat-rack"}
    assert "Back Squat" in squat.aliases


def test_the_migration_loads_an_empty_database_with_its_historical_models():
    _global().delete()
    MuscleGroup.objects.all().delete()
    Equipment.objects.all().delete()
    migration = importlib.import_module("programs.migrations.0002_load_exercise_library")
    apps = MigrationLoader(connection).project_state(MIGRATION).apps

    migration.load_library(apps, SimpleNamespace(connection=connection))

    assert _global().count() == len(read_library()["exercises"])
    assert MuscleGroup.objects.count() == 21
    assert _link_counts()[0] >= _global().count()


def test_loading_again_changes_nothing():
    before = (_global().count(), MuscleGroup.objects.count(), _link_counts())

    result = load_exercise_library()

    assert (result.exercises_created, result.exercises_updated) == (0, 0)
    assert (_global().count(), MuscleGroup.objects.count(), _link_counts()) == before


def test_a_refresh_restores_the_library_and_leaves_trainers_exercises_alone(trainer):
    squat = _global().get(name="Goblet Squat")
    squat.instructions = "Edited by hand"
    squat.save()
    squat.equipment.clear()
    own = ExerciseFactory(trainer=trainer, name="Goblet Squat", instructions="My cues")
    extra = ExerciseFactory(name="Staff-only drill")  # a global row the file doesn't know

    result = load_exercise_library()

    assert (result.exercises_created, result.exercises_updated) == (0, 1)
    squat.refresh_from_db()
    in_file = next(row for row in read_library()["exercises"] if row["name"] == "Goblet Squat")
    assert squat.instructions == in_file["instructions"]
    assert squat.equipment.exists()
    own.refresh_from_db()
    assert own.instructions == "My cues"
    assert not own.equipment.exists()
    assert Exercise.objects.filter(pk=extra.pk).exists()


def test_new_entries_in_the_file_are_added():
    data = copy.deepcopy(read_library())
    data["exercises"].append(
        {
            "name": "Tempo Wall Sit",
            "aliases": ["Wall sit"],
            "category": "strength",
            "primary": ["quadriceps"],
            "secondary": [],
            "equipment": ["bodyweight"],
            "unilateral": False,
            "instructions": "Slide down a wall until your thighs are level and hold.",
        }
    )

    result = load_exercise_library(data=data)

    assert result.exercises_created == 1
    added = _global().get(name="Tempo Wall Sit")
    assert [m.slug for m in added.primary_muscles.all()] == ["quadriceps"]


def test_a_broken_file_fails_loudly_and_writes_nothing():
    data = copy.deepcopy(read_library())
    data["exercises"][0]["name"] = "Brand New Lift"
    data["exercises"][1]["primary"] = ["wings"]

    with pytest.raises(ValueError, match="wings"):
        load_exercise_library(data=data)

    assert not _global().filter(name="Brand New Lift").exists()


def test_the_command_refreshes_the_library_and_says_what_it_did():
    _global().filter(name="Barbell Front Squat").delete()
    out = StringIO()

    call_command("load_exercise_library", stdout=out)

    assert "1 exercises added, 0 updated" in out.getvalue()
    assert _global().filter(name="Barbell Front Squat").exists()
