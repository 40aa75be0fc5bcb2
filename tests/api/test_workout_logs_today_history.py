"""GET /progress/today/, /progress/exercises/{id}/history/ and /progress/adherence/."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.api.conftest import bearer
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
)
from tests.factories.progress import SetLogFactory, WorkoutLogFactory

pytestmark = pytest.mark.django_db

TODAY = "/api/v1/progress/today/"
ADHERENCE = "/api/v1/progress/adherence/"


def history(exercise) -> str:
    return f"/api/v1/progress/exercises/{exercise.pk}/history/"


@pytest.fixture
def squat(db):
    return ExerciseFactory(name="Back squat")


@pytest.fixture
def plan(client_, trainer, squat):
    """Started 7 days ago: today is week 2 day 1; training on day 1 and day 3."""
    today = trainer.today()
    assignment = ProgramAssignmentFactory(
        client=client_, start_date=today - dt.timedelta(days=7), program__duration_weeks=2
    )
    days = {}
    for week in (1, 2):
        for day in (1, 3):
            days[week, day] = ProgramDayFactory(
                program=assignment.program, week=week, day=day, title=f"W{week}D{day}"
            )
            PrescribedExerciseFactory(
                day=days[week, day], exercise=squat, sets=5, reps_min=5, load_kg=Decimal(100)
            )
    return {"assignment": assignment, "days": days, "today": today}


def done(client, day, on, squat, *sets):
    now = timezone.now()
    log = WorkoutLogFactory(
        client=client,
        program_day=day,
        performed_on=on,
        status="completed",
        started_at=now,
        completed_at=now,
    )
    for number, (reps, load) in enumerate(sets, start=1):
        SetLogFactory(
            workout_log=log, exercise=squat, set_number=number, reps=reps, load_kg=Decimal(load)
        )
    return log


# --- today -------------------------------------------------------------------------------


def test_today_shows_the_workout_with_last_time(client_api, client_, plan, squat):
    last_week = plan["today"] - dt.timedelta(days=7)
    done(client_, plan["days"][1, 1], last_week, squat, (5, "97.5"), (5, "97.5"))

    response = client_api.get(TODAY)

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["state"] == "training"
    assert data["date"] == plan["today"].isoformat()
    assert data["slot"] == {"week": 2, "day": 1}
    assert data["day"]["title"] == "W2D1"
    assert data["assignment"]["id"] == plan["assignment"].pk
    exercise = data["exercises"][0]
    assert exercise["prescription"]["exercise_name"] == "Back squat"
    assert exercise["prescription"]["load_kg"] == 100.0
    assert exercise["last_date"] == last_week.isoformat()
    assert [s["load_kg"] for s in exercise["last_sets"]] == [97.5, 97.5]
    assert exercise["logged_sets"] == []
    assert data["log"] is None
    assert data["next_workout"]["day"]["title"] == "W2D3"
    assert data["next_workout"]["date"] == (plan["today"] + dt.timedelta(days=2)).isoformat()


def test_today_on_a_rest_day(client_api, client_, trainer, squat):
    assignment = ProgramAssignmentFactory(
        client=client_, start_date=trainer.today() - dt.timedelta(days=1)
    )
    ProgramDayFactory(program=assignment.program, week=1, day=1)

    data = client_api.get(TODAY).json()["data"]

    assert data["state"] == "rest"
    assert data["day"] is None
    assert data["exercises"] == []


def test_today_without_a_program(client_api):
    data = client_api.get(TODAY).json()["data"]

    assert data["state"] == "no_program"
    assert data["assignment"] is None
    assert data["next_workout"] is None


def test_today_is_for_clients_only(trainer_api):
    response = trainer_api.get(TODAY)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "PERMISSION_DENIED"


# --- exercise history --------------------------------------------------------------------


def test_client_reads_their_exercise_history(client_api, client_, plan, squat):
    today = plan["today"]
    done(client_, plan["days"][1, 1], today - dt.timedelta(days=7), squat, (5, "100"), (3, "110"))
    done(client_, plan["days"][1, 3], today - dt.timedelta(days=5), squat, (1, "120"))

    response = client_api.get(history(squat))

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["exercise"] == {"id": squat.pk, "name": "Back squat"}
    assert data["client"] == client_.pk
    assert data["points"] == [
        {
            "performed_on": (today - dt.timedelta(days=7)).isoformat(),
            "best_load_kg": 110.0,  # 110 x 3 (e1RM 121) beats 100 x 5 (116.7)
            "best_reps": 3,
            "e1rm_kg": 121.0,
            "best_duration_seconds": None,
        },
        {
            "performed_on": (today - dt.timedelta(days=5)).isoformat(),
            "best_load_kg": 120.0,
            "best_reps": 1,
            "e1rm_kg": 120.0,
            "best_duration_seconds": None,
        },
    ]


def test_trainer_reads_a_clients_history_with_client(trainer_api, client_, plan, squat):
    done(client_, plan["days"][1, 1], plan["today"] - dt.timedelta(days=7), squat, (5, "100"))

    response = trainer_api.get(history(squat), {"client": client_.pk})

    assert response.status_code == 200
    assert len(response.json()["data"]["points"]) == 1


@pytest.mark.parametrize("params", [{}, {"client": "abc"}])
def test_trainer_must_name_the_client(trainer_api, squat, params):
    response = trainer_api.get(history(squat), params)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "client"


def test_history_is_scoped(outsider_api, outsider, client_, trainer, squat):
    bobs = ExerciseFactory(trainer=outsider, name="Bob's lift")
    client_api = bearer(client_.user)

    assert outsider_api.get(history(squat), {"client": client_.pk}).status_code == 400
    assert client_api.get(history(bobs)).status_code == 404
    assert bearer(trainer.user).get(history(bobs), {"client": client_.pk}).status_code == 404


def test_a_client_only_ever_reads_their_own_history(client_, trainer, plan, squat):
    other = ClientFactory(trainer=trainer)
    other_api = bearer(other.user)
    done(client_, plan["days"][1, 1], plan["today"] - dt.timedelta(days=7), squat, (5, "100"))

    data = other_api.get(history(squat), {"client": client_.pk}).json()["data"]

    assert data["client"] == other.pk
    assert data["points"] == []


# --- adherence ---------------------------------------------------------------------------


def test_trainer_reads_adherence(trainer_api, client_, plan, squat):
    today = plan["today"]
    done(client_, plan["days"][1, 1], today - dt.timedelta(days=7), squat, (5, "100"))

    response = trainer_api.get(ADHERENCE, {"client": client_.pk})

    assert response.status_code == 200
    data = response.json()["data"]
    # scheduled so far: week 1 day 1, week 1 day 3 and today (week 2 day 1)
    assert (data["logged"], data["scheduled"], data["percent"]) == (1, 3, 33)
    assert data["weeks"] == 4
    assert data["last"] == today.isoformat()
    assert data["first"] == (today - dt.timedelta(days=27)).isoformat()
    assert data["client"] == client_.pk


def test_adherence_over_other_weeks(trainer_api, client_, plan):
    data = trainer_api.get(ADHERENCE, {"client": client_.pk, "weeks": 1}).json()["data"]

    assert data["weeks"] == 1
    assert data["first"] == (plan["today"] - dt.timedelta(days=6)).isoformat()


@pytest.mark.parametrize(
    ("params", "field"), [({}, "client"), ({"weeks": 0}, "weeks"), ({"weeks": 53}, "weeks")]
)
def test_bad_adherence_requests_are_400(trainer_api, client_, params, field):
    params = {"client": client_.pk, **params} if field != "client" else params

    response = trainer_api.get(ADHERENCE, params)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == field


def test_adherence_is_for_the_trainer_of_the_client(outsider_api, client_api, client_):
    response = outsider_api.get(ADHERENCE, {"client": client_.pk})
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "client"

    response = client_api.get(ADHERENCE, {"client": client_.pk})
    assert response.status_code == 403
