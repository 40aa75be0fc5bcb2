"""The demo's body progress: months of weigh-ins and check-ins for the first client, and
an attention list with something on it, seeded once however often seed_demo runs."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from clients.models import Client
from progress.models import BodyMeasurement, CheckIn, Reply
from progress.selectors.attention import attention_list

pytestmark = pytest.mark.django_db


def test_the_demo_has_months_of_progress_and_things_to_look_at():
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent: nothing doubles

    anna = Client.objects.get(user__email="anna@demo.fitnesspr.app")
    weigh_ins = BodyMeasurement.objects.filter(client=anna, weight_kg__isnull=False)
    assert weigh_ins.count() >= 40
    span = weigh_ins.order_by("measured_on")
    assert (span.last().measured_on - span.first().measured_on).days >= 90
    assert BodyMeasurement.objects.filter(client=anna, waist_cm__isnull=False).count() >= 6
    assert CheckIn.objects.filter(client=anna).count() == 13
    assert Reply.objects.filter(client=anna, by_trainer=True).count() == 12
    assert anna.progress_settings.check_in_weekday == 6

    trainer = anna.trainer
    groups = {g.rule.name: g.items for g in attention_list(trainer=trainer, today=trainer.today())}
    assert [item.client for item in groups["check_in"]] == [anna]
    assert [item.client.first_name for item in groups["weight_trend"]] == ["Ben"]
    assert [item.client.first_name for item in groups["weigh_in"]] == ["Chloé"]


def test_the_demo_client_has_a_ready_progress_report(django_capture_on_commit_callbacks):
    from progress.models import ProgressReport, ReportStatus
    from tests.progress.reports_helpers import pdf_text

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo")
    call_command("seed_demo")  # no second report

    anna = Client.objects.get(user__email="anna@demo.fitnesspr.app")
    report = ProgressReport.objects.get(client=anna)
    assert report.status == ReportStatus.READY
    assert anna.progress_settings.weekly_report is True
    with report.file.open("rb") as handle:
        assert anna.full_name in pdf_text(handle.read())[1]
