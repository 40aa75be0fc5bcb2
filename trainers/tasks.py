from __future__ import annotations

from celery import Task, shared_task
from django.conf import settings

from trainers.services import email_deliver

RETRIES = 5


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=RETRIES,
    soft_time_limit=settings.EMAIL_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.EMAIL_TASK_TIME_LIMIT,
)
def send_email_notification(self: Task, email_id: int) -> None:
    """Send one email of the outbox. Runs again safely: a sent email is never sent twice.
    A mail server that is down is retried with a growing pause (1, 2, 4, 8, 16 minutes),
    then the email is marked as not sent, for the trainer to see and send again."""
    last = self.request.is_eager or self.request.retries >= RETRIES
    error = email_deliver(email_id=email_id, last_attempt=last)
    if error is not None:
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries)
