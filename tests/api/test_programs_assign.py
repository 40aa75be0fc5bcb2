from __future__ import annotations

import datetime as dt

import pytest

from clients.models import ClientStatus
from programs.models import PrescribedExercise, Program, ProgramAssignment
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
    ProgramFactory,
)

pytestmark = pytest.mark.django_db

PROGRAMS = "/api/v1/programs/"


@pytest.fixture
def template(trainer):
    program = ProgramFactory(trainer=trainer, name="Strength base", duration_weeks=2)
    day = ProgramDayFactory(program=program, week=1, day=1, title="Full body")
    PrescribedExerciseFactory(day=day, exercise=ExerciseFactory(name="Back squat"), sets=5)
    return program


def url(program: Program, action: str) -> str:
    return f"{PROGRAMS}{program.pk}/{action}/"


# --- duplicate ---------------------------------------------------------------------------


def test_duplicate_makes_a_deep_copy(trainer_api, template):
    response = trainer_api.post(url(template, "duplicate"), {})

    assert response.status_code == 201
    payload = response.json()
    assert payload["message"] == "Program duplicated."
    data = payload["data"]
    assert data["name"] == "Strength base (copy)"
    assert data["id"] != template.pk
    assert data["source"] == template.pk
    assert data["is_template"] is True
    assert [(d["title"], [e["exercise_name"] for e in d["exercises"]]) for d in data["days"]] == [
        ("Full body", ["Back squat"])
    ]
    assert Program.objects.count() == 2
    assert PrescribedExercise.objects.count() == 2


def test_duplicate_with_a_name(trainer_api, template):
    response = trainer_api.post(url(template, "duplicate"), {"name": "Strength base v2"})

    assert response.json()["data"]["name"] == "Strength base v2"


def test_duplicate_with_a_bad_name_writes_nothing(trainer_api, template):
    response = trainer_api.post(url(template, "duplicate"), {"name": "x" * 121})

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "name"
    assert Program.objects.count() == 1


# --- assign ------------------------------------------------------------------------------


def test_assign_to_one_client(trainer_api, template, client_):
    response = trainer_api.post(
        url(template, "assign"), {"client": client_.pk, "start_date": "2026-03-02"}
    )

    assert response.status_code == 201
    payload = response.json()
    assert payload["message"] == "Program assigned."
    data = payload["data"]
    assert data["client"] == client_.pk
    assert data["client_name"] == client_.full_name
    assert data["source_program"] == template.pk
    assert data["status"] == "active"
    assert data["start_date"] == "2026-03-02"
    assert data["ends_on"] == "2026-03-15"
    assignment = ProgramAssignment.objects.get(pk=data["id"])
    assert assignment.program.client == client_
    assert assignment.program_id != template.pk
    assert data["program"]["id"] == assignment.program_id


def test_the_clients_copy_is_not_changed_by_later_edits(trainer_api, template, client_):
    trainer_api.post(url(template, "assign"), {"client": client_.pk, "start_date": "2026-03-02"})

    trainer_api.patch(f"{PROGRAMS}{template.pk}/", {"days": []})

    copy = ProgramAssignment.objects.get().program
    assert copy.days.count() == 1


def test_assign_to_several_clients(trainer_api, template, trainer, client_):
    other = ClientFactory(trainer=trainer)

    response = trainer_api.post(
        url(template, "assign"), {"clients": [client_.pk, other.pk], "start_date": "2026-03-02"}
    )

    assert response.status_code == 201
    data = response.json()["data"]
    assert sorted(a["client"] for a in data) == sorted([client_.pk, other.pk])
    assert ProgramAssignment.objects.count() == 2


def test_assigning_again_replaces_the_active_assignment(trainer_api, template, client_):
    old = ProgramAssignmentFactory(client=client_, start_date=dt.date(2026, 1, 5))

    response = trainer_api.post(
        url(template, "assign"), {"client": client_.pk, "start_date": "2026-03-02"}
    )

    assert response.status_code == 201
    old.refresh_from_db()
    assert old.status == "replaced"
    assert old.end_date == dt.date(2026, 3, 1)


def test_another_trainers_client_is_400_on_client_and_writes_nothing(
    trainer_api, template, outsider_client
):
    response = trainer_api.post(
        url(template, "assign"), {"client": outsider_client.pk, "start_date": "2026-03-02"}
    )

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["details"][0]["field"] == "client"
    assert "Dave" not in str(error)
    assert ProgramAssignment.objects.count() == 0
    assert Program.objects.count() == 1


def test_one_foreign_client_among_several_assigns_nobody(
    trainer_api, template, client_, outsider_client
):
    response = trainer_api.post(
        url(template, "assign"),
        {"clients": [client_.pk, outsider_client.pk], "start_date": "2026-03-02"},
    )

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "clients"
    assert ProgramAssignment.objects.count() == 0


def test_an_archived_client_is_400_and_nobody_is_assigned(trainer_api, template, trainer, client_):
    archived = ClientFactory(trainer=trainer, status=ClientStatus.ARCHIVED)

    response = trainer_api.post(
        url(template, "assign"),
        {"clients": [client_.pk, archived.pk], "start_date": "2026-03-02"},
    )

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["details"][0]["field"] == "client"
    assert "archived" in error["message"]
    assert ProgramAssignment.objects.count() == 0
    assert Program.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"start_date": "2026-03-02"}, "client"),
        ({"client": "CLIENT", "start_date": "2026-03-02"}, "client"),
        ({"client": 1, "clients": [1], "start_date": "2026-03-02"}, "client"),
        ({"client": 1}, "start_date"),
        ({"client": 1, "start_date": "next tuesday"}, "start_date"),
        ({"clients": [], "start_date": "2026-03-02"}, "clients"),
    ],
)
def test_bad_assign_requests_are_400(trainer_api, template, client_, payload, field):
    payload = {k: (client_.pk if v == 1 else v) for k, v in payload.items()}
    if "clients" in payload and payload["clients"] == [1]:
        payload["clients"] = [client_.pk]

    response = trainer_api.post(url(template, "assign"), payload)

    assert response.status_code == 400
    assert field in [d.get("field") for d in response.json()["error"]["details"]]
    assert ProgramAssignment.objects.count() == 0


def test_a_program_without_days_cannot_be_assigned(trainer_api, trainer, client_):
    empty = ProgramFactory(trainer=trainer)

    response = trainer_api.post(
        url(empty, "assign"), {"client": client_.pk, "start_date": "2026-03-02"}
    )

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == "program"
    assert ProgramAssignment.objects.count() == 0
