"""The billing migration keeps existing data honest: issued invoices become open with the
year of their number, drafts lose theirs, a payment once marked refunded becomes a
payment plus a refund, and each invoice's balance is rebuilt from its payments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("billing", "0001_initial")]
AFTER = [("billing", "0002_invoices_payments_stripe")]


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema():
    """Later migrations of billing (and of apps depending on it) are applied again after
    the test, so the tests after it find the schema they expect."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_invoices_and_payments_move_to_the_ledger(trainer, client_):
    old = _migrate(BEFORE)
    Invoice = old.get_model("billing", "Invoice")
    Payment = old.get_model("billing", "Payment")
    common = {"trainer_id": trainer.pk, "client_id": client_.pk, "currency": "USD"}
    amounts = {"subtotal_minor": 10000, "tax_minor": 0, "total_minor": 10000}
    issued = Invoice.objects.create(
        number=3, status="issued", issue_date=dt.date(2025, 5, 1), **common, **amounts
    )
    draft = Invoice.objects.create(number=4, status="draft", **common, **amounts)
    now = timezone.now()
    Payment.objects.create(
        invoice_id=issued.pk,
        amount_minor=4000,
        currency="USD",
        method="cash",
        status="succeeded",
        received_at=now,
    )
    Payment.objects.create(
        invoice_id=issued.pk,
        amount_minor=1000,
        currency="USD",
        method="cash",
        status="refunded",
        received_at=now,
    )

    new = _migrate(AFTER)

    Invoice = new.get_model("billing", "Invoice")
    Payment = new.get_model("billing", "Payment")
    issued = Invoice.objects.get(pk=issued.pk)
    assert (issued.status, issued.number_year, issued.number) == ("open", 2025, 3)
    assert (issued.paid_minor, issued.refunded_minor, issued.balance_due_minor) == (
        5000,
        1000,
        6000,
    )
    assert Invoice.objects.get(pk=draft.pk).number is None
    kinds = sorted(Payment.objects.values_list("kind", "status", "amount_minor"))
    assert kinds == [
        ("payment", "succeeded", 1000),
        ("payment", "succeeded", 4000),
        ("refund", "succeeded", 1000),
    ]
