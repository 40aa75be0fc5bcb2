"""A benchmark of billing's hot paths; it prints figures and asserts nothing.

    .venv/bin/python -m tests.billing.bench_billing            # SQLite (a throwaway test db)
    DATABASE_URL=postgres://… .venv/bin/python -m tests.billing.bench_billing

Measures: issuing invoices, recording payments, webhook deliveries (signed, through the
whole request stack, Stripe being the local stub), starting a card payment, and the
billing pages (queries and time) with many invoices."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fitnesspr.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client as BrowserClient  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

ROUNDS = 200


def timed(label: str, count: int, work: Callable[[int], Any]) -> None:
    samples = []
    for i in range(count):
        start = time.perf_counter()
        work(i)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(
        f"{label:<48} {statistics.median(samples):7.2f} ms median  {p95:7.2f} ms p95  (n={count})"
    )


def page(label: str, client: BrowserClient, url: str) -> None:
    settings.DEBUG = True
    reset_queries()
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    settings.DEBUG = False
    assert response.status_code == 200, response.status_code
    print(f"{label:<48} {elapsed:7.2f} ms  {len(connection.queries):3d} queries")


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run() -> None:
    from billing.services.invoices import invoice_create
    from billing.services.lifecycle import invoice_issue
    from billing.services.online import payment_intent_start
    from billing.services.payments import payment_record
    from tests.billing.conftest import post_event
    from tests.billing.stripe_stub import StripeStub
    from tests.factories.core import ClientFactory, TrainerFactory

    print(f"database: {connection.vendor}")
    trainer = TrainerFactory()
    clients = [ClientFactory(trainer=trainer) for _ in range(20)]
    lines = [
        {"description": f"Line {n}", "quantity": 2, "unit_price_minor": 4500} for n in range(3)
    ]
    invoices = []

    def issue(i: int) -> None:
        draft = invoice_create(
            trainer=trainer, client=clients[i % 20], tax_rate_bp=2000, lines=lines
        )
        invoices.append(invoice_issue(invoice=draft, send=False))

    timed("draft (3 lines) + issue an invoice", ROUNDS, issue)
    timed(
        "record a manual part payment",
        ROUNDS,
        lambda i: payment_record(
            invoice=invoices[i],
            amount_minor=1000,
            method="cash",
            received_on=trainer.today(),
            send_receipt=False,
        ),
    )

    stub = StripeStub().start()
    stub.configure(settings)
    try:
        starts = []
        timed(
            "start a card payment (new PaymentIntent)",
            100,
            lambda i: starts.append(payment_intent_start(invoice=invoices[i])),
        )
        timed(
            "start a card payment again (reused)",
            100,
            lambda i: payment_intent_start(invoice=invoices[i]),
        )
        events = [
            stub.event("payment_intent.succeeded", stub.succeed_intent(start.intent_id))
            for start in starts
        ]
        web = BrowserClient()
        timed(
            "webhook: payment_intent.succeeded, applied",
            100,
            lambda i: post_event(web, stub, events[i]),
        )
        timed("webhook: the same event replayed", 100, lambda i: post_event(web, stub, events[i]))
    finally:
        stub.stop()

    for i in range(800):  # a long history: 1,000 invoices
        invoice_create(trainer=trainer, client=clients[i % 20], lines=lines[:1])
    dashboard = BrowserClient()
    dashboard.force_login(trainer.user)
    page("dashboard billing page (1,000 invoices)", dashboard, "/dashboard/billing/")
    page("  … filtered to overdue", dashboard, "/dashboard/billing/?status=overdue")
    page("  … an invoice", dashboard, f"/dashboard/billing/invoices/{invoices[0].pk}/")
    page("dashboard home (overdue panel)", dashboard, "/dashboard/")
    portal = BrowserClient()
    portal.force_login(clients[0].user)
    page("portal invoices (a client with 60 invoices)", portal, "/portal/invoices/")


if __name__ == "__main__":
    main()
