"""The beat schedule names only tasks a worker knows, and the reminder jobs run often
enough to send each reminder close to the time the client chose."""

from __future__ import annotations

import pytest
from django.conf import settings

from fitnesspr.celery import app


@pytest.mark.django_db  # celery's Django fixup touches the connection on import
def test_every_scheduled_job_is_a_registered_task():
    app.loader.import_default_modules()  # what a worker does at start
    assert settings.CELERY_BEAT_SCHEDULE
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, f"{name} names an unknown task {entry['task']}"


def test_reminders_run_every_quarter_hour():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["workout-reminders"]["schedule"] == 15 * 60
    assert schedule["check-in-reminders"]["schedule"] == 15 * 60
