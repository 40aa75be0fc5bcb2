from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from clients.views_portal import DEVICE_COOKIE
from trainers.views import place_for


@require_GET
def home(request: HttpRequest) -> HttpResponseRedirect:
    """Send each visitor where they belong: trainers to the dashboard, clients to the
    portal, staff to the admin; a phone that remembers a client to the PIN page, and
    everyone else to the trainer sign-in page."""
    if request.user.is_authenticated:
        return redirect(place_for(request.user))
    if request.COOKIES.get(DEVICE_COOKIE):
        return redirect("portal:login")
    return redirect("accounts:login")
