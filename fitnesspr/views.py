from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET

from fitnesspr.actor import Actor, actor_of


def place_for(actor: Actor) -> str:
    """Where a signed-in person belongs: clients in the portal, staff in the admin,
    trainers on the dashboard."""
    if actor.is_client:
        return reverse("progress:portal_home")
    if actor.is_staff:
        return reverse("admin:index")
    return reverse("progress:dashboard")


@require_GET
def home(request: HttpRequest) -> HttpResponseRedirect:
    """Send each visitor where they belong: trainers to the dashboard, clients to the
    portal, staff to the admin; a phone that remembers a client to the PIN page, and
    everyone else to the trainer sign-in page."""
    actor = actor_of(request)
    if not actor.is_nobody:
        return redirect(place_for(actor))
    if request.COOKIES.get(settings.REMEMBER_DEVICE_COOKIE):
        return redirect("clients:portal_login")
    return redirect("trainers:login")
