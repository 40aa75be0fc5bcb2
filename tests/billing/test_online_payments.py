"""Card payments through Stripe (a local stub of its API): a PaymentIntent for the open
balance, reused while it can still be paid; paying what can't be paid is a 409; with no
Stripe keys online payment is off and everything else still works."""

from __future__ import annotations

import pytest

from billing.models import Payment, PaymentStatus
from tests.api.conftest import bearer
from tests.billing.conftest import post_event

pytestmark = pytest.mark.django_db


def _intent(api, invoice):
    return api.post(f"/api/v1/payments/invoices/{invoice.pk}/intent/")


def test_the_client_gets_a_payment_intent_for_the_open_balance(
    stripe_stub, make_invoice, client_api
):
    invoice = make_invoice(12000, tax_rate_bp=2000)

    response = _intent(client_api, invoice)

    assert response.status_code == 201, response.json()
    data = response.json()["data"]
    intent = stripe_stub.intents[data["payment_intent_id"]]
    assert data["client_secret"] == intent["client_secret"]
    assert data["amount_minor"] == intent["amount"] == 14400
    assert data["publishable_key"] == "pk_test_stub"
    assert intent["currency"] == invoice.currency.lower()
    assert intent["metadata"] == {
        "invoice_id": str(invoice.pk),
        "invoice_number": invoice.display_number,
        "trainer_id": str(invoice.trainer_id),
        "client_id": str(invoice.client_id),
        "payment_id": str(data["payment_id"]),
    }
    payment = Payment.objects.get(pk=data["payment_id"])
    assert payment.status == PaymentStatus.PENDING
    assert payment.stripe_payment_intent_id == intent["id"]


def test_asking_again_reuses_the_open_payment_intent(stripe_stub, make_invoice, client_api):
    invoice = make_invoice(5000)
    first = _intent(client_api, invoice).json()["data"]

    again = _intent(client_api, invoice)

    assert again.status_code == 200
    assert again.json()["data"]["payment_intent_id"] == first["payment_intent_id"]
    assert stripe_stub.created["payment_intent"] == 1


def test_a_webhook_marks_the_invoice_paid_and_emails_a_receipt(
    stripe_stub, make_invoice, client_api, client, mailoutbox, django_capture_on_commit_callbacks
):
    invoice = make_invoice(5000)
    data = _intent(client_api, invoice).json()["data"]
    intent = stripe_stub.succeed_intent(data["payment_intent_id"])

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(
            client, stripe_stub, stripe_stub.event("payment_intent.succeeded", intent)
        )

    assert response.status_code == 200
    assert response.json()["data"]["outcome"] == "applied"
    invoice.refresh_from_db()
    assert invoice.status == "paid"
    assert invoice.balance_due_minor == 0
    assert invoice.paid_at is not None
    assert [m.subject for m in mailoutbox] == [
        f"Receipt for invoice {invoice.display_number} from {invoice.trainer.business_name}"
    ]


def test_a_smaller_balance_retires_the_old_intent_and_makes_a_new_one(
    stripe_stub, make_invoice, client_api, trainer_api
):
    invoice = make_invoice(10000)
    old = _intent(client_api, invoice).json()["data"]["payment_intent_id"]
    trainer_api.post(
        f"/api/v1/payments/invoices/{invoice.pk}/payments/",
        {"amount_minor": 4000, "method": "cash", "send_receipt": False},
    )

    new = _intent(client_api, invoice).json()["data"]

    assert new["payment_intent_id"] != old
    assert new["amount_minor"] == 6000
    assert stripe_stub.intents[old]["status"] == "canceled"
    assert Payment.objects.get(stripe_payment_intent_id=old).status == PaymentStatus.CANCELED


@pytest.mark.parametrize(
    ("status", "message"), [("paid", "is already paid"), ("void", "is void, so it can't be paid")]
)
def test_paying_a_paid_or_void_invoice_is_a_conflict(
    stripe_stub, make_invoice, client_api, trainer_api, status, message
):
    invoice = make_invoice(5000)
    if status == "paid":
        trainer_api.post(
            f"/api/v1/payments/invoices/{invoice.pk}/payments/",
            {"amount_minor": 5000, "method": "cash"},
        )
    else:
        trainer_api.post(f"/api/v1/payments/invoices/{invoice.pk}/void/")

    response = _intent(client_api, invoice)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "CONFLICT"
    assert message in response.json()["error"]["message"]
    assert stripe_stub.created["payment_intent"] == 0


def test_another_clients_invoice_is_not_found(stripe_stub, make_invoice, trainer):
    from tests.factories.core import ClientFactory

    invoice = make_invoice(5000)
    sibling = ClientFactory(trainer=trainer)

    assert _intent(bearer(sibling.user), invoice).status_code == 404
    assert stripe_stub.created["payment_intent"] == 0


def test_without_stripe_keys_online_payment_is_off(make_invoice, client_api, trainer_api):
    invoice = make_invoice(5000)

    response = _intent(client_api, invoice)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "ONLINE_PAYMENT_UNAVAILABLE"
    assert not Payment.objects.exists()
    recorded = trainer_api.post(
        f"/api/v1/payments/invoices/{invoice.pk}/payments/",
        {"amount_minor": 5000, "method": "bank_transfer"},
    )
    assert recorded.status_code == 201
    invoice.refresh_from_db()
    assert invoice.status == "paid"


def test_when_stripe_is_down_nothing_is_recorded(stripe_stub, make_invoice, client_api):
    invoice = make_invoice(5000)
    stripe_stub.fail_next = 10  # more than the SDK's retries

    response = _intent(client_api, invoice)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "PAYMENT_PROVIDER_ERROR"
    assert not Payment.objects.exists()
