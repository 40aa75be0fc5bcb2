from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone

from clients.models import Client
from fitnesspr.actor import Actor, actor_of


class PortalRequest(HttpRequest):
    actor: Actor
    portal_client: Client


View = Callable[..., HttpResponse]


def portal_login_required(view: View) -> View:
    """Let only a signed-in client through, with `request.actor` and
    `request.portal_client` set. Anonymous visitors go to the PIN sign-in page; a trainer
    or staff member gets the 403 page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("clients:portal_login"))
        actor = actor_of(request)
        if not actor.is_client or actor.client is None:
            raise PermissionDenied("The portal is for clients. Trainers use the dashboard.")
        request.actor = actor  # type: ignore[attr-defined]
        request.portal_client = actor.client  # type: ignore[attr-defined]
        # The portal runs on the trainer's calendar: its times read in their time zone.
        with timezone.override(zoneinfo.ZoneInfo(actor.client.trainer.timezone)):
            return view(request, *args, **kwargs)

    return wrapper
