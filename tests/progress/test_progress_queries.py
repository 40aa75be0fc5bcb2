"""The client's Progress tab and the dashboard home (the attention list) cost the same
number of queries for a new trainer and for one with 50 clients and a year of data each:
weigh-ins, measurements, check-ins with replies, photos and logged workouts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from progress.models import (
    BodyMeasurement,
    CheckIn,
    CustomMeasurement,
    ProgressPhoto,
    ProgressSettings,
    Reply,
    SetLog,
    WorkoutLog,
)
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
)

pytestmark = pytest.mark.django_db

PROGRESS_TAB_QUERIES = 16  # the progress reports panel lists the client's reports
DASHBOARD_QUERIES = 15  # the attention list: one query per rule, and the dismissals


def a_year_of_data(trainer, *, clients: int, days: int) -> list:
    """`clients` clients, each with `days` days of history: weigh-ins every other day
    (waist weekly), a weekly check-in with a reply, three workouts a week of six sets,
    photos monthly, a custom measurement, a weight goal and a program."""
    today = trainer.today()
    now = timezone.now()
    squat, press = ExerciseFactory(name="Squat"), ExerciseFactory(name="Press")
    people = []
    rows: dict[type, list] = {model: [] for model in (BodyMeasurement, CheckIn, ProgressPhoto)}
    for n in range(clients):
        client = ClientFactory(trainer=trainer, user__first_name=f"Client{n:02d}")
        people.append(client)
        wrist = CustomMeasurement.objects.create(client=client, name="Wrist")
        ProgressSettings.objects.create(client=client, check_in_weekday=6, weight_goal="lose")
        assignment = ProgramAssignmentFactory(
            client=client, start_date=today - dt.timedelta(days=20), program__duration_weeks=4
        )
        ProgramDayFactory(program=assignment.program, week=1, day=1)
        for ago in range(0, days, 2):
            rows[BodyMeasurement].append(
                BodyMeasurement(
                    client=client,
                    measured_on=today - dt.timedelta(days=ago),
                    weight_kg=Decimal(80) + Decimal(ago % 7) / 10,
                    waist_cm=Decimal(88) if ago % 14 == 0 else None,
                    custom_cm={str(wrist.pk): "16.5"} if ago % 28 == 0 else {},
                )
            )
        for week in range(days // 7):
            rows[CheckIn].append(
                CheckIn(
                    client=client,
                    due_on=today - dt.timedelta(days=7 * week),
                    energy=3, sleep=3, stress=3, hunger=3, adherence=4,
                    comment="Fine week",
                    submitted_at=now - dt.timedelta(days=7 * week),
                )
            )  # fmt: skip
        for month in range(days // 30):
            for pose in ("front", "side"):
                rows[ProgressPhoto].append(
                    ProgressPhoto(
                        client=client,
                        image=f"progress/x/{client.pk}-{month}-{pose}.jpg",
                        thumbnail=f"progress/x/{client.pk}-{month}-{pose}-t.jpg",
                        pose=pose,
                        taken_on=today - dt.timedelta(days=30 * month),
                    )
                )
    for model, objects in rows.items():
        model.objects.bulk_create(objects, batch_size=2000)
    Reply.objects.bulk_create(
        [
            Reply(client_id=c.client_id, check_in=c, by_trainer=True, body="Nice", created_at=now)
            for c in CheckIn.objects.filter(client__trainer=trainer)
            if c.due_on != today  # this week's waits for an answer
        ],
        batch_size=2000,
    )
    logs = WorkoutLog.objects.bulk_create(
        [
            WorkoutLog(
                client=client,
                performed_on=today - dt.timedelta(days=ago),
                status="completed",
                started_at=now,
                completed_at=now,
                notes="Felt good" if (ago, session) == (1, 0) else "",
            )
            for client in people
            for ago in range(1, days, 7)
            for session in range(3)
        ],
        batch_size=2000,
    )
    SetLog.objects.bulk_create(
        [
            SetLog(
                workout_log=log, exercise=exercise, set_number=number, reps=5, load_kg=Decimal(100)
            )
            for log in logs
            for exercise in (squat, press)
            for number in (1, 2, 3)
        ],
        batch_size=2000,
    )
    return people


@pytest.fixture(params=[(1, 7), (50, 365)], ids=["one-client-one-week", "50-clients-a-year"])
def history(request, trainer):
    clients, days = request.param
    return a_year_of_data(trainer, clients=clients, days=days)


def test_the_progress_tab_costs_the_same_for_any_history(
    client, trainer, history, django_assert_max_num_queries
):
    client.force_login(trainer.user)
    url = f"/dashboard/clients/{history[0].pk}/progress/"
    for range_key in ("4w", "1y", "all"):
        with django_assert_max_num_queries(PROGRESS_TAB_QUERIES):
            page = client.get(url, {"range": range_key})
        assert page.status_code == 200
        assert "Weight (kg)" in page.text
    with django_assert_max_num_queries(PROGRESS_TAB_QUERIES):
        fragment = client.get(url, {"range": "1y"}, HTTP_HX_REQUEST="true")
    assert "Training volume" in fragment.text


def test_the_dashboard_home_costs_the_same_for_any_number_of_clients(
    client, trainer, history, django_assert_max_num_queries
):
    client.force_login(trainer.user)
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        page = client.get("/dashboard/")
    assert page.status_code == 200
    # every client has this week's check-in waiting and a workout note to answer
    assert page.text.count("Check-in for the week due") == len(history)
    assert page.text.count("Note on Workout") == len(history)
