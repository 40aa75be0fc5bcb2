"""/api/v1/exercises/: the library as each caller sees it, with filters; trainers write
their own exercises only; clients read; outsiders get 404; in-use deletes get 409."""

from __future__ import annotations

import pytest

from programs.models import Exercise, MuscleGroup
from tests.api.conftest import bearer
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    EquipmentFactory,
    ExerciseFactory,
    MuscleGroupFactory,
    PrescribedExerciseFactory,
    ProgramDayFactory,
)
from tests.factories.progress import SetLogFactory, WorkoutLogFactory

pytestmark = pytest.mark.django_db

EXERCISES = "/api/v1/exercises/"
NEW = {
    "name": "Spoto Press",
    "aliases": ["Pause bench", "Spoto"],
    "category": "strength",
    "primary_muscles": ["chest"],
    "secondary_muscles": ["triceps", "front-delts"],
    "equipment": ["barbell", "bench"],
    "instructions": "Stop an inch above the chest.",
    "video_url": "https://videos.example.com/spoto",
    "is_unilateral": False,
}


def detail(exercise: Exercise) -> str:
    return f"{EXERCISES}{exercise.pk}/"


def names(response) -> list[str]:
    return [row["name"] for row in response.json()["data"]]


@pytest.fixture
def library_row() -> Exercise:
    return Exercise.objects.get(trainer__isnull=True, name="Barbell Back Squat")


@pytest.fixture
def mine(trainer) -> Exercise:
    return ExerciseFactory(trainer=trainer, name="Zorblat Press", aliases="ZBP")


@pytest.fixture
def theirs(outsider) -> Exercise:
    return ExerciseFactory(trainer=outsider, name="Zorblat Row")


# --- reading ---------------------------------------------------------------------


def test_list_is_paginated_in_the_envelope(trainer_api, library_row):
    response = trainer_api.get(EXERCISES, {"per_page": 10})

    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    assert len(body["data"]) == 10
    assert body["pagination"]["per_page"] == 10
    assert body["pagination"]["total"] >= 150
    squat = trainer_api.get(detail(library_row)).json()["data"]
    assert set(squat["primary_muscles"]) == {"glutes", "quadriceps"}
    assert set(squat["equipment"]) == {"barbell", "squat-rack"}
    assert squat["aliases"] == ["Back Squat", "High-Bar Squat"]
    assert squat["is_global"] is True
    assert squat["instructions"]


def test_filters(trainer_api, trainer, mine, theirs):
    calf, sandbag = MuscleGroupFactory(slug="test-calf"), EquipmentFactory(slug="test-sandbag")
    ExerciseFactory(trainer=trainer, name="Calf hop", secondary_muscles=[calf], category="cardio")
    ExerciseFactory(trainer=trainer, name="Sandbag carry", equipment=[sandbag])

    assert names(trainer_api.get(EXERCISES, {"search": "zorblat"})) == ["Zorblat Press"]
    assert names(trainer_api.get(EXERCISES, {"search": "zbp"})) == ["Zorblat Press"]
    assert names(trainer_api.get(EXERCISES, {"muscle": "test-calf"})) == ["Calf hop"]
    assert names(trainer_api.get(EXERCISES, {"equipment": "test-sandbag"})) == ["Sandbag carry"]
    assert names(trainer_api.get(EXERCISES, {"mine": "true", "category": "cardio"})) == ["Calf hop"]
    assert names(trainer_api.get(EXERCISES, {"mine": "true"})) == [
        "Calf hop",
        "Sandbag carry",
        "Zorblat Press",
    ]
    library = trainer_api.get(EXERCISES, {"mine": "false", "per_page": 100}).json()["data"]
    assert all(row["is_global"] for row in library)
    rdl = trainer_api.get(EXERCISES, {"search": "RDL", "equipment": "barbell"})
    assert names(rdl) == ["Romanian Deadlift"]


def test_a_bad_filter_is_a_validation_error(trainer_api):
    response = trainer_api.get(EXERCISES, {"category": "yoga"})

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["details"][0]["field"] == "category"


def test_a_client_reads_the_library_and_their_trainers_exercises(client_api, mine, theirs):
    assert names(client_api.get(EXERCISES, {"search": "zorblat"})) == ["Zorblat Press"]
    assert client_api.get(detail(mine)).status_code == 200
    assert client_api.get(detail(theirs)).status_code == 404
    assert client_api.get(f"{EXERCISES}muscle-groups/").status_code == 200


def test_another_trainers_exercise_is_not_found_on_any_verb(trainer_api, theirs):
    for response in (
        trainer_api.get(detail(theirs)),
        trainer_api.put(detail(theirs), NEW, format="json"),
        trainer_api.patch(detail(theirs), {"name": "Taken"}, format="json"),
        trainer_api.delete(detail(theirs)),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "NOT_FOUND"
    theirs.refresh_from_db()
    assert theirs.name == "Zorblat Row"
    assert names(trainer_api.get(EXERCISES, {"search": "zorblat"})) == []


def test_anonymous_callers_are_refused(api, library_row):
    assert api.get(EXERCISES).status_code == 401
    assert api.get(detail(library_row)).status_code == 401
    assert api.post(EXERCISES, NEW, format="json").status_code == 401


def test_muscle_groups_and_equipment_lists(trainer_api):
    muscles = trainer_api.get(f"{EXERCISES}muscle-groups/").json()
    equipment = trainer_api.get(f"{EXERCISES}equipment/").json()

    assert muscles["success"] is True
    assert {"slug": "chest", "name": "Chest", "body_region": "upper"} in muscles["data"]
    assert len(muscles["data"]) == MuscleGroup.objects.count()
    assert {"slug": "barbell", "name": "Barbell"} in equipment["data"]


# --- writing ---------------------------------------------------------------------


def test_create_adds_the_trainers_own_exercise(trainer_api, trainer, outsider):
    response = trainer_api.post(
        EXERCISES, {**NEW, "trainer": outsider.pk, "is_global": True}, format="json"
    )

    assert response.status_code == 201
    body = response.json()
    assert body["message"] == "Exercise added to your library."
    data = body["data"]
    assert data["is_global"] is False
    assert data["aliases"] == ["Pause bench", "Spoto"]
    assert set(data["secondary_muscles"]) == {"triceps", "front-delts"}
    exercise = Exercise.objects.get(pk=data["id"])
    assert exercise.trainer == trainer
    assert {m.slug for m in exercise.primary_muscles.all()} == {"chest"}


def test_a_client_cannot_write(client_api, mine):
    for response in (
        client_api.post(EXERCISES, NEW, format="json"),
        client_api.patch(detail(mine), {"name": "Mine now"}, format="json"),
        client_api.delete(detail(mine)),
    ):
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "PERMISSION_DENIED"
    mine.refresh_from_db()
    assert mine.name == "Zorblat Press"


def test_a_taken_name_is_a_conflict_and_writes_nothing(trainer_api, trainer, mine):
    response = trainer_api.post(EXERCISES, {**NEW, "name": "zorblat PRESS"}, format="json")

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "CONFLICT"
    assert error["details"][0]["field"] == "name"
    assert Exercise.objects.filter(trainer=trainer).count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"video_url": "ftp://example.com/v.mp4"}, "video_url"),
        ({"primary_muscles": ["wings"]}, "primary_muscles"),
        ({"equipment": ["hoverboard"]}, "equipment"),
        ({"category": "yoga"}, "category"),
        ({"name": ""}, "name"),
        ({"primary_muscles": ["chest"], "secondary_muscles": ["chest"]}, "secondary_muscles"),
    ],
)
def test_bad_input_is_a_validation_error_and_writes_nothing(trainer_api, trainer, change, field):
    response = trainer_api.post(EXERCISES, {**NEW, **change}, format="json")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert field in {d.get("field") for d in error["details"]}
    assert not Exercise.objects.filter(trainer=trainer).exists()


def test_put_and_patch_change_the_trainers_own_exercise(trainer_api, mine):
    put = trainer_api.put(detail(mine), NEW, format="json")
    assert put.status_code == 200
    assert put.json()["data"]["name"] == "Spoto Press"

    patch = trainer_api.patch(
        detail(mine), {"video_url": "https://videos.example.com/v2"}, format="json"
    )

    assert patch.status_code == 200
    assert patch.json()["message"] == "Exercise updated."
    mine.refresh_from_db()
    assert (mine.name, mine.video_url) == ("Spoto Press", "https://videos.example.com/v2")
    assert {e.slug for e in mine.equipment.all()} == {"barbell", "bench"}


def test_a_refused_update_writes_nothing(trainer_api, trainer, mine):
    ExerciseFactory(trainer=trainer, name="Floor Press")

    conflict = trainer_api.patch(
        detail(mine), {"name": "floor press", "instructions": "x"}, format="json"
    )
    invalid = trainer_api.patch(
        detail(mine), {"video_url": "javascript:alert(1)", "instructions": "y"}, format="json"
    )

    assert conflict.status_code == 409
    assert invalid.status_code == 400
    mine.refresh_from_db()
    assert (mine.name, mine.instructions, mine.video_url) == ("Zorblat Press", "", "")


def test_the_shared_library_is_read_only(trainer_api, library_row):
    for response in (
        trainer_api.put(detail(library_row), NEW, format="json"),
        trainer_api.patch(detail(library_row), {"name": "Mine now"}, format="json"),
        trainer_api.delete(detail(library_row)),
    ):
        assert response.status_code == 403
        error = response.json()["error"]
        assert error["code"] == "PERMISSION_DENIED"
        assert "shared library" in error["message"]
    assert Exercise.objects.filter(pk=library_row.pk, name="Barbell Back Squat").exists()


def test_delete_removes_an_unused_exercise(trainer_api, mine):
    response = trainer_api.delete(detail(mine))

    assert response.status_code == 204
    assert not Exercise.objects.filter(pk=mine.pk).exists()


def test_an_exercise_in_use_is_a_conflict(trainer_api, trainer, client_, mine):
    PrescribedExerciseFactory(day=ProgramDayFactory(program__trainer=trainer), exercise=mine)
    SetLogFactory(workout_log=WorkoutLogFactory(client=client_), exercise=mine)

    response = trainer_api.delete(detail(mine))

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "CONFLICT"
    assert error["message"] == (
        "“Zorblat Press” is in use in 1 program and 1 workout log, so it can't be deleted."
    )
    assert Exercise.objects.filter(pk=mine.pk).exists()


# --- performance and documentation -----------------------------------------------


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_a_constant_number_of_queries(trainer, count, django_assert_max_num_queries):
    muscle, kit = MuscleGroupFactory(), EquipmentFactory()
    for _ in range(count):
        ExerciseFactory(
            trainer=trainer, primary_muscles=[muscle], secondary_muscles=[muscle], equipment=[kit]
        )
    api = bearer(trainer.user)

    with django_assert_max_num_queries(8):
        response = api.get(EXERCISES, {"mine": "true", "per_page": 100})

    assert len(response.json()["data"]) == count


def test_a_stranger_client_sees_only_their_own_trainers_exercises(outsider, mine, theirs):
    stranger = bearer(ClientFactory(trainer=outsider).user)

    assert names(stranger.get(EXERCISES, {"search": "zorblat"})) == ["Zorblat Row"]
    assert stranger.get(detail(mine)).status_code == 404


def test_the_schema_documents_the_exercise_endpoints(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    paths = schema["paths"]

    listing = paths["/api/v1/exercises/"]["get"]
    assert listing["tags"] == ["exercises"]
    assert {"search", "muscle", "equipment", "category", "mine", "page", "per_page"} <= {
        p["name"] for p in listing["parameters"]
    }
    assert {"400", "401", "403", "409"} <= set(paths["/api/v1/exercises/"]["post"]["responses"])
    assert {"403", "404", "409"} <= set(paths["/api/v1/exercises/{id}/"]["delete"]["responses"])
    assert "/api/v1/exercises/muscle-groups/" in paths
    assert "/api/v1/exercises/equipment/" in paths
    assert "exercises" in {tag["name"] for tag in schema["tags"]}
