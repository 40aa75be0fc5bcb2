"""Check-in reminders: on the client's check-in day (in their time zone), from their
chosen time, once a check-in week, and not once the check-in is in."""

from __future__ import annotations

import datetime as dt

import pytest

from progress.services.reminders import check_in_reminders_send
from tests.factories.progress import CheckInFactory, ProgressSettingsFactory
from tests.progress.reminders_setup import MONDAY, NOW, TUESDAY, client_training
from trainers.models import EmailKind, OutboundEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(mailoutbox, django_capture_on_commit_callbacks):
    def run(now=NOW):
        with django_capture_on_commit_callbacks(execute=True):
            check_in_reminders_send(now=now)
        return mailoutbox

    return run


def _checking_in(trainer, weekday, **extra):
    client_ = client_training(trainer, **extra)
    ProgressSettingsFactory(client=client_, check_in_weekday=weekday)
    return client_


def test_the_reminder_on_check_in_day(trainer, sent):
    carol = _checking_in(
        trainer, MONDAY.weekday(), zone="America/Los_Angeles", user__first_name="Carol"
    )

    (mail,) = sent()

    assert mail.to == [carol.email]
    assert mail.reply_to == ["alice@example.com"]
    assert mail.from_email.startswith("Alice Strength via FitnessPr <")
    assert mail.subject == "Your weekly check-in is due today"
    for body in (mail.body, mail.alternatives[0][0]):
        assert "Hi Carol" in body
        assert "/portal/check-ins/new/" in body
        assert "/portal/unsubscribe/" in body
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    email = OutboundEmail.objects.get()
    assert email.kind == EmailKind.CHECK_IN_DUE
    assert email.key == f"check-in-due:{carol.pk}:{MONDAY.isoformat()}"


def test_the_check_in_day_is_the_client_s_own_day(trainer, sent):
    """Check-ins due on Tuesdays: it is Tuesday in Brisbane, still Monday in LA."""
    brisbane = _checking_in(trainer, TUESDAY.weekday(), zone="Australia/Brisbane")
    _checking_in(trainer, TUESDAY.weekday(), zone="America/Los_Angeles")
    assert [m.to for m in sent()] == [[brisbane.email]]


def test_once_a_week_however_often_the_job_runs(trainer, sent):
    _checking_in(trainer, MONDAY.weekday(), zone="America/Los_Angeles")
    sent()
    sent(NOW + dt.timedelta(minutes=15))
    sent(NOW + dt.timedelta(hours=3))
    assert OutboundEmail.objects.count() == 1
    assert len(sent(NOW + dt.timedelta(days=7))) == 2  # next week's


def test_nothing_once_the_check_in_is_in(trainer, sent):
    carol = _checking_in(trainer, MONDAY.weekday(), zone="America/Los_Angeles")
    CheckInFactory(client=carol, due_on=MONDAY)
    assert sent() == []


def test_nothing_before_the_chosen_time_or_on_other_days(trainer, sent):
    _checking_in(trainer, MONDAY.weekday(), zone="America/Los_Angeles", at=dt.time(14, 0))
    assert sent() == []  # 13:30 there
    assert sent(NOW - dt.timedelta(days=1)) == []  # Sunday
    assert len(sent(NOW + dt.timedelta(minutes=30))) == 1


def test_opted_out_and_archived_clients_and_no_check_in_day_get_nothing(trainer, sent):
    opted_out = _checking_in(trainer, MONDAY.weekday(), zone="America/Los_Angeles")
    opted_out.reminder_settings.check_in_reminders = False
    opted_out.reminder_settings.save()
    _checking_in(trainer, MONDAY.weekday(), zone="America/Los_Angeles", status="archived")
    _checking_in(trainer, None, zone="America/Los_Angeles")
    assert sent() == []
