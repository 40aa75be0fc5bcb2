"""The only module that imports `stripe`. Everything else in billing talks to Stripe
through these few functions, in plain dicts, so the rest of the code (and its tests)
never depends on the SDK's types, and pointing the SDK elsewhere (STRIPE_API_BASE: a
local stub in tests) happens in one place.

Stripe is off unless STRIPE_SECRET_KEY is set: online payment is then hidden and every
call here refuses with `OnlinePaymentUnavailable`."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import stripe
from django.conf import settings

from fitnesspr.errors import DomainError

logger = logging.getLogger(__name__)

#: seconds a webhook signature stays valid (Stripe's own default)
WEBHOOK_TOLERANCE_SECONDS = 300
#: PaymentIntent states in which the client can still (re)try paying the same intent
REUSABLE_INTENT_STATES = frozenset(
    {"requires_payment_method", "requires_confirmation", "requires_action"}
)

StripeObject = dict[str, Any]


class OnlinePaymentUnavailable(DomainError):
    code = "ONLINE_PAYMENT_UNAVAILABLE"

    def __init__(self) -> None:
        super().__init__("Online payment isn't set up. Pay your trainer by cash or bank transfer.")


class PaymentProviderError(DomainError):
    """Stripe could not be reached or refused the request; nothing was changed here."""

    code = "PAYMENT_PROVIDER_ERROR"


class WebhookSignatureError(Exception):
    """A webhook we can't trust: no secret configured, no or bad signature, stale time."""


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def publishable_key() -> str:
    return str(settings.STRIPE_PUBLISHABLE_KEY)


def checkout_origins() -> list[str]:
    """Where the Pay button's redirect lands: Stripe's hosted Checkout (or, with
    STRIPE_API_BASE, the stand-in serving it). The pay page allows form posts there."""
    origins = ["https://checkout.stripe.com"]
    if settings.STRIPE_API_BASE:
        parts = urlsplit(settings.STRIPE_API_BASE)
        origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


def _client() -> stripe.StripeClient:
    if not is_configured():
        raise OnlinePaymentUnavailable()
    base: Any = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY, base_addresses=base, max_network_retries=2
    )


def _call(what: str, request: Any, *args: Any, **kwargs: Any) -> StripeObject:
    try:
        result = request(*args, **kwargs)
    except stripe.StripeError as exc:
        logger.warning("Stripe refused to %s: %s", what, exc)
        raise PaymentProviderError(
            "The payment service didn't answer as expected. Please try again in a minute."
        ) from exc
    data: StripeObject = result.to_dict()
    return data


def create_payment_intent(
    *,
    amount_minor: int,
    currency: str,
    description: str,
    metadata: dict[str, str],
    idempotency_key: str,
) -> StripeObject:
    # No receipt_email: the receipt comes from us (billing.services.emails), once.
    params: Any = {
        "amount": amount_minor,
        "currency": currency.lower(),
        "description": description,
        "metadata": metadata,
        "automatic_payment_methods": {"enabled": True},
    }
    return _call(
        "create a PaymentIntent",
        _client().v1.payment_intents.create,
        params,
        options={"idempotency_key": idempotency_key},
    )


def retrieve_payment_intent(intent_id: str) -> StripeObject:
    return _call("read a PaymentIntent", _client().v1.payment_intents.retrieve, intent_id)


def cancel_payment_intent(intent_id: str) -> StripeObject:
    return _call("cancel a PaymentIntent", _client().v1.payment_intents.cancel, intent_id)


def create_checkout_session(
    *,
    amount_minor: int,
    currency: str,
    product_name: str,
    metadata: dict[str, str],
    customer_email: str,
    success_url: str,
    cancel_url: str,
    idempotency_key: str,
) -> StripeObject:
    """A hosted Checkout page for one amount; the PaymentIntent it makes carries the
    same metadata, so either event finds its way back to our payment."""
    params: Any = {
        "mode": "payment",
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": currency.lower(),
                    "unit_amount": amount_minor,
                    "product_data": {"name": product_name},
                },
            }
        ],
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "success_url": success_url,
        "cancel_url": cancel_url,
    }
    if customer_email:
        params["customer_email"] = customer_email
    return _call(
        "create a Checkout Session",
        _client().v1.checkout.sessions.create,
        params,
        options={"idempotency_key": idempotency_key},
    )


def retrieve_checkout_session(session_id: str) -> StripeObject:
    return _call("read a Checkout Session", _client().v1.checkout.sessions.retrieve, session_id)


def expire_checkout_session(session_id: str) -> StripeObject:
    return _call("expire a Checkout Session", _client().v1.checkout.sessions.expire, session_id)


def verify_webhook(payload: bytes, signature: str | None) -> StripeObject:
    """The event in a webhook body, once its signature checks out against
    STRIPE_WEBHOOK_SECRET (and is at most five minutes old)."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise WebhookSignatureError("Webhooks are refused: no signing secret is configured.")
    if not signature:
        raise WebhookSignatureError("The Stripe-Signature header is missing.")
    try:
        event = stripe.Webhook.construct_event(
            payload, signature, secret, tolerance=WEBHOOK_TOLERANCE_SECONDS
        )
    except stripe.SignatureVerificationError as exc:
        raise WebhookSignatureError("The signature doesn't match, or it is too old.") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise WebhookSignatureError("The body is not a Stripe event.") from exc
    data: StripeObject = event.to_dict()
    if not isinstance(data.get("id"), str) or not isinstance(data.get("data"), dict):
        raise WebhookSignatureError("The body is not a Stripe event.")
    return data
