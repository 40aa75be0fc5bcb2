from __future__ import annotations

import pytest

from programs.models import PrescribedExercise, Program, ProgramDay
from tests.api.conftest import bearer
from tests.factories.programs import (
    ClientProgramFactory,
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
    ProgramFactory,
)

pytestmark = pytest.mark.django_db

PROGRAMS = "/api/v1/programs/"


def detail(program: Program) -> str:
    return f"{PROGRAMS}{program.pk}/"


@pytest.fixture
def squat(db):
    return ExerciseFactory(name="Back squat")


@pytest.fixture
def row(trainer):
    return ExerciseFactory(name="Alice's row", trainer=trainer)


def body(squat, row, **overrides):
    return {
        "name": "Strength base",
        "goal": "strength",
        "description": "Three days a week.",
        "duration_weeks": 2,
        "is_template": True,
        "days": [
            {
                "week": 1,
                "day": 1,
                "title": "Full body A",
                "notes": "Warm up well.",
                "exercises": [
                    {
                        "exercise": squat.pk,
                        "sets": 5,
                        "reps_min": 5,
                        "load_kg": 100,
                        "rpe": 8,
                        "rest_seconds": 180,
                        "tempo": "3-1-1-0",
                    },
                    {"exercise": row.pk, "sets": 3, "reps_min": 8, "reps_max": 12, "rir": 2},
                ],
            },
            {
                "week": 2,
                "day": 3,
                "title": "Full body B",
                "exercises": [{"exercise": row.pk, "load_percent_1rm": 70}],
            },
        ],
        **overrides,
    }


def counts() -> tuple[int, int, int]:
    return Program.objects.count(), ProgramDay.objects.count(), PrescribedExercise.objects.count()


# --- create and read -----------------------------------------------------------------


def test_create_with_nested_days_and_exercises(trainer_api, trainer, squat, row):
    response = trainer_api.post(PROGRAMS, body(squat, row))

    assert response.status_code == 201
    payload = response.json()
    assert payload["success"] is True
    assert payload["message"] == "Program created."
    data = payload["data"]
    assert data["name"] == "Strength base"
    assert data["client"] is None
    assert [(d["week"], d["day"], d["title"]) for d in data["days"]] == [
        (1, 1, "Full body A"),
        (2, 3, "Full body B"),
    ]
    first = data["days"][0]["exercises"]
    assert [(e["exercise_name"], e["order"]) for e in first] == [
        ("Back squat", 1),
        ("Alice's row", 2),
    ]
    assert first[0]["load_kg"] == 100.0
    assert first[0]["rpe"] == 8.0
    assert first[0]["tempo"] == "3-1-1-0"
    assert first[1]["reps_max"] == 12
    assert data["days"][1]["exercises"][0]["load_percent_1rm"] == 70.0
    program = Program.objects.get(pk=data["id"])
    assert program.trainer == trainer
    assert program.days.count() == 2
    assert counts() == (1, 2, 3)


def test_create_round_trips_through_get(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]

    fetched = trainer_api.get(f"{PROGRAMS}{created['id']}/")

    assert fetched.status_code == 200
    assert fetched.json()["data"] == created


def test_create_takes_the_owner_from_the_token(trainer_api, trainer, outsider, client_, squat, row):
    response = trainer_api.post(
        PROGRAMS, body(squat, row, trainer=outsider.pk, client=client_.pk, source=1)
    )

    assert response.status_code == 201
    program = Program.objects.get(pk=response.json()["data"]["id"])
    assert (program.trainer, program.client, program.source) == (trainer, None, None)


def test_create_without_days(trainer_api):
    response = trainer_api.post(PROGRAMS, {"name": "Empty"})

    assert response.status_code == 201
    assert response.json()["data"]["days"] == []
    assert response.json()["data"]["duration_weeks"] == 4


# --- validation: clear errors, nothing written ----------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sets": 0}, "days[0].exercises[1].sets"),
        ({"sets": 21}, "days[0].exercises[1].sets"),
        ({"reps_min": 0}, "days[0].exercises[1].reps_min"),
        ({"reps_min": 101}, "days[0].exercises[1].reps_min"),
        ({"load_kg": -5}, "days[0].exercises[1].load_kg"),
        ({"load_kg": 1001}, "days[0].exercises[1].load_kg"),
        ({"rpe": 11}, "days[0].exercises[1].rpe"),
        ({"rpe": 7.3}, "days[0].exercises[1].rpe"),
        ({"rir": 11, "rpe": None}, "days[0].exercises[1].rir"),
        ({"tempo": "slow"}, "days[0].exercises[1].tempo"),
        ({"exercise": 999999}, "days[0].exercises[1].exercise"),
        ({"superset_group": "a"}, "days[0].exercises[1].superset_group"),
    ],
)
def test_out_of_range_dose_is_400_at_its_place(trainer_api, squat, row, change, field):
    payload = body(squat, row)
    payload["days"][0]["exercises"][1].update(change)

    response = trainer_api.post(PROGRAMS, payload)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert field in [d.get("field") for d in error["details"]]
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"load_kg": 80, "load_percent_1rm": 70}, "days[0].exercises[0]", "not both"),
        ({"rpe": 8, "rir": 2}, "days[0].exercises[0]", "not both"),
        ({"reps_min": 10, "reps_max": 6}, "days[0].exercises[0]", "at least the minimum"),
    ],
)
def test_rules_across_fields_are_400_on_the_entry(trainer_api, squat, row, change, field, message):
    payload = body(squat, row)
    payload["days"][0]["exercises"][0].update(change)

    response = trainer_api.post(PROGRAMS, payload)

    assert response.status_code == 400
    details = response.json()["error"]["details"]
    assert any(d.get("field") == field and message in d["message"] for d in details), details
    assert counts() == (0, 0, 0)


def test_another_trainers_exercise_is_400_naming_the_field(trainer_api, outsider, squat, row):
    theirs = ExerciseFactory(name="Bob's secret lift", trainer=outsider)
    payload = body(squat, row)
    payload["days"][1]["exercises"][0]["exercise"] = theirs.pk

    response = trainer_api.post(PROGRAMS, payload)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["details"][0]["field"] == "days[1].exercises[0].exercise"
    assert "Bob" not in str(error)
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize(
    ("day_change", "field"),
    [
        ({"week": 3}, "days[1].week"),  # the program runs 2 weeks
        ({"week": 1, "day": 1}, "days[1].day"),  # the same slot twice
        ({"day": 8}, "days[1].day"),
        ({"week": 0}, "days[1].week"),
    ],
)
def test_bad_days_are_400_and_write_nothing(trainer_api, squat, row, day_change, field):
    payload = body(squat, row)
    payload["days"][1].update(day_change)

    response = trainer_api.post(PROGRAMS, payload)

    assert response.status_code == 400
    assert field in [d.get("field") for d in response.json()["error"]["details"]]
    assert counts() == (0, 0, 0)


def test_every_problem_is_listed_at_once(trainer_api, squat, row):
    payload = body(squat, row)
    payload["days"][0]["exercises"][0].update({"rpe": 8, "rir": 1})
    payload["days"][1]["exercises"][0].update({"reps_min": 9, "reps_max": 3})

    response = trainer_api.post(PROGRAMS, payload)

    assert response.status_code == 400
    fields = {d.get("field") for d in response.json()["error"]["details"]}
    assert {"days[0].exercises[0]", "days[1].exercises[0]"} <= fields
    assert counts() == (0, 0, 0)


def test_program_details_are_validated(trainer_api):
    response = trainer_api.post(PROGRAMS, {"name": "", "duration_weeks": 60, "goal": "fame"})

    assert response.status_code == 400
    fields = {d["field"] for d in response.json()["error"]["details"]}
    assert {"name", "duration_weeks", "goal"} <= fields
    assert counts() == (0, 0, 0)


# --- list ------------------------------------------------------------------------------


def test_list_is_paginated_and_only_yours(trainer_api, trainer, outsider):
    ProgramFactory.create_batch(3, trainer=trainer)
    ProgramFactory(trainer=outsider, name="Bob's plan")

    response = trainer_api.get(PROGRAMS, {"per_page": 2})

    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is True
    assert payload["pagination"] == {"page": 1, "per_page": 2, "total": 3, "pages": 2}
    assert len(payload["data"]) == 2
    assert "days" not in payload["data"][0]
    assert trainer_api.get(PROGRAMS, {"page": 2, "per_page": 2}).json()["pagination"]["page"] == 2
    assert trainer_api.get(PROGRAMS, {"page": 3, "per_page": 2}).status_code == 404


def test_list_filters_and_counts(trainer_api, trainer, client_):
    template = ProgramFactory(trainer=trainer, name="Hypertrophy block", is_template=True)
    ProgramDayFactory.create_batch(2, program=template)
    ProgramFactory(trainer=trainer, name="Draft", is_template=False)
    ProgramAssignmentFactory(client=client_, source_program=template)

    templates = trainer_api.get(PROGRAMS, {"is_template": "true"}).json()["data"]
    others = trainer_api.get(PROGRAMS, {"is_template": "false"}).json()["data"]
    found = trainer_api.get(PROGRAMS, {"search": "hypert"}).json()["data"]
    copies = trainer_api.get(PROGRAMS, {"client": client_.pk}).json()["data"]

    assert [(p["name"], p["day_count"], p["active_assignments"]) for p in templates] == [
        ("Hypertrophy block", 2, 1)
    ]
    assert {p["name"] for p in others} >= {"Draft"}
    assert all(not p["is_template"] for p in others)
    assert [p["name"] for p in found] == ["Hypertrophy block"]
    assert [p["client"] for p in copies] == [client_.pk]


def test_filtering_by_another_trainers_client_is_400(trainer_api, outsider_client):
    response = trainer_api.get(PROGRAMS, {"client": outsider_client.pk})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "client"


# --- who may call it -------------------------------------------------------------------


def test_another_trainers_program_is_404_on_every_verb(outsider_api, trainer, squat, row):
    program = ProgramFactory(trainer=trainer)
    ProgramDayFactory(program=program)
    url = detail(program)
    payload = body(squat, row)

    assert outsider_api.get(url).status_code == 404
    assert outsider_api.put(url, payload).status_code == 404
    assert outsider_api.patch(url, {"name": "Mine now"}).status_code == 404
    assert outsider_api.delete(url).status_code == 404
    assert outsider_api.post(f"{url}duplicate/", {}).status_code == 404
    assert outsider_api.post(f"{url}assign/", {}).status_code == 404
    assert outsider_api.get(PROGRAMS).json()["data"] == []
    assert Program.objects.get(pk=program.pk).name == program.name
    assert Program.objects.count() == 1


def test_clients_get_403_everywhere(client_api, trainer, client_):
    program = ProgramFactory(trainer=trainer)
    copy = ClientProgramFactory(client=client_)
    for response in [
        client_api.get(PROGRAMS),
        client_api.post(PROGRAMS, {"name": "Mine"}),
        client_api.get(detail(program)),
        client_api.get(detail(copy)),
        client_api.patch(detail(copy), {"name": "Mine"}),
        client_api.delete(detail(copy)),
        client_api.post(f"{detail(program)}duplicate/", {}),
        client_api.post(f"{detail(program)}assign/", {"client": client_.pk}),
    ]:
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "PERMISSION_DENIED"
    assert Program.objects.count() == 2


def test_anonymous_is_401(api):
    response = api.get(PROGRAMS)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "AUTHENTICATION_FAILED"


# --- query count -----------------------------------------------------------------------


def _program(trainer, days: int, per_day: int) -> Program:
    program = ProgramFactory(trainer=trainer, duration_weeks=4)
    exercise = ExerciseFactory()
    for n in range(days):
        day = ProgramDayFactory(program=program, week=n // 7 + 1, day=n % 7 + 1)
        PrescribedExerciseFactory.create_batch(per_day, day=day, exercise=exercise)
    return program


def test_get_uses_a_constant_number_of_queries(
    trainer, django_assert_num_queries, django_assert_max_num_queries
):
    api = bearer(trainer.user)
    small, large = _program(trainer, 1, 1), _program(trainer, 20, 8)
    api.get(detail(small))  # warm up (content types, session-less auth)

    with django_assert_max_num_queries(6) as small_queries:
        assert api.get(detail(small)).status_code == 200
    with django_assert_num_queries(len(small_queries.captured_queries)):
        response = api.get(detail(large))
    assert sum(len(d["exercises"]) for d in response.json()["data"]["days"]) == 160


def test_supersets_round_trip(trainer_api, squat, row):
    payload = body(squat, row)
    for entry in payload["days"][0]["exercises"]:
        entry["superset_group"] = "A"

    data = trainer_api.post(PROGRAMS, payload).json()["data"]

    assert [e["superset_group"] for e in data["days"][0]["exercises"]] == ["A", "A"]
