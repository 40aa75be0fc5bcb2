"""The portal home (/portal/): what the client does today, this week's check-in, new
replies from their trainer and a quick weigh-in. It gathers several domains, so it lives
here, at the top of the app graph."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clients.decorators import PortalRequest, portal_login_required
from nutrition.selectors.glance import day_glance
from progress.forms.body import WeighInForm
from progress.selectors.body import last_weigh_in
from progress.selectors.check_ins import check_in_due, unread_replies
from progress.selectors.today import today_at_a_glance


@require_GET
@portal_login_required
def portal_home(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    on = client.trainer.today()
    units = client.trainer.unit_system
    context = {
        "client": client,
        "today": today_at_a_glance(client=client, on=on),
        "check_in_due": check_in_due(client=client, today=on),
        "unread_replies": unread_replies(client=client),
        "weigh_in_form": WeighInForm(initial={"measured_on": on}, unit_system=units),
        "last_weigh_in": last_weigh_in(client=client),
        "units": units,
        "meals": day_glance(client=client, on=on),
    }
    return render(request, "progress/portal/home.html", context)
