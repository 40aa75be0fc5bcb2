"""The trainer's weekly summary: Monday from 07:00 where they work, once per ISO week,
with who trained last week, who had workouts scheduled and logged none, check-ins
waiting for a reply and overdue invoices."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from progress.services.summaries import weekly_summaries_send
from tests.factories.billing import InvoiceFactory
from tests.factories.core import ClientFactory
from tests.factories.programs import ProgramAssignmentFactory, ProgramDayFactory
from tests.factories.progress import CheckInFactory, WorkoutLogFactory
from trainers.models import EmailKind, OutboundEmail

pytestmark = pytest.mark.django_db

# The summary reads live rules (check-ins of the last 30 days): pin this week's Monday.
LONDON = ZoneInfo("Europe/London")
_today = timezone.now().astimezone(LONDON).date()
MONDAY = _today - dt.timedelta(days=_today.weekday())
LAST_MONDAY = MONDAY - dt.timedelta(days=7)
NOW = dt.datetime.combine(MONDAY, dt.time(8, 0), LONDON)


def _done(client_, on):
    at = dt.datetime.combine(on, dt.time(18, 0), LONDON)
    return WorkoutLogFactory(
        client=client_, performed_on=on, status="completed", started_at=at, completed_at=at
    )


def _with_program(trainer, name):
    """Workouts scheduled last Monday and Tuesday."""
    client_ = ClientFactory(trainer=trainer, user__first_name=name, user__last_name="Test")
    assignment = ProgramAssignmentFactory(client=client_, start_date=LAST_MONDAY)
    ProgramDayFactory(program=assignment.program, week=1, day=1)
    ProgramDayFactory(program=assignment.program, week=1, day=2)
    return client_


@pytest.fixture
def week(trainer):
    trainer.timezone = "Europe/London"
    trainer.save()
    anna = _with_program(trainer, "Anna")
    _done(anna, LAST_MONDAY)
    _with_program(trainer, "Ben")  # logged nothing
    cleo = ClientFactory(trainer=trainer, user__first_name="Cleo", user__last_name="Free")
    _done(cleo, LAST_MONDAY + dt.timedelta(days=4))  # no program, trained anyway
    gone = ClientFactory(trainer=trainer, status="archived", user__first_name="Gone")
    _done(gone, LAST_MONDAY)
    CheckInFactory(client=anna, due_on=MONDAY - dt.timedelta(days=1), comment="Tired legs")
    overdue = InvoiceFactory(
        client=cleo,
        issue_date=LAST_MONDAY - dt.timedelta(days=30),
        due_date=LAST_MONDAY - dt.timedelta(days=16),
    )
    return overdue


@pytest.fixture
def sent(mailoutbox, django_capture_on_commit_callbacks):
    def run(now=NOW):
        with django_capture_on_commit_callbacks(execute=True):
            weekly_summaries_send(now=now)
        return mailoutbox

    return run


def test_the_summary_lists_last_week_and_what_waits(trainer, week, sent):
    (mail,) = sent()

    assert mail.to == ["alice@example.com"]
    assert mail.from_email.startswith("Alice Strength via FitnessPr <")
    assert mail.subject.startswith("Your week: ")
    text = mail.body
    trained = text.split("WHO TRAINED (2)")[1].split("WHO DID NOT")[0]
    assert "Anna Test: 1 workout of 2 scheduled" in trained
    assert "Cleo Free: 1 workout" in trained
    missed = text.split("WHO DID NOT (1)")[1].split("CHECK-INS")[0]
    assert "Ben Test: none of 2 scheduled workouts" in missed
    assert "Gone" not in text
    assert "CHECK-INS WAITING FOR YOUR REPLY (1)" in text
    assert "Anna Test: Check-in for the week due" in text
    assert f"OVERDUE INVOICES (1)\n- {week.display_number}, Cleo Free" in text
    html = mail.alternatives[0][0]
    assert f"/dashboard/billing/invoices/{week.pk}/" in html
    assert "/dashboard/" in html
    assert "List-Unsubscribe" not in mail.extra_headers
    email = OutboundEmail.objects.get()
    year, number, _ = MONDAY.isocalendar()
    assert (email.kind, email.key) == (
        EmailKind.WEEKLY_SUMMARY,
        f"weekly-summary:{trainer.pk}:{year}-W{number:02d}",
    )


def test_once_a_week_however_often_the_job_runs(trainer, week, sent):
    sent()
    sent(NOW + dt.timedelta(minutes=15))
    sent(NOW + dt.timedelta(hours=10))
    assert OutboundEmail.objects.count() == 1


def test_only_on_monday_from_seven_in_the_trainer_s_zone(trainer, week, sent):
    assert sent(NOW - dt.timedelta(hours=1, minutes=1)) == []  # 06:59 in London
    assert sent(NOW + dt.timedelta(days=1)) == []  # Tuesday
    trainer.timezone = "Asia/Tokyo"  # 08:00 London is 16:00 or 17:00 Monday in Tokyo
    trainer.save()
    assert len(sent()) == 1


def test_a_trainer_with_nothing_to_report_gets_no_email(outsider, sent):
    assert sent() == []
