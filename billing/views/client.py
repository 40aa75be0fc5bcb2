"""A client's Billing tab (/dashboard/clients/<id>/billing/): what they owe and their
invoices. The client is looked up through the client getter: another trainer's client
is a 404."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from billing.selectors.invoices import client_balance, invoice_list
from clients.selectors import client_get
from trainers.decorators import TrainerRequest, trainer_required

PAGE_SIZE = 20


@require_GET
@trainer_required
def client_billing(request: TrainerRequest, client_id: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    today = request.trainer.today()
    invoices = invoice_list(actor=request.actor, today=today, client=client)
    context = {
        "client": client,
        "page": Paginator(invoices, PAGE_SIZE).get_page(request.GET.get("page")),
        "owed": client_balance(client=client),
    }
    return render(request, "billing/client_billing.html", context)
