from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connection

from billing.models import Invoice, Package
from billing.services.invoices import invoice_create
from billing.services.lifecycle import invoice_issue
from tests.api.conftest import (  # noqa: F401  (the API's signed-in clients, shared)
    client_api,
    outsider_api,
    outsider_client,
    trainer_api,
)
from tests.billing.stripe_stub import StripeStub
from tests.factories.billing import PackageFactory
from tests.html.conftest import trainer_client  # noqa: F401  (the signed-in dashboard)

WEBHOOK = "/api/v1/payments/stripe/webhook/"

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks (SELECT … FOR UPDATE) need PostgreSQL: run with DATABASE_URL "
    "(make test in CI does); SQLite serialises writers instead of locking rows",
)


@pytest.fixture
def stripe_stub(settings) -> Iterator[StripeStub]:
    """A local Stripe the real SDK talks to; Stripe is "on" for the test."""
    stub = StripeStub().start()
    stub.configure(settings)
    yield stub
    stub.stop()


@pytest.fixture
def package(trainer) -> Package:
    return PackageFactory(trainer=trainer, name="10 sessions", price_minor=45000)


@pytest.fixture
def make_invoice(trainer, client_):
    """An issued invoice (no email) of the given line amounts, no tax by default."""

    def make(*prices: int, tax_rate_bp: int = 0, client=None, send: bool = False) -> Invoice:
        lines = [{"description": f"Line {i}", "unit_price_minor": p} for i, p in enumerate(prices)]
        draft = invoice_create(
            trainer=trainer, client=client or client_, tax_rate_bp=tax_rate_bp, lines=lines
        )
        return invoice_issue(invoice=draft, send=send)

    return make


@pytest.fixture
def queries_stay_flat(django_assert_max_num_queries, make_invoice):
    """check(get, bound=n): a page takes at most n queries with one (overdue) invoice,
    and no more with many, overdue or not."""

    def make(n: int) -> None:
        invoice = make_invoice(100 + n)
        if n % 3 == 0:
            Invoice.objects.filter(pk=invoice.pk).update(
                issue_date=invoice.issue_date.replace(year=2020),
                due_date=invoice.due_date.replace(year=2020),
            )

    def check(get: Callable[[], Any], *, bound: int) -> None:
        make(0)
        with django_assert_max_num_queries(bound) as few:
            assert get().status_code == 200
        for n in range(1, 20):
            make(n)
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert get().status_code == 200

    return check


def post_event(client, stub: StripeStub, event: dict[str, Any], **headers: Any):
    """Deliver a Stripe event to the webhook through the test client, signed."""
    payload = json.dumps(event)
    signature = headers.pop("signature", None) or stub.sign(payload)
    return client.post(
        WEBHOOK,
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature,
        **headers,
    )
