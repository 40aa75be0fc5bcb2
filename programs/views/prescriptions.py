"""One prescribed exercise on a day: inline edit of its dose, move, drag-and-drop reorder,
supersets and delete. With htmx an edit answers with its row and the other actions with
the day's exercise list (the keyboard focus back on the row that moved); a plain form
post redirects back to the day on the builder."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from fitnesspr.forms import add_service_error
from programs.forms.programs import DOSE_FIELD_NAMES, PrescriptionForm
from programs.models import PrescribedExercise, ProgramDay
from programs.selectors import builder as lookups
from programs.selectors.programs import program_for_builder
from programs.services import builder as services
from programs.views.builder_parts import (
    BUILDER,
    back_to,
    builder_page,
    builder_page_context,
    day_card,
    day_rows,
    exercise_list_answer,
)
from trainers.decorators import TrainerRequest, trainer_required


def _prescription_form(
    prescription: PrescribedExercise, unit_system: str, data: object
) -> PrescriptionForm:
    # A prefix per row keeps names and ids unique on the page, so htmx can put the
    # focus back into the same input after it swaps a refused row.
    return PrescriptionForm(data, prefix=f"rx{prescription.pk}", unit_system=unit_system)


def _done(
    request: TrainerRequest,
    prescription: PrescribedExercise,
    *,
    error: str = "",
    focus: str = "",
) -> HttpResponse:
    day = prescription.day
    if request.htmx:
        rows = {prescription.pk: focus} if focus else None
        return exercise_list_answer(request, day.pk, error=error, focus=rows, retarget=True)
    if error:
        messages.error(request, error)
    return back_to(day.program, day)


def _row(
    request: TrainerRequest, day: ProgramDay, pk: int, *, bound: PrescriptionForm | None = None
) -> HttpResponse:
    """One row; its label (A1…) depends on its neighbours, so the day is read whole."""
    rows = day_rows(day, request.trainer.unit_system, bound=bound, bound_pk=pk)
    row = next(r for r in rows if r.prescription.pk == pk)
    context = {"program": day.program, "card": None, "day": day, "row": row}
    return render(request, f"{BUILDER}#exercise-row", context)


@require_http_methods(["GET", "POST"])
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def prescription_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    """GET: the row (htmx "Cancel"); POST: save the dose typed in the row."""
    prescription = lookups.prescription_get_for_write(actor=request.actor, pk=pk)
    units = request.trainer.unit_system
    if request.method == "GET":
        if not request.htmx:
            return back_to(prescription.day.program, prescription.day)
        day = lookups.program_day_get_for_write(actor=request.actor, pk=prescription.day_id)
        return _row(request, day, pk)

    form = _prescription_form(prescription, units, request.POST)
    saved = False
    if form.is_valid():
        try:
            services.prescription_update(prescription=prescription, **form.service_fields())
        except ValidationError as exc:
            add_service_error(form, exc, renames=DOSE_FIELD_NAMES)
        else:
            saved = True
    if saved and not request.htmx:
        messages.success(request, f"{prescription.exercise.name} is saved.")
        return back_to(prescription.day.program, prescription.day)
    if saved and request.htmx:
        # Autosave fires on every change: swapping the row back in would wipe what the
        # trainer is typing in the next field. Keep the inputs; only say "Saved".
        status = render(
            request,
            f"{BUILDER}#rx-status",
            {"p": prescription, "row": {"saved": True}, "oob": True},
        )
        status["HX-Reswap"] = "none"
        return status
    day = lookups.program_day_get_for_write(actor=request.actor, pk=prescription.day_id)
    if request.htmx:
        return _row(request, day, pk, bound=form)
    # A refused plain post: the whole builder again, this row showing what was typed.
    program = program_for_builder(actor=request.actor, pk=day.program_id, week=day.week)
    fresh = next(d for d in program.days.all() if d.pk == day.pk)
    card = day_card(fresh, units, bound=form, bound_pk=pk)
    context = builder_page_context(program, units, open_week=day.week, cards={day.pk: card})
    return render(request, BUILDER, context)


def _move_focus(prescription: PrescribedExercise, direction: str) -> str:
    """After a move, the focus stays on the button pressed, unless the row reached the
    end it was moving to (that button is disabled): then on the other one."""
    ids = list(prescription.day.exercises.values_list("pk", flat=True))
    index = ids.index(prescription.pk)
    if direction == "up":
        return "up" if index > 0 else "down"
    return "down" if index < len(ids) - 1 else "up"


@require_POST
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def prescription_move(request: TrainerRequest, pk: int) -> HttpResponse:
    prescription = lookups.prescription_get_for_write(actor=request.actor, pk=pk)
    direction = request.POST.get("direction", "")
    error = ""
    try:
        services.prescription_move(prescription=prescription, direction=direction)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    focus = "" if error else _move_focus(prescription, direction)
    return _done(request, prescription, error=error, focus=focus)


@require_POST
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def prescription_superset(request: TrainerRequest, pk: int) -> HttpResponse:
    """with_previous=1: superset with the exercise above; 0: out of its superset."""
    prescription = lookups.prescription_get_for_write(actor=request.actor, pk=pk)
    joining = request.POST.get("with_previous") == "1"
    error = ""
    try:
        services.prescription_group(prescription=prescription, with_previous=joining)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    focus = "" if error else ("unsuperset" if joining else "up")
    return _done(request, prescription, error=error, focus=focus)


@require_http_methods(["GET", "POST"])
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def prescription_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    prescription = lookups.prescription_get_for_write(actor=request.actor, pk=pk)
    day = prescription.day
    if request.method == "POST":
        position = list(day.exercises.values_list("pk", flat=True)).index(prescription.pk)
        services.prescription_delete(prescription=prescription)
        if request.htmx:
            # the focus goes to the exercise that took its place (or the one above)
            remaining = list(day.exercises.values_list("pk", flat=True))
            focus = {remaining[min(position, len(remaining) - 1)]: "sets"} if remaining else None
            return exercise_list_answer(request, day.pk, focus=focus)
        messages.success(request, f"{prescription.exercise.name} is removed from the day.")
        return back_to(day.program, day)
    context = {
        "program": day.program,
        "day": day,
        "prescription": prescription,
        "what": "exercise",
    }
    if request.htmx:
        return render(request, f"{BUILDER}#exercise-confirm", context)
    return render(request, "programs/builder_confirm.html", context)


@require_POST
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def day_reorder(request: TrainerRequest, pk: int) -> HttpResponse:
    """Drag and drop sends the day's exercise ids in their new order, as repeated `order`
    values or one comma-separated value."""
    day = lookups.program_day_get_for_write(actor=request.actor, pk=pk)
    error = ""
    try:
        ids = [int(v) for raw in request.POST.getlist("order") for v in raw.split(",") if v]
        services.prescription_reorder(program_day=day, ordered_ids=ids)
    except ValueError:
        error = "Send the exercises' ids in their new order."
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if request.htmx:
        return exercise_list_answer(request, day.pk, error=error)
    if error:
        messages.error(request, error)
    return back_to(day.program, day)
