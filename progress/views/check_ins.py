"""The trainer's side of the conversations: a client's check-in and a logged workout,
each with its thread of replies and a reply box. Once shown, a thread marks the
client's messages read with a small POST of its own (GETs write nothing); replying
sends the trainer back to the thread, focused on their reply."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from clients.models import Client
from clients.selectors import client_get
from fitnesspr.tenancy import NOT_FOUND
from progress.forms.check_ins import ReplyForm, read_receipt
from progress.models import CheckIn, WorkoutLog
from progress.selectors.check_ins import check_in_get, workout_log_get_for_thread, workout_thread
from trainers.decorators import TrainerRequest, trainer_required


def _thread_page(
    request: TrainerRequest, client: Client, subject: CheckIn | WorkoutLog, template: str
) -> HttpResponse:
    if subject.client_id != client.pk:  # the right trainer, the wrong client in the URL
        raise Http404(NOT_FOUND)
    is_check_in = isinstance(subject, CheckIn)
    on: dict[str, Any] = {"check_in" if is_check_in else "workout_log": subject}
    if read_receipt(request.method or "GET", request.POST, actor=request.actor, **on):
        return HttpResponse(status=204)
    form = ReplyForm(request.POST or None)
    if reply := form.handle(request.method or "GET", actor=request.actor, **on):
        messages.success(request, f"Reply sent to {client.first_name or client.full_name}.")
        return redirect(f"{request.path}#reply-{reply.pk}")
    if isinstance(subject, CheckIn):
        thread = list(subject.replies.all())
    else:
        thread = workout_thread(log=subject)
    context = {
        "client": client,
        "check_in" if is_check_in else "log": subject,
        "thread": thread,
        "form": form,
        "units": request.trainer.unit_system,
        "read_url": request.path,
    }
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@trainer_required
def check_in(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    found = check_in_get(actor=request.actor, pk=pk)
    return _thread_page(request, client, found, "progress/check_ins/check_in.html")


@require_http_methods(["GET", "POST"])
@trainer_required
def workout_thread_page(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    log = workout_log_get_for_thread(actor=request.actor, pk=pk)
    return _thread_page(request, client, log, "progress/check_ins/workout.html")
