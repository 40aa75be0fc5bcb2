import sys

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET

from fitnesspr.actor import Actor, actor_of
from fitnesspr.api.exceptions import (
    DATABASE_DOWN,
    RETRY_AFTER_SECONDS,
    UNAVAILABLE_MESSAGE,
    drop_broken_connections,
    error_body,
    refused_request,
)
from fitnesspr.requestlog import current_request_id


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


# --- error pages: JSON in the envelope under /api/, friendly HTML elsewhere ------------
# Django answers these itself when a request fails before any view runs (a bad Host
# header, a path no pattern matches, a crash in a middleware).

API_PREFIX = "/api/"


def _api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def _json_error(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse(error_body(code, message), status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _api(request):
        if isinstance(exception, SuspiciousOperation):
            code, message, status = refused_request(exception)
        else:
            code, message, status = "BAD_REQUEST", "The request could not be read.", 400
        return _json_error(code, message, status)
    # A plain page: with a bad Host header, the usual page context would fail again.
    return HttpResponseBadRequest(render_to_string("400.html"))


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _api(request):
        return _json_error("NOT_FOUND", f"There is no API endpoint at {request.path}.", 404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this inside its `except`: the exception at hand says whether the
    # database is down (a 503 to retry, not a bug) or something else broke.
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return _unavailable(request)
    if _api(request):
        message = "Something went wrong on our side. Please try again later."
        return _json_error("SERVER_ERROR", message, 500)
    context = {"request_id": current_request_id()}
    return HttpResponseServerError(render_to_string("500.html", context))


def _unavailable(request: HttpRequest) -> HttpResponse:
    drop_broken_connections()
    if _api(request):
        response: HttpResponse = _json_error("SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE, 503)
    else:
        page = render_to_string("503.html", {"request_id": current_request_id()})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
