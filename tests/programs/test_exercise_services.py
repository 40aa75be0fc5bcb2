"""A trainer's own exercises: create, update, delete; the shared library stays read-only
and an exercise that programs or logs use can't be deleted."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from fitnesspr.actor import actor_for_user
from fitnesspr.errors import ConflictError
from programs.models import Equipment, Exercise, MuscleGroup
from programs.services.exercises import exercise_create, exercise_delete, exercise_update
from tests.factories.programs import ExerciseFactory, PrescribedExerciseFactory, ProgramDayFactory
from tests.factories.progress import SetLogFactory, WorkoutLogFactory


def as_trainer(trainer):
    return actor_for_user(trainer.user)


pytestmark = pytest.mark.django_db


@pytest.fixture
def chest():
    return MuscleGroup.objects.get(slug="chest")


@pytest.fixture
def triceps():
    return MuscleGroup.objects.get(slug="triceps")


@pytest.fixture
def dumbbell():
    return Equipment.objects.get(slug="dumbbell")


def test_create_adds_an_exercise_to_the_trainers_own_library(trainer, chest, triceps, dumbbell):
    exercise = exercise_create(
        trainer=trainer,
        name="  Spoto Press ",
        category="strength",
        aliases=["Pause bench", " ", "Pause bench", "Spoto"],
        primary_muscles=[chest],
        secondary_muscles=[triceps],
        equipment=[dumbbell],
        instructions="Stop an inch above the chest.",
        video_url="https://videos.example.com/spoto",
        is_unilateral=False,
    )

    exercise.refresh_from_db()
    assert exercise.trainer == trainer
    assert exercise.name == "Spoto Press"
    assert exercise.aliases == "Pause bench, Spoto"
    assert list(exercise.primary_muscles.all()) == [chest]
    assert list(exercise.secondary_muscles.all()) == [triceps]
    assert list(exercise.equipment.all()) == [dumbbell]
    assert not exercise.is_global


def test_names_are_unique_per_trainer_ignoring_case(trainer, outsider):
    exercise_create(trainer=trainer, name="Spoto Press")

    with pytest.raises(ConflictError) as exc:
        exercise_create(trainer=trainer, name="SPOTO press")

    assert exc.value.field == "name"
    assert "already have an exercise" in exc.value.message
    assert Exercise.objects.filter(trainer=trainer).count() == 1
    # Another trainer, or a name from the shared library, is fine.
    exercise_create(trainer=outsider, name="Spoto Press")
    exercise_create(trainer=trainer, name="goblet squat")


@pytest.mark.parametrize(
    "url", ["ftp://example.com/squat.mp4", "javascript:alert(1)", "not a link"]
)
def test_the_video_must_be_a_web_link(trainer, url):
    with pytest.raises(ValidationError) as exc:
        exercise_create(trainer=trainer, name="Spoto Press", video_url=url)

    assert "video_url" in exc.value.message_dict
    assert not Exercise.objects.filter(trainer=trainer).exists()


def test_bad_input_is_refused_and_nothing_is_written(trainer, chest):
    with pytest.raises(ValidationError) as exc:
        exercise_create(trainer=trainer, name="   ")
    assert "name" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        exercise_create(
            trainer=trainer, name="Fly", primary_muscles=[chest], secondary_muscles=[chest]
        )
    assert "secondary_muscles" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        exercise_create(trainer=trainer, name="Fly", category="yoga")
    assert "category" in exc.value.message_dict

    assert not Exercise.objects.filter(trainer=trainer).exists()


def test_update_changes_the_trainers_own_exercise(trainer, chest, dumbbell):
    exercise = ExerciseFactory(trainer=trainer, name="Spoto Press", equipment=[dumbbell])

    exercise_update(
        actor=as_trainer(trainer),
        exercise=exercise,
        name="Spoto Press (paused)",
        primary_muscles=[chest],
        equipment=[],
        video_url="https://videos.example.com/v2",
    )

    exercise.refresh_from_db()
    assert exercise.name == "Spoto Press (paused)"
    assert list(exercise.primary_muscles.all()) == [chest]
    assert not exercise.equipment.exists()
    assert exercise.video_url == "https://videos.example.com/v2"


def test_update_to_a_taken_name_is_a_conflict_and_changes_nothing(trainer):
    ExerciseFactory(trainer=trainer, name="Spoto Press")
    other = ExerciseFactory(trainer=trainer, name="Floor Press")

    with pytest.raises(ConflictError):
        exercise_update(
            actor=as_trainer(trainer), exercise=other, name="spoto press", instructions="x"
        )

    other.refresh_from_db()
    assert (other.name, other.instructions) == ("Floor Press", "")


def test_unknown_fields_are_refused(trainer):
    exercise = ExerciseFactory(trainer=trainer)
    with pytest.raises(ValidationError) as exc:
        exercise_update(actor=as_trainer(trainer), exercise=exercise, trainer_id=99)
    assert "trainer_id" in exc.value.message_dict


def test_the_shared_library_and_other_trainers_exercises_are_read_only(trainer, outsider):
    library = Exercise.objects.get(trainer__isnull=True, name="Goblet Squat")
    theirs = ExerciseFactory(trainer=outsider, name="Bob's press")

    for exercise in (library, theirs):
        with pytest.raises(PermissionDenied):
            exercise_update(actor=as_trainer(trainer), exercise=exercise, name="Mine now")
        with pytest.raises(PermissionDenied):
            exercise_delete(actor=as_trainer(trainer), exercise=exercise)

    assert Exercise.objects.filter(pk=library.pk, name="Goblet Squat").exists()
    assert Exercise.objects.filter(pk=theirs.pk, name="Bob's press").exists()


def test_delete_removes_an_unused_exercise(trainer):
    exercise = ExerciseFactory(trainer=trainer)

    exercise_delete(actor=as_trainer(trainer), exercise=exercise)

    assert not Exercise.objects.filter(pk=exercise.pk).exists()


def test_an_exercise_in_a_program_cant_be_deleted(trainer):
    exercise = ExerciseFactory(trainer=trainer, name="Spoto Press")
    day = ProgramDayFactory(program__trainer=trainer)
    PrescribedExerciseFactory(day=day, exercise=exercise)
    PrescribedExerciseFactory(day=day, exercise=exercise)

    with pytest.raises(ConflictError) as exc:
        exercise_delete(actor=as_trainer(trainer), exercise=exercise)

    assert exc.value.message == "“Spoto Press” is in use in 1 program, so it can't be deleted."
    assert Exercise.objects.filter(pk=exercise.pk).exists()


def test_an_exercise_in_a_workout_log_cant_be_deleted(trainer, client_):
    exercise = ExerciseFactory(trainer=trainer, name="Spoto Press")
    log = WorkoutLogFactory(client=client_)
    SetLogFactory(workout_log=log, exercise=exercise, set_number=1)
    SetLogFactory(workout_log=log, exercise=exercise, set_number=2)

    with pytest.raises(ConflictError) as exc:
        exercise_delete(actor=as_trainer(trainer), exercise=exercise)

    assert "1 workout log" in exc.value.message
    assert Exercise.objects.filter(pk=exercise.pk).exists()
