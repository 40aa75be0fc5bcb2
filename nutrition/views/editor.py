"""The plan editor (/dashboard/nutrition/plans/<id>/): the targets (typed, or computed
by the Mifflin-St Jeor formula with its arithmetic shown), the meals of the day, and the
week's days with their items and totals. With htmx each action answers with the part it
changed (a day card, or the whole week when the meals change); as a plain form post it
redirects back to the editor at that place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from fitnesspr.forms import add_service_error
from nutrition.forms import errors_text, row_id
from nutrition.forms.plans import (
    CALCULATOR_FIELDS,
    ENTRY_FIELDS,
    CalculatorForm,
    CopyDayForm,
    DayTitleForm,
    EntryForm,
    SlotForm,
    TargetsForm,
)
from nutrition.models import MealPlan, MealPlanDay
from nutrition.selectors import plans as lookups
from nutrition.selectors.foods import MAX_SEARCH, food_search
from nutrition.selectors.recipes import recipe_search
from nutrition.selectors.targets import TargetInputs, mifflin_st_jeor
from nutrition.services import plans as services
from nutrition.views.editor_parts import EDITOR, back_to, card_for, editor_context, week_cards
from trainers.decorators import TrainerRequest, trainer_required

PICKER_LIMIT = 8


def _messages(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _plan(request: TrainerRequest, pk: int) -> MealPlan:
    return lookups.plan_for_editor(actor=request.actor, pk=pk)


@require_GET
@never_cache  # it changes in place: Back must fetch it again, not show a stale copy
@trainer_required
def editor(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    return render(request, EDITOR, editor_context(plan, request.trainer))


# ---------- targets ----------


@require_POST
@trainer_required
def targets_typed(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = TargetsForm(request.POST)
    if form.is_valid():
        try:
            services.plan_update(plan=plan, **form.cleaned_data)
        except ValidationError as exc:
            plan.refresh_from_db()
            add_service_error(form, exc)
        else:
            messages.success(request, "Targets saved.")
            return back_to(plan.pk, "targets")
    context = editor_context(plan, request.trainer, targets_form=form, open_panel="typed")
    return render(request, EDITOR, context)


@require_POST
@trainer_required
def targets_calculate(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    form = CalculatorForm(request.POST, unit_system=request.trainer.unit_system)
    if form.is_valid():
        try:
            result = services.plan_calculate_targets(plan=plan, **form.service_fields())
        except ValidationError as exc:
            plan.refresh_from_db()
            add_service_error(form, exc, renames=CALCULATOR_FIELDS)  # type: ignore[arg-type]
        else:
            messages.success(
                request,
                f"Targets set by {result.formula}: {result.kcal:,} kcal, {result.protein_g} g "
                f"protein, {result.carbs_g} g carbs, {result.fat_g} g fat a day.",
            )
            return back_to(plan.pk, "targets")
    context = editor_context(plan, request.trainer, calculator=form, open_panel="formula")
    return render(request, EDITOR, context)


@require_POST
@trainer_required
def targets_preview(request: TrainerRequest, pk: int) -> HttpResponse:
    """The formula's result for the inputs as typed, not saved (htmx)."""
    plan = _plan(request, pk)
    form = CalculatorForm(request.POST, unit_system=request.trainer.unit_system)
    breakdown = None
    if form.is_valid():
        fields = form.service_fields()
        if 30 <= fields["weight_kg"] <= 300 and 120 <= fields["height_cm"] <= 230:
            breakdown = mifflin_st_jeor(TargetInputs(**fields))
    context = {
        "plan": plan,
        "breakdown": breakdown,
        "preview": True,
        "units": request.trainer.unit_system,
    }
    return render(request, f"{EDITOR}#formula-result", context)


# ---------- meals of the day ----------


def _week(
    request: TrainerRequest, plan_pk: int, *, error: str = "", anchor: str = "meals"
) -> HttpResponse:
    """After a change to the meals (or a copied day): the whole week again."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        return back_to(plan_pk, anchor)
    plan = _plan(request, plan_pk)
    context = {
        "plan": plan,
        "cards": week_cards(plan),
        "slots": list(plan.slots.all()),
        "week_error": error,
        "copy_form": CopyDayForm(),
    }
    return render(request, f"{EDITOR}#plan-week", context)


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def slot_add(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = lookups.plan_get_for_write(actor=request.actor, pk=pk)
    return _week(
        request,
        plan.pk,
        error=_slot_named(request, lambda name: services.slot_add(plan=plan, name=name)),
    )


def _slot_named(request: TrainerRequest, write: Callable[[str], object]) -> str:
    """Add or rename a meal with the name posted; the refusal, if any."""
    form = SlotForm(request.POST)
    if not form.is_valid():
        return "Give the meal a name, e.g. Pre-workout."
    try:
        write(form.cleaned_data["name"])
    except ValidationError as exc:
        return _messages(exc)
    return ""


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def slot_rename(request: TrainerRequest, pk: int) -> HttpResponse:
    slot = lookups.slot_get_for_write(actor=request.actor, pk=pk)
    error = _slot_named(request, lambda name: services.slot_rename(slot=slot, name=name))
    return _week(request, slot.plan_id, error=error)


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def slot_move(request: TrainerRequest, pk: int) -> HttpResponse:
    slot = lookups.slot_get_for_write(actor=request.actor, pk=pk)
    error = ""
    try:
        services.slot_move(slot=slot, direction=request.POST.get("direction", ""))
    except ValidationError as exc:
        error = _messages(exc)
    return _week(request, slot.plan_id, error=error)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@trainer_required
def slot_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    slot = lookups.slot_get_for_write(actor=request.actor, pk=pk)
    if request.method == "POST":
        error = ""
        try:
            removed = services.slot_delete(slot=slot)
        except ValidationError as exc:
            error = _messages(exc)
        else:
            if not request.htmx:
                messages.success(
                    request,
                    f"{slot.name} is removed, with its items ({removed}).",
                )
        return _week(request, slot.plan_id, error=error)
    context = {"slot": slot, "plan": slot.plan, "items": slot.entries.count()}
    return render(request, "nutrition/slot_confirm_delete.html", context)


# ---------- days and their items ----------


def _day(
    request: TrainerRequest, day: MealPlanDay, *, anchor: str = "", **overrides: Any
) -> HttpResponse:
    """After a change to one day: its card again (htmx), else back to it."""
    if not request.htmx:
        if overrides.get("error"):
            messages.error(request, overrides["error"])
        return back_to(day.plan_id, anchor or f"day-{day.day_number}")
    plan = _plan(request, day.plan_id)
    card = card_for(plan, day.pk, **overrides)
    context = {"plan": plan, "card": card, "copy_form": CopyDayForm()}
    return render(request, f"{EDITOR}#day-card", context)


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def day_title(request: TrainerRequest, pk: int) -> HttpResponse:
    day = lookups.day_get_for_write(actor=request.actor, pk=pk)
    form = DayTitleForm(request.POST)
    error = ""
    if form.is_valid():
        services.day_update(day=day, title=form.cleaned_data["title"])
    else:
        error = "A day's title has at most 120 characters."
    return _day(request, day, error=error)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@trainer_required
def day_items(request: TrainerRequest, pk: int) -> HttpResponse:
    """GET: the picker's results (recipes and foods); POST: put one on a meal of the day."""
    day = lookups.day_get_for_write(actor=request.actor, pk=pk)
    asked = request.POST.get("slot") or request.GET.get("slot")
    slot = lookups.slot_get_for_write(actor=request.actor, pk=_id(asked) or 0)
    if request.method == "POST":
        error = ""
        try:
            entry = services.entry_add(
                day=day,
                slot=slot,
                recipe=_id(request.POST.get("recipe")),
                food=_id(request.POST.get("food")),
            )
        except ValidationError as exc:
            error, saved = _messages(exc), None
        else:
            saved = entry.pk
        return _day(request, day, error=error, saved_pk=saved)
    search = request.GET.get("q", "").strip()[:MAX_SEARCH]
    context = {
        "day": day,
        "slot": slot,
        "search": search,
        "recipes": recipe_search(actor=request.actor, q=search, limit=PICKER_LIMIT),
        "foods": food_search(actor=request.actor, q=search, limit=PICKER_LIMIT),
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, f"{EDITOR}#picker-results", context)
    return render(request, "nutrition/editor_picker.html", {**context, "plan": day.plan})


def _id(value: str | None) -> int | None:
    """None when nothing was sent; -1 (no row at all) when it isn't an id."""
    if not value:
        return None
    return row_id(value) or -1


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def item_update(request: TrainerRequest, pk: int) -> HttpResponse:
    entry = lookups.entry_get_for_write(actor=request.actor, pk=pk)
    form = EntryForm(request.POST, entry=entry)
    if form.is_valid():
        try:
            services.entry_update(entry=entry, **form.service_fields())
        except ValidationError as exc:
            add_service_error(form, exc, renames=ENTRY_FIELDS, default_field="quantity")
        else:
            return _day(request, entry.day, saved_pk=entry.pk, anchor=f"item-{entry.pk}")
    error = "" if request.htmx else errors_text(form)
    return _day(request, entry.day, bound=form, error=error)


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def item_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    entry = lookups.entry_get_for_write(actor=request.actor, pk=pk)
    day = entry.day
    services.entry_delete(entry=entry)
    return _day(request, day)


@require_POST
@vary_on_headers("HX-Request")
@trainer_required
def day_copy(request: TrainerRequest, pk: int) -> HttpResponse:
    day = lookups.day_get_for_write(actor=request.actor, pk=pk)
    form = CopyDayForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            copied = services.day_copy(day=day, to=form.cleaned_data["to"])
        except ValidationError as exc:
            error = _messages(exc)
        else:
            if not request.htmx:
                numbers = ", ".join(str(d.day_number) for d in copied)
                messages.success(request, f"Day {day.day_number} is copied to day {numbers}.")
    else:
        error = "Pick at least one day to copy to."
    if error:
        return _day(request, day, error=error)
    return _week(request, day.plan_id, anchor=f"day-{day.day_number}")
