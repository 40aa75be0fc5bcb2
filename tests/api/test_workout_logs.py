from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from progress.models import SetLog, WorkoutLog
from tests.api.conftest import bearer
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ClientProgramFactory,
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
)
from tests.factories.progress import SetLogFactory, WorkoutLogFactory

pytestmark = pytest.mark.django_db

LOGS = "/api/v1/progress/workout-logs/"


def detail(log: WorkoutLog) -> str:
    return f"{LOGS}{log.pk}/"


@pytest.fixture
def plan(client_, trainer):
    """Carol's active program: today is week 1 day 1, squat then row."""
    assignment = ProgramAssignmentFactory(
        client=client_, start_date=trainer.today(), program__duration_weeks=2
    )
    day = ProgramDayFactory(program=assignment.program, week=1, day=1, title="Full body")
    squat = PrescribedExerciseFactory(day=day, exercise=ExerciseFactory(name="Back squat"), order=1)
    row = PrescribedExerciseFactory(day=day, exercise=ExerciseFactory(name="Row"), order=2)
    return {"assignment": assignment, "day": day, "squat": squat, "row": row}


def sets_for(plan, reps: int = 5) -> list[dict]:
    return [
        {
            "exercise": p.exercise_id,
            "prescribed": p.pk,
            "set_number": n,
            "reps": reps,
            "load_kg": 100,
            "rpe": 8,
            "is_completed": True,
        }
        for p in (plan["squat"], plan["row"])
        for n in (1, 2)
    ]


def log_body(plan, **overrides) -> dict:
    return {"program_day": plan["day"].pk, "notes": "Felt strong.", "sets": sets_for(plan)} | (
        overrides
    )


def counts() -> tuple[int, int]:
    return WorkoutLog.objects.count(), SetLog.objects.count()


# --- create ------------------------------------------------------------------------------


def test_client_logs_todays_workout(client_api, client_, trainer, plan):
    response = client_api.post(LOGS, log_body(plan, finish=True))

    assert response.status_code == 201, response.json()
    payload = response.json()
    assert payload["message"] == "Workout logged."
    data = payload["data"]
    assert data["client"] == client_.pk
    assert data["assignment"] == plan["assignment"].pk
    assert data["program_day"] == plan["day"].pk
    assert data["performed_on"] == trainer.today().isoformat()
    assert data["status"] == "completed"
    assert data["completed_at"]
    assert data["is_editable"] is True
    assert "finish" not in data
    assert len(data["sets"]) == 4
    assert data["sets"][0]["load_kg"] == 100.0
    assert data["sets"][0]["exercise_name"] == "Back squat"
    assert counts() == (1, 4)


def test_logging_again_the_same_day_replaces_the_log(client_api, plan):
    first = client_api.post(LOGS, log_body(plan)).json()["data"]

    response = client_api.post(LOGS, log_body(plan, sets=sets_for(plan)[:1], finish=True))

    assert response.status_code == 201
    assert response.json()["data"]["id"] == first["id"]
    assert counts() == (1, 1)


def test_the_owner_comes_from_the_token(client_api, client_, trainer, plan):
    other = ClientFactory(trainer=trainer)

    response = client_api.post(LOGS, log_body(plan, client=other.pk, status="completed"))

    assert response.status_code == 201
    log = WorkoutLog.objects.get()
    assert log.client == client_
    assert log.status == "in_progress"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reps": 1001}, "sets[1].reps"),
        ({"reps": -1}, "sets[1].reps"),
        ({"load_kg": 1001}, "sets[1].load_kg"),
        ({"load_kg": -1}, "sets[1].load_kg"),
        ({"rpe": 11}, "sets[1].rpe"),
        ({"rpe": 7.2}, "sets[1].rpe"),
        ({"set_number": 0}, "sets[1].set_number"),
        ({"exercise": 999999}, "sets[1].exercise"),
        ({"prescribed": 999999}, "sets[1].prescribed"),
    ],
)
def test_bad_sets_are_400_at_their_place(client_api, plan, change, field):
    payload = log_body(plan)
    payload["sets"][1].update(change)

    response = client_api.post(LOGS, payload)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert field in [d.get("field") for d in error["details"]]
    assert counts() == (0, 0)


def test_a_set_logged_twice_is_400(client_api, plan):
    payload = log_body(plan)
    payload["sets"][1]["set_number"] = 1

    response = client_api.post(LOGS, payload)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "sets[1]"
    assert counts() == (0, 0)


def test_another_trainers_exercise_is_400(client_api, outsider, plan):
    payload = log_body(plan)
    payload["sets"][0]["exercise"] = ExerciseFactory(trainer=outsider).pk

    response = client_api.post(LOGS, payload)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "sets[0].exercise"
    assert counts() == (0, 0)


def test_a_prescription_of_another_day_is_400(client_api, plan):
    other_day = ProgramDayFactory(program=plan["assignment"].program, week=1, day=3)
    elsewhere = PrescribedExerciseFactory(day=other_day)
    payload = log_body(plan)
    payload["sets"][0]["prescribed"] = elsewhere.pk

    response = client_api.post(LOGS, payload)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "sets[0]"
    assert counts() == (0, 0)


def test_a_day_outside_the_active_program_is_400(client_api, client_, plan):
    old_copy = ClientProgramFactory(client=client_)
    old_day = ProgramDayFactory(program=old_copy, week=1, day=1)

    response = client_api.post(LOGS, log_body(plan, program_day=old_day.pk))

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "program_day"
    assert "current program" in response.json()["error"]["message"]
    assert counts() == (0, 0)


def test_another_clients_program_day_is_400(client_api, trainer, plan):
    theirs = ProgramAssignmentFactory(client=ClientFactory(trainer=trainer))
    their_day = ProgramDayFactory(program=theirs.program, week=1, day=1)

    response = client_api.post(LOGS, log_body(plan, program_day=their_day.pk))

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "program_day"
    assert counts() == (0, 0)


def test_a_workout_in_the_future_is_400(client_api, trainer, plan):
    tomorrow = trainer.today() + dt.timedelta(days=1)

    response = client_api.post(LOGS, log_body(plan, performed_on=tomorrow.isoformat()))

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "performed_on"
    assert counts() == (0, 0)


def test_trainers_cannot_log_or_edit(trainer_api, client_, plan):
    log = WorkoutLogFactory(client=client_, program_day=plan["day"])

    for response in [
        trainer_api.post(LOGS, log_body(plan)),
        trainer_api.put(detail(log), {"sets": []}),
        trainer_api.patch(detail(log), {"notes": "Nice"}),
    ]:
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "PERMISSION_DENIED"
    assert counts() == (1, 0)


def test_logs_cannot_be_deleted_through_the_api(client_api, client_, plan):
    log = WorkoutLogFactory(client=client_, program_day=plan["day"])

    assert client_api.delete(detail(log)).status_code == 405
    assert WorkoutLog.objects.filter(pk=log.pk).exists()


# --- edit --------------------------------------------------------------------------------


def test_client_replaces_the_sets_the_same_day(client_api, plan):
    created = client_api.post(LOGS, log_body(plan)).json()["data"]

    response = client_api.put(
        f"{LOGS}{created['id']}/",
        {"sets": sets_for(plan, reps=3)[:2], "notes": "Cut short.", "finish": True},
    )

    assert response.status_code == 200
    data = response.json()["data"]
    assert response.json()["message"] == "Workout updated."
    assert [s["reps"] for s in data["sets"]] == [3, 3]
    assert (data["notes"], data["status"]) == ("Cut short.", "completed")
    assert counts() == (1, 2)


def test_patch_finishes_and_keeps_the_sets(client_api, plan):
    created = client_api.post(LOGS, log_body(plan)).json()["data"]

    response = client_api.patch(f"{LOGS}{created['id']}/", {"finish": True})

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["status"] == "completed"
    assert data["notes"] == "Felt strong."
    assert data["sets"] == created["sets"]


def test_put_needs_the_sets(client_api, plan):
    created = client_api.post(LOGS, log_body(plan)).json()["data"]

    response = client_api.put(f"{LOGS}{created['id']}/", {"notes": "x"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "sets"
    assert WorkoutLog.objects.get().notes == "Felt strong."


def test_a_bad_edit_changes_nothing(client_api, plan):
    created = client_api.post(LOGS, log_body(plan)).json()["data"]
    bad = sets_for(plan)
    bad[3]["reps"] = 5000

    response = client_api.put(f"{LOGS}{created['id']}/", {"sets": bad, "notes": "changed"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "sets[3].reps"
    assert client_api.get(f"{LOGS}{created['id']}/").json()["data"] == created


def test_a_log_from_an_earlier_day_is_history(client_api, client_, trainer, plan):
    created = client_api.post(LOGS, log_body(plan)).json()["data"]
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1, hours=1)
    WorkoutLog.objects.filter(pk=created["id"]).update(created_at=yesterday)

    put = client_api.put(f"{LOGS}{created['id']}/", {"sets": sets_for(plan, reps=1)})
    patch = client_api.patch(f"{LOGS}{created['id']}/", {"finish": True})

    for response in (put, patch):
        assert response.status_code == 400
        assert "only be changed on the day" in response.json()["error"]["message"]
    log = WorkoutLog.objects.get()
    assert log.status == "in_progress"
    assert set(log.sets.values_list("reps", flat=True)) == {5}
    assert client_api.get(f"{LOGS}{created['id']}/").json()["data"]["is_editable"] is False


def test_another_clients_log_is_404(trainer, plan, client_):
    log = WorkoutLogFactory(client=client_, program_day=plan["day"], notes="mine")
    other_api = bearer(ClientFactory(trainer=trainer).user)

    assert other_api.get(detail(log)).status_code == 404
    assert other_api.put(detail(log), {"sets": []}).status_code == 404
    assert other_api.patch(detail(log), {"notes": "hacked"}).status_code == 404
    assert other_api.get(LOGS).json()["data"] == []
    assert WorkoutLog.objects.get().notes == "mine"


# --- reading -----------------------------------------------------------------------------


def test_client_lists_their_logs_newest_first(client_api, client_, trainer):
    older = WorkoutLogFactory(client=client_, performed_on=dt.date(2026, 1, 5))
    newer = WorkoutLogFactory(client=client_, performed_on=dt.date(2026, 1, 7))
    SetLogFactory(workout_log=newer, reps=8, load_kg=Decimal("62.5"))
    WorkoutLogFactory(client=ClientFactory(trainer=trainer))

    response = client_api.get(LOGS)

    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is True
    assert payload["pagination"] == {"page": 1, "per_page": 20, "total": 2, "pages": 1}
    assert [row["id"] for row in payload["data"]] == [newer.pk, older.pk]
    assert payload["data"][0]["sets"][0]["load_kg"] == 62.5


def test_trainer_reads_their_clients_logs_with_filters(trainer_api, trainer, client_):
    other = ClientFactory(trainer=trainer)
    jan = WorkoutLogFactory(client=client_, performed_on=dt.date(2026, 1, 5))
    feb = WorkoutLogFactory(client=client_, performed_on=dt.date(2026, 2, 5))
    theirs = WorkoutLogFactory(client=other, performed_on=dt.date(2026, 2, 6))

    def ids(**params):
        return [row["id"] for row in trainer_api.get(LOGS, params).json()["data"]]

    assert ids() == [theirs.pk, feb.pk, jan.pk]
    assert ids(client=client_.pk) == [feb.pk, jan.pk]
    assert ids(**{"from": "2026-02-01"}) == [theirs.pk, feb.pk]
    assert ids(to="2026-02-05") == [feb.pk, jan.pk]
    assert ids(client=client_.pk, **{"from": "2026-01-06", "to": "2026-02-28"}) == [feb.pk]
    assert trainer_api.get(detail(jan)).json()["data"]["client_name"] == client_.full_name


def test_list_query_count_does_not_grow_with_logs(trainer, client_, django_assert_max_num_queries):
    api = bearer(trainer.user)
    for n in range(10):
        log = WorkoutLogFactory(client=client_, performed_on=dt.date(2026, 1, 1 + n))
        SetLogFactory.create_batch(3, workout_log=log)

    with django_assert_max_num_queries(8):
        assert len(api.get(LOGS).json()["data"]) == 10


def test_outsiders_see_nothing(outsider_api, outsider_client, client_, plan):
    log = WorkoutLogFactory(client=client_, program_day=plan["day"])

    assert outsider_api.get(detail(log)).status_code == 404
    assert outsider_api.get(LOGS).json()["data"] == []
    response = outsider_api.get(LOGS, {"client": client_.pk})
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "client"


def test_bad_filters_are_400(trainer_api):
    response = trainer_api.get(LOGS, {"from": "yesterday"})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "from"
