"""The trainer's view of a client's training (client page → Training): the current
program, adherence, logged workouts, bests and per-exercise progress. The client is
looked up through the client getter, so another trainer's client is a 404 before
anything else is read."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from clients.selectors import client_get
from fitnesspr.forms import add_service_error
from fitnesspr.pagination import page_of
from fitnesspr.units import format_weight
from programs.models import ProgramAssignment
from programs.selectors.exercises import exercise_get
from progress.charts import exercise_progress_context
from progress.forms import OneRepMaxForm
from progress.selectors.adherence import client_adherence
from progress.selectors.history import client_logs, exercise_bests, logged_exercises
from progress.selectors.strength import one_rep_max_get_for_write, one_rep_max_rows
from progress.selectors.today import today_workout
from progress.services import one_rep_max_delete, one_rep_max_set
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
    workout = today_workout(client=client, on=on, exercises=False)
    page = page_of(client_logs(client=client), request.GET.get("page"), LOGS_PAGE_SIZE)
    page.object_list = logs = list(page.object_list)
    logged_exercises(logs=logs)
    context = {
        "client": client,
        "workout": workout,
        "adherence": client_adherence(client=client, today=on),
        "builder_url": builder_url(workout.assignment),
        "page": page,
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


@require_http_methods(["GET", "POST"])
@trainer_required
def one_rep_maxes(request: TrainerRequest, client_id: int) -> HttpResponse:
    """The client's 1RMs: enter one per exercise, or see the one their logs give."""
    client = client_get(actor=request.actor, pk=client_id)
    units = request.trainer.unit_system
    form = OneRepMaxForm(request.POST or None, unit_system=units)
    if request.method == "POST" and form.is_valid():
        exercise = exercise_get(actor=request.actor, pk=form.cleaned_data["exercise"])
        try:
            entry = one_rep_max_set(
                client=client,
                exercise=exercise,
                weight_kg=form.cleaned_data["weight"],
                tested_on=form.cleaned_data["tested_on"],
            )
        except ValidationError as exc:
            add_service_error(form, exc, renames={"weight_kg": "weight"})
        else:
            weight = format_weight(entry.weight_kg, units)
            messages.success(request, f"{exercise.name}: 1RM of {weight} saved.")
            return redirect(f"{request.path}#orm-{exercise.pk}")
    # a refused entry shows on its own row, with what was typed
    failed = request.POST.get("exercise", "") if form.is_bound else ""
    rows = [
        (row, form if str(row.exercise.pk) == failed else None)
        for row in one_rep_max_rows(client=client)
    ]
    context = {"client": client, "rows": rows, "units": units}
    return render(request, "progress/training/one_rep_maxes.html", context)


@require_POST
@trainer_required
def one_rep_max_remove(request: TrainerRequest, client_id: int, pk: int) -> HttpResponse:
    client = client_get(actor=request.actor, pk=client_id)
    entry = one_rep_max_get_for_write(actor=request.actor, pk=pk)
    if entry.client_id != client.pk:
        raise Http404("No such 1RM for this client.")
    one_rep_max_delete(one_rep_max=entry)
    messages.success(
        request, f"{entry.exercise.name}: the entered 1RM is gone; loads come from the logs."
    )
    return redirect(
        f"{reverse('progress:one_rep_maxes', args=[client.pk])}#orm-{entry.exercise_id}"
    )
