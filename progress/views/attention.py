"""Dismissing an item of the dashboard's attention list until what it is about changes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from clients.selectors import client_get_for_write
from fitnesspr.tenancy import valid_id
from progress.selectors.attention import attention_list
from progress.services.attention import attention_dismiss
from trainers.decorators import TrainerRequest, trainer_required


@require_POST
@trainer_required
def dismiss(request: TrainerRequest) -> HttpResponse:
    """Set one item aside. With htmx the row turns into a short note (which takes the
    focus) and the count updates; without, the dashboard reloads with a message."""
    data = request.POST
    client = client_get_for_write(actor=request.actor, pk=valid_id(data.get("client")))
    try:
        attention_dismiss(
            client=client,
            rule=data.get("rule", ""),
            subject=data.get("subject", ""),
            fingerprint=data.get("fingerprint", ""),
            by=request.actor.user,
        )
    except ValidationError as exc:
        if request.htmx:
            return HttpResponse(" ".join(exc.messages), status=400)
        messages.error(request, " ".join(exc.messages))
        return redirect("progress:dashboard")
    if request.htmx:
        groups = attention_list(trainer=request.trainer, today=request.trainer.today())
        context = {"client": client, "attention_count": sum(len(g.items) for g in groups)}
        return render(request, "progress/includes/attention_dismissed.html", context)
    messages.success(request, f"Dismissed for {client.full_name} until something changes.")
    return redirect("progress:dashboard")
