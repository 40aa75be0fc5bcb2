"""Workout reminders: at the time the client chose, in their time zone, on a day their
program schedules a workout they have not logged; to the client, from the trainer's
business, with a one-click unsubscribe; never twice for the same day."""

from __future__ import annotations

import datetime as dt

import pytest

from progress.services.reminders import workout_reminder_send, workout_reminders_send
from tests.factories.progress import WorkoutLogFactory
from tests.progress.reminders_setup import MONDAY, NOW, TUESDAY, client_training
from trainers.models import EmailKind, OutboundEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(mailoutbox, django_capture_on_commit_callbacks):
    """Run the job at an instant, sending what it queues; the mails sent so far."""

    def run(now=NOW):
        with django_capture_on_commit_callbacks(execute=True):
            workout_reminders_send(now=now)
        return mailoutbox

    return run


def test_the_reminder_reaches_the_client_with_today_s_workout(trainer, sent):
    carol = client_training(
        trainer,
        zone="America/Los_Angeles",
        user__email="carol@example.com",
        user__first_name="Carol",
    )

    (mail,) = sent()

    assert mail.to == ["carol@example.com"]
    assert mail.reply_to == ["alice@example.com"]
    assert mail.from_email.startswith("Alice Strength via FitnessPr <")
    assert mail.subject == "Today's workout: Lower body"
    html = mail.alternatives[0][0]
    for body in (mail.body, html):
        assert "Hi Carol" in body
        assert "Back squat" in body
        assert "/portal/training/" in body
        assert "/portal/unsubscribe/" in body
        assert "/portal/reminders/" in body
    assert mail.extra_headers["List-Unsubscribe"].startswith("<http")
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    email = OutboundEmail.objects.get()
    assert email.kind == EmailKind.WORKOUT_REMINDER
    assert email.key == f"workout-reminder:{carol.pk}:{MONDAY.isoformat()}"


def test_each_client_is_reminded_on_their_own_day_and_clock(trainer, sent):
    """One instant: Tuesday 07:30 in Brisbane, Monday 13:30 in Los Angeles."""
    brisbane = client_training(trainer, zone="Australia/Brisbane")
    los_angeles = client_training(trainer, zone="America/Los_Angeles")

    mails = sent()

    keys = set(OutboundEmail.objects.values_list("key", flat=True))
    assert keys == {
        f"workout-reminder:{brisbane.pk}:{TUESDAY.isoformat()}",
        f"workout-reminder:{los_angeles.pk}:{MONDAY.isoformat()}",
    }
    subjects = {m.to[0]: m.subject for m in mails}
    assert subjects[brisbane.email] == "Today's workout: Upper body"
    assert subjects[los_angeles.email] == "Today's workout: Lower body"


def test_nothing_before_the_chosen_local_time(trainer, sent):
    client_training(trainer, zone="Australia/Brisbane", at=dt.time(8, 0))  # 07:30 there
    assert sent() == []
    assert len(sent(NOW + dt.timedelta(minutes=30))) == 1


def test_without_a_time_zone_of_their_own_the_trainer_s_applies(trainer, sent):
    trainer.timezone = "Australia/Brisbane"
    trainer.save()
    carol = client_training(trainer)
    sent()
    assert OutboundEmail.objects.get().key.endswith(f"{carol.pk}:{TUESDAY.isoformat()}")


def test_running_the_job_again_sends_nothing_more(trainer, sent):
    client_training(trainer, zone="America/Los_Angeles")
    sent()
    sent()
    assert len(sent(NOW + dt.timedelta(hours=2))) == 1
    assert OutboundEmail.objects.count() == 1


def test_a_duplicate_run_with_the_email_already_queued_returns_it(trainer, sent):
    """A second beat (or a retry) arriving while the first run's email waits: the key
    is taken, so the same email comes back and nothing new is queued."""
    carol = client_training(trainer, zone="America/Los_Angeles")
    first = workout_reminder_send(client_id=carol.pk, now=NOW)
    again = workout_reminder_send(client_id=carol.pk, now=NOW + dt.timedelta(minutes=15))
    assert again is not None
    assert again.pk == first.pk
    assert OutboundEmail.objects.count() == 1


def test_the_next_training_day_gets_its_own_reminder(trainer, sent):
    client_training(trainer, zone="America/Los_Angeles")
    sent()
    mails = sent(NOW + dt.timedelta(days=1))
    assert [m.subject for m in mails] == [
        "Today's workout: Lower body",
        "Today's workout: Upper body",
    ]


def test_no_reminder_once_a_workout_is_logged_that_day(trainer, sent):
    carol = client_training(trainer, zone="America/Los_Angeles")
    WorkoutLogFactory(client=carol, performed_on=MONDAY)
    assert sent() == []


def test_no_reminder_on_a_rest_day(trainer, sent):
    client_training(trainer, zone="America/Los_Angeles")
    assert sent(NOW + dt.timedelta(days=2)) == []  # Wednesday there: no day 3


def test_opted_out_archived_and_paused_clients_get_nothing(trainer, sent):
    opted_out = client_training(trainer, zone="America/Los_Angeles")
    opted_out.reminder_settings.workout_reminders = False
    opted_out.reminder_settings.save()
    client_training(trainer, zone="America/Los_Angeles", status="archived")
    client_training(trainer, zone="America/Los_Angeles", status="paused")
    assert sent() == []
    assert OutboundEmail.objects.count() == 0


def test_a_client_who_never_chose_gets_the_defaults(trainer, sent):
    carol = client_training(trainer, zone="America/Los_Angeles")
    carol.reminder_settings.delete()
    trainer.timezone = "America/Los_Angeles"
    trainer.save()
    assert len(sent()) == 1  # on, at 07:00, in the trainer's zone
