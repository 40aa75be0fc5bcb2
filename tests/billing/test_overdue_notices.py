"""Overdue invoices are flagged once by the hourly job, with one polite notice to the
client, by billing's one rule for "overdue" (still owed after the due date, on the
trainer's calendar)."""

from __future__ import annotations

import datetime as dt

import pytest

from billing.models import Invoice
from billing.services.overdue import invoices_overdue_notify
from billing.services.payments import payment_record
from progress.tasks.reminders import flag_overdue_invoices
from trainers.models import EmailKind, OutboundEmail

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def due_on(make_invoice):
    """An issued invoice of 50.00 due on a given day."""

    def make(day: dt.date, amount: int = 5000) -> Invoice:
        invoice = make_invoice(amount)
        Invoice.objects.filter(pk=invoice.pk).update(
            issue_date=day - dt.timedelta(days=14), due_date=day
        )
        invoice.refresh_from_db()
        return invoice

    return make


@pytest.fixture
def run(mailoutbox, django_capture_on_commit_callbacks):
    def go(now=NOW):
        with django_capture_on_commit_callbacks(execute=True):
            invoices_overdue_notify(now=now)
        return mailoutbox

    return go


def test_an_overdue_invoice_is_flagged_and_the_client_told_once(due_on, run):
    invoice = due_on(dt.date(2026, 3, 1))

    (mail,) = run()
    run(NOW + dt.timedelta(hours=1))
    run(NOW + dt.timedelta(days=3))

    invoice.refresh_from_db()
    assert invoice.overdue_notified_at == NOW
    assert mail.to == ["carol@example.com"]
    assert mail.reply_to == ["alice@example.com"]
    assert mail.from_email.startswith("Alice Strength via FitnessPr <")
    assert mail.subject == f"A reminder about invoice {invoice.display_number} from Alice Strength"
    for body in (mail.body, mail.alternatives[0][0]):
        assert "was due on 1 March 2026" in body
        assert f"/portal/invoices/{invoice.pk}/" in body
    email = OutboundEmail.objects.get()
    assert (email.kind, email.key) == (EmailKind.INVOICE_OVERDUE, f"invoice-overdue:{invoice.pk}")


def test_not_before_the_due_date_has_passed_on_the_trainer_s_calendar(trainer, due_on, run):
    invoice = due_on(dt.date(2026, 3, 10))
    trainer.timezone = "America/Los_Angeles"  # 04:00 on the 10th there: due today
    trainer.save()
    assert run() == []
    trainer.timezone = "Pacific/Kiritimati"  # UTC+14: already the 11th
    trainer.save()
    assert len(run()) == 1
    invoice.refresh_from_db()
    assert invoice.overdue_notified_at is not None


def test_paid_void_and_draft_invoices_are_never_overdue(due_on, run, make_invoice):
    paid = due_on(dt.date(2026, 3, 1))
    payment_record(
        invoice=paid,
        amount_minor=5000,
        method="cash",
        received_on=dt.date(2026, 3, 2),
        send_receipt=False,
    )
    assert run() == []
    assert not Invoice.objects.filter(overdue_notified_at__isnull=False).exists()


def test_the_job_runs_the_same_rule_on_the_live_clock(
    due_on, mailoutbox, django_capture_on_commit_callbacks
):
    invoice = due_on(dt.date.today() - dt.timedelta(days=20))
    with django_capture_on_commit_callbacks(execute=True):
        assert flag_overdue_invoices.delay().get() == 1
        assert flag_overdue_invoices.delay().get() == 0
    assert len(mailoutbox) == 1
    invoice.refresh_from_db()
    assert invoice.overdue_notified_at is not None


def test_the_trainer_sees_the_notice_on_the_invoice(due_on, run, trainer_client):
    invoice = due_on(dt.date(2026, 3, 1))
    run()
    page = trainer_client.get(f"/dashboard/billing/invoices/{invoice.pk}/").text
    assert "Overdue notice" in page
