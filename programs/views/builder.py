"""The builder page of one program and its training days: add, edit and delete a day,
and add exercises to it from the library picker. With htmx each action answers with the
fragment it changed; as a plain form post it redirects back to the day on the page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from fitnesspr.forms import add_service_error
from programs.forms.programs import DayAddForm, DayForm
from programs.selectors import builder as lookups
from programs.selectors.exercises import exercise_search
from programs.selectors.programs import program_for_builder
from programs.services import builder as services
from programs.views.builder_parts import (
    BUILDER,
    DayCard,
    back_to,
    builder_page_context,
    day_card,
    week_view,
)
from trainers.decorators import TrainerRequest, trainer_required

PICKER_LIMIT = 20
MAX_SEARCH = 100


def _first_message(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _week_param(request: TrainerRequest, weeks: int) -> int:
    try:
        week = int(request.GET.get("week", "1"))
    except ValueError:
        return 1
    return week if 1 <= week <= weeks else 1


@require_GET
@trainer_required
def builder(request: TrainerRequest, pk: int) -> HttpResponse:
    program = program_for_builder(actor=request.actor, pk=pk)
    context = builder_page_context(
        program,
        request.trainer.unit_system,
        open_week=_week_param(request, program.duration_weeks),
    )
    return render(request, BUILDER, context)


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def day_add(request: TrainerRequest, pk: int) -> HttpResponse:
    program = program_for_builder(actor=request.actor, pk=pk)
    form = DayAddForm(request.POST)
    error, added, week = "", None, 1
    if form.is_valid():
        week = form.cleaned_data["week"]
        try:
            added = services.program_day_add(program=program, **form.cleaned_data)
        except ValidationError as exc:
            error = _first_message(exc)
    else:
        error = "Pick a week and a day for the new training day."
    if not request.htmx:
        if error:
            messages.error(request, error)
        return back_to(program, added, week=week)
    if not 1 <= week <= program.duration_weeks:
        week = 1
    program = program_for_builder(actor=request.actor, pk=pk)  # with the new day
    context = {
        "program": program,
        "week": week_view(program, week, request.trainer.unit_system, error=error),
        "units": request.trainer.unit_system,
    }
    return render(request, f"{BUILDER}#week", context)


def _render_day(request: TrainerRequest, card: DayCard, *, partial: str = "day") -> HttpResponse:
    context = {
        "program": card.day.program,
        "card": card,
        "units": request.trainer.unit_system,
    }
    return render(request, f"{BUILDER}#{partial}", context)


@require_GET
@vary_on_headers("HX-Request")
@trainer_required
def day_detail(request: TrainerRequest, pk: int) -> HttpResponse:
    """The day card alone (htmx: "Cancel" on an edit); without htmx, the builder at it."""
    day = lookups.program_day_get_for_write(actor=request.actor, pk=pk)
    if not request.htmx:
        return back_to(day.program, day)
    return _render_day(request, day_card(day, request.trainer.unit_system))


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@trainer_required
def day_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    day = lookups.program_day_get_for_write(actor=request.actor, pk=pk)
    form = DayForm(request.POST or None, initial={"title": day.title, "notes": day.notes})
    if request.method == "POST" and form.is_valid():
        try:
            services.program_day_update(program_day=day, **form.cleaned_data)
        except ValidationError as exc:
            day.refresh_from_db()
            add_service_error(form, exc)
        else:
            if not request.htmx:
                return back_to(day.program, day)
            return _render_day(request, day_card(day, request.trainer.unit_system))
    if request.htmx:
        card = day_card(day, request.trainer.unit_system)
        card.editing, card.form = True, form
        return _render_day(request, card)
    return render(request, "programs/builder_day_form.html", {"day": day, "form": form})


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@trainer_required
def day_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    day = lookups.program_day_get_for_write(actor=request.actor, pk=pk)
    program = day.program
    if request.method == "POST":
        week = day.week
        services.program_day_delete(program_day=day)
        if not request.htmx:
            messages.success(request, f"Week {week}, day {day.day} is a rest day now.")
            return back_to(program, week=week)
        program = program_for_builder(actor=request.actor, pk=program.pk)
        context = {
            "program": program,
            "week": week_view(program, week, request.trainer.unit_system),
            "units": request.trainer.unit_system,
        }
        return render(request, f"{BUILDER}#week", context)
    context = {"program": program, "day": day, "what": "day"}
    if request.htmx:
        return render(request, f"{BUILDER}#day-confirm", context)
    return render(request, "programs/builder_confirm.html", context)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@trainer_required
def day_exercises(request: TrainerRequest, pk: int) -> HttpResponse:
    """GET: the picker (search the library); POST: put the chosen exercise on the day."""
    day = lookups.program_day_get_for_write(actor=request.actor, pk=pk)
    units = request.trainer.unit_system
    if request.method == "POST":
        error = ""
        try:
            services.prescription_add(program_day=day, exercise=_exercise_id(request))
        except ValidationError as exc:
            error = _first_message(exc)
        if not request.htmx:
            if error:
                messages.error(request, error)
            return back_to(day.program, day)
        day = lookups.program_day_get_for_write(actor=request.actor, pk=pk)
        card = day_card(day, units, error=error)
        return _render_day(request, card, partial="day-exercises")

    search = request.GET.get("q", "").strip()[:MAX_SEARCH]
    context = {
        "program": day.program,
        "day": day,
        "search": search,
        "results": list(exercise_search(trainer=request.trainer, q=search, limit=PICKER_LIMIT)),
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, f"{BUILDER}#picker-results", context)
    return render(request, "programs/builder_picker.html", context)


def _exercise_id(request: TrainerRequest) -> int:
    try:
        return int(request.POST.get("exercise", ""))
    except ValueError:
        raise ValidationError({"exercise": "Pick an exercise from your library."}) from None
