"""A plan's shopping list (/dashboard/nutrition/plans/<id>/shopping/): the chosen days'
ingredients summed per food, grouped by aisle; printable (the page has a print style)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from nutrition.selectors.plans import plan_with_week
from nutrition.selectors.shopping import shopping_list
from trainers.decorators import TrainerRequest, trainer_required


def chosen_days(values: list[str], available: list[int]) -> list[int]:
    """The day numbers asked for that the plan has; all of them when none (or none valid)."""
    wanted = {int(v) for v in values if v.isdigit()}
    return [n for n in available if n in wanted] or available


@require_GET
@trainer_required
def shopping(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = plan_with_week(actor=request.actor, pk=pk)
    available = [day.day_number for day in plan.days.all()]
    days = chosen_days(request.GET.getlist("days"), available)
    context = {
        "plan": plan,
        "aisles": shopping_list(plan, days),
        "days": days,
        "available": available,
        "every_day": days == available,
    }
    return render(request, "nutrition/shopping.html", context)
