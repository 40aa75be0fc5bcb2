"""The dashboard home (/dashboard/): head counts, the newest clients and the attention
list (everything that needs the trainer). It gathers several domains, so it lives here,
at the top of the app graph."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clients import selectors as client_selectors
from progress.selectors.attention import attention_list
from trainers.decorators import TrainerRequest, trainer_required


@require_GET
@trainer_required
def dashboard(request: TrainerRequest) -> HttpResponse:
    trainer = request.trainer
    attention = attention_list(trainer=trainer, today=trainer.today())
    counts, recent = client_selectors.client_overview(trainer=trainer)
    context = {
        "counts": counts,
        "recent_clients": recent,
        "attention": attention,
        "attention_count": sum(len(group.items) for group in attention),
        "quiet_clients": next(g.items for g in attention if g.rule.name == "quiet"),
    }
    return render(request, "progress/dashboard.html", context)
