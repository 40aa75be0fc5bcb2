"""Manual payments and refunds, and the one balance rule: balance due = lines (with
discounts and tax) - payments + refunds, checked by hand and over random sequences."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billing.models import Invoice, Payment
from billing.money import invoice_amounts, line_amounts
from billing.services.invoices import invoice_create
from billing.services.lifecycle import invoice_issue
from billing.services.payments import payment_record
from fitnesspr.errors import ConflictError
from tests.factories.core import ClientFactory, TrainerFactory

pytestmark = pytest.mark.django_db


def _pay(invoice, amount, kind="payment", **extra):
    return payment_record(
        invoice=invoice,
        kind=kind,
        amount_minor=amount,
        method=extra.pop("method", "cash"),
        received_on=extra.pop("received_on", invoice.trainer.today()),
        **extra,
    )


def _reload(invoice: Invoice) -> Invoice:
    invoice.refresh_from_db()
    return invoice


def test_a_part_payment_leaves_it_partially_paid_and_the_rest_pays_it(make_invoice):
    invoice = make_invoice(10000)

    _pay(invoice, 4000)
    assert (_reload(invoice).status, invoice.balance_due_minor) == ("partially_paid", 6000)
    _pay(invoice, 6000, method="bank_transfer", reference="TRF-1")
    assert (_reload(invoice).status, invoice.balance_due_minor) == ("paid", 0)
    assert invoice.paid_at is not None


def test_a_refund_reopens_a_paid_invoice(make_invoice):
    invoice = make_invoice(10000)
    _pay(invoice, 10000)

    _pay(invoice, 2500, kind="refund")

    assert (_reload(invoice).status, invoice.balance_due_minor) == ("partially_paid", 2500)
    assert invoice.paid_at is None
    _pay(invoice, 7500, kind="refund")
    assert (_reload(invoice).status, invoice.balance_due_minor) == ("open", 10000)


def test_a_payment_larger_than_the_balance_is_refused_with_the_amount(make_invoice):
    invoice = make_invoice(10000)
    _pay(invoice, 4000)

    with pytest.raises(ValidationError) as exc:
        _pay(invoice, 6001)

    (message,) = exc.value.message_dict["amount_minor"]
    assert "60.00" in message
    assert "still due" in message
    assert Payment.objects.count() == 1
    assert _reload(invoice).balance_due_minor == 6000


def test_a_refund_larger_than_what_was_received_is_refused(make_invoice):
    invoice = make_invoice(10000)
    _pay(invoice, 3000)
    with pytest.raises(ValidationError, match="received so far"):
        _pay(invoice, 3001, kind="refund")


def test_paying_a_paid_or_void_invoice_is_a_conflict(make_invoice):
    from billing.services.lifecycle import invoice_void

    paid = make_invoice(100)
    _pay(paid, 100)
    void = invoice_void(invoice=make_invoice(100))
    for invoice in (paid, void):
        with pytest.raises(ConflictError):
            _pay(invoice, 1)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"method": "stripe"}, "method"),
        ({"method": "crypto"}, "method"),
        ({"received_on": dt.date(1999, 1, 1)}, "received_on"),
        ({"received_on": dt.date(2101, 1, 1)}, "received_on"),
    ],
)
def test_bad_payment_details_are_refused(make_invoice, changes, field):
    invoice = make_invoice(100)
    with pytest.raises(ValidationError) as exc:
        _pay(invoice, 100, **changes)
    assert field in exc.value.message_dict
    assert not Payment.objects.exists()


def test_a_payment_cannot_be_dated_in_the_future(make_invoice):
    invoice = make_invoice(100)
    with pytest.raises(ValidationError, match="future"):
        _pay(invoice, 100, received_on=invoice.trainer.today() + dt.timedelta(days=1))


def test_the_client_gets_a_receipt(make_invoice, mailoutbox, django_capture_on_commit_callbacks):
    invoice = make_invoice(10000)
    with django_capture_on_commit_callbacks(execute=True):
        _pay(invoice, 4000, reference="CASH-7")
        _pay(invoice, 1000, send_receipt=False)
    (mail,) = mailoutbox
    assert mail.subject.startswith(f"Receipt for invoice {invoice.display_number}")
    assert "CASH-7" in mail.body
    assert "Still due on this invoice" in mail.body


# --- the balance rule, over random sequences --------------------------------------------

lines = st.lists(
    st.tuples(
        st.integers(1, 20),  # quantity
        st.integers(0, 500_000),  # unit price
        st.sampled_from([0, 500, 1250, 3333, 10000]),  # discount
    ),
    min_size=1,
    max_size=5,
)
# each step: (is a refund?, a fraction of what the step may take at most)
steps = st.lists(st.tuples(st.booleans(), st.integers(1, 100)), max_size=8)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=lines, tax_rate_bp=st.sampled_from([0, 500, 2000, 2500]), steps=steps)
def test_the_balance_is_always_lines_minus_payments_plus_refunds(lines, tax_rate_bp, steps):
    trainer = TrainerFactory()
    invoice = invoice_issue(
        invoice=invoice_create(
            trainer=trainer,
            client=ClientFactory(trainer=trainer),
            tax_rate_bp=tax_rate_bp,
            lines=[
                {"description": f"L{i}", "quantity": q, "unit_price_minor": p, "discount_bp": d}
                for i, (q, p, d) in enumerate(lines)
            ],
        ),
        send=False,
    )
    expected_total = invoice_amounts(
        line_totals=[
            line_amounts(quantity=q, unit_price_minor=p, discount_bp=d).total_minor
            for q, p, d in lines
        ],
        tax_rate_bp=tax_rate_bp,
    ).total_minor
    paid = refunded = 0
    for is_refund, share in steps:
        room = paid - refunded if is_refund else expected_total - paid + refunded
        amount = max(1, room * share // 100)
        try:
            _pay(invoice, amount, kind="refund" if is_refund else "payment")
        except (ValidationError, ConflictError):
            assert amount > room or room == 0  # refused only when it didn't fit
            continue
        if is_refund:
            refunded += amount
        else:
            paid += amount

    _reload(invoice)
    balance = expected_total - paid + refunded
    assert invoice.total_minor == expected_total
    assert sum(line.total_minor for line in invoice.lines.all()) == invoice.subtotal_minor
    assert (invoice.paid_minor, invoice.refunded_minor) == (paid, refunded)
    assert invoice.balance_due_minor == balance
    assert Invoice.objects.filter(pk=invoice.pk, balance_due_minor=balance).exists()  # in SQL too
    expected_status = "paid" if balance <= 0 else ("partially_paid" if paid > refunded else "open")
    assert invoice.status == expected_status
