"""Drafting and issuing invoices: lines from packages or free text, discounts and tax to
the cent, numbers per trainer and year with no gaps, content locked once issued."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from billing.models import Invoice, InvoiceStatus, Payment
from billing.money import format_money, to_minor
from billing.services.invoices import (
    invoice_create,
    invoice_delete,
    invoice_line_add,
    invoice_line_remove,
    invoice_update,
)
from billing.services.lifecycle import (
    invoice_issue,
    invoice_mark_uncollectible,
    invoice_send,
    invoice_void,
)
from billing.services.payments import payment_record
from billing.services.profile import billing_profile_update
from fitnesspr.errors import ConflictError
from tests.factories.billing import PackageFactory
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db


def test_a_line_from_a_package_takes_its_name_and_price(trainer, client_, package):
    invoice = invoice_create(
        trainer=trainer, client=client_, lines=[{"package": package, "quantity": 2}]
    )

    line = invoice.lines.get()
    assert (line.description, line.unit_price_minor, line.total_minor) == (
        "10 sessions",
        45000,
        90000,
    )
    assert invoice.status == InvoiceStatus.DRAFT
    assert invoice.number is None
    assert invoice.display_number == "Draft"
    assert invoice.currency == trainer.currency


def test_discounts_and_tax_round_half_up_to_the_cent(trainer, client_):
    invoice = invoice_create(
        trainer=trainer,
        client=client_,
        tax_rate_bp=2000,
        lines=[
            {
                "description": "Sessions",
                "quantity": 3,
                "unit_price_minor": 3333,
                "discount_bp": 1250,
            },
            {"description": "Plan", "unit_price_minor": 1999},
        ],
    )

    first, _second = invoice.lines.all()
    assert (first.discount_minor, first.total_minor) == (1250, 8749)  # 12.5% of 99.99
    assert invoice.subtotal_minor == 8749 + 1999
    assert invoice.tax_minor == 2150  # 20% of 107.48 = 21.496
    assert invoice.total_minor == 10748 + 2150


def test_the_tax_rate_defaults_to_the_billing_profile(trainer, client_):
    billing_profile_update(trainer=trainer, default_tax_rate_bp=700)
    invoice = invoice_create(trainer=trainer, client=client_)
    assert invoice.tax_rate_bp == 700


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ({"description": "", "unit_price_minor": 100}, "description"),
        ({"description": "PT"}, "unit_price_minor"),
        ({"description": "PT", "unit_price_minor": -1}, "unit_price_minor"),
        ({"description": "PT", "unit_price_minor": 10**13}, "unit_price_minor"),
        ({"description": "PT", "unit_price_minor": 100, "quantity": 0}, "quantity"),
        ({"description": "PT", "unit_price_minor": 100, "discount_bp": 10001}, "discount_bp"),
    ],
)
def test_bad_lines_are_refused_and_nothing_is_written(trainer, client_, line, field):
    with pytest.raises(ValidationError) as exc:
        invoice_create(trainer=trainer, client=client_, lines=[line])
    assert field in exc.value.message_dict
    assert not Invoice.objects.exists()


def test_another_trainers_or_an_archived_package_is_refused(trainer, client_, outsider):
    theirs = PackageFactory(trainer=outsider)
    archived = PackageFactory(trainer=trainer, is_active=False, name="Old deal")
    for package in (theirs, archived):
        with pytest.raises(ValidationError) as exc:
            invoice_create(trainer=trainer, client=client_, lines=[{"package": package}])
        assert "package" in exc.value.message_dict


def test_another_trainers_or_an_archived_client_is_refused(trainer, outsider):
    for client in (
        ClientFactory(trainer=outsider),
        ClientFactory(trainer=trainer, status="archived"),
    ):
        with pytest.raises(ValidationError) as exc:
            invoice_create(trainer=trainer, client=client)
        assert "client" in exc.value.message_dict


@pytest.mark.parametrize("due", [dt.date(1999, 12, 31), dt.date(2101, 1, 1)])
def test_dates_are_bounded(trainer, client_, due):
    with pytest.raises(ValidationError) as exc:
        invoice_create(trainer=trainer, client=client_, due_date=due)
    assert "due_date" in exc.value.message_dict


def test_a_draft_can_change_its_lines_and_totals_follow(trainer, client_, package):
    invoice = invoice_create(trainer=trainer, client=client_, lines=[{"package": package}])
    line = invoice_line_add(invoice=invoice, description="Extra", unit_price_minor=1000)
    invoice_line_remove(line=invoice.lines.exclude(pk=line.pk).get())
    invoice.refresh_from_db()
    assert invoice.total_minor == 1000

    invoice_update(
        invoice=invoice, lines=[{"description": "Plan", "unit_price_minor": 2500}], notes=" Hi "
    )
    invoice.refresh_from_db()
    assert [line.description for line in invoice.lines.all()] == ["Plan"]
    assert (invoice.total_minor, invoice.notes) == (2500, "Hi")


class TestIssue:
    def test_numbers_count_up_per_trainer_and_year(self, trainer, client_, outsider, make_invoice):
        first, second = make_invoice(100), make_invoice(200)
        theirs = invoice_issue(
            invoice=invoice_create(
                trainer=outsider,
                client=ClientFactory(trainer=outsider),
                lines=[{"description": "PT", "unit_price_minor": 100}],
            ),
            send=False,
        )
        year = trainer.today().year
        assert (first.display_number, second.display_number) == (
            f"INV-{year}-0001",
            f"INV-{year}-0002",
        )
        assert theirs.display_number == f"INV-{year}-0001"

    def test_a_deleted_draft_leaves_no_gap(self, trainer, client_, make_invoice):
        make_invoice(100)
        draft = invoice_create(
            trainer=trainer, client=client_, lines=[{"description": "x", "unit_price_minor": 1}]
        )
        invoice_delete(invoice=draft)
        assert make_invoice(300).number == 2

    def test_issuing_dates_it_and_sets_the_due_date_from_the_terms(self, trainer, client_):
        billing_profile_update(trainer=trainer, payment_terms_days=30, legal_name="Alice Ltd")
        draft = invoice_create(
            trainer=trainer, client=client_, lines=[{"description": "x", "unit_price_minor": 1}]
        )
        invoice = invoice_issue(invoice=draft, send=False)
        today = trainer.today()
        assert (invoice.issue_date, invoice.due_date) == (today, today + dt.timedelta(days=30))
        assert invoice.status == InvoiceStatus.OPEN
        assert invoice.seller["legal_name"] == "Alice Ltd"

    def test_the_seller_details_are_kept_as_issued(self, trainer, make_invoice):
        billing_profile_update(trainer=trainer, address="Old Street 1")
        invoice = make_invoice(100)
        billing_profile_update(trainer=trainer, address="New Road 2")
        invoice.refresh_from_db()
        assert invoice.seller["address"] == "Old Street 1"

    def test_an_empty_draft_or_a_past_due_date_cannot_be_issued(self, trainer, client_):
        empty = invoice_create(trainer=trainer, client=client_)
        with pytest.raises(ValidationError, match="at least one line"):
            invoice_issue(invoice=empty)
        late = invoice_create(
            trainer=trainer,
            client=client_,
            due_date=trainer.today() - dt.timedelta(days=1),
            lines=[{"description": "x", "unit_price_minor": 1}],
        )
        with pytest.raises(ValidationError, match="before today"):
            invoice_issue(invoice=late)
        assert not Invoice.objects.exclude(status="draft").exists()

    def test_issuing_twice_is_a_conflict(self, make_invoice):
        invoice = make_invoice(100)
        with pytest.raises(ConflictError):
            invoice_issue(invoice=invoice)

    def test_an_issued_invoice_cannot_be_edited_or_deleted(self, make_invoice):
        invoice = make_invoice(100)
        line = invoice.lines.get()
        for attempt in (
            lambda: invoice_update(invoice=invoice, notes="changed"),
            lambda: invoice_line_add(invoice=invoice, description="more", unit_price_minor=1),
            lambda: invoice_line_remove(line=line),
            lambda: invoice_delete(invoice=invoice),
        ):
            with pytest.raises(ConflictError):
                attempt()
        invoice.refresh_from_db()
        assert (invoice.notes, invoice.total_minor, invoice.lines.count()) == ("", 100, 1)

    def test_a_fully_discounted_invoice_is_paid_when_issued(self, trainer, client_):
        draft = invoice_create(
            trainer=trainer,
            client=client_,
            lines=[{"description": "Free taster", "unit_price_minor": 5000, "discount_bp": 10000}],
        )
        assert invoice_issue(invoice=draft, send=False).status == InvoiceStatus.PAID

    def test_issuing_emails_the_client_after_commit(
        self, trainer, client_, mailoutbox, django_capture_on_commit_callbacks
    ):
        billing_profile_update(trainer=trainer, payment_instructions="Sort code 00-00-00")
        draft = invoice_create(
            trainer=trainer,
            client=client_,
            lines=[{"description": "PT x4", "unit_price_minor": 12000}],
        )
        with django_capture_on_commit_callbacks(execute=True):
            invoice = invoice_issue(invoice=draft)
        (mail,) = mailoutbox
        assert mail.to == [client_.email]
        assert invoice.display_number in mail.subject
        assert format_money(12000, invoice.currency) in mail.body
        assert "Sort code 00-00-00" in mail.body
        assert f"/portal/invoices/{invoice.pk}/" in mail.body
        assert invoice.sent_at is not None


class TestVoidAndWriteOff:
    def test_void_keeps_the_number_and_ends_the_balance(self, make_invoice):
        invoice = invoice_void(invoice=make_invoice(100))
        assert (invoice.status, invoice.number) == ("void", 1)
        assert invoice.voided_at is not None
        with pytest.raises(ConflictError):
            invoice_void(invoice=invoice)
        with pytest.raises(ConflictError):
            invoice_send(invoice=invoice)

    def test_an_invoice_with_payments_must_be_refunded_before_voiding(self, make_invoice):
        invoice = make_invoice(10000)
        payment_record(
            invoice=invoice, amount_minor=3000, method="cash", received_on=invoice.issue_date
        )
        with pytest.raises(ConflictError, match="refund"):
            invoice_void(invoice=invoice)
        payment_record(
            invoice=invoice,
            kind="refund",
            amount_minor=3000,
            method="cash",
            received_on=invoice.issue_date,
        )
        assert invoice_void(invoice=invoice).status == "void"

    def test_a_written_off_invoice_can_still_be_paid(self, make_invoice):
        invoice = invoice_mark_uncollectible(invoice=make_invoice(10000))
        assert invoice.status == "uncollectible"
        payment_record(
            invoice=invoice, amount_minor=4000, method="cash", received_on=invoice.issue_date
        )
        invoice.refresh_from_db()
        assert invoice.status == "uncollectible"  # still written off until paid in full
        payment_record(
            invoice=invoice, amount_minor=6000, method="cash", received_on=invoice.issue_date
        )
        invoice.refresh_from_db()
        assert invoice.status == "paid"

    def test_a_draft_is_deleted_not_voided(self, trainer, client_):
        draft = invoice_create(trainer=trainer, client=client_)
        with pytest.raises(ConflictError, match="delete"):
            invoice_void(invoice=draft)


@pytest.mark.parametrize(
    ("typed", "currency", "minor"),
    [("120.50", "EUR", 12050), ("0.1", "USD", 10), ("5000", "JPY", 5000), ("7", "GBP", 700)],
)
def test_typed_amounts_become_minor_units(typed, currency, minor):
    from decimal import Decimal

    assert to_minor(Decimal(typed), currency) == minor


@pytest.mark.parametrize(("typed", "currency"), [("120.505", "EUR"), ("10.5", "JPY")])
def test_more_decimals_than_the_currency_has_is_refused(typed, currency):
    from decimal import Decimal

    with pytest.raises(ValueError, match="decimals"):
        to_minor(Decimal(typed), currency)


@pytest.mark.parametrize(
    ("minor", "currency", "shown"),
    [
        (12050, "EUR", "€120.50"),
        (-500, "GBP", "-£5.00"),
        (500000, "JPY", "¥500,000"),
        (12000, "CHF", "CHF 120.00"),
    ],
)
def test_money_is_shown_with_its_currency(minor, currency, shown):
    assert format_money(minor, currency) == shown


def test_a_void_invoice_owes_nothing_but_money_received_after_voiding_is_owed_back(make_invoice):
    invoice = invoice_void(invoice=make_invoice(10000))
    assert invoice.balance_due_minor == 0
    Invoice.objects.filter(pk=invoice.pk).update(paid_minor=2500)  # a late card payment
    invoice.refresh_from_db()
    assert invoice.balance_due_minor == -2500


def test_closing_a_trainer_account_removes_its_invoices_and_packages(trainer, client_, package):
    from billing.models import Package

    invoice = invoice_issue(
        invoice=invoice_create(trainer=trainer, client=client_, lines=[{"package": package}]),
        send=False,
    )
    paid = payment_record(
        invoice=invoice, amount_minor=1000, method="cash", received_on=invoice.issue_date
    )
    Payment.objects.create(
        invoice=invoice,
        kind="refund",
        refund_of=paid,
        amount_minor=500,
        currency=invoice.currency,
        method="cash",
        status="succeeded",
        received_at=paid.received_at,
    )
    trainer.delete()
    assert not Invoice.objects.exists()
    assert not Package.objects.exists()
