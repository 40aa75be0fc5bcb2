"""A rich trainer for the export tests: the demo business (clients, programs, logged
workouts, nutrition, body progress, check-ins, billing) plus what the demo lacks: an own
exercise with muscles and equipment, an own food with a portion used in a recipe,
photos (one on a check-in), a custom measurement's value, a refund."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest

from billing.models import Payment
from fitnesspr.demo import demo_seed
from nutrition.models import RecipeTag
from programs.models import Equipment, MuscleGroup, PrescribedExercise
from progress.models import CheckIn
from tests.api.conftest import bearer
from tests.factories.billing import PaymentFactory
from tests.factories.nutrition import FoodFactory, FoodPortionFactory, RecipeIngredientFactory
from tests.factories.programs import OwnExerciseFactory
from tests.factories.progress import (
    BodyMeasurementFactory,
    CustomMeasurementFactory,
    ProgressPhotoFactory,
    SetLogFactory,
)
from trainers.models import Trainer


@pytest.fixture
def rich_trainer(db) -> Trainer:
    demo_seed()
    trainer = Trainer.objects.get(user__email="coach@demo.fitnesspr.app")
    anna = trainer.clients.order_by("pk").first()
    assert anna is not None

    exercise = OwnExerciseFactory(trainer=trainer, name="Sled push", category="strength")
    exercise.primary_muscles.set(MuscleGroup.objects.all()[:2])
    exercise.equipment.set(Equipment.objects.all()[:1])
    prescription = PrescribedExercise.objects.filter(day__program__trainer=trainer).first()
    assert prescription is not None
    prescription.exercise = exercise
    prescription.save()
    log = anna.workout_logs.first()
    SetLogFactory(workout_log=log, exercise=exercise, set_number=9, reps=8)

    food = FoodFactory(trainer=trainer, name="House granola", brand="Coach")
    portion = FoodPortionFactory(food=food, name="1 bowl", grams=60)
    recipe = trainer.recipes.first()
    RecipeIngredientFactory(recipe=recipe, food=food, portion=portion, quantity=1, grams=60)
    recipe.tags.set(RecipeTag.objects.all()[:2])

    check_in = CheckIn.objects.filter(client=anna).first()
    ProgressPhotoFactory(client=anna, pose="front", check_in=check_in)
    ProgressPhotoFactory(client=anna, pose="side")
    wrist = CustomMeasurementFactory(client=anna, name="Forearm")
    BodyMeasurementFactory(client=anna, custom_cm={wrist.key: "16.5"}, weight_kg=None)

    paid = Payment.objects.filter(invoice__trainer=trainer, kind="payment").first()
    assert paid is not None
    PaymentFactory(invoice=paid.invoice, kind="refund", refund_of=paid, amount_minor=500)
    return trainer


def read_zip(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


def kind_records(archive: zipfile.ZipFile, name: str) -> list[dict[str, Any]]:
    return json.loads(archive.read(f"{name}.json"))


@pytest.fixture
def trainer_api_for():
    return bearer
