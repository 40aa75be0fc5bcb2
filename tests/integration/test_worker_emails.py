"""Emails sent by a real Celery worker through Redis, with the outbox in PostgreSQL:
delivered, and delivered exactly once when the worker is killed in the middle of the
send or the same email is queued twice."""

from __future__ import annotations

import time

from fitnesspr import metrics
from tests.factories.core import OutboundEmailFactory
from tests.integration.conftest import wait_for
from trainers.models import EmailStatus, OutboundEmail
from trainers.tasks import send_email_notification


def _status(email: OutboundEmail) -> str:
    email.refresh_from_db()
    return email.status


def _tasks_done() -> float:
    field = metrics._SEP.join((send_email_notification.name, "success"))
    return metrics.store().read(metrics.TASKS).get(field, 0)


def test_a_worker_sends_a_queued_email(start_worker, enqueue, smtp, trainer):
    _port, mailbox = smtp
    email = OutboundEmailFactory(trainer=trainer, subject="Your week at Alice Strength")
    start_worker()
    done_before = _tasks_done()

    enqueue(send_email_notification, email.pk)

    wait_for(lambda: _status(email) == EmailStatus.SENT, timeout=30, what="the email to be sent")
    assert len(mailbox.messages) == 1
    assert b"Subject: Your week at Alice Strength" in mailbox.messages[0]
    assert email.attempts == 1
    # the worker's count reaches /metrics of every web process (through Redis)
    wait_for(lambda: _tasks_done() == done_before + 1, timeout=10, what="the task to be counted")


def test_a_worker_killed_mid_send_leaves_one_email_after_a_new_worker(
    start_worker, enqueue, smtp, trainer
):
    _port, mailbox = smtp
    email = OutboundEmailFactory(trainer=trainer, subject="Welcome")
    mailbox.hold_next = True  # the mail server holds its answer to the message
    first = start_worker()

    enqueue(send_email_notification, email.pk)
    wait_for(mailbox.holding.is_set, timeout=30, what="the worker to hand the message over")
    first.kill()  # in the middle of the SMTP conversation
    time.sleep(0.5)
    mailbox.release()
    assert _status(email) == EmailStatus.QUEUED
    assert mailbox.messages == []

    start_worker()  # the killed worker's task comes back from Redis
    wait_for(lambda: _status(email) == EmailStatus.SENT, timeout=60, what="the retried send")
    enqueue(send_email_notification, email.pk)  # and a duplicate, for good measure
    time.sleep(3)

    assert len(mailbox.messages) == 1
    assert OutboundEmail.objects.get(pk=email.pk).attempts == 1
