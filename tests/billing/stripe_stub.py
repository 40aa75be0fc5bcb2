"""A small local stand-in for the parts of Stripe's API we call, for tests (there is no
internet here and no Stripe mock to install). The real SDK talks to it over HTTP once
STRIPE_API_BASE points here; webhooks are signed with the SDK's own
`WebhookSignature.generate_signature_header`, so `Webhook.construct_event` verifies
them for real.

Endpoints: PaymentIntents (create, retrieve, cancel) and Checkout Sessions (create,
retrieve, expire), with Idempotency-Key replay like Stripe's, plus a "hosted" checkout
page (/checkout/<id>) whose Pay button succeeds the payment, delivers the webhooks
Stripe would send and redirects to the success URL, for browser tests.

Run it by hand beside `runserver`:
    python -m tests.billing.stripe_stub --port 8114 \
        --webhook http://127.0.0.1:8104/api/v1/payments/stripe/webhook/
then start the app with STRIPE_SECRET_KEY=sk_test_stub STRIPE_WEBHOOK_SECRET=whsec_stub
STRIPE_API_BASE=http://127.0.0.1:8114."""

from __future__ import annotations

import argparse
import html
import itertools
import json
import re
import secrets
import threading
import time
import urllib.request
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from stripe import WebhookSignature

SECRET_KEY = "sk_test_stub"
PUBLISHABLE_KEY = "pk_test_stub"
WEBHOOK_SECRET = "whsec_stub"

Obj = dict[str, Any]


def parse_form(body: str) -> Obj:
    """Stripe's form encoding (a[b][0][c]=1) back into nested dicts and lists."""
    root: Obj = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = re.findall(r"[^\[\]]+", key)
        node: Any = root
        for part, nxt in itertools.pairwise(parts):
            make = list if nxt.isdigit() else dict
            if isinstance(node, list):
                index = int(part)
                node.extend([None] * (index + 1 - len(node)))
                if node[index] is None:
                    node[index] = make()
                node = node[index]
            else:
                node = node.setdefault(part, make())
        if isinstance(node, list):
            index = int(parts[-1])
            node.extend([None] * (index + 1 - len(node)))
            node[index] = value
        else:
            node[parts[-1]] = value
    return root


def _int(value: Any) -> int:
    return int(value) if value not in (None, "") else 0


class StripeStub:
    def __init__(self, *, port: int = 0, webhook_url: str = "", secret: str = WEBHOOK_SECRET):
        self.webhook_url = webhook_url
        self.webhook_secret = secret
        self.intents: dict[str, Obj] = {}
        self.sessions: dict[str, Obj] = {}
        self.charges: dict[str, Obj] = {}
        self.created: Counter[str] = Counter()
        self.requests: list[tuple[str, str]] = []
        self.delivered: list[tuple[str, int]] = []
        self.fail_next: int = 0  # answer the next N API calls with a 500
        self._idempotent: dict[str, tuple[int, Obj]] = {}
        self._lock = threading.RLock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def configure(self, settings: Any) -> None:
        """Point the app at this stub (Django's settings, or pytest-django's fixture)."""
        settings.STRIPE_SECRET_KEY = SECRET_KEY
        settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE_KEY
        settings.STRIPE_WEBHOOK_SECRET = self.webhook_secret
        settings.STRIPE_API_BASE = self.url

    def start(self) -> StripeStub:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- the objects ---------------------------------------------------------------

    @staticmethod
    def _id(prefix: str) -> str:
        return f"{prefix}_{secrets.token_hex(12)}"

    def _new_intent(self, params: Obj) -> Obj:
        intent_id = self._id("pi")
        intent = {
            "id": intent_id,
            "object": "payment_intent",
            "amount": _int(params.get("amount")),
            "amount_received": 0,
            "currency": params.get("currency", "usd"),
            "status": "requires_payment_method",
            "client_secret": f"{intent_id}_secret_{secrets.token_hex(8)}",
            "description": params.get("description"),
            "metadata": params.get("metadata") or {},
            "last_payment_error": None,
            "latest_charge": None,
            "created": int(time.time()),
            "livemode": False,
        }
        self.intents[intent_id] = intent
        self.created["payment_intent"] += 1
        return intent

    def _new_session(self, params: Obj) -> Obj:
        session_id = self._id("cs_test")
        item = (params.get("line_items") or [{}])[0]
        price = item.get("price_data") or {}
        amount = _int(price.get("unit_amount")) * _int(item.get("quantity") or 1)
        session = {
            "id": session_id,
            "object": "checkout.session",
            "amount_total": amount,
            "currency": price.get("currency", "usd"),
            "status": "open",
            "payment_status": "unpaid",
            "payment_intent": None,
            "metadata": params.get("metadata") or {},
            "url": f"{self.url}/checkout/{session_id}",
            "success_url": params.get("success_url"),
            "cancel_url": params.get("cancel_url"),
            "customer_email": params.get("customer_email"),
            "product": (price.get("product_data") or {}).get("name", ""),
            "intent_metadata": (params.get("payment_intent_data") or {}).get("metadata") or {},
            "created": int(time.time()),
            "livemode": False,
        }
        self.sessions[session_id] = session
        self.created["checkout_session"] += 1
        return session

    def _public(self, obj: Obj) -> Obj:
        return {k: v for k, v in obj.items() if k not in {"intent_metadata", "product"}}

    # --- what tests (and the hosted page) do to them --------------------------------

    def succeed_intent(self, intent_id: str, *, amount: int | None = None) -> Obj:
        with self._lock:
            intent = self.intents[intent_id]
            intent["status"] = "succeeded"
            intent["amount_received"] = intent["amount"] if amount is None else amount
            intent["last_payment_error"] = None
            charge_id = self._id("ch")
            self.charges[charge_id] = {
                "id": charge_id,
                "object": "charge",
                "amount": intent["amount"],
                "amount_refunded": 0,
                "currency": intent["currency"],
                "payment_intent": intent_id,
                "refunded": False,
                "created": int(time.time()),
            }
            intent["latest_charge"] = charge_id
            return dict(intent)

    def fail_intent(self, intent_id: str, message: str = "Your card was declined.") -> Obj:
        with self._lock:
            intent = self.intents[intent_id]
            intent["status"] = "requires_payment_method"
            intent["last_payment_error"] = {"code": "card_declined", "message": message}
            return dict(intent)

    def complete_session(self, session_id: str) -> Obj:
        """The client paid on the hosted page: a succeeded PaymentIntent, a paid session."""
        with self._lock:
            session = self.sessions[session_id]
            intent = self._new_intent(
                {
                    "amount": session["amount_total"],
                    "currency": session["currency"],
                    "metadata": session["intent_metadata"],
                }
            )
            self.succeed_intent(intent["id"])
            session.update(status="complete", payment_status="paid", payment_intent=intent["id"])
            return self._public(session)

    def refund(self, intent_id: str, amount: int) -> Obj:
        with self._lock:
            charge = self.charges[self.intents[intent_id]["latest_charge"]]
            charge["amount_refunded"] += amount
            charge["refunded"] = charge["amount_refunded"] >= charge["amount"]
            return dict(charge)

    def event(self, event_type: str, obj: Obj, *, event_id: str | None = None) -> Obj:
        return {
            "id": event_id or self._id("evt"),
            "object": "event",
            "type": event_type,
            "api_version": "2026-01-01",
            "created": int(time.time()),
            "livemode": False,
            "pending_webhooks": 1,
            "data": {"object": self._public(obj)},
        }

    def sign(self, payload: str, *, timestamp: int | None = None, secret: str | None = None) -> str:
        return WebhookSignature.generate_signature_header(
            payload, secret or self.webhook_secret, timestamp=timestamp
        )

    def deliver(self, event: Obj, url: str | None = None) -> int:
        """POST a signed event to the webhook URL, as Stripe does; the status code."""
        payload = json.dumps(event)
        request = urllib.request.Request(
            url or self.webhook_url,
            data=payload.encode(),
            headers={"Content-Type": "application/json", "Stripe-Signature": self.sign(payload)},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        self.delivered.append((event["type"], status))
        return status

    # --- HTTP ------------------------------------------------------------------------

    def _api(self, method: str, path: str, params: Obj, key: str | None) -> tuple[int, Obj]:
        if self.fail_next > 0:
            self.fail_next -= 1
            return 500, {"error": {"type": "api_error", "message": "Stub outage."}}
        if method == "POST" and path == "/v1/payment_intents":
            return 200, self._new_intent(params)
        if method == "POST" and path == "/v1/checkout/sessions":
            return 200, self._public(self._new_session(params))
        match = re.fullmatch(r"/v1/payment_intents/([\w]+)(/cancel)?", path)
        if match and match.group(1) in self.intents:
            intent = self.intents[match.group(1)]
            if match.group(2):
                if intent["status"] in ("succeeded", "canceled"):
                    message = f"A PaymentIntent that is {intent['status']} can't be canceled."
                    return 400, {"error": {"type": "invalid_request_error", "message": message}}
                intent["status"] = "canceled"
            return 200, dict(intent)
        match = re.fullmatch(r"/v1/checkout/sessions/([\w]+)(/expire)?", path)
        if match and match.group(1) in self.sessions:
            session = self.sessions[match.group(1)]
            if match.group(2):
                if session["status"] != "open":
                    message = "Only open Checkout Sessions can be expired."
                    return 400, {"error": {"type": "invalid_request_error", "message": message}}
                session["status"] = "expired"
            return 200, self._public(session)
        return 404, {"error": {"type": "invalid_request_error", "message": f"No such {path}"}}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def _handle(self, method: str) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                if url.path.startswith("/checkout/"):
                    self._hosted_page(method, url.path)
                    return
                with stub._lock:
                    stub.requests.append((method, url.path))
                    if self.headers.get("Authorization") != f"Bearer {SECRET_KEY}":
                        status, obj = (
                            401,
                            {
                                "error": {
                                    "type": "invalid_request_error",
                                    "message": "Invalid API key.",
                                }
                            },
                        )
                    else:
                        key = self.headers.get("Idempotency-Key")
                        if method == "POST" and key and key in stub._idempotent:
                            status, obj = stub._idempotent[key]
                        else:
                            status, obj = stub._api(method, url.path, parse_form(body), key)
                            if method == "POST" and key and status < 500:
                                stub._idempotent[key] = (status, obj)
                self._send(
                    status,
                    json.dumps(obj).encode(),
                    "application/json",
                    **{"Request-Id": "req_stub"},
                )

            def _hosted_page(self, method: str, path: str) -> None:
                match = re.fullmatch(r"/checkout/([\w]+)(/pay)?", path)
                session = stub.sessions.get(match.group(1)) if match else None
                if session is None:
                    self._send(404, b"No such checkout", "text/plain")
                    return
                if method == "POST" and match and match.group(2):
                    if session["status"] == "open":
                        completed = stub.complete_session(session["id"])
                        intent = stub.intents[completed["payment_intent"]]
                        stub.deliver(stub.event("payment_intent.succeeded", intent))
                        stub.deliver(stub.event("checkout.session.completed", completed))
                    self._send(303, b"", "text/plain", Location=session["success_url"])
                    return
                amount = f"{session['amount_total'] / 100:.2f} {session['currency'].upper()}"
                page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Stripe test checkout</title></head><body>
<h1>Pay {html.escape(session["product"])}</h1><p id="amount">{amount}</p>
<form method="post" action="/checkout/{session["id"]}/pay">
<button type="submit">Pay {amount}</button></form>
<p><a href="{html.escape(session["cancel_url"] or "")}">Back</a></p></body></html>"""
                self._send(200, page.encode(), "text/html; charset=utf-8")

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

        return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8114)
    parser.add_argument(
        "--webhook", default="http://127.0.0.1:8104/api/v1/payments/stripe/webhook/"
    )
    parser.add_argument("--secret", default=WEBHOOK_SECRET)
    args = parser.parse_args()
    stub = StripeStub(port=args.port, webhook_url=args.webhook, secret=args.secret)
    print(f"Stripe stub on {stub.url}, webhooks to {args.webhook}")
    stub.server.serve_forever()


if __name__ == "__main__":
    main()
