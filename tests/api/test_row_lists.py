"""The API's lists written by row plans (`fitnesspr.api.rows`) answer, byte for byte,
what DRF's serializers answer field by field: the same keys in the same order, the same
values and JSON types, on data with decimals, nulls, nested rows and another trainer's
rows (never shown). Each list is asked twice: as it runs, then with DRF's own way
(every row through its serializer, the sets read through the relation, the page counted
by a COUNT query)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer

from fitnesspr.api.pagination import EnvelopePagination
from fitnesspr.api.rows import RowListSerializer, row_plan
from progress.api.serializers import SetLogSerializer
from progress.models import SetLog, WorkoutLog
from progress.services.body import custom_measurement_add
from tests.api.conftest import bearer
from tests.factories.billing import InvoiceFactory, InvoiceLineFactory, PackageFactory
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ClientProgramFactory,
    EquipmentFactory,
    ExerciseFactory,
    MuscleGroupFactory,
    OwnExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
    ProgramFactory,
)
from tests.factories.progress import BodyMeasurementFactory, SetLogFactory, WorkoutLogFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def drf_way(monkeypatch):
    """Switch the shortcuts off: what the API answered before the row plans."""

    def switch() -> None:
        plain = serializers.ListSerializer.to_representation
        monkeypatch.setattr(RowListSerializer, "to_representation", plain)
        plain_page = PageNumberPagination.paginate_queryset
        monkeypatch.setattr(EnvelopePagination, "paginate_queryset", plain_page)

    return switch


@pytest.fixture
def same(drf_way):
    """GET `url` both ways; the two answers must be the same bytes. Gives the JSON."""

    def check(api, url: str, status: int = 200) -> dict:
        fast = api.get(url)
        drf_way()
        slow = api.get(url)
        assert (fast.status_code, slow.status_code) == (status, status), url
        assert fast.content == slow.content, url
        return json.loads(fast.content)

    return check


def ids(body: dict) -> list[int]:
    return [row["id"] for row in body["data"]]


# ---------- the lists ----------


def test_clients(trainer, client_, outsider, same):
    ClientFactory(
        trainer=trainer,
        user__first_name="Zoë",
        user__last_name="Ångström",
        phone="+44 7700 900123",
        date_of_birth=dt.date(1990, 2, 28),
        height_cm=Decimal("172.5"),
        goals="Run 10 km",
        notes="Knee: no deep squats",
        status="paused",
        locked_until=timezone.now() + dt.timedelta(minutes=10),
        last_login_at=timezone.now(),
    )
    ClientFactory(trainer=trainer, height_cm=Decimal("180"), locked_until=timezone.now())
    theirs = ClientFactory(trainer=outsider)
    api = bearer(trainer.user)

    body = same(api, "/api/v1/clients/")
    assert len(body["data"]) == 3
    assert theirs.pk not in ids(body)
    assert [row["is_locked"] for row in body["data"]].count(True) == 1
    assert {row["height_cm"] for row in body["data"]} == {None, 172.5, 180.0}
    same(api, "/api/v1/clients/?per_page=2&page=2")
    same(api, "/api/v1/clients/?ordering=-email&status=paused")
    same(api, "/api/v1/clients/?search=zoë")
    same(api, "/api/v1/clients/?page=3", status=404)
    same(api, "/api/v1/clients/?page=x", status=404)
    same(api, f"/api/v1/clients/?page={2**63}", status=404)  # past any OFFSET SQL takes


def test_exercises(trainer, outsider, same):
    chest, lats = MuscleGroupFactory(slug="chest-t"), MuscleGroupFactory(slug="lats-t")
    bench, band = EquipmentFactory(slug="bench-t"), EquipmentFactory(slug="band-t")
    OwnExerciseFactory(
        trainer=trainer,
        name="AAA press",
        aliases="Floor press, , DB press",
        instructions="Slow down.",
        video_url="https://example.com/v",
        is_unilateral=True,
        primary_muscles=[chest],
        secondary_muscles=[lats, chest],
        equipment=[bench, band],
    )
    ExerciseFactory(name="AAA row", primary_muscles=[lats])
    theirs = OwnExerciseFactory(trainer=outsider, name="AAA secret", primary_muscles=[chest])
    api = bearer(trainer.user)

    body = same(api, "/api/v1/exercises/")
    assert ids(body)[:2] != []
    assert theirs.pk not in ids(body)
    body = same(api, "/api/v1/exercises/?muscle=chest-t")
    assert [row["name"] for row in body["data"]] == ["AAA press"]
    assert body["data"][0]["aliases"] == ["Floor press", "DB press"]
    same(api, "/api/v1/exercises/?search=aaa&per_page=1&page=2")
    same(api, "/api/v1/exercises/?mine=true")
    last = body["pagination"]["pages"]
    same(api, f"/api/v1/exercises/?page={last}")


def test_exercises_as_a_client(client_, same):
    same(bearer(client_.user), "/api/v1/exercises/?per_page=5&page=3")


def test_programs(trainer, client_, outsider, same):
    template = ProgramFactory(trainer=trainer, name="Base", goal="strength", description="")
    for day in (1, 3):
        ProgramDayFactory(program=template, day=day)
    copy = ClientProgramFactory(client=client_, name="Base (Carol)", source=template)
    ProgramAssignmentFactory(client=client_, program=copy, source_program=template)
    ProgramFactory(trainer=trainer, name="Draft", is_template=False, duration_weeks=1)
    theirs = ProgramFactory(trainer=outsider)
    api = bearer(trainer.user)

    body = same(api, "/api/v1/programs/")
    assert len(body["data"]) == 3
    assert theirs.pk not in ids(body)
    by_name = {row["name"]: row for row in body["data"]}
    assert (by_name["Base"]["day_count"], by_name["Base"]["active_assignments"]) == (2, 1)
    assert by_name["Base (Carol)"]["source"] == template.pk
    same(api, f"/api/v1/programs/?client={client_.pk}")
    same(api, "/api/v1/programs/?is_template=false&per_page=1&page=2")


def _logs(client_, outsider):
    """Logs of two clients: decimals to two places, nulls, timed sets, prescriptions,
    a log without sets, one finished; and one of another trainer's client."""
    today = client_.trainer.today()
    squat, plank = ExerciseFactory(name="Back squat"), ExerciseFactory(name="Plank")
    day = ProgramDayFactory(program=ClientProgramFactory(client=client_))
    prescribed = PrescribedExerciseFactory(day=day, exercise=squat, order=1)
    done = WorkoutLogFactory(
        client=client_,
        program_day=day,
        performed_on=today - dt.timedelta(days=2),
        status="completed",
        started_at=timezone.now() - dt.timedelta(hours=1),
        completed_at=timezone.now(),
        notes="Felt strong ✓",
    )
    loads = [Decimal("62.50"), Decimal("0.25"), None, Decimal("100")]
    for number, load in enumerate(loads, start=1):
        SetLogFactory(
            workout_log=done,
            exercise=squat,
            prescribed=prescribed,
            set_number=number,
            load_kg=load,
            rpe=Decimal("7.5") if number % 2 else None,
            is_completed=number != 3,
            notes="grindy" if number == 4 else "",
        )
    SetLogFactory(
        workout_log=done, exercise=plank, set_number=1, reps=None, duration_seconds=45, load_kg=None
    )
    WorkoutLogFactory(client=client_, performed_on=today - dt.timedelta(days=1))  # no sets
    other = ClientFactory(trainer=client_.trainer, user__first_name="Dan", user__last_name="")
    later = WorkoutLogFactory(client=other, performed_on=today)
    SetLogFactory(workout_log=later, exercise=plank, reps=30, load_kg=Decimal("5.5"))
    theirs = WorkoutLogFactory(client=ClientFactory(trainer=outsider))
    SetLogFactory(workout_log=theirs)
    return theirs


def test_workout_logs(trainer, client_, outsider, same):
    theirs = _logs(client_, outsider)
    api = bearer(trainer.user)

    body = same(api, "/api/v1/progress/workout-logs/")
    assert len(body["data"]) == 3
    assert theirs.pk not in ids(body)
    sets = [len(row["sets"]) for row in body["data"]]
    assert sets == [1, 0, 5]
    first = body["data"][2]["sets"][0]
    assert (first["exercise_name"], first["load_kg"], first["rpe"]) == ("Back squat", 62.5, 7.5)
    assert body["data"][2]["sets"][-1]["duration_seconds"] == 45
    same(api, f"/api/v1/progress/workout-logs/?client={client_.pk}&per_page=1&page=2")
    same(api, "/api/v1/progress/workout-logs/?status=completed")
    same(api, "/api/v1/progress/workout-logs/?page=2", status=404)
    same(bearer(client_.user), "/api/v1/progress/workout-logs/")


def test_each_listed_workout_log_is_the_log_read_alone(trainer, client_, outsider, drf_way):
    """The list reads the sets apart (values() rows); read alone, a log has them
    prefetched in their order (`SET_ORDER`) and written by DRF."""
    _logs(client_, outsider)
    api = bearer(trainer.user)
    listed = api.get("/api/v1/progress/workout-logs/").json()["data"]
    drf_way()
    alone = [
        api.get(f"/api/v1/progress/workout-logs/{row['id']}/").json()["data"] for row in listed
    ]
    assert json.dumps(listed) == json.dumps(alone)
    assert [len(row["sets"]) for row in alone] == [1, 0, 5]


def test_the_sets_as_values_rows_are_the_sets_as_model_rows(client_, outsider):
    _logs(client_, outsider)
    plan = row_plan(SetLogSerializer)
    assert plan is not None
    rows = SetLog.objects.order_by("pk")
    as_models = plan.objects(plan.serializer_class(), rows.select_related("exercise"))
    assert plan.values(rows.values(*plan.keys)) == as_models
    reference = serializers.ListSerializer(child=plan.serializer_class()).to_representation(rows)
    assert as_models == reference
    assert [type(v) for row in as_models for v in row.values()] == [
        type(v) for row in reference for v in row.values()
    ]


def test_invoices(trainer, client_, outsider, same):
    today = trainer.today()
    package = PackageFactory(trainer=trainer)
    draft = InvoiceFactory(client=client_, status="draft", notes="")
    InvoiceLineFactory(
        invoice=draft, package=package, discount_bp=1000, discount_minor=1000, total_minor=9000
    )
    InvoiceLineFactory(invoice=draft, description="Extra", quantity=1)
    overdue = InvoiceFactory(
        client=client_,
        issue_date=today - dt.timedelta(days=40),
        due_date=today - dt.timedelta(days=10),
        seller={"name": "Alice Strength", "vat": None, "lines": ["1 Road", "London"]},
        sent_at=timezone.now(),
    )
    InvoiceLineFactory(invoice=overdue)
    InvoiceFactory(client=client_, status="void", voided_at=timezone.now())
    InvoiceFactory(client=client_, status="paid", paid_minor=12000, paid_at=timezone.now())
    theirs = InvoiceFactory(client=ClientFactory(trainer=outsider))
    api = bearer(trainer.user)

    body = same(api, "/api/v1/payments/invoices/")
    assert len(body["data"]) == 4
    assert theirs.pk not in ids(body)
    by_id = {row["id"]: row for row in body["data"]}
    assert by_id[draft.pk]["number"] == "Draft"
    assert len(by_id[draft.pk]["lines"]) == 2
    assert by_id[overdue.pk]["is_overdue"] is True
    same(api, "/api/v1/payments/invoices/?status=overdue")
    same(api, f"/api/v1/payments/invoices/?client={client_.pk}&per_page=2&page=2")
    same(bearer(client_.user), "/api/v1/payments/invoices/")


def test_measurements(trainer, client_, outsider, same):
    today = trainer.today()
    arm = custom_measurement_add(client=client_, name="Left arm")
    BodyMeasurementFactory(
        client=client_,
        measured_on=today,
        weight_kg=Decimal("82.45"),
        body_fat_pct=Decimal("18.5"),
        waist_cm=None,
        custom_cm={str(arm.pk): 35.5},
        notes="After breakfast",
    )
    BodyMeasurementFactory(client=client_, measured_on=today - dt.timedelta(days=3))
    BodyMeasurementFactory(client=client_, measured_on=today - dt.timedelta(days=90))
    BodyMeasurementFactory(client=ClientFactory(trainer=outsider), measured_on=today)
    api = bearer(trainer.user)

    body = same(api, f"/api/v1/progress/measurements/?client={client_.pk}")
    assert len(body["data"]) == 2
    assert body["data"][0]["custom"] == [
        {"measurement": arm.pk, "name": "Left arm", "value_cm": 35.5}
    ]
    old = (today - dt.timedelta(days=100)).isoformat()
    same(api, f"/api/v1/progress/measurements/?client={client_.pk}&from={old}")
    same(bearer(client_.user), "/api/v1/progress/measurements/")


# ---------- the plan's ways back to DRF ----------


class Probe(serializers.ModelSerializer):
    """Fields the plan has no shortcut for, or may only read until they fail."""

    day_title = serializers.CharField(source="program_day.title", read_only=True)
    day_week = serializers.IntegerField(source="program_day.week", allow_null=True)
    status_label = serializers.CharField(source="get_status_display")
    sets = SetLogSerializer(many=True, read_only=True)
    zone = serializers.SerializerMethodField()

    class Meta:
        model = WorkoutLog
        list_serializer_class = RowListSerializer
        fields = ["id", "day_title", "day_week", "status_label", "started_at", "sets", "zone"]

    def get_zone(self, log: WorkoutLog) -> str:
        return self.context["zone"]


def test_a_missing_row_a_method_and_the_time_zone_are_as_drf_writes_them(client_, drf_way):
    free = WorkoutLogFactory(client=client_)  # no program day: its title is left out
    SetLogFactory(workout_log=free, load_kg=Decimal("62.5"))
    planned = WorkoutLogFactory(client=client_, program_day=ProgramDayFactory(week=2))
    logs = WorkoutLog.objects.filter(pk__in=[free.pk, planned.pk]).order_by("pk")
    with timezone.override("Pacific/Auckland"):
        fast = Probe(logs, many=True, context={"zone": "NZ"}).data
        drf_way()
        slow = Probe(logs, many=True, context={"zone": "NZ"}).data
    assert JSONRenderer().render(fast) == JSONRenderer().render(slow)
    assert "day_title" not in fast[0]
    assert fast[0]["day_week"] is None
    assert fast[1]["day_week"] == 2
    assert fast[0]["status_label"] == "In progress"
    assert fast[0]["started_at"].endswith("+13:00") or fast[0]["started_at"].endswith("+12:00")
    assert fast[0]["sets"][0]["load_kg"] == Decimal("62.50")
