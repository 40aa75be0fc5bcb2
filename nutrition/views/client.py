"""The trainer's view of a client's nutrition (client page → Nutrition): their plan,
a day of their diary against the targets (today unless another day is picked), and
compliance per day and per week. The client is looked up through the client getter,
so another trainer's client is a 404 before anything else is read."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clients.selectors import client_get
from nutrition.forms.dates import day_param
from nutrition.selectors.compliance import client_compliance
from nutrition.selectors.today import client_assignments, day_meals
from trainers.decorators import TrainerRequest, trainer_required

WEEKS = 4


@require_GET
@trainer_required
def client_nutrition(request: TrainerRequest, client_id: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    today = request.trainer.today()
    on, day_error = day_param(request.GET.get("day"), today=today)
    assignments = client_assignments(client)  # read once for both
    compliance = client_compliance(
        client=client,
        start=today - dt.timedelta(days=7 * WEEKS - 1),
        end=today,
        assignments=assignments,
    )
    context = {
        "client": client,
        "today": today,
        "day": day_meals(client=client, on=on, assignments=assignments),
        "day_error": day_error,
        "recent": list(reversed(compliance.days[-7:])),
        "weeks": compliance.weeks,
        "compliance": compliance,
    }
    return render(request, "nutrition/client.html", context)
