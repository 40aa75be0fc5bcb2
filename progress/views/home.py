"""The dashboard home (/dashboard/): head counts, the newest clients and who has gone
quiet. It gathers several domains, so it lives here, at the top of the app graph."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from billing.selectors.invoices import overdue_summary
from clients import selectors as client_selectors
from progress.selectors.adherence import clients_gone_quiet
from trainers.decorators import TrainerRequest, trainer_required


@require_GET
@trainer_required
def dashboard(request: TrainerRequest) -> HttpResponse:
    trainer = request.trainer
    today = trainer.today()
    context = {
        "counts": client_selectors.client_counts(trainer=trainer),
        "recent_clients": list(client_selectors.client_recent(trainer=trainer)),
        "quiet_clients": clients_gone_quiet(trainer=trainer, today=today),
        "overdue": overdue_summary(trainer=trainer, today=today),
        "today": today,
    }
    return render(request, "progress/dashboard.html", context)
