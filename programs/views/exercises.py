"""The exercise library under /dashboard/exercises/. Lookups go through the exercise
getters (programs.selectors.exercises): another trainer's exercise is a 404; a global one
can be read but not changed (403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from fitnesspr.pagination import page_of
from programs.forms.exercises import ExerciseForm
from programs.models import ExerciseCategory
from programs.selectors import exercises as selectors
from programs.services import exercises as services
from trainers.decorators import TrainerRequest, trainer_required

PAGE_SIZE = 25
MAX_SEARCH = 100


def _filters(params: QueryDict) -> selectors.ExerciseFilters:
    """The list's filters from the query string; unknown values are ignored."""
    category = params.get("category", "")
    owner = params.get("owner", "")
    return {
        "search": params.get("q", "").strip()[:MAX_SEARCH],
        "muscle": params.get("muscle", "").strip()[:60],
        "equipment": params.get("equipment", "").strip()[:60],
        "category": category if category in ExerciseCategory.values else "",
        "owner": owner if owner in selectors.OWNER_FILTERS else "",
    }


@require_GET
@vary_on_headers("HX-Request")
@trainer_required
def exercise_list(request: TrainerRequest) -> HttpResponse:
    """The page and its results are cached as rendered, per version of the trainer's
    view of the library (`selectors.library_version`) and query: the exercises and the
    filter choices are read only when the template's cache misses."""
    filters = _filters(request.GET)
    exercises = selectors.exercise_list(actor=request.actor, **filters)
    page_number = request.GET.get("page")
    query = request.GET.copy()
    query.pop("page", None)
    version = selectors.library_version(trainer=request.trainer)
    template = "programs/exercise_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#exercise-results"
    context: dict[str, Any] = {
        "page": SimpleLazyObject(lambda: page_of(exercises, page_number, PAGE_SIZE)),
        "cache_query": request.GET.urlencode(),
        "library_version": version,
        "cache_seconds": selectors.CACHE_SECONDS,
        "filters": filters,
        "filtered": any(filters.values()),
        "query": query.urlencode(),
        "options": SimpleLazyObject(lambda: selectors.filter_options(version=version)),
        "categories": ExerciseCategory.choices,
        "owner_filters": selectors.OWNER_FILTERS,
    }
    return render(request, template, context)


@require_GET
@trainer_required
def exercise_detail(request: TrainerRequest, pk: int) -> HttpResponse:
    exercise = selectors.exercise_get(actor=request.actor, pk=pk)
    context = {"exercise": exercise, "own": exercise.trainer_id == request.trainer.pk}
    return render(request, "programs/exercise_detail.html", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def exercise_create(request: TrainerRequest) -> HttpResponse:
    form = ExerciseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            exercise = services.exercise_create(trainer=request.trainer, **form.service_fields())
        except (ValidationError, ConflictError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"“{exercise.name}” is in your library.")
            return redirect("programs:exercise_detail", pk=exercise.pk)
    return render(request, "programs/exercise_form.html", {"form": form, "exercise": None})


@require_http_methods(["GET", "POST"])
@trainer_required
def exercise_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    exercise = selectors.exercise_get_for_write(actor=request.actor, pk=pk)
    form = ExerciseForm(request.POST or None, initial=ExerciseForm.initial_for(exercise))
    if request.method == "POST" and form.is_valid():
        try:
            services.exercise_update(
                actor=request.actor, exercise=exercise, **form.service_fields()
            )
        except (ValidationError, ConflictError) as exc:
            exercise.refresh_from_db()  # the service set the refused values on it
            add_service_error(form, exc)
        else:
            messages.success(request, f"“{exercise.name}” is saved.")
            return redirect("programs:exercise_detail", pk=exercise.pk)
    return render(request, "programs/exercise_form.html", {"form": form, "exercise": exercise})


@require_http_methods(["GET", "POST"])
@trainer_required
def exercise_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    exercise = selectors.exercise_get_for_write(actor=request.actor, pk=pk)
    usage = selectors.exercise_usage(exercise=exercise)
    error, status = "", 200
    if request.method == "POST":
        try:
            services.exercise_delete(actor=request.actor, exercise=exercise)
        except ConflictError as exc:
            error, status = exc.message, 409
            usage = selectors.exercise_usage(exercise=exercise)
        else:
            messages.success(request, f"“{exercise.name}” is deleted.")
            return redirect("programs:exercise_list")
    context = {"exercise": exercise, "usage": usage, "error": error}
    return render(request, "programs/exercise_confirm_delete.html", context, status=status)
