from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from billing.models import Invoice, InvoiceLine, Package, Payment, StripeEvent
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


class InvoiceFactory(factory.django.DjangoModelFactory):
    """An issued invoice of 100.00 + 20% tax; status="draft" for a draft."""

    class Meta:
        model = Invoice

    client = factory.SubFactory(ClientFactory)
    trainer = factory.SelfAttribute("client.trainer")
    number = factory.Sequence(lambda n: n + 1)
    status = "issued"
    currency = factory.SelfAttribute("trainer.currency")
    issue_date = factory.LazyFunction(dt.date.today)
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
