"""Demo billing: the trainer's business details, three packages, and invoices in the
states a real month has (paid, partly paid, overdue, open, a draft, a void one). Made
once: a trainer who already has invoices is left alone."""

from __future__ import annotations

from datetime import timedelta

from billing.models import Invoice, Package, PackageInterval, PaymentKind, PaymentMethod
from billing.services.invoices import LineInput, invoice_create
from billing.services.lifecycle import invoice_issue, invoice_void
from billing.services.packages import package_create
from billing.services.payments import payment_record
from billing.services.profile import billing_profile_update
from clients.models import Client
from trainers.models import Trainer

DEMO_PACKAGES = [
    ("10 sessions", 45000, PackageInterval.ONE_OFF, 10, "Ten one-hour sessions, valid 3 months."),
    ("Monthly coaching", 12000, PackageInterval.MONTHLY, None, "Program, check-ins and chat."),
    ("Single session", 5000, PackageInterval.ONE_OFF, 1, "One hour, one-to-one."),
]


def _packages(trainer: Trainer) -> dict[str, Package]:
    found = {p.name: p for p in Package.objects.for_trainer(trainer)}
    for name, price, interval, sessions, description in DEMO_PACKAGES:
        if name not in found:
            found[name] = package_create(
                trainer=trainer,
                name=name,
                price_minor=price,
                interval=interval,
                sessions_included=sessions,
                description=description,
            )
    return found


def _backdate(invoice: Invoice, *, days: int) -> None:
    """Demo only: move an issued invoice into the past (issuing always dates it today)."""
    assert invoice.issue_date is not None
    assert invoice.due_date is not None
    Invoice.objects.filter(pk=invoice.pk).update(
        issue_date=invoice.issue_date - timedelta(days=days),
        due_date=invoice.due_date - timedelta(days=days),
    )


def demo_billing(*, trainer: Trainer, clients: list[Client]) -> None:
    if Invoice.objects.for_trainer(trainer).exists() or len(clients) < 3:
        return
    billing_profile_update(
        trainer=trainer,
        legal_name="Rivera Strength & Conditioning Ltd",
        address="12 Canal Street\nManchester M1 3HE",
        tax_id="GB 123 4567 89",
        payment_instructions="Bank transfer: Rivera S&C Ltd, sort code 04-00-04, account 12345678.",
        payment_terms_days=14,
        invoice_footer="Thank you for training with us!",
    )
    packages = _packages(trainer)
    anna, ben, chloe = clients[:3]
    today = trainer.today()

    def issued(client: Client, *lines: LineInput, days_ago: int = 0) -> Invoice:
        draft = invoice_create(trainer=trainer, client=client, lines=lines)
        invoice = invoice_issue(invoice=draft, send=False)
        if days_ago:
            _backdate(invoice, days=days_ago)
            invoice.refresh_from_db()
        return invoice

    paid = issued(anna, {"package": packages["10 sessions"]}, days_ago=20)
    payment_record(
        invoice=paid,
        amount_minor=paid.total_minor,
        method=PaymentMethod.BANK_TRANSFER,
        received_on=today - timedelta(days=15),
        reference="ANNA-KOWALSKI",
        send_receipt=False,
    )
    issued(anna, {"package": packages["Monthly coaching"]})
    part = issued(ben, {"package": packages["10 sessions"], "discount_bp": 1000}, days_ago=10)
    payment_record(
        invoice=part,
        kind=PaymentKind.PAYMENT,
        amount_minor=20000,
        method=PaymentMethod.CASH,
        received_on=today - timedelta(days=3),
        send_receipt=False,
    )
    issued(ben, {"package": packages["Monthly coaching"]}, days_ago=30)  # overdue
    invoice_create(
        trainer=trainer,
        client=chloe,
        lines=[
            {"package": packages["Single session"], "quantity": 4},
            {"description": "Posture assessment", "unit_price_minor": 3000},
        ],
        notes="Sessions in March.",
    )
    invoice_void(invoice=issued(chloe, {"package": packages["Single session"]}))
