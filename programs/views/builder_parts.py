"""What the builder template draws: weeks of seven slots, day cards, exercise rows with
their dose inputs and superset labels (A1, A2…).

Only the week being edited is drawn in full; the others show their summary and day
tiles and load their day cards when opened (htmx). A row's inputs are plain values read
off the prescription, not a rendered Django form: a 4-week program stays a light page.
Everything comes from prefetched rows, so a 12-week program costs no more queries than
a 1-week one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from fitnesspr.html import compact_html
from fitnesspr.units import weight_unit
from programs.forms.programs import PrescriptionForm
from programs.models import PrescribedExercise, Program, ProgramDay
from programs.selectors import builder as lookups
from programs.selectors.programs import (
    program_assignments,
    program_weeks,
    superset_links,
    superset_runs,
    week_days_counted,
)

BUILDER = "programs/builder.html"

View = Callable[..., HttpResponse]


def builder_page(view: View) -> View:
    """Every builder answer, page or fragment: never kept by the browser (Back must
    show the program as it is now, not a copy with exercises deleted since) and sent
    without the templates' indentation."""
    return never_cache(compact_html(view))


#: a row's inputs in display order: form field, label (how to write each is said once
#: per week, above the days: a hint per input would weigh on a page of 30 rows)
DOSE_INPUTS = (
    ("sets", "Sets"),
    ("reps", "Reps or time"),
    ("load", "Load"),
    ("load_percent_1rm", "% 1RM"),
    ("rpe", "RPE"),
    ("rir", "RIR"),
    ("rest", "Rest"),
    ("tempo", "Tempo"),
    ("notes", "Notes"),
)


@dataclass
class DoseInput:
    name: str
    label: str
    value: str
    errors: list[str] = field(default_factory=list)
    focus: bool = False  # takes the keyboard focus when the row is swapped in
    field: str = ""  # the input's name in the page: rx<pk>-<name>


@dataclass(frozen=True)
class RowLinks:
    """Where a row's buttons post: its dose, move, superset and delete."""

    edit: str
    move: str
    superset: str
    delete: str


#: a pk no row has: each row's links are one reversed pattern with its own pk put in
_STAND_IN = "987654321987654321"
_LINKS = {
    "edit": "programs:prescription",
    "move": "programs:prescription_move",
    "superset": "programs:prescription_superset",
    "delete": "programs:prescription_delete",
}


def row_links() -> Callable[[int], RowLinks]:
    """The links of any row: reversed once for a day's rows rather than four times a
    row (a builder page has 30 rows or more)."""
    patterns = {name: reverse(view, args=[_STAND_IN]) for name, view in _LINKS.items()}

    def links(pk: int) -> RowLinks:
        return RowLinks(**{k: url.replace(_STAND_IN, str(pk)) for k, url in patterns.items()})

    return links


@dataclass
class Row:
    prescription: PrescribedExercise
    inputs: list[DoseInput]
    position: int
    links: RowLinks
    label: str = ""  # "A1", "A2" in a superset, else ""
    first: bool = False
    last: bool = False
    joined: bool = False  # done back to back with the row above
    saved: bool = False
    errors: list[str] = field(default_factory=list)  # about the row as a whole
    focus: str = ""  # what takes the keyboard focus after an htmx swap: "sets", "up"…

    @property
    def id(self) -> str:
        # the row's pk as the page writes it in ids and names, converted once, not per use
        return str(self.prescription.pk)

    @property
    def marker(self) -> str:
        """What the row's number shows: its superset label, else its position."""
        return self.label or str(self.position)

    @property
    def in_superset(self) -> bool:
        return bool(self.label)

    @property
    def invalid(self) -> bool:
        return bool(self.errors) or any(i.errors for i in self.inputs)


@dataclass
class DayCard:
    day: ProgramDay
    rows: list[Row]
    error: str = ""
    editing: bool = False
    form: Any = None  # a DayForm while editing


@dataclass
class Slot:
    number: int
    day: ProgramDay | None
    exercise_count: int = 0


@dataclass
class WeekView:
    number: int
    slots: list[Slot] = field(default_factory=list)
    cards: list[DayCard] = field(default_factory=list)
    open: bool = False
    error: str = ""

    @property
    def training_days(self) -> int:
        return sum(1 for slot in self.slots if slot.day is not None)

    @property
    def exercise_count(self) -> int:
        return sum(slot.exercise_count for slot in self.slots)


def dose_inputs(
    prescription: PrescribedExercise, unit_system: str, form: PrescriptionForm | None = None
) -> list[DoseInput]:
    """The row's inputs: what is stored, or what was typed in a refused `form`."""
    errors: dict[str, list[str]] = {}
    if form is not None and form.is_bound:
        values = {name: form[name].value() or "" for name, _ in DOSE_INPUTS}
        errors = {name: [str(e) for e in form.errors[name]] for name in form.errors}
    else:
        initial = PrescriptionForm.initial_for(prescription, unit_system=unit_system)
        values = {name: "" if value is None else value for name, value in initial.items()}
    unit = weight_unit(unit_system)
    inputs = [
        DoseInput(
            name=name,
            label=f"Load ({unit})" if name == "load" else label,
            value=str(values[name]),
            errors=list(errors.get(name, [])),
            field=f"rx{prescription.pk}-{name}",
        )
        for name, label in DOSE_INPUTS
    ]
    first_wrong = next((i for i in inputs if i.errors), None)
    if first_wrong is not None:  # a refused row: the cursor goes where the fix is
        first_wrong.focus = True
    return inputs


def day_rows(
    day: ProgramDay,
    unit_system: str,
    *,
    bound: PrescriptionForm | None = None,
    bound_pk: int | None = None,
    saved_pk: int | None = None,
    focus: dict[int, str] | None = None,
) -> list[Row]:
    """The day's exercises (prefetched, in order) as rows; `bound` replaces the inputs of
    row `bound_pk` (a refused edit, shown with its errors and the typed values); `focus`
    names what takes the keyboard focus in a row after a swap."""
    prescriptions = list(day.exercises.all())
    links = superset_links(prescriptions)
    labels = {
        row.pk: f"{row.superset_group}{n}" if row.superset_group else ""
        for run in superset_runs(prescriptions, links)
        for n, row in enumerate(run, start=1)
    }
    rows: list[Row] = []
    links_of = row_links()
    for index, p in enumerate(prescriptions):
        form = bound if bound is not None and p.pk == bound_pk else None
        inputs = dose_inputs(p, unit_system, form)
        wanted = (focus or {}).get(p.pk, "")
        for dose_input in inputs:
            dose_input.focus = dose_input.focus or dose_input.name == wanted
        rows.append(
            Row(
                prescription=p,
                inputs=inputs,
                position=index + 1,
                links=links_of(p.pk),
                label=labels[p.pk],
                first=index == 0,
                last=index == len(prescriptions) - 1,
                joined=links[index],
                saved=p.pk == saved_pk,
                errors=[str(e) for e in form.non_field_errors()] if form is not None else [],
                focus=wanted,
            )
        )
    return rows


def day_card(day: ProgramDay, unit_system: str, **kwargs: Any) -> DayCard:
    error = kwargs.pop("error", "")
    return DayCard(day=day, rows=day_rows(day, unit_system, **kwargs), error=error)


def builder_weeks(
    program: Program, unit_system: str, *, open_week: int = 1, cards: dict[int, DayCard] | None
) -> list[WeekView]:
    """Every week of the program, the open one with its day cards; `cards` overrides
    the card of a day (by pk), e.g. one with a refused edit on it. The program comes
    from program_for_builder, with the open week's exercises."""
    weeks = []
    for week in program_weeks(program):
        view = WeekView(number=week.number, open=week.number == open_week)
        for number, day in enumerate(week.days, start=1):
            count = day.exercise_count if day is not None else 0  # type: ignore[attr-defined]
            view.slots.append(Slot(number=number, day=day, exercise_count=count))
            if view.open and day is not None:
                view.cards.append((cards or {}).get(day.pk) or day_card(day, unit_system))
        weeks.append(view)
    return weeks


def builder_page_context(
    program: Program, unit_system: str, *, open_week: int, cards: dict[int, DayCard] | None = None
) -> dict[str, Any]:
    """Everything the whole builder page shows (program prefetched by program_for_builder)."""
    return {
        "program": program,
        "weeks": builder_weeks(program, unit_system, open_week=open_week, cards=cards),
        "assignments": list(program_assignments(program=program)),
        "units": unit_system,
    }


def week_view(program: Program, number: int, unit_system: str, *, error: str = "") -> WeekView:
    """One week drawn in full, e.g. re-drawn after a day was added or removed
    (program.days prefetched)."""
    weeks = builder_weeks(program, unit_system, open_week=number, cards=None)
    week = weeks[number - 1]
    week.error = error
    return week


def week_counts(day: ProgramDay) -> WeekView:
    """The counts of the day's week (its summary and its tiles), for the out-of-band
    update after an exercise was added or removed: one query."""
    view = WeekView(number=day.week)
    for other in week_days_counted(program_id=day.program_id, week=day.week):
        count: int = other.exercise_count  # type: ignore[attr-defined]  # annotated
        view.slots.append(Slot(number=other.day, day=other, exercise_count=count))
    return view


def builder_url(program: Program, day: ProgramDay | None = None, *, week: int = 0) -> str:
    url = reverse("programs:builder", args=[program.pk])
    if day is not None:
        return f"{url}?week={day.week}#day-{day.pk}"
    if week:
        return f"{url}?week={week}#week-{week}"
    return url


def back_to(program: Program, day: ProgramDay | None = None, *, week: int = 0) -> HttpResponse:
    """After a plain form post: back to the builder, scrolled to what changed."""
    return redirect(builder_url(program, day, week=week))


def exercise_list_answer(
    request: Any,
    day_pk: int,
    *,
    error: str = "",
    focus: dict[int, str] | None = None,
    retarget: bool = False,
) -> HttpResponse:
    """The htmx answer after a day's exercises changed: the list, re-read, with the
    week's summary and day tiles updated out of band. `retarget` points the swap at
    the list when the request came from a row (move, superset)."""
    day = lookups.program_day_get_for_write(actor=request.actor, pk=day_pk)
    unit_system = request.trainer.unit_system
    context = {
        "program": day.program,
        "card": day_card(day, unit_system, error=error, focus=focus),
        "week": week_counts(day),
        "units": unit_system,
    }
    response = render(request, f"{BUILDER}#day-exercises-answer", context)
    if retarget:
        response["HX-Retarget"] = f"#day-{day.pk}-exercises"
        response["HX-Reswap"] = "outerHTML"
    return response
