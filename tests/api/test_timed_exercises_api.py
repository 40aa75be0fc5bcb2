"""Timed exercises through the API: a prescription with `duration_seconds` instead of
reps, sets logged with how long they lasted, today's plan and the exercise history."""

from __future__ import annotations

import pytest

from programs.models import PrescribedExercise, Program
from progress.models import SetLog
from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
)

pytestmark = pytest.mark.django_db

PROGRAMS = "/api/v1/programs/"
LOGS = "/api/v1/progress/workout-logs/"


@pytest.fixture
def plank(trainer):
    return ExerciseFactory(name="Wall sit", trainer=trainer)


def program_body(*exercises: dict) -> dict:
    return {
        "name": "Core",
        "duration_weeks": 1,
        "days": [{"week": 1, "day": 1, "exercises": list(exercises)}],
    }


def test_a_timed_prescription_round_trips(trainer_api, plank):
    response = trainer_api.post(
        PROGRAMS, program_body({"exercise": plank.pk, "sets": 3, "duration_seconds": 30})
    )

    assert response.status_code == 201, response.json()
    [exercise] = response.json()["data"]["days"][0]["exercises"]
    assert (exercise["sets"], exercise["reps_min"], exercise["reps_max"]) == (3, None, None)
    assert exercise["duration_seconds"] == 30
    program_id = response.json()["data"]["id"]
    fetched = trainer_api.get(f"{PROGRAMS}{program_id}/").json()["data"]
    assert fetched == response.json()["data"]

    # back to reps, keeping the same prescription (its id)
    days = [{"week": 1, "day": 1, "exercises": [{"id": exercise["id"], "exercise": plank.pk}]}]
    days[0]["exercises"][0]["reps_min"] = 12
    changed = trainer_api.patch(f"{PROGRAMS}{program_id}/", {"days": days}, format="json")
    assert changed.status_code == 200, changed.json()
    [again] = changed.json()["data"]["days"][0]["exercises"]
    assert (again["id"], again["reps_min"], again["duration_seconds"]) == (exercise["id"], 12, None)


@pytest.mark.parametrize(
    ("dose", "message"),
    [
        ({"reps_min": 8, "duration_seconds": 30}, "Give reps or a time, not both."),
        ({"reps_min": None}, "Give reps (8 or 8-12) or a time (30 s)."),
        ({"reps_min": None, "duration_seconds": None}, "Give reps (8 or 8-12) or a time (30 s)."),
    ],
)
def test_both_or_neither_is_a_validation_error(trainer_api, plank, dose, message):
    response = trainer_api.post(
        PROGRAMS, program_body({"exercise": plank.pk, **dose}), format="json"
    )

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    # one problem, said once (the model's check doesn't repeat it for the whole entry)
    details = [(d["field"], d["message"]) for d in error["details"]]
    assert details == [("days[0].exercises[0].reps_min", message)]
    assert not Program.objects.exists()
    assert not PrescribedExercise.objects.exists()


def test_a_time_is_at_most_two_hours(trainer_api, plank):
    response = trainer_api.post(
        PROGRAMS, program_body({"exercise": plank.pk, "duration_seconds": 7201}), format="json"
    )
    assert response.status_code == 400
    fields = [d["field"] for d in response.json()["error"]["details"]]
    assert any(f.endswith("duration_seconds") for f in fields)


# ---------- logging ----------


@pytest.fixture
def plan(client_, trainer, plank):
    """Carol's active program: today is week 1 day 1, a timed wall sit."""
    assignment = ProgramAssignmentFactory(
        client=client_, start_date=trainer.today(), program__duration_weeks=1
    )
    day = ProgramDayFactory(program=assignment.program, week=1, day=1, title="Core")
    prescribed = PrescribedExerciseFactory(
        day=day, exercise=plank, reps_min=None, reps_max=None, duration_seconds=45
    )
    return {"day": day, "prescribed": prescribed}


def timed_sets(plan, *seconds) -> list[dict]:
    rx = plan["prescribed"]
    return [
        {"exercise": rx.exercise_id, "prescribed": rx.pk, "set_number": n, "duration_seconds": s}
        for n, s in enumerate(seconds, start=1)
    ]


def test_a_client_logs_timed_sets_and_reads_them_back(client_api, trainer_api, client_, plan):
    today = client_api.get("/api/v1/progress/today/").json()["data"]
    assert today["exercises"][0]["prescription"]["duration_seconds"] == 45
    assert today["exercises"][0]["prescription"]["reps_min"] is None

    body = {"program_day": plan["day"].pk, "finish": True, "sets": timed_sets(plan, 45, 60)}
    response = client_api.post(LOGS, body, format="json")

    assert response.status_code == 201, response.json()
    logged = response.json()["data"]["sets"]
    assert [(s["duration_seconds"], s["reps"]) for s in logged] == [(45, None), (60, None)]
    stored = SetLog.objects.order_by("set_number").values_list("duration_seconds", flat=True)
    assert list(stored) == [45, 60]
    today = client_api.get("/api/v1/progress/today/").json()["data"]
    assert [s["duration_seconds"] for s in today["exercises"][0]["logged_sets"]] == [45, 60]

    history = trainer_api.get(
        f"/api/v1/progress/exercises/{plan['prescribed'].exercise_id}/history/",
        {"client": client_.pk},
    ).json()["data"]
    [point] = history["points"]
    assert (point["best_duration_seconds"], point["e1rm_kg"]) == (60, None)


def test_a_set_longer_than_a_day_is_refused(client_api, plan):
    body = {"program_day": plan["day"].pk, "sets": timed_sets(plan, 45, 86401)}

    response = client_api.post(LOGS, body, format="json")

    assert response.status_code == 400
    fields = [d["field"] for d in response.json()["error"]["details"]]
    assert "sets[1].duration_seconds" in fields
    assert not SetLog.objects.exists()
