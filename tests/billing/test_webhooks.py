"""The Stripe webhook: signed events only, each applied once, nothing applied that
doesn't match the payment it names, and events in any order ending in Stripe's state."""

from __future__ import annotations

import itertools
import json
import logging
import random
import time

import pytest

from billing.models import Invoice, Payment, PaymentKind, PaymentStatus, StripeEvent
from billing.services.online import checkout_start, payment_intent_start
from tests.billing.conftest import WEBHOOK, post_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(stripe_stub, make_invoice):
    """An open invoice of 50.00 with a pending card payment (PaymentIntent)."""
    invoice = make_invoice(5000)
    start = payment_intent_start(invoice=invoice)
    return invoice, start.payment, start.intent_id


def _state(invoice: Invoice) -> tuple[str, int, int, int]:
    invoice.refresh_from_db()
    return invoice.status, invoice.paid_minor, invoice.refunded_minor, invoice.balance_due_minor


class TestSignature:
    def _succeeded(self, stripe_stub, intent_id):
        return json.dumps(
            stripe_stub.event("payment_intent.succeeded", stripe_stub.succeed_intent(intent_id))
        )

    @pytest.mark.parametrize(
        "signature",
        [
            None,
            "",
            "t=1,v1=deadbeef",
            "garbage",
        ],
        ids=["missing", "empty", "wrong", "malformed"],
    )
    def test_an_unsigned_or_badly_signed_event_is_refused(
        self, client, stripe_stub, started, signature
    ):
        invoice, _payment, intent_id = started
        payload = self._succeeded(stripe_stub, intent_id)
        headers = {} if signature is None else {"HTTP_STRIPE_SIGNATURE": signature}

        response = client.post(WEBHOOK, data=payload, content_type="application/json", **headers)

        assert response.status_code == 400
        assert response.json()["error"]["code"] == "INVALID_SIGNATURE"
        assert not StripeEvent.objects.exists()
        assert _state(invoice)[0] == "open"

    def test_a_signature_with_another_secret_is_refused(self, client, stripe_stub, started):
        invoice, _payment, intent_id = started
        payload = self._succeeded(stripe_stub, intent_id)
        forged = stripe_stub.sign(payload, secret="whsec_someone_else")

        response = client.post(
            WEBHOOK, data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=forged
        )

        assert response.status_code == 400
        assert _state(invoice)[0] == "open"

    def test_a_stale_signature_is_refused(self, client, stripe_stub, started):
        invoice, _payment, intent_id = started
        payload = self._succeeded(stripe_stub, intent_id)
        old = stripe_stub.sign(payload, timestamp=int(time.time()) - 301)

        response = client.post(
            WEBHOOK, data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=old
        )

        assert response.status_code == 400
        assert "too old" in response.json()["error"]["message"]
        assert _state(invoice)[0] == "open"

    def test_a_tampered_body_is_refused(self, client, stripe_stub, started):
        _invoice, _payment, intent_id = started
        payload = self._succeeded(stripe_stub, intent_id)
        signature = stripe_stub.sign(payload)

        response = client.post(
            WEBHOOK,
            data=payload.replace('"amount": 5000', '"amount": 1'),
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=signature,
        )

        assert response.status_code == 400
        assert not StripeEvent.objects.exists()

    def test_without_a_webhook_secret_every_event_is_refused(
        self, client, settings, stripe_stub, started
    ):
        invoice, _payment, intent_id = started
        event = stripe_stub.event("payment_intent.succeeded", stripe_stub.succeed_intent(intent_id))
        settings.STRIPE_WEBHOOK_SECRET = ""

        response = post_event(client, stripe_stub, event)

        assert response.status_code == 400
        assert _state(invoice)[0] == "open"

    def test_a_signed_body_that_is_not_an_event_is_refused(self, client, stripe_stub):
        payload = json.dumps({"hello": "world"})
        response = client.post(
            WEBHOOK,
            data=payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=stripe_stub.sign(payload),
        )
        assert response.status_code == 400


def test_a_replayed_event_changes_nothing_the_second_time(
    client, stripe_stub, started, mailoutbox, django_capture_on_commit_callbacks
):
    invoice, _payment, intent_id = started
    event = stripe_stub.event("payment_intent.succeeded", stripe_stub.succeed_intent(intent_id))

    with django_capture_on_commit_callbacks(execute=True):
        first = post_event(client, stripe_stub, event)
        again = post_event(client, stripe_stub, event)

    assert first.json()["data"]["outcome"] == "applied"
    assert again.status_code == 200
    assert again.json()["data"]["outcome"] == "duplicate"
    assert _state(invoice) == ("paid", 5000, 0, 0)
    assert Payment.objects.filter(invoice=invoice).count() == 1
    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1
    assert len(mailoutbox) == 1  # one receipt


def test_a_second_event_for_the_same_payment_adds_nothing(client, stripe_stub, make_invoice):
    """Checkout sends both checkout.session.completed and payment_intent.succeeded."""
    invoice = make_invoice(5000)
    start = checkout_start(invoice=invoice, success_url="https://x/ok", cancel_url="https://x/no")
    session = stripe_stub.complete_session(start.payment.stripe_checkout_session_id)
    intent = stripe_stub.intents[session["payment_intent"]]

    post_event(client, stripe_stub, stripe_stub.event("checkout.session.completed", session))
    second = post_event(client, stripe_stub, stripe_stub.event("payment_intent.succeeded", intent))

    assert second.json()["data"]["outcome"] == "unchanged"
    assert _state(invoice) == ("paid", 5000, 0, 0)
    payment = Payment.objects.get(invoice=invoice)
    assert payment.stripe_payment_intent_id == intent["id"]


class TestMismatch:
    """An event naming one of our payments but not matching it is not applied, and is
    logged and kept with the reason."""

    @pytest.mark.parametrize(
        ("change", "reason"),
        [
            ({"amount_received": 4999}, "is for 4999"),
            ({"currency": "jpy"}, "JPY"),
            (
                {"metadata": {"invoice_id": "999999", "trainer_id": "1", "payment_id": None}},
                "names invoice",
            ),
            (
                {"metadata": {"invoice_id": None, "trainer_id": "999999", "payment_id": None}},
                "names trainer",
            ),
        ],
        ids=["amount", "currency", "invoice", "trainer"],
    )
    def test_a_mismatched_payment_intent_is_not_applied(
        self, client, stripe_stub, started, caplog, change, reason
    ):
        invoice, payment, intent_id = started
        intent = stripe_stub.succeed_intent(intent_id)
        metadata = dict(intent["metadata"])
        for key, value in change.pop("metadata", {}).items():
            metadata[key] = value if value is not None else metadata[key]
        intent.update(change, metadata=metadata)

        with caplog.at_level(logging.WARNING, logger="billing.services.webhooks"):
            response = post_event(
                client, stripe_stub, stripe_stub.event("payment_intent.succeeded", intent)
            )

        assert response.status_code == 200  # Stripe must not retry it forever
        assert response.json()["data"]["outcome"] == "rejected"
        assert _state(invoice) == ("open", 0, 0, 5000)
        payment.refresh_from_db()
        assert payment.status == PaymentStatus.PENDING
        assert reason in StripeEvent.objects.get().error
        assert reason in caplog.text

    def test_an_event_from_a_connected_account_is_not_applied(self, client, stripe_stub, started):
        invoice, _payment, intent_id = started
        event = stripe_stub.event("payment_intent.succeeded", stripe_stub.succeed_intent(intent_id))
        event["account"] = "acct_someone_else"

        response = post_event(client, stripe_stub, event)

        assert response.json()["data"]["outcome"] == "rejected"
        assert _state(invoice)[0] == "open"

    def test_a_checkout_for_another_amount_is_not_applied(self, client, stripe_stub, make_invoice):
        invoice = make_invoice(5000)
        start = checkout_start(
            invoice=invoice, success_url="https://x/ok", cancel_url="https://x/no"
        )
        session = stripe_stub.complete_session(start.payment.stripe_checkout_session_id)
        session["amount_total"] = 100

        response = post_event(
            client, stripe_stub, stripe_stub.event("checkout.session.completed", session)
        )

        assert response.json()["data"]["outcome"] == "rejected"
        assert _state(invoice)[0] == "open"

    def test_a_refund_larger_than_the_charge_is_not_applied(self, client, stripe_stub, started):
        invoice, _payment, intent_id = started
        post_event(
            client,
            stripe_stub,
            stripe_stub.event("payment_intent.succeeded", stripe_stub.succeed_intent(intent_id)),
        )
        charge = stripe_stub.refund(intent_id, 1000)
        charge["amount_refunded"] = 6000

        response = post_event(client, stripe_stub, stripe_stub.event("charge.refunded", charge))

        assert response.json()["data"]["outcome"] == "rejected"
        assert _state(invoice) == ("paid", 5000, 0, 0)


def test_an_event_that_is_not_ours_is_recorded_and_ignored(client, stripe_stub, make_invoice):
    invoice = make_invoice(5000)
    stranger = stripe_stub._new_intent({"amount": 5000, "currency": "usd"})
    stripe_stub.succeed_intent(stranger["id"])

    response = post_event(
        client,
        stripe_stub,
        stripe_stub.event("payment_intent.succeeded", stripe_stub.intents[stranger["id"]]),
    )

    assert response.json()["data"]["outcome"] == "ignored"
    assert _state(invoice)[0] == "open"
    assert StripeEvent.objects.get().processed_at is not None


def test_an_unhandled_type_is_recorded_and_ignored(client, stripe_stub):
    response = post_event(
        client, stripe_stub, stripe_stub.event("customer.created", {"id": "cus_1"})
    )
    assert response.json()["data"]["outcome"] == "ignored"


def test_a_failure_after_the_success_does_not_undo_it(client, stripe_stub, started):
    """payment_failed (an earlier declined card) delivered late: the PaymentIntent is
    re-read from Stripe, which says succeeded."""
    invoice, _payment, intent_id = started
    failed = stripe_stub.fail_intent(intent_id)
    succeeded = stripe_stub.succeed_intent(intent_id)

    post_event(client, stripe_stub, stripe_stub.event("payment_intent.succeeded", succeeded))
    late = post_event(
        client, stripe_stub, stripe_stub.event("payment_intent.payment_failed", failed)
    )

    assert late.json()["data"]["outcome"] == "unchanged"
    assert _state(invoice) == ("paid", 5000, 0, 0)


def test_a_declined_card_keeps_the_payment_open_with_the_reason(client, stripe_stub, started):
    invoice, payment, intent_id = started
    failed = stripe_stub.fail_intent(intent_id, "Your card has insufficient funds.")

    post_event(client, stripe_stub, stripe_stub.event("payment_intent.payment_failed", failed))

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING  # the client may try another card
    assert payment.failure_message == "Your card has insufficient funds."
    assert _state(invoice)[0] == "open"


def test_stripe_refunds_are_recorded_once_per_increase(client, stripe_stub, started):
    invoice, payment, intent_id = started
    post_event(
        client,
        stripe_stub,
        stripe_stub.event("payment_intent.succeeded", stripe_stub.succeed_intent(intent_id)),
    )
    first = stripe_stub.event("charge.refunded", stripe_stub.refund(intent_id, 2000))
    second = stripe_stub.event("charge.refunded", stripe_stub.refund(intent_id, 1000))

    post_event(client, stripe_stub, second)  # the later, larger total arrives first
    outcome = post_event(client, stripe_stub, first).json()["data"]["outcome"]

    assert outcome == "unchanged"
    assert _state(invoice) == ("partially_paid", 5000, 3000, 3000)
    refund = Payment.objects.get(kind=PaymentKind.REFUND)
    assert (refund.amount_minor, refund.refund_of_id, refund.method) == (3000, payment.pk, "stripe")


def _events_for_a_checkout_with_a_partial_refund(stripe_stub, invoice):
    """What Stripe sends for: a declined card, then a paid checkout, then 20.00 back."""
    start = checkout_start(invoice=invoice, success_url="https://x/ok", cancel_url="https://x/no")
    session = stripe_stub.complete_session(start.payment.stripe_checkout_session_id)
    intent_id = session["payment_intent"]
    failed = dict(
        stripe_stub.intents[intent_id],
        status="requires_payment_method",
        last_payment_error={"message": "Your card was declined."},
    )
    return [
        stripe_stub.event("payment_intent.payment_failed", failed),
        stripe_stub.event("payment_intent.succeeded", stripe_stub.intents[intent_id]),
        stripe_stub.event("checkout.session.completed", session),
        stripe_stub.event("charge.refunded", stripe_stub.refund(intent_id, 2000)),
    ]


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))), ids=str)
def test_events_in_any_order_end_in_the_same_state(client, stripe_stub, make_invoice, order):
    invoice = make_invoice(5000)
    events = _events_for_a_checkout_with_a_partial_refund(stripe_stub, invoice)

    for index in order:
        assert post_event(client, stripe_stub, events[index]).status_code == 200
    for index in random.Random(sum(order)).sample(range(4), 2):  # and a few replays
        assert (
            post_event(client, stripe_stub, events[index]).json()["data"]["outcome"] == "duplicate"
        )

    assert _state(invoice) == ("partially_paid", 5000, 2000, 2000)
    payment = Payment.objects.get(kind=PaymentKind.PAYMENT)
    assert payment.status == PaymentStatus.SUCCEEDED
    assert Payment.objects.filter(kind=PaymentKind.REFUND).count() == 1


def test_when_stripe_cannot_be_reached_the_event_waits_for_the_retry(client, stripe_stub, started):
    _invoice, _payment, intent_id = started
    failed = stripe_stub.event("payment_intent.payment_failed", stripe_stub.fail_intent(intent_id))
    stripe_stub.fail_next = 10

    response = post_event(client, stripe_stub, failed)

    assert response.status_code == 503  # Stripe delivers it again later
    assert not StripeEvent.objects.exists()
    stripe_stub.fail_next = 0
    assert post_event(client, stripe_stub, failed).json()["data"]["outcome"] == "applied"


@pytest.mark.parametrize(
    "event",
    [
        {
            "id": "evt_a",
            "object": "event",
            "type": "payment_intent.succeeded",
            "data": {"object": []},
        },
        {
            "id": "evt_b",
            "object": "event",
            "type": "payment_intent.succeeded",
            "data": {"object": {}},
        },
        {
            "id": "evt_c",
            "object": "event",
            "type": "charge.refunded",
            "data": {"object": {"payment_intent": 7}},
        },
        {
            "id": "evt_d",
            "object": "event",
            "type": "checkout.session.completed",
            "data": {"object": {"id": "cs_x", "object": "checkout.session", "metadata": "x"}},
        },
    ],
    ids=["object-is-a-list", "empty-object", "odd-charge", "odd-session"],
)
def test_odd_but_signed_events_never_fail(client, stripe_stub, event):
    response = post_event(client, stripe_stub, event)
    assert response.status_code == 200
    assert response.json()["data"]["outcome"] in {"ignored", "rejected"}


def test_a_body_that_is_not_json_is_refused(client, stripe_stub):
    payload = b"\xff\xfe not json"
    response = client.post(
        WEBHOOK,
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_stub.sign("x"),
    )
    assert response.status_code == 400
