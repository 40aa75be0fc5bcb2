from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from billing.models import BillingProfile, Invoice, InvoiceLine, Package, Payment, StripeEvent
from tests.factories.core import ClientFactory, TrainerFactory


class PackageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Package

    trainer = factory.SubFactory(TrainerFactory)
    name = factory.Sequence(lambda n: f"10 sessions #{n}")
    price_minor = 50000
    currency = factory.SelfAttribute("trainer.currency")
    interval = "one_off"
    sessions_included = 10


def _issued(make):  # a value only an issued invoice has (a draft has no number or date)
    return factory.LazyAttribute(lambda o: None if o.status == "draft" else make(o))


class InvoiceFactory(factory.django.DjangoModelFactory):
    """An issued (open) invoice of 100.00 + 20% tax; status="draft" for a draft. Amounts
    only: the ledger sums (paid, refunded) stay 0 unless a test sets them."""

    class Meta:
        model = Invoice

    client = factory.SubFactory(ClientFactory)
    trainer = factory.SelfAttribute("client.trainer")
    status = "open"
    number = factory.LazyAttributeSequence(lambda o, n: None if o.status == "draft" else n + 1)
    issue_date = _issued(lambda o: dt.date.today())
    number_year = _issued(lambda o: (o.issue_date or dt.date.today()).year)
    currency = factory.SelfAttribute("trainer.currency")
    due_date = factory.LazyAttribute(lambda o: o.issue_date and o.issue_date + dt.timedelta(14))
    subtotal_minor = 10000
    tax_rate_bp = 2000
    tax_minor = 2000
    total_minor = factory.LazyAttribute(lambda o: o.subtotal_minor + o.tax_minor)


class InvoiceLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InvoiceLine

    invoice = factory.SubFactory(InvoiceFactory)
    description = "Personal training session"
    quantity = 2
    unit_price_minor = 5000
    total_minor = factory.LazyAttribute(lambda o: o.quantity * o.unit_price_minor)


class PaymentFactory(factory.django.DjangoModelFactory):
    """A succeeded cash payment of the invoice total."""

    class Meta:
        model = Payment

    invoice = factory.SubFactory(InvoiceFactory)
    amount_minor = factory.SelfAttribute("invoice.total_minor")
    currency = factory.SelfAttribute("invoice.currency")
    method = "cash"
    status = "succeeded"
    received_at = factory.LazyFunction(timezone.now)


class StripeEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StripeEvent

    event_id = factory.Sequence(lambda n: f"evt_test_{n:06d}")
    type = "payment_intent.succeeded"
    payload = factory.LazyAttribute(lambda o: {"id": o.event_id, "type": o.type})


class BillingProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BillingProfile

    trainer = factory.SubFactory(TrainerFactory)
    legal_name = factory.LazyAttribute(lambda o: f"{o.trainer.business_name} Ltd")
    address = "1 Gym Street\nLondon"
    tax_id = "GB123456789"
    payment_instructions = "Sort code 00-00-00, account 12345678"
