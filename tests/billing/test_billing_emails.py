"""Invoice and receipt emails go through the outbox: HTML and text, from the trainer's
business with replies to the trainer, and one email per send or payment however often
the request is repeated."""

from __future__ import annotations

import pytest
from django.utils import timezone

from billing.services.emails import invoice_email_queue, receipt_email_queue
from billing.services.lifecycle import invoice_send
from billing.services.payments import payment_record
from trainers.models import EmailKind, EmailStatus, OutboundEmail

pytestmark = pytest.mark.django_db


def _pay(invoice, amount, **extra):
    return payment_record(
        invoice=invoice,
        amount_minor=amount,
        method="cash",
        received_on=invoice.trainer.today(),
        **extra,
    )


def test_the_issued_invoice_reaches_the_client_from_the_business(
    make_invoice, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = make_invoice(12000, send=True)

    (mail,) = mailoutbox
    assert mail.to == ["carol@example.com"]
    assert mail.reply_to == ["alice@example.com"]
    assert mail.from_email.startswith("Alice Strength via FitnessPr <")
    assert mail.subject == f"Invoice {invoice.display_number} from Alice Strength"
    html = mail.alternatives[0][0]
    assert "Hi Carol" in html
    assert invoice.display_number in html
    assert f"/portal/invoices/{invoice.pk}/" in html
    assert "Alice Strength" in html
    email = OutboundEmail.objects.get()
    assert (email.kind, email.status) == (EmailKind.INVOICE_ISSUED, EmailStatus.SENT)
    assert "List-Unsubscribe" not in mail.extra_headers  # not a reminder: no opt-out


def test_send_again_twice_in_a_row_sends_once_and_later_sends_again(
    make_invoice, mailoutbox, django_capture_on_commit_callbacks
):
    invoice = make_invoice(5000)
    with django_capture_on_commit_callbacks(execute=True):
        invoice_send(invoice=invoice)
        invoice_send(invoice=invoice)  # a double click
    assert len(mailoutbox) == 1

    OutboundEmail.objects.update(created_at=timezone.now() - timezone.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        invoice_send(invoice=invoice)  # the trainer really sends it again later
    assert len(mailoutbox) == 2
    assert OutboundEmail.objects.filter(kind=EmailKind.INVOICE_ISSUED).count() == 2


def test_each_payment_gets_one_receipt_even_when_queued_twice(
    make_invoice, mailoutbox, django_capture_on_commit_callbacks
):
    invoice = make_invoice(10000)
    with django_capture_on_commit_callbacks(execute=True):
        payment = _pay(invoice, 4000, reference="CASH-7")
        receipt_email_queue(invoice=invoice, payment=payment)  # a retry of the same receipt

    (mail,) = mailoutbox
    assert mail.to == ["carol@example.com"]
    assert mail.reply_to == ["alice@example.com"]
    assert mail.subject == f"Receipt for invoice {invoice.display_number} from Alice Strength"
    html = mail.alternatives[0][0]
    assert "CASH-7" in html
    assert "Still due on this invoice" in html
    assert OutboundEmail.objects.get().key == f"payment-receipt:{payment.pk}"


def test_a_refund_is_announced_as_a_refund(
    make_invoice, mailoutbox, django_capture_on_commit_callbacks
):
    invoice = make_invoice(3000)
    _pay(invoice, 3000, send_receipt=False)
    with django_capture_on_commit_callbacks(execute=True):
        _pay(invoice, 1000, kind="refund")
    (mail,) = mailoutbox
    assert mail.subject.startswith("Refund on invoice")
    assert "has refunded" in mail.body
    assert "has refunded" in mail.alternatives[0][0]


def test_no_receipt_when_the_trainer_says_so(make_invoice, mailoutbox):
    invoice = make_invoice(3000)
    _pay(invoice, 1000, send_receipt=False)
    assert OutboundEmail.objects.count() == 0


def test_a_client_without_an_email_address_gets_nothing(make_invoice):
    invoice = make_invoice(3000)
    invoice.client.user.email = ""
    invoice.client.user.save()
    invoice.refresh_from_db()
    assert invoice_email_queue(invoice=invoice) is None
