"""The demo's reminders: every active demo client has reminder settings (Chloé opted out
from an email's link) and the outbox shows reminders and a weekly summary as sent —
without the demo mailing anyone — once however often seed_demo runs."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from clients.models import ReminderSettings
from trainers.models import EmailKind, EmailStatus, OutboundEmail

pytestmark = pytest.mark.django_db


def test_the_demo_has_reminder_choices_and_sent_reminders(mailoutbox, capsys):
    call_command("seed_demo")
    count = OutboundEmail.objects.count()
    call_command("seed_demo")  # idempotent: nothing doubles

    choices = {r.client.first_name: r for r in ReminderSettings.objects.select_related("client")}
    assert set(choices) == {"Anna", "Ben", "Chloé"}
    assert choices["Chloé"].workout_reminders is False
    assert choices["Chloé"].unsubscribed_at is not None
    assert choices["Ben"].zone_name == "Europe/Dublin"

    assert OutboundEmail.objects.count() == count
    kinds = set(OutboundEmail.objects.values_list("kind", flat=True))
    assert {EmailKind.WORKOUT_REMINDER, EmailKind.WEEKLY_SUMMARY} <= kinds
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {EmailStatus.SENT}
    assert not OutboundEmail.objects.filter(to_email="chloe@demo.fitnesspr.app").exists()
    assert mailoutbox == []
