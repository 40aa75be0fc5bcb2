"""The benchmark dataset command: the rows it promises, valid for the models, and
nothing added when it runs again."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client as Browser

from billing.models import Invoice
from clients.models import Client
from progress.benchdata.build import CLIENT_PIN, TRAINER_PASSWORD, client_email, trainer_email
from progress.models import BodyMeasurement, SetLog, WorkoutLog
from trainers.models import Trainer

pytestmark = pytest.mark.django_db


def load(**sizes: int) -> str:
    out = StringIO()
    args = [f"--{name}={value}" for name, value in sizes.items()]
    call_command("bench_dataset", *args, stdout=out)
    return out.getvalue()


def test_loads_the_promised_rows_and_their_logins_work(client) -> None:
    output = load(trainers=2, clients=3, weeks=4)

    assert Trainer.objects.count() == 2
    assert Client.objects.count() == 6
    logs = WorkoutLog.objects.filter(client__user__email=client_email(0, 0))
    assert 9 <= logs.count() <= 12  # 3 a week for 4 weeks, none today or later
    assert SetLog.objects.filter(workout_log__in=logs).count() == logs.count() * 20
    assert BodyMeasurement.objects.count() == 6 * 4
    assert Invoice.objects.count() == 6 * 12
    assert "Benchmark dataset:" in output
    assert client.login(username=trainer_email(0), password=TRAINER_PASSWORD)
    phone = Browser()
    response = phone.post("/portal/login/", {"email": client_email(1, 2), "pin": CLIENT_PIN})
    assert response.status_code == 302
    assert phone.get(response["Location"]).status_code == 200


def test_rows_pass_model_validation() -> None:
    load(trainers=1, clients=2, weeks=2)
    for model in (Client, WorkoutLog, SetLog, BodyMeasurement, Invoice):
        for row in model.objects.all()[:25]:
            row.full_clean()


def test_running_again_adds_nothing() -> None:
    load(trainers=1, clients=2, weeks=2)
    before = SetLog.objects.count()
    output = load(trainers=1, clients=2, weeks=2)
    assert "already loaded" in output
    assert SetLog.objects.count() == before
    with pytest.raises(CommandError, match="--reset"):
        load(trainers=3, clients=2, weeks=2)
