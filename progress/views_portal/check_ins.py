"""The client's weekly check-ins and conversations in the portal: this week's check-in
form, past check-ins with their threads, and replying to the trainer on a check-in or on
a logged workout. Once shown, a thread marks the trainer's replies read with a small
POST of its own (GETs write nothing)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clients.decorators import PortalRequest, portal_login_required
from fitnesspr.tenancy import NOT_FOUND
from progress.forms.check_ins import CheckInForm, ReplyForm, read_receipt
from progress.selectors.check_ins import (
    check_in_due,
    check_in_get,
    check_in_list,
    is_waiting,
    workout_log_get,
)


@require_GET
@portal_login_required
def check_ins(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    rows = list(check_in_list(client=client))
    context = {
        "client": client,
        "due": check_in_due(client=client, today=client.trainer.today()),
        "check_ins": [(row, not is_waiting(row)) for row in rows],
    }
    return render(request, "progress/portal/check_ins.html", context)


@require_http_methods(["GET", "POST"])
@portal_login_required
def check_in_new(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    due = check_in_due(client=client, today=client.trainer.today())
    if due is None:
        messages.info(request, "Weekly check-ins aren't set up yet: your trainer chooses the day.")
        return redirect("progress:portal_home")
    if due.submitted is not None:
        return redirect("progress:portal_check_in", pk=due.submitted.pk)
    form = CheckInForm(
        request.POST or None, request.FILES or None, unit_system=client.trainer.unit_system
    )
    if request.method == "POST" and form.is_valid() and (sent := form.submit(client=client)):
        messages.success(request, "Check-in sent. Your trainer will reply here.")
        return redirect("progress:portal_check_in", pk=sent.pk)
    return render(
        request, "progress/portal/check_in_form.html", {"client": client, "form": form, "due": due}
    )


@require_http_methods(["GET", "POST"])
@portal_login_required
def check_in(request: PortalRequest, pk: int) -> HttpResponse:
    client = request.portal_client
    found = check_in_get(actor=request.actor, pk=pk)
    if read_receipt(request.method or "GET", request.POST, actor=request.actor, check_in=found):
        return HttpResponse(status=204)
    form = ReplyForm(request.POST or None)
    if reply := form.handle(request.method or "GET", actor=request.actor, check_in=found):
        messages.success(request, "Reply sent.")
        return redirect(f"{request.path}#reply-{reply.pk}")
    context = {
        "client": client,
        "check_in": found,
        "thread": list(found.replies.all()),
        "form": form,
        "read_url": request.path,
        "units": client.trainer.unit_system,
    }
    return render(request, "progress/portal/check_in.html", context)


@require_POST
@portal_login_required
def workout_reply(request: PortalRequest, log_id: int) -> HttpResponse:
    """A reply to the trainer on a logged workout (the box sits on the workout page)."""
    log = workout_log_get(actor=request.actor, pk=log_id)
    if log.client_id != request.portal_client.pk:
        raise Http404(NOT_FOUND)
    if read_receipt("POST", request.POST, actor=request.actor, workout_log=log):
        return HttpResponse(status=204)  # the workout page, once shown
    form = ReplyForm(request.POST)
    url = reverse("progress:portal_workout", args=[log.pk])
    if form.is_valid() and (reply := form.send(actor=request.actor, workout_log=log)):
        messages.success(request, "Reply sent.")
        return redirect(f"{url}#reply-{reply.pk}")
    context = {"client": request.portal_client, "log": log, "form": form, "back": url}
    return render(request, "progress/portal/workout_reply.html", context, status=400)
