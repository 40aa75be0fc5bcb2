from __future__ import annotations

import pytest
from django.db.models import RestrictedError
from django.utils import timezone

from billing.models import Invoice
from clients.models import Client
from tests.factories.billing import (
    InvoiceFactory,
    InvoiceLineFactory,
    PackageFactory,
    PaymentFactory,
    StripeEventFactory,
)
from tests.factories.core import ClientFactory
from tests.models.helpers import check_fails, clean_errors, unique_fails

pytestmark = pytest.mark.django_db


class TestPackage:
    def test_price_cannot_be_negative(self):
        with check_fails("package_price_not_negative"):
            PackageFactory(price_minor=-1)

    def test_currency_must_be_known(self):
        with check_fails("package_currency_valid"):
            PackageFactory(currency="XXX")

    def test_names_are_unique_per_trainer(self, trainer, outsider):
        PackageFactory(trainer=trainer, name="Monthly coaching")
        PackageFactory(trainer=outsider, name="Monthly coaching")
        with unique_fails():
            PackageFactory(trainer=trainer, name="monthly coaching")


class TestInvoice:
    def test_numbers_are_unique_per_trainer(self, client_, outsider):
        InvoiceFactory(client=client_, number=7)
        InvoiceFactory(client=ClientFactory(trainer=outsider), number=7)
        with unique_fails():
            InvoiceFactory(client=client_, number=7)

    def test_display_number_is_padded(self, client_):
        invoice = InvoiceFactory(client=client_, number=7)
        assert invoice.display_number == f"INV-{invoice.issue_date.year}-0007"

    def test_total_is_subtotal_plus_tax(self):
        with check_fails("invoice_total_is_sum"):
            InvoiceFactory(subtotal_minor=10000, tax_minor=2000, total_minor=11000)

    def test_tax_rate_is_at_most_100_percent(self):
        with check_fails("invoice_tax_rate_range"):
            InvoiceFactory(tax_rate_bp=10001)

    def test_no_negative_amounts(self):
        with check_fails("invoice_amounts_not_negative"):
            InvoiceFactory(subtotal_minor=-100, tax_minor=0, total_minor=-100)

    def test_an_issued_invoice_has_an_issue_date(self):
        with check_fails("invoice_issued_has_date"):
            InvoiceFactory(status="open", issue_date=None, due_date=None, number_year=2026)
        InvoiceFactory(status="draft", issue_date=None, due_date=None)

    def test_due_date_is_not_before_the_issue_date(self):
        invoice = InvoiceFactory.build()
        with check_fails("invoice_due_after_issue"):
            InvoiceFactory(due_date=invoice.issue_date.replace(year=invoice.issue_date.year - 1))

    def test_paid_status_and_paid_time_agree(self):
        with check_fails("invoice_paid_has_time"):
            InvoiceFactory(status="paid", paid_at=None)
        with check_fails("invoice_paid_has_time"):
            InvoiceFactory(status="open", paid_at=timezone.now())
        InvoiceFactory(status="paid", paid_at=timezone.now())

    def test_the_client_must_be_the_trainers_own(self, trainer, outsider):
        invoice = InvoiceFactory.build(trainer=trainer, client=ClientFactory(trainer=outsider))
        assert clean_errors(invoice)["client"] == ["This client belongs to another trainer."]

    def test_a_client_with_invoices_cannot_be_deleted_alone(self, client_):
        InvoiceFactory(client=client_)
        with pytest.raises(RestrictedError):
            client_.delete()

    def test_deleting_the_trainer_account_removes_its_invoices(self, client_):
        InvoiceFactory(client=client_)
        client_.trainer.delete()
        assert not Invoice.objects.exists()
        assert not Client.objects.exists()


class TestInvoiceLine:
    def test_total_is_quantity_times_unit_price(self):
        with check_fails("invoiceline_total_is_product"):
            InvoiceLineFactory(quantity=3, unit_price_minor=5000, total_minor=10000)

    def test_quantity_is_at_least_one(self):
        with check_fails("invoiceline_quantity_range"):
            InvoiceLineFactory(quantity=0, total_minor=0)

    def test_the_package_is_the_trainers_own(self, client_, outsider):
        line = InvoiceLineFactory.build(
            invoice=InvoiceFactory(client=client_), package=PackageFactory(trainer=outsider)
        )
        assert "package" in clean_errors(line)


class TestPayment:
    def test_amount_is_positive(self):
        with check_fails("payment_amount_positive"):
            PaymentFactory(amount_minor=0)

    def test_a_stripe_payment_intent_is_recorded_once(self):
        PaymentFactory(method="stripe", stripe_payment_intent_id="pi_123")
        with unique_fails():
            PaymentFactory(method="stripe", stripe_payment_intent_id="pi_123")

    def test_many_manual_payments_without_stripe_ids(self):
        invoice = InvoiceFactory()
        PaymentFactory(invoice=invoice, amount_minor=6000)
        PaymentFactory(invoice=invoice, amount_minor=6000)

    def test_only_stripe_payments_carry_stripe_ids(self):
        with check_fails("payment_stripe_ids_only_for_stripe"):
            PaymentFactory(method="cash", stripe_payment_intent_id="pi_456")

    def test_a_received_payment_has_its_time(self):
        with check_fails("payment_received_has_time"):
            PaymentFactory(status="succeeded", received_at=None)
        PaymentFactory(status="pending", received_at=None)

    def test_unknown_method_is_refused(self):
        with check_fails("payment_method_valid"):
            PaymentFactory(method="crypto")

    def test_currency_matches_the_invoice(self):
        payment = PaymentFactory.build(invoice=InvoiceFactory(currency="EUR"), currency="USD")
        assert clean_errors(payment)["currency"] == ["Pay in the invoice's currency."]


def test_a_stripe_event_is_recorded_once():
    StripeEventFactory(event_id="evt_1")
    with unique_fails():
        StripeEventFactory(event_id="evt_1")
