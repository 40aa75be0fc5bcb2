"""The client portal's door under /portal/: PIN sign-in (email + PIN, or PIN alone on a
remembered device), sign-out and "not you?". The portal's pages live with their domains
(the home page, which gathers every domain, in progress.views_portal.home)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from clients import services
from clients.decorators import PortalRequest, portal_login_required
from clients.forms import PortalLoginForm, ReminderSettingsForm
from clients.models import Client
from clients.selectors import reminder_settings
from clients.services import reminders as reminder_services
from fitnesspr import auth, ratelimit
from fitnesspr.actor import actor_of
from fitnesspr.forms import add_service_error

DEVICE_COOKIE = settings.REMEMBER_DEVICE_COOKIE
TOO_MANY_ATTEMPTS = "Too many sign-in attempts from this network. Wait a few minutes and try again."
SCOPE = "portal-login"


def _next_url(request: HttpRequest) -> str | None:
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def _remember_device(request: HttpRequest, response: HttpResponse, client: Client) -> None:
    response.set_cookie(
        DEVICE_COOKIE,
        services.device_token_make(client),  # signed; names the client and PIN version
        max_age=settings.REMEMBER_DEVICE_DAYS * 24 * 60 * 60,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


@require_http_methods(["GET", "POST"])
@never_cache
def portal_login(request: HttpRequest) -> HttpResponse:
    if actor_of(request).is_client:
        return redirect("progress:portal_home")
    token = request.COOKIES.get(DEVICE_COOKIE)
    remembered = services.device_client(token)
    form = PortalLoginForm(request.POST or None, remembered=remembered is not None)
    status = 200
    if request.method == "POST":
        address = ratelimit.client_ip(request)
        if ratelimit.blocked(SCOPE, address, limit=settings.PORTAL_LOGIN_IP_LIMIT):
            form.add_error(None, TOO_MANY_ATTEMPTS)
            status = 429
        elif form.is_valid():
            pin = form.cleaned_data["pin"]
            if remembered is not None and token:
                answer = services.client_pin_sign_in_device(device_token=token, pin=pin)
            else:
                answer = services.client_pin_sign_in(email=form.cleaned_data["email"], pin=pin)
            client = answer.client
            if client is None:
                ratelimit.failed(
                    SCOPE, address, window_seconds=settings.PORTAL_LOGIN_IP_WINDOW_SECONDS
                )
                form.add_error(None, answer.error)
            else:
                login(request, client.user, backend=auth.BACKEND)
                success = redirect(_next_url(request) or "progress:portal_home")
                if remembered is not None or form.cleaned_data.get("remember"):
                    _remember_device(request, success, client)
                return success
    context = {"form": form, "remembered": remembered, "next": _next_url(request) or ""}
    response = render(request, "clients/portal_login.html", context, status=status)
    if token and remembered is None:  # expired or revoked by a PIN reset: drop it
        response.delete_cookie(DEVICE_COOKIE, samesite="Lax")
    return response


@require_POST
def forget_device(request: HttpRequest) -> HttpResponse:
    """ "Not you?": this device stops naming a client, so the next sign-in asks for an email."""
    response = redirect("clients:portal_login")
    response.delete_cookie(DEVICE_COOKIE, samesite="Lax")
    return response


@require_POST
def portal_logout(request: HttpRequest) -> HttpResponse:
    # The remembered-device cookie stays: next time this phone asks only for the PIN.
    logout(request)
    return redirect("clients:portal_login")


# The link in reminder emails: no sign-in (the signed token names the client). A mail
# program's one-click unsubscribe POSTs without a CSRF token, so the view is exempt;
# all it can do is turn reminders off for the client the token names.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    client = reminder_services.unsubscribe_client(token)
    if client is None:
        return render(request, "clients/unsubscribe.html", {"state": "invalid"}, status=404)
    context = {"client": client, "token": token, "state": "confirm"}
    if request.method == "POST":
        reminder_services.reminders_unsubscribe(client=client, now=timezone.now())
        context["state"] = "done"
    return render(request, "clients/unsubscribe.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@portal_login_required
def reminders(request: PortalRequest) -> HttpResponse:
    """The client chooses their reminder emails and when they come."""
    client = request.portal_client
    current = reminder_settings(client=client)
    zone = client.trainer.timezone
    if request.method == "POST":
        form = ReminderSettingsForm(request.POST, trainer_zone=zone)
        if form.is_valid():
            try:
                reminder_services.reminder_settings_update(client=client, **form.cleaned_data)
            except ValidationError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, "Your reminder choices are saved.")
                return redirect("clients:portal_reminders")
    else:
        form = ReminderSettingsForm(
            trainer_zone=zone,
            initial={
                "workout_reminders": current.workout_reminders,
                "workout_reminder_time": current.workout_reminder_time,
                "check_in_reminders": current.check_in_reminders,
                "timezone": current.timezone,
            },
        )
    return render(request, "clients/portal_reminders.html", {"form": form, "current": current})
