from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import LoginView, PasswordResetView
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fitnesspr import ratelimit
from fitnesspr.actor import actor_of
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from fitnesspr.views import place_for
from trainers import selectors, services
from trainers.decorators import TrainerRequest, trainer_required
from trainers.forms import BusinessProfileForm, SignupForm

EMAILS_PAGE_SIZE = 25


class TrainerLoginView(LoginView):
    template_name = "trainers/accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Only wrong passwords count against the address (see fitnesspr.ratelimit).
        address = ratelimit.client_ip(request)
        if not ratelimit.blocked("trainer-login", address, limit=settings.TRAINER_LOGIN_IP_LIMIT):
            response = super().post(request, *args, **kwargs)
            if not request.user.is_authenticated:
                ratelimit.failed(
                    "trainer-login",
                    address,
                    window_seconds=settings.TRAINER_LOGIN_IP_WINDOW_SECONDS,
                )
            return response
        form = self.get_form()
        form.is_valid()  # keep the typed email in the form
        form.add_error(None, "Too many sign-in attempts. Wait a few minutes and try again.")
        return self.render_to_response(self.get_context_data(form=form), status=429)

    def get_success_url(self) -> str:
        # ?next= is honoured for trainers only: it points into the dashboard, which
        # would answer a client or staff member with a 403.
        actor = actor_of(self.request)
        if actor.is_trainer:
            return super().get_success_url()
        return place_for(actor)


TOO_MANY_EMAILS = "Too many attempts from your network. Wait a while and try again."


def _over_email_limit(request: HttpRequest, scope: str, limit: int) -> bool:
    """Count this submission (each one sends an email) and say whether the address has
    gone past `limit` in the window (see fitnesspr.ratelimit)."""
    address = ratelimit.client_ip(request)
    if ratelimit.blocked(scope, address, limit=limit):
        return True
    ratelimit.failed(scope, address, window_seconds=settings.ACCOUNT_FORMS_IP_WINDOW_SECONDS)
    return False


class TrainerPasswordResetView(PasswordResetView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _over_email_limit(request, "password-reset", settings.PASSWORD_RESET_IP_LIMIT):
            return super().post(request, *args, **kwargs)
        form = self.get_form()
        form.is_valid()  # keep the typed email in the form
        form.add_error(None, TOO_MANY_EMAILS)
        return self.render_to_response(self.get_context_data(form=form), status=429)


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request)
    if not actor.is_nobody:
        return redirect(place_for(actor))
    form = SignupForm(request.POST or None)
    if request.method == "POST" and _over_email_limit(request, "signup", settings.SIGNUP_IP_LIMIT):
        form.is_valid()
        form.add_error(None, TOO_MANY_EMAILS)
        return render(request, "trainers/accounts/signup.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.trainer_sign_up(
                email=data["email"],
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                business_name=data["business_name"],
                timezone=data["timezone"],
                unit_system=data["unit_system"],
                currency=data["currency"],
            )
        except (ValidationError, ConflictError) as exc:
            add_service_error(form, exc, default_field="password1")
        else:
            # The same page whether the address was new or taken: it says nothing of who
            # has an account (the email tells its owner).
            return redirect("trainers:signup_done")
    return render(request, "trainers/accounts/signup.html", {"form": form})


@require_http_methods(["GET"])
def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "trainers/accounts/signup_done.html")


@require_http_methods(["GET", "POST"])
@trainer_required
def account_settings(request: TrainerRequest) -> HttpResponse:
    form = BusinessProfileForm.for_trainer(request.trainer, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.trainer_update(trainer=request.trainer, **form.service_fields())
        except ValidationError as exc:
            request.trainer.refresh_from_db()  # the service set the refused values on it
            add_service_error(form, exc, renames={"plate_increment_kg": "plate_increment"})
        else:
            messages.success(request, "Your business profile is saved.")
            return redirect("trainers:settings")
    return render(request, "trainers/settings.html", {"form": form})


@require_GET
@trainer_required
def email_list(request: TrainerRequest) -> HttpResponse:
    """The outbox: what the business sent to whom, and what could not be sent."""
    status = request.GET.get("status", "")
    if status not in selectors.EMAIL_FILTERS:
        status = ""
    emails = selectors.email_list(trainer=request.trainer, status=status)
    page = Paginator(emails, EMAILS_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "filters": selectors.EMAIL_FILTERS}
    return render(request, "trainers/emails.html", context)


@require_POST
@trainer_required
def email_resend(request: TrainerRequest, pk: int) -> HttpResponse:
    email = selectors.email_get_for_write(actor=request.actor, pk=pk)
    try:
        services.email_resend(email=email)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"The email to {email.to_email} is on its way again.")
    return redirect("trainers:emails")
