"""The builder's copy actions: copy a day to another slot, copy a week to another week
or to every later week (with a progression). GET draws the form (htmx: inside the card
or week it was opened from; without JS: a page of its own); a POST copies and answers
with every week re-drawn, the open one in full, and says what was copied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from fitnesspr.forms import add_service_error
from programs.forms.copying import LATER, DayCopyForm, WeekCopyForm
from programs.models import Program
from programs.selectors import builder as lookups
from programs.selectors.programs import program_for_builder
from programs.services import copying
from programs.views.builder_parts import BUILDER, back_to, builder_page, builder_weeks
from trainers.decorators import TrainerRequest, trainer_required

COPY_PAGE = "programs/builder_copy.html"
#: service field -> form field, for what the copy services refuse
WEEK_FIELDS = {"to_weeks": "to", "week": "to"}
DAY_FIELDS = {"week": "slot", "day": "slot"}


@dataclass
class CopyView:
    """What the copy form partial draws."""

    id: str
    url: str
    title: str
    form: Any
    help: str
    button: str
    week: int


def weeks_text(weeks: list[int]) -> str:
    """[2] -> "week 2"; [2, 3, 4] -> "weeks 2\N{EN DASH}4"; [2, 4] -> "weeks 2 and 4"."""
    if len(weeks) == 1:
        return f"week {weeks[0]}"
    if weeks == list(range(weeks[0], weeks[-1] + 1)):
        return f"weeks {weeks[0]}\N{EN DASH}{weeks[-1]}"
    return "weeks " + ", ".join(map(str, weeks[:-1])) + f" and {weeks[-1]}"


def _weeks_answer(request: TrainerRequest, pk: int, *, open_week: int, notice: str) -> HttpResponse:
    program = program_for_builder(actor=request.actor, pk=pk, week=open_week)
    context = {
        "program": program,
        "weeks": builder_weeks(
            program, request.trainer.unit_system, open_week=open_week, cards=None
        ),
        "notice": notice,
        "units": request.trainer.unit_system,
    }
    return render(request, f"{BUILDER}#weeks-list", context)


def _form_answer(request: TrainerRequest, program: Program, copy: CopyView) -> HttpResponse:
    context = {"program": program, "copy": copy}
    if not request.htmx:
        return render(request, COPY_PAGE, context)
    response = render(request, f"{BUILDER}#copy-form", context)
    if request.method == "POST":  # refused: the form again, where it was
        response["HX-Retarget"] = f"#{copy.id}"
        response["HX-Reswap"] = "outerHTML"
    return response


@require_http_methods(["GET", "POST"])
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def week_copy(request: TrainerRequest, pk: int, week: int) -> HttpResponse:
    program = lookups.program_get_for_write(actor=request.actor, pk=pk)
    if not 1 <= week <= program.duration_weeks:
        raise Http404("The program has no such week.")
    units = request.trainer.unit_system
    wanted = request.GET.get("to", "")
    form = WeekCopyForm(
        request.POST or None,
        program=program,
        week=week,
        days=list(program.days.all()),
        unit_system=units,
        initial={"to": wanted or LATER},
    )
    if request.method == "POST" and form.is_valid():
        try:
            progression = form.progression()
            targets = form.to_weeks()
            copying.program_week_copy(
                program=program, week=week, to_weeks=targets, progression=progression
            )
        except ValidationError as exc:
            add_service_error(form, exc, renames=WEEK_FIELDS)
        else:
            grown = progression.describe(units)
            notice = (
                f"Week {week} is copied to {weeks_text(targets)}{', ' + grown if grown else ''}."
            )
            if not request.htmx:
                messages.success(request, notice)
                return back_to(program, week=week)
            return _weeks_answer(request, program.pk, open_week=week, notice=notice)
    copy = CopyView(
        id=f"copy-week-{week}-form",
        url=reverse("programs:week_copy", args=[program.pk, week]),
        title=f"Copy week {week}",
        form=form,
        help=(
            "Each week after this one adds one step: with +2.5, the next week is 2.5 "
            "heavier, the one after 5. A negative step goes down (a deload). Training days "
            "already in the weeks you copy to are replaced."
        ),
        button="Copy week",
        week=week,
    )
    return _form_answer(request, program, copy)


@require_http_methods(["GET", "POST"])
@builder_page
@vary_on_headers("HX-Request")
@trainer_required
def day_copy(request: TrainerRequest, pk: int) -> HttpResponse:
    day = lookups.program_day_get_for_write(actor=request.actor, pk=pk)
    program = day.program
    form = DayCopyForm(request.POST or None, program_day=day, days=list(program.days.all()))
    if request.method == "POST" and form.is_valid():
        targets = form.targets()
        try:
            copying.program_day_copy(program_day=day, to=targets)
        except ValidationError as exc:
            add_service_error(form, exc, renames=DAY_FIELDS)
        else:
            title = day.title or f"Week {day.week}, day {day.day}"
            weeks = sorted({week for week, _ in targets})
            if len(targets) == 1:
                notice = f"{title} is copied to week {targets[0][0]}, day {targets[0][1]}."
            else:
                notice = f"{title} is copied to day {day.day} of {weeks_text(weeks)}."
            if weeks != [day.week]:
                notice += f" Open {weeks_text(weeks)} to see it."
            if not request.htmx:
                messages.success(request, notice)
                return back_to(program, day)
            return _weeks_answer(request, program.pk, open_week=day.week, notice=notice)
    copy = CopyView(
        id=f"copy-day-{day.pk}-form",
        url=reverse("programs:day_copy", args=[day.pk]),
        title=f"Copy {day.title or 'this day'} (week {day.week}, day {day.day})",
        form=form,
        help="Its exercises and doses are copied. A training day already there is replaced.",
        button="Copy day",
        week=day.week,
    )
    return _form_answer(request, program, copy)
