"""The portal home (/portal/): what the client does today. It gathers several domains,
so it lives here, at the top of the app graph."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clients.decorators import PortalRequest, portal_login_required
from nutrition.selectors.today import day_meals
from progress.selectors.today import today_workout


@require_GET
@portal_login_required
def portal_home(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    on = client.trainer.today()
    context = {
        "client": client,
        "today": today_workout(client=client, on=on),
        "meals": day_meals(client=client, on=on),
    }
    return render(request, "progress/portal/home.html", context)
