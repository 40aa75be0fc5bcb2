"""What the plan editor draws: day cards (meals with their items, each with its amount
form, and the day's totals against the targets), the targets panel and the formula's
arithmetic. Built from a plan read with `plan_for_editor` (prefetched rows only), so a
full week costs no more queries than an empty one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from nutrition.forms.plans import CalculatorForm, CopyDayForm, EntryForm, TargetsForm
from nutrition.models import MealPlan, TargetSource
from nutrition.selectors.plans import (
    DayView,
    EntryView,
    client_body,
    plan_assignments,
    plan_week,
)
from nutrition.selectors.targets import TargetInputs, Targets, mifflin_st_jeor
from trainers.models import Trainer

EDITOR = "nutrition/editor.html"


@dataclass
class ItemRow:
    item: EntryView
    form: EntryForm
    saved: bool = False


@dataclass
class MealRows:
    view: Any  # SlotView
    rows: list[ItemRow] = field(default_factory=list)


@dataclass
class DayCard:
    view: DayView
    meals: list[MealRows]
    error: str = ""
    other_days: list[int] = field(default_factory=list)

    @property
    def day(self) -> Any:
        return self.view.day


def day_card(
    view: DayView,
    *,
    days: list[int],
    bound: EntryForm | None = None,
    saved_pk: int | None = None,
    error: str = "",
) -> DayCard:
    meals = []
    for slot in view.slots:
        rows = []
        for item in slot.items:
            entry = item.entry
            form = (
                bound
                if bound is not None and bound.entry.pk == entry.pk
                else EntryForm(entry=entry)
            )
            rows.append(ItemRow(item=item, form=form, saved=entry.pk == saved_pk))
        meals.append(MealRows(view=slot, rows=rows))
    others = [n for n in days if n != view.day.day_number]
    return DayCard(view=view, meals=meals, error=error, other_days=others)


def week_cards(plan: MealPlan, **overrides: Any) -> list[DayCard]:
    """Every day's card; `day_pk` with `bound`/`saved_pk`/`error` changes one card."""
    week = plan_week(plan)
    days = [view.day.day_number for view in week]
    target = overrides.pop("day_pk", None)
    return [
        day_card(view, days=days, **(overrides if view.day.pk == target else {})) for view in week
    ]


def card_for(plan: MealPlan, day_pk: int, **overrides: Any) -> DayCard | None:
    cards = week_cards(plan, day_pk=day_pk, **overrides)
    return next((card for card in cards if card.day.pk == day_pk), None)


def stored_breakdown(plan: MealPlan) -> Targets | None:
    """The arithmetic behind targets set by the formula, to show beside them."""
    if plan.targets_from != TargetSource.MIFFLIN_ST_JEOR:
        return None
    inputs = (plan.calc_sex, plan.calc_age, plan.calc_weight_kg, plan.calc_height_cm)
    if not all(inputs) or not plan.calc_activity or not plan.calc_goal:
        return None
    return mifflin_st_jeor(
        TargetInputs(
            sex=plan.calc_sex,
            age=plan.calc_age,  # type: ignore[arg-type]
            weight_kg=plan.calc_weight_kg,  # type: ignore[arg-type]
            height_cm=plan.calc_height_cm,  # type: ignore[arg-type]
            activity=plan.calc_activity,
            goal=plan.calc_goal,
        )
    )


def editor_context(
    plan: MealPlan,
    trainer: Trainer,
    *,
    targets_form: TargetsForm | None = None,
    calculator: CalculatorForm | None = None,
    breakdown: Targets | None = None,
    open_panel: str = "",
) -> dict[str, Any]:
    units = trainer.unit_system
    body = client_body(plan.client, today=trainer.today())
    if calculator is None:
        initial = CalculatorForm.initial_for(
            plan,
            unit_system=units,
            weight_kg=body.weight_kg,
            height_cm=body.height_cm,
            age=body.age,
        )
        calculator = CalculatorForm(initial=initial, unit_system=units)
    return {
        "plan": plan,
        "cards": week_cards(plan),
        "slots": list(plan.slots.all()),
        "assignments": list(plan_assignments(plan=plan)),
        "targets_form": targets_form or TargetsForm(initial=TargetsForm.initial_for(plan)),
        "calculator": calculator,
        "breakdown": breakdown or stored_breakdown(plan),
        "body": body,
        "units": units,
        "open_panel": open_panel,
        "copy_form": CopyDayForm(),
    }


def editor_url(plan_pk: int, anchor: str = "") -> str:
    url = reverse("nutrition:editor", args=[plan_pk])
    return f"{url}#{anchor}" if anchor else url


def back_to(plan_pk: int, anchor: str = "") -> HttpResponse:
    """After a plain form post: back to the editor, at what changed."""
    return redirect(editor_url(plan_pk, anchor))
