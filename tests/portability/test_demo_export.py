"""The demo trainer finds one finished export on Settings → Your data."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from portability.models import DataExport, ExportStatus
from trainers.models import Trainer

pytestmark = pytest.mark.django_db


def test_the_demo_trainer_has_one_finished_export(client):
    call_command("seed_demo")
    call_command("seed_demo")

    trainer = Trainer.objects.get(user__email="coach@demo.fitnesspr.app")
    export = DataExport.objects.get(trainer=trainer)
    assert export.status == ExportStatus.READY
    assert export.counts["clients"] == 4
    client.force_login(trainer.user)
    page = client.get(reverse("portability:data")).content.decode()
    assert reverse("portability:export_download", args=[export.pk]) in page
