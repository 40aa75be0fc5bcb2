"""The trainer's view of a client's training (client page → Training): the current
program, adherence, logged workouts, bests and per-exercise progress. The client is
looked up through the client getter, so another trainer's client is a 404 before
anything else is read."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from clients.selectors import client_get
from programs.models import ProgramAssignment
from programs.selectors.exercises import exercise_get
from progress.charts import exercise_progress_context
from progress.selectors.adherence import client_adherence
from progress.selectors.history import (
    client_history,
    exercise_bests,
)
from progress.selectors.today import today_workout
from trainers.decorators import TrainerRequest, trainer_required

LOGS_PAGE_SIZE = 10


def builder_url(assignment: ProgramAssignment | None) -> str | None:
    if assignment is None:
        return None
    return reverse("programs:builder", args=[assignment.program_id])


@require_GET
@trainer_required
def overview(request: TrainerRequest, client_id: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    on = request.trainer.today()
    workout = today_workout(client=client, on=on)
    logs = Paginator(client_history(client=client), LOGS_PAGE_SIZE)
    context = {
        "client": client,
        "workout": workout,
        "adherence": client_adherence(client=client, today=on),
        "builder_url": builder_url(workout.assignment),
        "page": logs.get_page(request.GET.get("page")),
        "bests": exercise_bests(client=client),
        "units": request.trainer.unit_system,
    }
    return render(request, "progress/training/overview.html", context)


@require_GET
@trainer_required
def exercise(request: TrainerRequest, client_id: int, exercise_id: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    chosen = exercise_get(actor=request.actor, pk=exercise_id)
    unit_system = request.trainer.unit_system
    context = exercise_progress_context(client=client, exercise=chosen, unit_system=unit_system)
    return render(request, "progress/training/exercise.html", context)
