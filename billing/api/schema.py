"""OpenAPI texts and examples of /api/v1/payments/ (the views stay readable)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view

from billing.api.serializers import (
    BillingProfileSerializer,
    IntentSerializer,
    InvoiceQuerySerializer,
    InvoiceSerializer,
    IssueSerializer,
    PackageSerializer,
    PaymentRecordSerializer,
    PaymentSerializer,
    WebhookResultSerializer,
)
from billing.services.invoices import LOCKED
from billing.services.packages import in_use_message
from fitnesspr.api.schema import error_example, error_response, error_responses

TRAINERS = "Trainers only: a client's token gets 403."
MONEY = "Amounts are integers in minor units (cents) of `currency`."

PACKAGE = {
    "id": 7,
    "name": "10 sessions",
    "description": "Ten one-hour personal training sessions, valid for three months.",
    "price_minor": 50000,
    "currency": "EUR",
    "interval": "one_off",
    "sessions_included": 10,
    "is_active": True,
    "times_invoiced": 3,
    "created_at": "2026-03-01T10:00:00Z",
    "updated_at": "2026-03-01T10:00:00Z",
}
PACKAGE_WRITE = {
    k: PACKAGE[k] for k in ("name", "description", "price_minor", "interval", "sessions_included")
}
LINE = {
    "id": 31,
    "package": 7,
    "description": "10 sessions",
    "quantity": 1,
    "unit_price_minor": 50000,
    "discount_bp": 1000,
    "discount_minor": 5000,
    "total_minor": 45000,
}
INVOICE = {
    "id": 12,
    "number": "INV-2026-0007",
    "status": "partially_paid",
    "is_overdue": False,
    "client": 42,
    "client_name": "Carol Danvers",
    "currency": "EUR",
    "issue_date": "2026-03-02",
    "due_date": "2026-03-16",
    "tax_rate_bp": 2000,
    "subtotal_minor": 45000,
    "tax_minor": 9000,
    "total_minor": 54000,
    "paid_minor": 20000,
    "refunded_minor": 0,
    "balance_due_minor": 34000,
    "notes": "Thanks for training with us!",
    "lines": [LINE],
    "seller": {
        "legal_name": "Alice Strength Ltd",
        "address": "1 Gym Street\nLondon",
        "email": "billing@alicestrength.example",
        "phone": "",
        "tax_id": "GB123456789",
        "payment_instructions": "IBAN GB00 0000 0000 0000",
        "footer": "Thank you!",
    },
    "sent_at": "2026-03-02T09:00:00Z",
    "overdue_notified_at": None,
    "paid_at": None,
    "voided_at": None,
    "created_at": "2026-03-01T10:00:00Z",
    "updated_at": "2026-03-05T10:00:00Z",
}
INVOICE_WRITE = {
    "client": 42,
    "due_date": "2026-03-16",
    "tax_rate_bp": 2000,
    "notes": "Thanks for training with us!",
    "lines": [
        {"package": 7, "quantity": 1, "discount_bp": 1000},
        {"description": "Nutrition consultation", "quantity": 1, "unit_price_minor": 6000},
    ],
}
PAYMENT = {
    "id": 88,
    "kind": "payment",
    "amount_minor": 20000,
    "currency": "EUR",
    "method": "bank_transfer",
    "status": "succeeded",
    "received_at": "2026-03-05T12:00:00Z",
    "reference": "TRF-2231",
    "notes": "",
    "failure_message": "",
    "created_at": "2026-03-05T12:01:00Z",
}
INTENT = {
    "payment_id": 91,
    "payment_intent_id": "pi_3Nx2abc",
    "client_secret": "pi_3Nx2abc_secret_9f8e",
    "amount_minor": 34000,
    "currency": "EUR",
    "publishable_key": "pk_live_…",
}


def _conflict(message: str) -> dict[str, Any]:
    return error_example(
        "CONFLICT", message, [{"field": "", "message": message, "code": "conflict"}]
    )


def _409(description: str, message: str) -> dict[int, Any]:
    return {409: error_response(409, description, _conflict(message))}


package_viewset = extend_schema_view(
    list=extend_schema(
        summary="List your packages",
        description="What you sell, archived ones included (`is_active`). "
        + MONEY
        + " "
        + TRAINERS,
        examples=[OpenApiExample("A page of packages", value=PACKAGE, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a package",
        description="One of your packages; another trainer's is a 404. " + TRAINERS,
        examples=[OpenApiExample("Package", value=PACKAGE, response_only=True)],
    ),
    create=extend_schema(
        summary="Add a package",
        description=(
            "A package priced in your currency. Names are unique among your packages, "
            "ignoring case (409). " + MONEY + " " + TRAINERS
        ),
        responses={
            201: PackageSerializer,
            **_409("The name is taken.", "You already have a package called “10 sessions”."),
        },
        examples=[
            OpenApiExample("New package", value=PACKAGE_WRITE, request_only=True),
            OpenApiExample("Created", value=PACKAGE, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Replace a package",
        description="Invoices already written keep their own copy of the name and price. "
        + TRAINERS,
        responses={200: PackageSerializer, **error_responses(409)},
        examples=[OpenApiExample("Package", value=PACKAGE_WRITE, request_only=True)],
    ),
    partial_update=extend_schema(
        summary="Update or archive a package",
        description="Any fields; `is_active: false` archives it (no longer offered). " + TRAINERS,
        responses={200: PackageSerializer, **error_responses(409)},
        examples=[OpenApiExample("Archive", value={"is_active": False}, request_only=True)],
    ),
    destroy=extend_schema(
        summary="Delete a package",
        description="Only a package never invoiced; one on an invoice is archived instead (409). "
        + TRAINERS,
        responses={204: None, **_409("It is on invoices.", in_use_message("10 sessions"))},
    ),
)

INVOICE_READ = (
    "Trainers see all their invoices; a client sees their own once issued (drafts are "
    "the trainer's work in progress). Another trainer's invoice is a 404. " + MONEY
)

invoice_viewset = extend_schema_view(
    list=extend_schema(
        summary="List invoices",
        description=(
            "Newest first. Filters: `?status=` (a status, or `overdue`), `?client=` (trainers), "
            "`?search=` (an invoice number like `INV-2026-0007`, or a name). " + INVOICE_READ
        ),
        parameters=[InvoiceQuerySerializer],
        examples=[OpenApiExample("A page of invoices", value=INVOICE, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get an invoice",
        description="With its lines. " + INVOICE_READ,
        examples=[OpenApiExample("Invoice", value=INVOICE, response_only=True)],
    ),
    create=extend_schema(
        summary="Write a draft invoice",
        description=(
            "A draft in your currency, with lines from a package (name and price default to "
            "the package's) or free text, a quantity and a discount (basis points). The tax "
            "rate defaults to your billing profile's. Drafts have no number until issued. "
            + TRAINERS
        ),
        responses={201: InvoiceSerializer},
        examples=[
            OpenApiExample("New draft", value=INVOICE_WRITE, request_only=True),
            OpenApiExample(
                "Created",
                value={**INVOICE, "number": "Draft", "status": "draft", "issue_date": None},
                response_only=True,
                status_codes=["201"],
            ),
        ],
    ),
    update=extend_schema(
        summary="Replace a draft invoice",
        description="`lines` replaces every line. An issued invoice can't change (409). "
        + TRAINERS,
        responses={200: InvoiceSerializer, **_409("The invoice has been issued.", LOCKED)},
        examples=[OpenApiExample("Draft", value=INVOICE_WRITE, request_only=True)],
    ),
    partial_update=extend_schema(
        summary="Update a draft invoice",
        description=(
            "Any fields; `lines`, if sent, replaces every line. An issued invoice can't "
            "change (409). " + TRAINERS
        ),
        responses={200: InvoiceSerializer, **_409("The invoice has been issued.", LOCKED)},
        examples=[
            OpenApiExample("New due date", value={"due_date": "2026-03-31"}, request_only=True)
        ],
    ),
    destroy=extend_schema(
        summary="Delete a draft invoice",
        description="Only a draft; an issued invoice keeps its number and is voided instead (409). "
        + TRAINERS,
        responses={
            204: None,
            **_409(
                "The invoice has been issued.",
                "Only a draft can be deleted. Void an issued invoice instead.",
            ),
        },
    ),
)

issue_action = extend_schema(
    summary="Issue an invoice",
    description=(
        "Gives the draft your next number of the year (`INV-2026-0001`, no gaps, also when "
        "several are issued at once), today's date, a due date from your payment terms if it "
        "has none, and locks its content. The client sees it from now on and, with `send` "
        "(default), gets it by email. A draft with no lines is a 400; an issued one a 409. "
        + TRAINERS
    ),
    request=IssueSerializer,
    responses={
        200: InvoiceSerializer,
        **_409("Already issued.", "INV-2026-0007 has already been issued."),
    },
    examples=[
        OpenApiExample("Issue without emailing", value={"send": False}, request_only=True),
        OpenApiExample(
            "Issued",
            value={**INVOICE, "status": "open", "paid_minor": 0, "balance_due_minor": 54000},
            response_only=True,
        ),
    ],
)
send_action = extend_schema(
    summary="Email an invoice",
    description=(
        "Emails the issued invoice (again) to the client. A draft or void invoice is a 409. "
        + TRAINERS
    ),
    request=None,
    responses={200: InvoiceSerializer, **error_responses(409)},
)
void_action = extend_schema(
    summary="Void an invoice",
    description=(
        "Cancels an issued invoice for good; it keeps its number. An invoice with payments "
        "must be refunded first (409). Open card payments on it are cancelled at Stripe. "
        + TRAINERS
    ),
    request=None,
    responses={
        200: InvoiceSerializer,
        **_409(
            "Payments to refund first, or not voidable.",
            "This invoice has payments. Record a refund of them before voiding it.",
        ),
    },
)
uncollectible_action = extend_schema(
    summary="Write an invoice off",
    description=(
        "Marks what is still due as uncollectible: it stops counting as owed. A payment "
        "recorded later still settles it. Only an open or partially paid invoice (else 409). "
        + TRAINERS
    ),
    request=None,
    responses={200: InvoiceSerializer, **error_responses(409)},
)
intent_action = extend_schema(
    summary="Start a card payment (Stripe PaymentIntent)",
    description=(
        "Creates a Stripe PaymentIntent for the balance due, tagged with the invoice, trainer "
        "and client, with an idempotency key; while that PaymentIntent can still be paid the "
        "same one is returned (200) instead of a new one (201), so repeated or concurrent calls "
        "make one PaymentIntent. Confirm it with Stripe.js or a Stripe mobile SDK using "
        "`client_secret` and `publishable_key`; the invoice is marked paid when Stripe's "
        "webhook confirms the payment. A paid, void or draft invoice is a 409; with online "
        "payment not set up, a 400 `ONLINE_PAYMENT_UNAVAILABLE`; if Stripe can't be reached, a "
        "400 `PAYMENT_PROVIDER_ERROR`. The invoice's client or their trainer."
    ),
    request=None,
    responses={
        201: IntentSerializer,
        200: IntentSerializer,
        **_409("Nothing to pay.", "INV-2026-0007 is already paid."),
    },
    examples=[
        OpenApiExample(
            "PaymentIntent", value=INTENT, response_only=True, status_codes=["201", "200"]
        )
    ],
)
_payments_get = extend_schema(
    methods=["GET"],
    summary="List an invoice's payments",
    description=(
        "Payments and refunds, oldest first (not paginated). Trainers see every attempt "
        "(pending, failed, cancelled card payments too); the client their receipts."
    ),
    responses={200: PaymentSerializer(many=True)},
    examples=[OpenApiExample("Payments", value=[PAYMENT], response_only=True)],
)
_payments_post = extend_schema(
    methods=["POST"],
    summary="Record a payment or refund",
    description=(
        "Money you received (`kind: payment`: cash, bank transfer, card in person, other) "
        "or gave back (`kind: refund`) by hand. A payment may be partial but not more than "
        "the balance due, a refund not more than was received (400); paying a paid or void "
        "invoice is a 409. The balance and status follow at once, and the client gets a "
        "receipt unless `send_receipt` is false. " + TRAINERS
    ),
    request=PaymentRecordSerializer,
    responses={201: PaymentSerializer, **_409("Nothing to pay.", "INV-2026-0007 is already paid.")},
    examples=[
        OpenApiExample(
            "Bank transfer",
            value={
                "kind": "payment",
                "amount_minor": 20000,
                "method": "bank_transfer",
                "received_on": "2026-03-05",
                "reference": "TRF-2231",
            },
            request_only=True,
        ),
        OpenApiExample("Recorded", value=PAYMENT, response_only=True, status_codes=["201"]),
    ],
)


def payments_action(view: Any) -> Any:
    return _payments_get(_payments_post(view))


PROFILE = {
    "legal_name": "Alice Strength Ltd",
    "address": "1 Gym Street\nLondon",
    "email": "billing@alicestrength.example",
    "phone": "",
    "tax_id": "GB123456789",
    "payment_instructions": "IBAN GB00 0000 0000 0000",
    "payment_terms_days": 14,
    "default_tax_rate_bp": 2000,
    "invoice_footer": "Thank you!",
    "updated_at": "2026-03-01T10:00:00Z",
}
PROFILE_TEXT = (
    "Your business details printed on invoices you issue (issued invoices keep the details "
    "they were issued with), your payment terms and default tax rate. " + TRAINERS
)
profile_get = extend_schema(
    summary="Get your billing profile",
    description=PROFILE_TEXT,
    responses={200: BillingProfileSerializer},
    examples=[OpenApiExample("Profile", value=PROFILE, response_only=True)],
)
profile_put = extend_schema(
    summary="Replace your billing profile",
    description=PROFILE_TEXT,
    request=BillingProfileSerializer,
    responses={200: BillingProfileSerializer},
)
profile_patch = extend_schema(
    summary="Update your billing profile",
    description=PROFILE_TEXT,
    request=BillingProfileSerializer,
    responses={200: BillingProfileSerializer},
    examples=[OpenApiExample("Terms", value={"payment_terms_days": 30}, request_only=True)],
)

SIGNATURE_400 = error_example("INVALID_SIGNATURE", "The signature doesn't match, or it is too old.")
webhook = extend_schema(
    summary="Stripe webhook",
    description=(
        "For Stripe only. The body is a Stripe event, signed in the `Stripe-Signature` header "
        "with `STRIPE_WEBHOOK_SECRET`; a missing, invalid or older than 300 s signature (or no "
        "secret configured) is a 400 `INVALID_SIGNATURE` and changes nothing. Each event id is "
        "applied once: a replay answers 200 `duplicate`. Handled: `payment_intent.succeeded`, "
        "`payment_intent.payment_failed`, `checkout.session.completed`, `charge.refunded`. An "
        "event whose amount, currency, invoice or trainer doesn't match the payment it names is "
        "not applied and is logged (200 `rejected`). When Stripe can't be reached to re-read a "
        "PaymentIntent, 503: nothing is stored and Stripe delivers the event again."
    ),
    auth=[],
    request={"application/json": OpenApiTypes.OBJECT},
    responses={
        200: WebhookResultSerializer,
        400: error_response(
            400, "The signature can't be trusted; nothing was stored.", SIGNATURE_400
        ),
        503: error_response(
            400,
            "Stripe couldn't be reached; nothing was stored, Stripe retries.",
            error_example(
                "PAYMENT_PROVIDER_ERROR",
                "The payment service didn't answer as expected. Please try again in a minute.",
            ),
        ),
    },
    examples=[
        OpenApiExample(
            "Event",
            value={
                "id": "evt_1",
                "object": "event",
                "type": "payment_intent.succeeded",
                "data": {"object": {"id": "pi_3Nx2abc", "object": "payment_intent"}},
            },
            request_only=True,
        ),
        OpenApiExample(
            "Applied",
            value={"event_id": "evt_1", "type": "payment_intent.succeeded", "outcome": "applied"},
            response_only=True,
        ),
    ],
)

pdf_action = extend_schema(
    operation_id="payments_invoices_pdf",
    summary="An invoice as a PDF",
    description="The invoice as the printable page shows it, as a PDF attachment "
    "(`Cache-Control: no-store`), made on request. The trainer reads their invoices; a "
    "client their own issued ones; anyone else's is a 404. 503 `PDF_UNAVAILABLE` when "
    "the server lacks WeasyPrint's system libraries.",
    request=None,
    responses={
        (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF."),
        404: error_response(404),
    },
)
