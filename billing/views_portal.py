"""The client's invoices in the portal (/portal/invoices/): what they owe, each invoice
with its payments and receipts, and Pay.

Pay opens Stripe Checkout, Stripe's own hosted page, by a redirect: no third-party
script runs on our pages, so the portal keeps its strict CSP (only the invoice page
lets its Pay form lead to Stripe's checkout origin). The payment is finalised by
Stripe's webhook; the page then polls the invoice's status until it shows paid."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.csp import CSP
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from billing import stripe_gateway
from billing.models import PAYABLE, Invoice, PaymentStatus
from billing.selectors import documents
from billing.selectors import invoices as selectors
from billing.services.online import checkout_start
from clients.decorators import PortalRequest, portal_login_required
from fitnesspr.errors import DomainError
from fitnesspr.pdf import PdfUnavailable, pdf_download

PAGE_SIZE = 20
#: what ?checkout= on the invoice page may say after Stripe Checkout
CHECKOUT_RETURNS = {"done", "canceled"}


def _can_pay(invoice: Invoice) -> bool:
    return (
        stripe_gateway.is_configured()
        and invoice.status in PAYABLE
        and invoice.balance_due_minor > 0
    )


@never_cache
@require_GET
@portal_login_required
def invoice_list(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    today = client.trainer.today()
    invoices = selectors.invoice_list(actor=request.actor, today=today)
    context = {
        "page": Paginator(invoices, PAGE_SIZE).get_page(request.GET.get("page")),
        "owed": selectors.client_balance(client=client),
    }
    return render(request, "billing/portal/invoice_list.html", context)


@never_cache
@require_GET
@vary_on_headers("HX-Request")
@portal_login_required
def invoice_detail(request: PortalRequest, pk: int) -> HttpResponse:
    today = request.portal_client.trainer.today()
    invoice = selectors.invoice_get(actor=request.actor, pk=pk, today=today)
    checkout = request.GET.get("checkout", "")
    context: dict[str, Any] = {
        "invoice": invoice,
        "can_pay": _can_pay(invoice),
        # the client's receipts; open or abandoned card attempts are Stripe's business
        "received": [p for p in invoice.payments.all() if p.status == PaymentStatus.SUCCEEDED],
        "checkout": checkout if checkout in CHECKOUT_RETURNS else "",
    }
    if getattr(request, "htmx", False):  # the status polling after Checkout
        return render(request, "billing/portal/invoice_detail.html#pay-status", context)
    response = render(request, "billing/portal/invoice_detail.html", context)
    if context["can_pay"]:
        # The Pay form's answer is a redirect to Stripe Checkout: allow that form target.
        origins = [CSP.SELF, *stripe_gateway.checkout_origins()]
        response._csp_config = {**settings.SECURE_CSP, "form-action": origins}  # type: ignore[attr-defined]
    return response


@require_POST
@portal_login_required
def invoice_pay(request: PortalRequest, pk: int) -> HttpResponse:
    """Send the client to Stripe Checkout for what is still due (the open checkout is
    reused); Stripe sends them back to the invoice page."""
    invoice = selectors.invoice_get(actor=request.actor, pk=pk)
    page = request.build_absolute_uri(reverse("billing:portal_invoice", args=[invoice.pk]))
    try:
        start = checkout_start(
            invoice=invoice,
            success_url=f"{page}?checkout=done",
            cancel_url=f"{page}?checkout=canceled",
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("billing:portal_invoice", pk=invoice.pk)
    return redirect(start.url)


@require_GET
@portal_login_required
def invoice_print(request: PortalRequest, pk: int) -> HttpResponse:
    invoice = selectors.invoice_get(actor=request.actor, pk=pk)
    context = {"invoice": invoice, "seller": invoice.seller, "portal": True}
    return render(request, "billing/print/invoice.html", context)


@require_GET
@portal_login_required
def receipt(request: PortalRequest, pk: int) -> HttpResponse:
    payment = selectors.receipt_get(actor=request.actor, pk=pk)
    context = {"payment": payment, "invoice": payment.invoice, "portal": True}
    return render(request, "billing/print/receipt.html", context)


@require_GET
@portal_login_required
def invoice_pdf(request: PortalRequest, pk: int) -> HttpResponse:
    """The client's invoice as a PDF download."""
    invoice = selectors.invoice_get(actor=request.actor, pk=pk)
    try:
        data = documents.invoice_pdf(invoice=invoice)
    except PdfUnavailable as exc:
        messages.error(request, exc.message)
        return redirect("billing:portal_invoice", pk=invoice.pk)
    return pdf_download(data, documents.invoice_pdf_filename(invoice))
