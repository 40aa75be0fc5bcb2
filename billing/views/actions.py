"""What a trainer does to an invoice after drafting it: issue, send, void, write off,
and record a payment or a refund by hand. Each action confirms first (GET) and acts on
POST; a refusal is shown on the same page, with nothing changed."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from billing.forms import SERVICE_NAMES, PaymentForm
from billing.models import Invoice, PaymentKind
from billing.selectors import invoices as selectors
from billing.services import lifecycle
from billing.services.payments import payment_record
from billing.views.confirm import confirm_and_act
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from trainers.decorators import TrainerRequest, trainer_required

#: action -> (service, message on success)
ACTIONS: dict[str, tuple[Callable[..., Invoice], str]] = {
    "issue": (lifecycle.invoice_issue, "{number} is issued and on its way to {client}."),
    "void": (lifecycle.invoice_void, "{number} is void."),
    "uncollectible": (
        lifecycle.invoice_mark_uncollectible,
        "{number} is written off as uncollectible. A late payment can still be recorded.",
    ),
}


def _confirm(request: TrainerRequest, pk: int, action: str) -> HttpResponse:
    invoice = selectors.invoice_get_for_write(actor=request.actor, pk=pk)
    service, success = ACTIONS[action]
    send = request.POST.get("send") == "on"

    def act() -> str:
        done = service(invoice=invoice, **({"send": send} if action == "issue" else {}))
        if action == "issue" and not send:
            return f"{done.display_number} is issued. Send it when you're ready."
        return success.format(number=done.display_number, client=done.client.full_name)

    return confirm_and_act(
        request,
        template="billing/invoice_confirm.html",
        context={"invoice": invoice, "action": action},
        act=act,
        then=reverse("billing:invoice", args=[invoice.pk]),
    )


@require_http_methods(["GET", "POST"])
@trainer_required
def invoice_issue(request: TrainerRequest, pk: int) -> HttpResponse:
    return _confirm(request, pk, "issue")


@require_http_methods(["GET", "POST"])
@trainer_required
def invoice_void(request: TrainerRequest, pk: int) -> HttpResponse:
    return _confirm(request, pk, "void")


@require_http_methods(["GET", "POST"])
@trainer_required
def invoice_uncollectible(request: TrainerRequest, pk: int) -> HttpResponse:
    return _confirm(request, pk, "uncollectible")


@require_POST
@trainer_required
def invoice_send(request: TrainerRequest, pk: int) -> HttpResponse:
    invoice = selectors.invoice_get_for_write(actor=request.actor, pk=pk)
    try:
        lifecycle.invoice_send(invoice=invoice)
    except (ConflictError, ValidationError) as exc:
        text = exc.message if isinstance(exc, ConflictError) else " ".join(exc.messages)
        messages.error(request, text)
    else:
        messages.success(request, f"{invoice.display_number} is emailed to {invoice.client.email}.")
    return redirect("billing:invoice", pk=invoice.pk)


@require_http_methods(["GET", "POST"])
@trainer_required
def payment_create(request: TrainerRequest, pk: int) -> HttpResponse:
    """Record a payment (or, with ?kind=refund, a refund) the trainer handled by hand."""
    invoice = selectors.invoice_get_for_write(actor=request.actor, pk=pk)
    kind = request.POST.get("kind") or request.GET.get("kind") or PaymentKind.PAYMENT
    kind = kind if kind in PaymentKind.values else PaymentKind.PAYMENT
    refund = kind == PaymentKind.REFUND
    today = request.trainer.today()
    suggested = invoice.net_paid_minor if refund else invoice.balance_due_minor
    form = PaymentForm(
        request.POST or None,
        currency=invoice.currency,
        today=today,
        initial={"kind": kind, "amount": PaymentForm.major(max(suggested, 0), invoice.currency)},
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                payment = payment_record(invoice=invoice, **form.service_fields())
            except ConflictError as exc:
                form.add_error(None, exc.message)
                status = 409
            except ValidationError as exc:
                add_service_error(form, exc, renames=SERVICE_NAMES)
            else:
                what = "Refund" if payment.is_refund else "Payment"
                messages.success(request, f"{what} recorded on {invoice.display_number}.")
                return redirect("billing:invoice", pk=invoice.pk)
    context = {"invoice": invoice, "form": form, "refund": refund}
    return render(request, "billing/payment_form.html", context, status=status)


@require_GET
@trainer_required
def receipt(request: TrainerRequest, pk: int) -> HttpResponse:
    payment = selectors.receipt_get(actor=request.actor, pk=pk)
    context = {"payment": payment, "invoice": payment.invoice}
    return render(request, "billing/print/receipt.html", context)
