"""/api/v1/payments/: packages and invoices (trainers manage; clients read their own
issued invoices and pay them), manual payments and refunds, Stripe PaymentIntents, the
trainer's billing profile, and the Stripe webhook. Every write goes through the same
billing services as the dashboard pages."""

from __future__ import annotations

import logging
from typing import Any

from django.db.models import Count, QuerySet
from django.http import HttpResponseBase
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from billing import stripe_gateway
from billing.api import schema
from billing.api.serializers import (
    BillingProfileSerializer,
    IntentSerializer,
    InvoiceLineSerializer,
    InvoiceQuerySerializer,
    InvoiceSerializer,
    IssueSerializer,
    PackageSerializer,
    PaymentRecordSerializer,
    PaymentSerializer,
    WebhookResultSerializer,
)
from billing.models import Invoice, Package
from billing.selectors.documents import invoice_pdf, invoice_pdf_filename
from billing.selectors.invoices import invoice_lines, invoice_list
from billing.selectors.profile import billing_profile_for
from billing.services import invoices as invoice_services
from billing.services import lifecycle
from billing.services import packages as package_services
from billing.services.online import payment_intent_start
from billing.services.payments import payment_record
from billing.services.profile import billing_profile_update
from billing.services.webhooks import stripe_webhook_receive
from fitnesspr.actor import ActorKind
from fitnesspr.api.exceptions import error_response
from fitnesspr.api.permissions import IsTrainer, IsTrainerOrClient, IsTrainerOrReadOnlyClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.rows import row_plan
from fitnesspr.api.viewsets import ActorAPIView, PageRowsMixin, ScopedModelViewSet
from fitnesspr.pdf import PdfUnavailable, pdf_download
from fitnesspr.tenancy import get_for_read

logger = logging.getLogger(__name__)


@schema.package_viewset
class PackageViewSet(ScopedModelViewSet):
    model = Package
    serializer_class = PackageSerializer
    permission_classes = [IsTrainer]
    success_messages = {
        "create": "Package added.",
        "update": "Package updated.",
        "partial_update": "Package updated.",
    }

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.annotate(times_invoiced=Count("invoice_lines")).order_by("name", "pk")

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, PackageSerializer)
        fields = serializer.service_fields()
        fields.pop("is_active", None)
        serializer.instance = package_services.package_create(trainer=self.trainer, **fields)
        serializer.instance.times_invoiced = 0  # type: ignore[attr-defined]

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, PackageSerializer)
        assert serializer.instance is not None
        package_services.package_update(package=serializer.instance, **serializer.service_fields())

    def perform_destroy(self, instance: Package) -> None:
        package_services.package_delete(package=instance)


@schema.invoice_viewset
class InvoiceViewSet(PageRowsMixin, ScopedModelViewSet):
    model = Invoice
    serializer_class = InvoiceSerializer
    permission_classes = [IsTrainerOrReadOnlyClient]
    success_messages = {
        "create": "Draft invoice saved.",
        "update": "Draft invoice saved.",
        "partial_update": "Draft invoice saved.",
        "issue": "Invoice issued.",
        "send": "Invoice emailed to the client.",
        "void": "Invoice voided.",
        "mark_uncollectible": "Invoice written off as uncollectible.",
    }

    def get_permissions(self) -> list[Any]:
        if self.action == "intent":
            return [IsTrainerOrClient()]
        if self.action == "payments" and self.request.method == "POST":
            return [IsTrainer()]
        return list(super().get_permissions())

    def get_queryset(self) -> QuerySet[Any]:
        today = self.actor.trainer.today() if self.actor.trainer else None
        if today is None:
            return Invoice.objects.none()
        filters: dict[str, Any] = {}
        if self.action == "list":
            query = InvoiceQuerySerializer(
                data=self.request.query_params, context=self.get_serializer_context()
            )
            query.is_valid(raise_exception=True)
            filters = dict(query.validated_data)
        invoices = invoice_list(actor=self.actor, today=today, **filters)
        return invoices if self.action == "list" else invoices.prefetch_related("lines")

    def page_rows(self, page: list[Any]) -> dict[str, dict[Any, list[Any]]]:
        # A page's lines in one query: the columns the line serializer writes.
        plan = row_plan(InvoiceLineSerializer)
        assert plan is not None
        return {"lines": invoice_lines(invoices=page, fields=plan.keys)}

    def _fresh(self, invoice: Invoice) -> dict[str, Any]:
        return dict(InvoiceSerializer(self.get_queryset().get(pk=invoice.pk)).data)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = InvoiceSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        invoice = invoice_services.invoice_create(
            trainer=self.trainer, **serializer.service_fields()
        )
        return envelope(self._fresh(invoice), message=self.success_messages["create"], status=201)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        invoice = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = InvoiceSerializer(
            invoice, data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        invoice_services.invoice_update(invoice=invoice, **serializer.service_fields())
        return envelope(self._fresh(invoice), message=self.success_messages["update"])

    def perform_destroy(self, instance: Invoice) -> None:
        invoice_services.invoice_delete(invoice=instance)

    def _act(self, name: str, **kwargs: Any) -> Response:
        invoice = self.get_object()
        service = {
            "issue": lifecycle.invoice_issue,
            "send": lifecycle.invoice_send,
            "void": lifecycle.invoice_void,
            "mark_uncollectible": lifecycle.invoice_mark_uncollectible,
        }[name]
        service(invoice=invoice, **kwargs)
        return envelope(self._fresh(invoice), message=self.success_messages[name])

    @schema.issue_action
    @action(detail=True, methods=["post"])
    def issue(self, request: Request, pk: str | None = None) -> Response:
        body = IssueSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._act("issue", send=body.validated_data["send"])

    @schema.send_action
    @action(detail=True, methods=["post"])
    def send(self, request: Request, pk: str | None = None) -> Response:
        return self._act("send")

    @schema.pdf_action
    @action(detail=True, methods=["get"])
    def pdf(self, request: Request, pk: str | None = None) -> HttpResponseBase:
        """The invoice as a PDF (what the printable page shows), made on request."""
        invoice = self.get_object()
        try:
            data = invoice_pdf(invoice=invoice)
        except PdfUnavailable as exc:
            return error_response(exc.code, exc.message, status.HTTP_503_SERVICE_UNAVAILABLE)
        return pdf_download(data, invoice_pdf_filename(invoice))

    @schema.void_action
    @action(detail=True, methods=["post"])
    def void(self, request: Request, pk: str | None = None) -> Response:
        return self._act("void")

    @schema.uncollectible_action
    @action(detail=True, methods=["post"], url_path="mark-uncollectible")
    def mark_uncollectible(self, request: Request, pk: str | None = None) -> Response:
        return self._act("mark_uncollectible")

    @schema.intent_action
    @action(detail=True, methods=["post"])
    def intent(self, request: Request, pk: str | None = None) -> Response:
        invoice = self.get_object_for_payment()
        start = payment_intent_start(invoice=invoice)
        data = IntentSerializer(
            {
                "payment_id": start.payment.pk,
                "payment_intent_id": start.intent_id,
                "client_secret": start.client_secret,
                "amount_minor": start.payment.amount_minor,
                "currency": start.payment.currency,
                "publishable_key": stripe_gateway.publishable_key(),
            }
        ).data
        if start.created:
            return envelope(data, message="Payment started: confirm it with Stripe.", status=201)
        return envelope(data, message="Your open payment: confirm it with Stripe.")

    def get_object_for_payment(self) -> Invoice:
        """Paying reads the invoice (a client may pay what they may read)."""
        invoice: Invoice = get_for_read(self.get_queryset(), actor=self.actor, pk=self.kwargs["pk"])
        return invoice

    @schema.payments_action
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def payments(self, request: Request, pk: str | None = None) -> Response:
        if request.method == "GET":
            invoice = self.get_object()
            rows = invoice.payments.order_by("created_at", "pk")
            if self.actor.kind is ActorKind.CLIENT:
                rows = rows.filter(status="succeeded")
            return envelope(PaymentSerializer(rows, many=True).data)
        invoice = self.get_object()
        body = PaymentRecordSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fields = dict(body.validated_data)
        fields.setdefault("received_on", self.trainer.today())
        payment = payment_record(invoice=invoice, **fields)
        what = "Refund" if payment.is_refund else "Payment"
        return envelope(PaymentSerializer(payment).data, message=f"{what} recorded.", status=201)


class BillingProfileView(ActorAPIView):
    permission_classes = [IsTrainer]

    @schema.profile_get
    def get(self, request: Request) -> Response:
        return envelope(BillingProfileSerializer(billing_profile_for(trainer=self.trainer)).data)

    def _save(self, request: Request, *, partial: bool) -> Response:
        body = BillingProfileSerializer(data=request.data, partial=partial)
        body.is_valid(raise_exception=True)
        profile = billing_profile_update(trainer=self.trainer, **body.validated_data)
        return envelope(BillingProfileSerializer(profile).data, message="Billing profile saved.")

    @schema.profile_put
    def put(self, request: Request) -> Response:
        return self._save(request, partial=False)

    @schema.profile_patch
    def patch(self, request: Request) -> Response:
        return self._save(request, partial=True)


class StripeWebhookView(APIView):
    """Stripe calls this; it signs each call (Stripe-Signature) instead of signing in."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @schema.webhook
    def post(self, request: Request) -> Response:
        signature = request.META.get("HTTP_STRIPE_SIGNATURE")
        try:
            result = stripe_webhook_receive(payload=request.body, signature=signature)
        except stripe_gateway.WebhookSignatureError as exc:
            return error_response("INVALID_SIGNATURE", str(exc), status.HTTP_400_BAD_REQUEST)
        except stripe_gateway.PaymentProviderError as exc:
            # Nothing was stored: answering 503 makes Stripe deliver the event again later.
            logger.warning("Stripe webhook deferred: %s", exc.message)
            return error_response(exc.code, exc.message, status.HTTP_503_SERVICE_UNAVAILABLE)
        data = WebhookResultSerializer(result._asdict()).data
        return envelope(data, message=f"Event {result.outcome}.")
