from __future__ import annotations

import pytest

from programs.models import PrescribedExercise, Program
from progress.models import SetLog
from tests.api.test_programs import PROGRAMS, body, counts, detail
from tests.factories.programs import (
    ClientProgramFactory,
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
)
from tests.factories.progress import SetLogFactory, WorkoutLogFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def squat(db):
    return ExerciseFactory(name="Back squat")


@pytest.fixture
def row(trainer):
    return ExerciseFactory(name="Alice's row", trainer=trainer)


# --- update ----------------------------------------------------------------------------


def test_put_replaces_details_and_structure(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]
    kept = created["days"][0]["exercises"][1]
    payload = {
        "name": "Strength base v2",
        "duration_weeks": 1,
        "days": [
            {
                "week": 1,
                "day": 1,
                "title": "Heavy day",
                "exercises": [
                    {**kept, "sets": 4},  # kept (sent with its id), now first
                    {"exercise": squat.pk, "sets": 2, "reps_min": 3},  # new
                ],
            }
        ],
    }

    response = trainer_api.put(f"{PROGRAMS}{created['id']}/", payload)

    assert response.status_code == 200, response.json()
    data = response.json()["data"]
    assert data["name"] == "Strength base v2"
    assert data["duration_weeks"] == 1
    assert [(d["week"], d["day"], d["title"], d["notes"]) for d in data["days"]] == [
        (1, 1, "Heavy day", "")
    ]
    assert data["days"][0]["id"] == created["days"][0]["id"]
    exercises = data["days"][0]["exercises"]
    assert [(e["id"] == kept["id"], e["sets"], e["order"]) for e in exercises] == [
        (True, 4, 1),
        (False, 2, 2),
    ]
    assert exercises[0]["rir"] == 2  # sent back unchanged
    assert counts() == (1, 1, 2)
    assert trainer_api.get(f"{PROGRAMS}{created['id']}/").json()["data"] == data


def test_put_resets_what_an_entry_leaves_out(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]
    first = created["days"][0]["exercises"][0]
    days = [{"week": 1, "day": 1, "exercises": [{"id": first["id"], "exercise": squat.pk}]}]

    response = trainer_api.put(f"{PROGRAMS}{created['id']}/", {"name": "X", "days": days})

    entry = response.json()["data"]["days"][0]["exercises"][0]
    assert entry["id"] == first["id"]
    assert (entry["load_kg"], entry["rpe"], entry["tempo"], entry["sets"]) == (None, None, "", 3)


def test_editing_a_clients_copy_keeps_their_logs_linked(trainer_api, trainer, client_, squat):
    copy = ClientProgramFactory(client=client_, duration_weeks=1)
    day = ProgramDayFactory(program=copy, week=1, day=1)
    prescribed = PrescribedExerciseFactory(day=day, exercise=squat)
    log = WorkoutLogFactory(client=client_, program_day=day)
    SetLogFactory(workout_log=log, exercise=squat, prescribed=prescribed)
    current = trainer_api.get(detail(copy)).json()["data"]
    current["days"][0]["exercises"][0]["sets"] = 6

    response = trainer_api.put(detail(copy), current)

    assert response.status_code == 200
    log.refresh_from_db()
    assert log.program_day_id == day.pk
    assert SetLog.objects.get(workout_log=log).prescribed_id == prescribed.pk
    assert PrescribedExercise.objects.get(pk=prescribed.pk).sets == 6


def test_put_without_days_is_refused_rather_than_wiping_them(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]

    response = trainer_api.put(f"{PROGRAMS}{created['id']}/", {"name": "Renamed"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "days"
    assert Program.objects.get().name == "Strength base"
    assert counts() == (1, 2, 3)


def test_patch_changes_details_only(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]

    response = trainer_api.patch(f"{PROGRAMS}{created['id']}/", {"name": "Renamed"})

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["name"] == "Renamed"
    assert data["days"] == created["days"]


def test_patch_with_days_replaces_the_structure(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]

    response = trainer_api.patch(
        f"{PROGRAMS}{created['id']}/",
        {"days": [{"week": 2, "day": 7, "exercises": [{"exercise": squat.pk}]}]},
    )

    assert response.status_code == 200
    days = response.json()["data"]["days"]
    assert [(d["week"], d["day"], len(d["exercises"])) for d in days] == [(2, 7, 1)]
    assert counts() == (1, 1, 1)


def test_shortening_below_a_listed_week_is_400_and_changes_nothing(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]
    before = trainer_api.get(f"{PROGRAMS}{created['id']}/").json()["data"]
    payload = {**body(squat, row), "duration_weeks": 1}
    payload["days"][0]["exercises"][0]["sets"] = 9

    response = trainer_api.put(f"{PROGRAMS}{created['id']}/", payload)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "days[1].week"
    assert trainer_api.get(f"{PROGRAMS}{created['id']}/").json()["data"] == before


def test_a_failed_update_rolls_back_every_change(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]
    before = trainer_api.get(f"{PROGRAMS}{created['id']}/").json()["data"]
    payload = {
        "name": "Changed",
        "days": [
            {"week": 1, "day": 2, "exercises": [{"exercise": squat.pk}]},  # fine on its own
            {"week": 2, "day": 3, "exercises": [{"exercise": row.pk, "rpe": 8, "rir": 2}]},
        ],
    }

    response = trainer_api.put(f"{PROGRAMS}{created['id']}/", payload)

    assert response.status_code == 400
    assert trainer_api.get(f"{PROGRAMS}{created['id']}/").json()["data"] == before
    assert counts() == (1, 2, 3)


def test_an_id_from_another_day_is_400(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]
    other_day_entry = created["days"][1]["exercises"][0]
    payload = {
        "name": "X",
        "days": [{"week": 1, "day": 1, "exercises": [other_day_entry]}],
    }

    response = trainer_api.put(f"{PROGRAMS}{created['id']}/", payload)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "days[0].exercises[0].id"
    assert counts() == (1, 2, 3)


def test_a_clients_copy_cannot_become_a_template(trainer_api, client_):
    copy = ClientProgramFactory(client=client_)

    response = trainer_api.patch(detail(copy), {"is_template": True})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "is_template"


# --- delete ----------------------------------------------------------------------------


def test_delete_removes_the_program(trainer_api, trainer, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]

    response = trainer_api.delete(f"{PROGRAMS}{created['id']}/")

    assert response.status_code == 204
    assert response.content == b""
    assert counts() == (0, 0, 0)


def test_deleting_an_assigned_clients_copy_is_409(trainer_api, client_):
    assignment = ProgramAssignmentFactory(client=client_)

    response = trainer_api.delete(detail(assignment.program))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "CONFLICT"
    assert Program.objects.filter(pk=assignment.program_id).exists()


def test_an_exercise_listed_twice_is_400(trainer_api, squat, row):
    created = trainer_api.post(PROGRAMS, body(squat, row)).json()["data"]
    entry = created["days"][0]["exercises"][0]
    payload = {"name": "X", "days": [{"week": 1, "day": 1, "exercises": [entry, entry]}]}

    response = trainer_api.put(f"{PROGRAMS}{created['id']}/", payload)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "days[0].exercises[1].id"
    assert counts() == (1, 2, 3)
