from __future__ import annotations

import datetime as dt

import pytest

from programs.models import ProgramAssignment
from tests.api.conftest import bearer
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
)

pytestmark = pytest.mark.django_db

ASSIGNMENTS = "/api/v1/programs/assignments/"


def detail(assignment: ProgramAssignment) -> str:
    return f"{ASSIGNMENTS}{assignment.pk}/"


@pytest.fixture
def assignment(client_):
    assignment = ProgramAssignmentFactory(
        client=client_, start_date=dt.date(2026, 3, 2), program__duration_weeks=2
    )
    day = ProgramDayFactory(program=assignment.program, week=1, day=1, title="Full body")
    PrescribedExerciseFactory(day=day, exercise=ExerciseFactory(name="Back squat"), sets=5)
    return assignment


def test_trainer_lists_their_clients_assignments(trainer_api, trainer, assignment, outsider):
    ProgramAssignmentFactory(client=ClientFactory(trainer=outsider))

    response = trainer_api.get(ASSIGNMENTS)

    assert response.status_code == 200
    payload = response.json()
    assert payload["pagination"]["total"] == 1
    row = payload["data"][0]
    assert row["id"] == assignment.pk
    assert row["client"] == assignment.client_id
    assert row["program"]["id"] == assignment.program_id
    assert "days" not in row["program"]
    assert row["ends_on"] == "2026-03-15"


def test_trainer_filters_by_client_and_status(trainer_api, trainer, assignment):
    other = ClientFactory(trainer=trainer)
    ended = ProgramAssignmentFactory(client=other, status="ended")

    by_client = trainer_api.get(ASSIGNMENTS, {"client": other.pk}).json()["data"]
    by_status = trainer_api.get(ASSIGNMENTS, {"status": "active"}).json()["data"]

    assert [a["id"] for a in by_client] == [ended.pk]
    assert [a["id"] for a in by_status] == [assignment.pk]
    assert trainer_api.get(ASSIGNMENTS, {"status": "paused"}).status_code == 400


def test_retrieve_includes_the_program_copy_in_full(client_api, assignment):
    response = client_api.get(detail(assignment))

    assert response.status_code == 200
    program = response.json()["data"]["program"]
    assert program["id"] == assignment.program_id
    assert program["client"] == assignment.client_id
    assert [
        (d["title"], [e["exercise_name"] for e in d["exercises"]]) for d in program["days"]
    ] == [("Full body", ["Back squat"])]


def test_a_client_sees_only_their_own(client_api, trainer, assignment):
    other = ProgramAssignmentFactory(client=ClientFactory(trainer=trainer))

    listing = client_api.get(ASSIGNMENTS).json()["data"]

    assert [a["id"] for a in listing] == [assignment.pk]
    assert client_api.get(detail(other)).status_code == 404


def test_outsiders_get_404(outsider_api, outsider, assignment):
    outsider_client_api = bearer(ClientFactory(trainer=outsider).user)

    assert outsider_api.get(detail(assignment)).status_code == 404
    assert outsider_api.post(f"{detail(assignment)}end/", {}).status_code == 404
    assert outsider_api.get(ASSIGNMENTS).json()["data"] == []
    assert outsider_client_api.get(detail(assignment)).status_code == 404
    assert ProgramAssignment.objects.get(pk=assignment.pk).status == "active"


def test_retrieve_uses_a_constant_number_of_queries(
    client_, django_assert_num_queries, django_assert_max_num_queries
):
    api = bearer(client_.user)
    small = ProgramAssignmentFactory(client=client_, status="ended")
    ProgramDayFactory(program=small.program, week=1, day=1)
    large = ProgramAssignmentFactory(client=client_, program__duration_weeks=4)
    exercise = ExerciseFactory()
    for n in range(20):
        day = ProgramDayFactory(program=large.program, week=n // 7 + 1, day=n % 7 + 1)
        PrescribedExerciseFactory.create_batch(5, day=day, exercise=exercise)
    api.get(detail(small))

    with django_assert_max_num_queries(8) as small_queries:
        api.get(detail(small))
    with django_assert_num_queries(len(small_queries.captured_queries)):
        assert len(api.get(detail(large)).json()["data"]["program"]["days"]) == 20


# --- end ---------------------------------------------------------------------------------


def test_trainer_ends_an_assignment(trainer_api, trainer, assignment):
    response = trainer_api.post(f"{detail(assignment)}end/", {})

    assert response.status_code == 200
    payload = response.json()
    assert payload["message"] == "Assignment ended."
    assert payload["data"]["status"] == "ended"
    assert payload["data"]["end_date"] == max(trainer.today(), assignment.start_date).isoformat()
    assert payload["data"]["program"]["days"]
    assignment.refresh_from_db()
    assert assignment.status == "ended"


def test_end_as_completed_on_a_date(trainer_api, assignment):
    response = trainer_api.post(
        f"{detail(assignment)}end/", {"status": "completed", "end_date": "2026-03-15"}
    )

    assert response.status_code == 200
    assignment.refresh_from_db()
    assert (assignment.status, assignment.end_date) == ("completed", dt.date(2026, 3, 15))


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"status": "replaced"}, "status"), ({"end_date": "soon"}, "end_date")],
)
def test_bad_end_requests_are_400(trainer_api, assignment, payload, field):
    response = trainer_api.post(f"{detail(assignment)}end/", payload)

    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"] == field
    assert ProgramAssignment.objects.get(pk=assignment.pk).status == "active"


def test_ending_twice_is_400(trainer_api, assignment):
    trainer_api.post(f"{detail(assignment)}end/", {})

    response = trainer_api.post(f"{detail(assignment)}end/", {"status": "completed"})

    assert response.status_code == 400
    assert ProgramAssignment.objects.get(pk=assignment.pk).status == "ended"


def test_a_client_cannot_end_their_assignment(client_api, assignment):
    response = client_api.post(f"{detail(assignment)}end/", {})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "PERMISSION_DENIED"
    assert ProgramAssignment.objects.get(pk=assignment.pk).status == "active"
