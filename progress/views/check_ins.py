"""The trainer's side of the conversations: a client's check-in and a logged workout,
each with its thread of replies and a reply box. Opening a thread marks the client's
messages read; replying sends the trainer back to the thread, focused on their reply."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from clients.selectors import client_get
from fitnesspr.tenancy import NOT_FOUND
from progress.forms.check_ins import ReplyForm
from progress.selectors.check_ins import check_in_get, workout_log_get, workout_thread
from progress.services.check_ins import thread_mark_read
from trainers.decorators import TrainerRequest, trainer_required


def _to_reply(url: str, reply_pk: int) -> HttpResponse:
    return redirect(f"{url}#reply-{reply_pk}")


@require_http_methods(["GET", "POST"])
@trainer_required
def check_in(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    found = check_in_get(actor=request.actor, pk=pk)
    if found.client_id != client.pk:
        raise Http404(NOT_FOUND)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if reply := form.send(actor=request.actor, check_in=found):
            messages.success(request, f"Reply sent to {client.first_name or client.full_name}.")
            return _to_reply(request.path, reply.pk)
    else:
        thread_mark_read(actor=request.actor, check_in=found)
    context = {
        "client": client,
        "check_in": found,
        "thread": list(found.replies.all()),
        "form": form,
        "units": request.trainer.unit_system,
    }
    return render(request, "progress/check_ins/check_in.html", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def workout_thread_page(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    log = workout_log_get(actor=request.actor, pk=pk)
    if log.client_id != client.pk:
        raise Http404(NOT_FOUND)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if reply := form.send(actor=request.actor, workout_log=log):
            messages.success(request, f"Reply sent to {client.first_name or client.full_name}.")
            return _to_reply(reverse("progress:workout_thread", args=[client.pk, log.pk]), reply.pk)
    else:
        thread_mark_read(actor=request.actor, workout_log=log)
    context = {
        "client": client,
        "log": log,
        "thread": workout_thread(log=log),
        "form": form,
        "units": request.trainer.unit_system,
    }
    return render(request, "progress/check_ins/workout.html", context)
