"""The builder page of one program and its training days: a week drawn on demand, add,
edit and delete a day, and add exercises to it from the library picker. With htmx each
action answers with the fragment it changed; as a plain form post it redirects back to
the day on the page."""

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
from programs.selectors.exercises import exercise_picker
from programs.selectors.programs import builder_week, program_for_builder
from programs.services import builder as services
from programs.views.builder_parts import (
    BUILDER,
    DayCard,
    back_to,
    builder_page,
    builder_page_context,
    day_card,
    exercise_list_answer,
    week_view,
)
from trainers.decorators import TrainerRequest, trainer_required

PICKER_LIMIT = 20
MAX_SEARCH = 100


def _first_message(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _week_param(request: TrainerRequest) -> int:
    try:
        return int(request.GET.get("week", "1"))
    except ValueError:
        return 1


@require_GET
@builder_page
@trainer_required
def builder(request: TrainerRequest, pk: int) -> HttpResponse:
    week = _week_param(request)
    program = program_for_builder(actor=request.actor, pk=pk, week=week)
    context = builder_page_context(
        program, request.trainer.unit_system, open_week=builder_week(program, week)
    )
    return render(request, BUILDER, context)


def _render_week(request: TrainerRequest, pk: int, week: int, *, error: str = "") -> HttpResponse:
    program = program_for_builder(actor=request.actor, pk=pk, week=week)
    week = builder_week(program, week)
    context = {
        "program": program,
        "week": week_view(program, week, request.trainer.unit_system, error=error),
        "units": request.trainer.unit_system,
    }
    return render(request, f"{BUILDER}#week", context)


@require_GET
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def week_detail(request: TrainerRequest, pk: int, week: int) -> HttpResponse:
    """One week in full (htmx: a closed week opened); without htmx, the builder at it."""
    if not request.htmx:
        program = lookups.program_get_for_write(actor=request.actor, pk=pk)
        return back_to(program, week=week)
    return _render_week(request, pk, week)


@require_POST
@builder_page
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
        title_errors = form.errors.get("title")
        error = (
            str(title_errors[0])
            if title_errors
            else "Pick a week and a day for the new training day."
        )
    if not request.htmx:
        if error:
            messages.error(request, error)
        return back_to(program, added, week=week)
    return _render_week(request, pk, week, error=error)


def _render_day(request: TrainerRequest, card: DayCard) -> HttpResponse:
    context = {
        "program": card.day.program,
        "card": card,
        "units": request.trainer.unit_system,
    }
    return render(request, f"{BUILDER}#day", context)


@require_GET
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def day_detail(request: TrainerRequest, pk: int) -> HttpResponse:
    """The day card alone (htmx: "Cancel" on an edit); without htmx, the builder at it."""
    day = lookups.program_day_get_for_write(actor=request.actor, pk=pk)
    if not request.htmx:
        return back_to(day.program, day)
    return _render_day(request, day_card(day, request.trainer.unit_system))


@require_http_methods(["GET", "POST"])
@builder_page
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
@builder_page
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
        return _render_week(request, program.pk, week)
    context = {"program": program, "day": day, "what": "day"}
    if request.htmx:
        return render(request, f"{BUILDER}#day-confirm", context)
    return render(request, "programs/builder_confirm.html", context)


@require_http_methods(["GET", "POST"])
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def day_exercises(request: TrainerRequest, pk: int) -> HttpResponse:
    """GET: the picker (search the library); POST: put the chosen exercise on the day,
    and put the keyboard focus in its Sets input."""
    day = lookups.program_day_get_for_write(actor=request.actor, pk=pk)
    if request.method == "POST":
        error, focus = "", {}
        try:
            added = services.prescription_add(program_day=day, exercise=_exercise_id(request))
        except ValidationError as exc:
            error = _first_message(exc)
        else:
            focus = {added.pk: "sets"}
        if not request.htmx:
            if error:
                messages.error(request, error)
            return back_to(day.program, day)
        return exercise_list_answer(request, day.pk, error=error, focus=focus)

    search = request.GET.get("q", "").strip()[:MAX_SEARCH]
    context = {
        "program": day.program,
        "day": day,
        "search": search,
        "results": exercise_picker(trainer=request.trainer, q=search, limit=PICKER_LIMIT),
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, f"{BUILDER}#picker-results", context)
    return render(request, "programs/builder_picker.html", context)


def _exercise_id(request: TrainerRequest) -> int:
    try:
        return int(request.POST.get("exercise", ""))
    except ValueError:
        raise ValidationError({"exercise": "Pick an exercise from your library."}) from None
