from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from progress.models import (
    BodyMeasurement,
    OneRepMax,
    ProgressPhoto,
    ProgressReport,
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


class OneRepMaxFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OneRepMax

    client = factory.SubFactory(ClientFactory)
    exercise = factory.SubFactory(ExerciseFactory)
    weight_kg = Decimal("120.00")
