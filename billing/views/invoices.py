"""The trainer's invoices under /dashboard/billing/: the list with its totals, drafting
(header and lines), and the printable page. Lookups go through the invoice getters: an
invoice of another trainer is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from billing import stripe_gateway
from billing.forms import SERVICE_NAMES, InvoiceForm, LineForm
from billing.models import Invoice
from billing.money import bp_to_percent
from billing.selectors import documents
from billing.selectors import invoices as selectors
from billing.selectors.packages import package_choices
from billing.selectors.profile import seller_details
from billing.services import invoices as services
from billing.views.confirm import confirm_and_act
from clients.models import Client, ClientStatus
from clients.selectors import client_list
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from fitnesspr.pagination import page_of
from fitnesspr.pdf import PdfUnavailable, pdf_download
from fitnesspr.tenancy import MAX_ID
from trainers.decorators import TrainerRequest, trainer_required

PAGE_SIZE = 25


def _client_filter(request: TrainerRequest, value: str) -> Client | None:
    if not value.isdigit() or not 0 < int(value) <= MAX_ID:
        return None
    return Client.objects.for_trainer(request.trainer).filter(pk=int(value)).first()


def _filters(request: TrainerRequest, params: QueryDict) -> selectors.InvoiceFilters:
    status = params.get("status", "")
    return {
        "status": status if status in selectors.STATUS_FILTERS else "",
        "client": _client_filter(request, params.get("client", "")),
        "search": params.get("q", "").strip()[: selectors.MAX_SEARCH],
    }


def _invoiceable_clients(request: TrainerRequest) -> Any:
    return client_list(trainer=request.trainer).exclude(status=ClientStatus.ARCHIVED)


@require_GET
@vary_on_headers("HX-Request")
@trainer_required
def invoice_list(request: TrainerRequest) -> HttpResponse:
    """/dashboard/billing/: what clients owe, what came in this month, and the invoices."""
    today = request.trainer.today()
    filters = _filters(request, request.GET)
    invoices = selectors.invoice_list(actor=request.actor, today=today, **filters)
    page = page_of(invoices, request.GET.get("page"), PAGE_SIZE)
    template = "billing/invoice_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#invoice-table"
    context = {
        "page": page,
        "filters": filters,
        "filtered": any(filters.values()),
        "status_filters": selectors.STATUS_FILTERS,
        "clients": SimpleLazyObject(
            lambda: selectors.client_filter_choices(trainer=request.trainer)
        ),
        "totals": SimpleLazyObject(
            lambda: selectors.billing_totals(trainer=request.trainer, today=today)
        ),
        "today": today,
    }
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@trainer_required
def invoice_create(request: TrainerRequest) -> HttpResponse:
    trainer = request.trainer
    initial = {
        "client": _client_filter(request, request.GET.get("client", "")),
        "package": request.GET.get("package"),
    }
    form = InvoiceForm(
        request.POST or None,
        initial=initial,
        currency=trainer.currency,
        clients=_invoiceable_clients(request),
        packages=package_choices(trainer=trainer),
    )
    if request.method == "POST" and form.is_valid():
        try:
            invoice = services.invoice_create(trainer=trainer, **form.service_fields())
        except (ValidationError, ConflictError) as exc:
            add_service_error(form, exc, renames=SERVICE_NAMES, default_field="package")
        else:
            messages.success(request, "Draft saved. Check the lines, then issue it.")
            return redirect("billing:invoice", pk=invoice.pk)
    return render(request, "billing/invoice_form.html", {"form": form, "invoice": None})


def detail_context(request: TrainerRequest, invoice: Invoice, **extra: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "invoice": invoice,
        "seller": invoice.seller or seller_details(trainer=request.trainer),
        "online_payment": stripe_gateway.is_configured(),
    }
    if invoice.is_draft:
        context["line_form"] = LineForm(
            currency=invoice.currency, packages=package_choices(trainer=request.trainer)
        )
    return {**context, **extra}


@never_cache
@require_GET
@trainer_required
def invoice_detail(request: TrainerRequest, pk: int) -> HttpResponse:
    invoice = selectors.invoice_get(actor=request.actor, pk=pk, today=request.trainer.today())
    return render(request, "billing/invoice_detail.html", detail_context(request, invoice))


@require_http_methods(["GET", "POST"])
@trainer_required
def invoice_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    invoice = selectors.invoice_get_for_write(actor=request.actor, pk=pk)
    if not invoice.is_draft:
        messages.error(request, services.LOCKED)
        return redirect("billing:invoice", pk=invoice.pk)
    initial = {
        "client": invoice.client,
        "due_date": invoice.due_date,
        "tax_rate": bp_to_percent(invoice.tax_rate_bp),
        "notes": invoice.notes,
    }
    form = InvoiceForm(
        request.POST or None,
        initial=initial,
        currency=invoice.currency,
        clients=_invoiceable_clients(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.invoice_update(invoice=invoice, **form.service_fields())
        except (ValidationError, ConflictError) as exc:
            add_service_error(form, exc, renames=SERVICE_NAMES)
        else:
            messages.success(request, "Draft saved.")
            return redirect("billing:invoice", pk=invoice.pk)
    return render(request, "billing/invoice_form.html", {"form": form, "invoice": invoice})


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def line_add(request: TrainerRequest, pk: int) -> HttpResponse:
    """Add a line to a draft; with htmx the lines and totals come back in place."""
    invoice = selectors.invoice_get_for_write(actor=request.actor, pk=pk)
    form = LineForm(
        request.POST,
        currency=invoice.currency,
        packages=package_choices(trainer=request.trainer),
    )
    added = None
    if form.is_valid():
        try:
            added = services.invoice_line_add(invoice=invoice, **form.service_fields())
        except ConflictError as exc:
            messages.error(request, exc.message)
            return redirect("billing:invoice", pk=invoice.pk)
        except ValidationError as exc:
            add_service_error(form, exc, renames=SERVICE_NAMES, default_field="description")
    if added is not None and not request.htmx:
        messages.success(request, f"Added “{added.description}”.")
        return redirect("billing:invoice", pk=invoice.pk)
    context = detail_context(request, selectors.invoice_get(actor=request.actor, pk=pk))
    if added is None:
        context["line_form"] = form  # with its errors next to the fields
    else:
        context["added"] = added
    if request.htmx:  # htmx swaps only 2xx answers: errors come back as a 200 fragment
        return render(request, "billing/invoice_detail.html#draft-lines", context)
    return render(request, "billing/invoice_detail.html", context, status=400)


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def line_remove(request: TrainerRequest, pk: int) -> HttpResponse:
    line = selectors.invoice_line_get_for_write(actor=request.actor, pk=pk)
    try:
        invoice = services.invoice_line_remove(line=line)
    except ConflictError as exc:
        messages.error(request, exc.message)
        return redirect("billing:invoice", pk=line.invoice_id)
    if not request.htmx:
        messages.success(request, f"Removed “{line.description}”.")
        return redirect("billing:invoice", pk=invoice.pk)
    fresh = selectors.invoice_get(actor=request.actor, pk=invoice.pk)
    context = detail_context(request, fresh, removed=line.description)
    return render(request, "billing/invoice_detail.html#draft-lines", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def invoice_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    invoice = selectors.invoice_get_for_write(actor=request.actor, pk=pk)

    def act() -> str:
        services.invoice_delete(invoice=invoice)
        return "Draft deleted."

    return confirm_and_act(
        request,
        template="billing/invoice_confirm.html",
        context={"invoice": invoice, "action": "delete"},
        act=act,
        then=reverse("billing:home"),
    )


@require_GET
@trainer_required
def invoice_print(request: TrainerRequest, pk: int) -> HttpResponse:
    invoice = selectors.invoice_get(actor=request.actor, pk=pk, today=request.trainer.today())
    context = detail_context(request, invoice, back_url=request.GET.get("back", ""))
    return render(request, "billing/print/invoice.html", context)


@require_GET
@trainer_required
def invoice_pdf(request: TrainerRequest, pk: int) -> HttpResponse:
    """The invoice as a PDF download (the printable page's content)."""
    invoice = selectors.invoice_get(actor=request.actor, pk=pk, today=request.trainer.today())
    try:
        data = documents.invoice_pdf(invoice=invoice)
    except PdfUnavailable as exc:
        messages.error(request, exc.message)
        return redirect("billing:invoice", pk=invoice.pk)
    return pdf_download(data, documents.invoice_pdf_filename(invoice))
