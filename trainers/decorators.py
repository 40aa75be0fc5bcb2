from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from fitnesspr.actor import Actor, actor_of
from trainers.models import Trainer


class TrainerRequest(HttpRequest):
    actor: Actor
    trainer: Trainer
    htmx: HtmxDetails


View = Callable[..., HttpResponse]


def trainer_required(view: View) -> View:
    """Let only a signed-in trainer through, with `request.actor` and `request.trainer`
    set. Anonymous visitors go to the sign-in page; anyone else signed in gets the 403
    page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            login = redirect_to_login(request.get_full_path())
            if getattr(request, "htmx", False):  # a live search after the session expired
                return HttpResponseClientRedirect(login["Location"])
            return login
        actor = actor_of(request)
        if not actor.is_trainer or actor.trainer is None:
            raise PermissionDenied("The dashboard is for trainers. Sign in with a trainer account.")
        request.actor = actor  # type: ignore[attr-defined]
        request.trainer = actor.trainer  # type: ignore[attr-defined]
        # Every time on the dashboard reads in the trainer's own time zone.
        with timezone.override(zoneinfo.ZoneInfo(actor.trainer.timezone)):
            return view(request, *args, **kwargs)

    return wrapper
