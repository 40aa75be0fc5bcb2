"""The client page (/dashboard/clients/<id>/): the profile with a summary of every
domain (today's training, adherence). It gathers several domains, so it lives here, at
the top of the app graph; each domain's own tab links from it."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clients.selectors import client_get, reminder_settings
from progress.selectors.adherence import client_adherence
from progress.selectors.body import last_weigh_in
from progress.selectors.check_ins import check_in_due
from progress.selectors.today import program_position
from trainers.decorators import TrainerRequest, trainer_required


@require_GET
@trainer_required
def client_page(request: TrainerRequest, pk: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=pk)
    today = request.trainer.today()
    context = {
        "client": client,
        "training": program_position(client=client, on=today),
        "adherence": client_adherence(client=client, today=today),
        "last_weigh_in": last_weigh_in(client=client),
        "check_in_due": check_in_due(client=client, today=today),
        "reminders": reminder_settings(client=client),
        "units": request.trainer.unit_system,
    }
    return render(request, "progress/client.html", context)
