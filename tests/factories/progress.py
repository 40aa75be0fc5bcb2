from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from progress.models import (
    AttentionDismissal,
    BodyMeasurement,
    CheckIn,
    CustomMeasurement,
    OneRepMax,
    ProgressPhoto,
    ProgressReport,
    ProgressSettings,
    Reply,
    SetLog,
    WorkoutLog,
)
from tests.factories.core import ClientFactory
from tests.factories.programs import ExerciseFactory


class BodyMeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMeasurement

    client = factory.SubFactory(ClientFactory)
    measured_on = factory.Sequence(lambda n: dt.date(2026, 1, 1) + dt.timedelta(days=n))
    weight_kg = Decimal("82.40")
    waist_cm = Decimal("88.0")


class ProgressPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressPhoto

    client = factory.SubFactory(ClientFactory)
    image = factory.django.ImageField(filename="front.jpg", width=8, height=8)
    pose = "front"
    taken_on = factory.LazyFunction(dt.date.today)


class WorkoutLogFactory(factory.django.DjangoModelFactory):
    """A free (unprogrammed) workout in progress."""

    class Meta:
        model = WorkoutLog

    client = factory.SubFactory(ClientFactory)
    performed_on = factory.LazyFunction(dt.date.today)
    started_at = factory.LazyFunction(timezone.now)
    status = "in_progress"


class SetLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SetLog

    workout_log = factory.SubFactory(WorkoutLogFactory)
    exercise = factory.SubFactory(ExerciseFactory)
    set_number = factory.Sequence(lambda n: n % 50 + 1)
    reps = 10
    load_kg = Decimal("60.00")


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    client = factory.SubFactory(ClientFactory)
    period_start = dt.date(2026, 1, 1)
    period_end = dt.date(2026, 3, 31)
    status = "pending"


class CustomMeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CustomMeasurement

    client = factory.SubFactory(ClientFactory)
    name = factory.Sequence(lambda n: f"Wrist {n}")


class ProgressSettingsFactory(factory.django.DjangoModelFactory):
    """Weekly check-ins due on Sundays, a weight-loss goal."""

    class Meta:
        model = ProgressSettings

    client = factory.SubFactory(ClientFactory)
    check_in_weekday = 6
    weight_goal = "lose"


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    client = factory.SubFactory(ClientFactory)
    due_on = factory.Sequence(lambda n: dt.date(2026, 1, 4) + dt.timedelta(weeks=n))
    energy = 4
    sleep = 3
    stress = 2
    hunger = 3
    adherence = 4
    comment = "A good week."
    submitted_at = factory.LazyFunction(timezone.now)


class ReplyFactory(factory.django.DjangoModelFactory):
    """The trainer's reply on a check-in."""

    class Meta:
        model = Reply

    check_in = factory.SubFactory(CheckInFactory)
    client = factory.SelfAttribute("check_in.client")
    author = factory.SelfAttribute("client.trainer.user")
    by_trainer = True
    body = "Well done, keep it up."


class AttentionDismissalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttentionDismissal

    client = factory.SubFactory(ClientFactory)
    rule = "weigh_in"
    fingerprint = "never"


class OneRepMaxFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OneRepMax

    client = factory.SubFactory(ClientFactory)
    exercise = factory.SubFactory(ExerciseFactory)
    weight_kg = Decimal("120.00")
