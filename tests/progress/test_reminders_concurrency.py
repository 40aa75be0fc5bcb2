"""Two beat processes (or a restart mid-run) running the reminder jobs at the same
moment, on PostgreSQL with real concurrent transactions: the outbox key lets one email
through per client and day, and every one of them is delivered (emails of one trainer
sent at the same moment used to skip each other and stay queued)."""

from __future__ import annotations

import pytest
from django.core import mail

from progress.services.reminders import check_in_reminders_send, workout_reminders_send
from tests.billing.conftest import needs_postgres
from tests.billing.test_concurrency import at_once
from tests.factories.progress import ProgressSettingsFactory
from tests.progress.reminders_setup import MONDAY, NOW, client_training
from trainers.models import EmailKind, OutboundEmail

# No serialized_rollback: it needs no migrated data, and restoring a snapshot after another
# transactional test has flushed (and re-created the content types) would clash.
pytestmark = [needs_postgres, pytest.mark.django_db(transaction=True)]


def test_five_workout_reminder_runs_at_once_send_one_email_per_client(trainer):
    clients = [client_training(trainer, zone="America/Los_Angeles") for _ in range(3)]

    at_once(5, lambda i: workout_reminders_send(now=NOW))

    emails = OutboundEmail.objects.filter(kind=EmailKind.WORKOUT_REMINDER)
    assert sorted(emails.values_list("key", flat=True)) == sorted(
        f"workout-reminder:{c.pk}:{MONDAY.isoformat()}" for c in clients
    )
    assert len(mail.outbox) == 3


def test_check_in_reminders_at_once_send_one(trainer):
    carol = client_training(trainer, zone="America/Los_Angeles")
    ProgressSettingsFactory(client=carol, check_in_weekday=MONDAY.weekday())

    at_once(4, lambda i: check_in_reminders_send(now=NOW))

    assert OutboundEmail.objects.filter(kind=EmailKind.CHECK_IN_DUE).count() == 1
    assert len(mail.outbox) == 1
