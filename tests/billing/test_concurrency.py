"""Billing under concurrent requests, on PostgreSQL with real row locks: invoices issued
at once never share a number, twenty "pay" clicks at once make one PaymentIntent, and
one Stripe event delivered five times at once records one payment.

Each test runs the requests in threads, each with its own database connection, released
together by a barrier so they really overlap."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection
from django.test import Client as BrowserClient

from billing.models import Invoice, Payment, PaymentStatus, StripeEvent
from billing.services.invoices import invoice_create
from billing.services.lifecycle import invoice_issue
from billing.services.online import checkout_start
from tests.api.conftest import bearer
from tests.billing.conftest import needs_postgres, post_event

pytestmark = [needs_postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def at_once(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Run work(0) … work(count-1) in threads that start together; results in order."""
    barrier = threading.Barrier(count)

    def run(index: int) -> Any:
        try:
            barrier.wait(timeout=30)
            return work(index)
        finally:
            connection.close()  # each thread's own connection

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_invoices_issued_at_once_get_distinct_gapless_numbers(trainer, client_):
    drafts = [
        invoice_create(
            trainer=trainer,
            client=client_,
            lines=[{"description": "PT", "unit_price_minor": 100 * (i + 1)}],
        )
        for i in range(10)
    ]

    issued = at_once(10, lambda i: invoice_issue(invoice=drafts[i], send=False))

    numbers = sorted(invoice.number for invoice in issued)
    assert numbers == list(range(1, 11))
    year = trainer.today().year
    assert {i.display_number for i in Invoice.objects.all()} == {
        f"INV-{year}-{n:04d}" for n in range(1, 11)
    }


def test_twenty_pay_requests_at_once_make_one_payment_intent(stripe_stub, make_invoice, client_):
    invoice = make_invoice(8000)

    responses = at_once(
        20, lambda i: bearer(client_.user).post(f"/api/v1/payments/invoices/{invoice.pk}/intent/")
    )

    assert sorted(r.status_code for r in responses) == [200] * 19 + [201]
    assert {r.json()["data"]["payment_intent_id"] for r in responses} == set(stripe_stub.intents)
    assert stripe_stub.created["payment_intent"] == 1
    assert Payment.objects.filter(invoice=invoice).count() == 1


def test_twenty_pay_clicks_at_once_open_one_checkout(stripe_stub, make_invoice):
    invoice = make_invoice(8000)

    starts = at_once(
        20,
        lambda i: checkout_start(
            invoice=invoice, success_url="https://x/ok", cancel_url="https://x/no"
        ),
    )

    assert len({start.url for start in starts}) == 1
    assert stripe_stub.created["checkout_session"] == 1


def test_one_event_delivered_five_times_at_once_records_one_payment(
    stripe_stub, make_invoice, client_
):
    invoice = make_invoice(8000)
    intent_id = (
        bearer(client_.user)
        .post(f"/api/v1/payments/invoices/{invoice.pk}/intent/")
        .json()["data"]["payment_intent_id"]
    )
    event = stripe_stub.event("payment_intent.succeeded", stripe_stub.succeed_intent(intent_id))

    responses = at_once(5, lambda i: post_event(BrowserClient(), stripe_stub, event))

    assert [r.status_code for r in responses] == [200] * 5
    assert Counter(r.json()["data"]["outcome"] for r in responses) == {"applied": 1, "duplicate": 4}
    assert Payment.objects.filter(invoice=invoice).count() == 1
    assert Payment.objects.get(invoice=invoice).status == PaymentStatus.SUCCEEDED
    assert StripeEvent.objects.count() == 1
    invoice.refresh_from_db()
    assert (invoice.status, invoice.paid_minor, invoice.balance_due_minor) == ("paid", 8000, 0)


def test_checkout_events_racing_each_other_record_one_payment(stripe_stub, make_invoice):
    """checkout.session.completed and payment_intent.succeeded for the same payment,
    each delivered twice, all at once."""
    invoice = make_invoice(8000)
    start = checkout_start(invoice=invoice, success_url="https://x/ok", cancel_url="https://x/no")
    session = stripe_stub.complete_session(start.payment.stripe_checkout_session_id)
    events = [
        stripe_stub.event("checkout.session.completed", session),
        stripe_stub.event(
            "payment_intent.succeeded", stripe_stub.intents[session["payment_intent"]]
        ),
    ]

    responses = at_once(4, lambda i: post_event(BrowserClient(), stripe_stub, events[i % 2]))

    outcomes = Counter(r.json()["data"]["outcome"] for r in responses)
    assert outcomes == {"applied": 1, "unchanged": 1, "duplicate": 2}
    invoice.refresh_from_db()
    assert (invoice.status, invoice.paid_minor) == ("paid", 8000)
    assert Payment.objects.filter(invoice=invoice).count() == 1
