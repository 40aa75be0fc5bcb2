"""What the builder template draws: weeks of seven slots, day cards, exercise rows with
their inline forms and superset labels (A1, A2…). Built from prefetched rows only, so
drawing a 12-week program costs no more queries than a 1-week one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from programs.forms.programs import PrescriptionForm
from programs.models import PrescribedExercise, Program, ProgramDay
from programs.selectors.programs import (
    program_assignments,
    program_weeks,
    superset_links,
    superset_runs,
)

BUILDER = "programs/builder.html"


@dataclass
class Row:
    prescription: PrescribedExercise
    form: PrescriptionForm
    position: int
    label: str = ""  # "A1", "A2" in a superset, else ""
    first: bool = False
    last: bool = False
    joined: bool = False  # done back to back with the row above
    saved: bool = False

    @property
    def in_superset(self) -> bool:
        return bool(self.label)


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
    card: DayCard | None


@dataclass
class WeekView:
    number: int
    slots: list[Slot] = field(default_factory=list)
    open: bool = False
    error: str = ""

    @property
    def cards(self) -> list[DayCard]:
        return [slot.card for slot in self.slots if slot.card is not None]

    @property
    def exercise_count(self) -> int:
        return sum(len(card.rows) for card in self.cards)


def prescription_form(
    prescription: PrescribedExercise, unit_system: str, data: Any = None
) -> PrescriptionForm:
    # A prefix per row keeps ids unique on the page, so htmx can put the focus back
    # into the same input after it swaps a saved row.
    return PrescriptionForm(
        data,
        initial=PrescriptionForm.initial_for(prescription, unit_system=unit_system),
        prefix=f"rx{prescription.pk}",
        unit_system=unit_system,
    )


def day_rows(
    day: ProgramDay,
    unit_system: str,
    *,
    bound: PrescriptionForm | None = None,
    bound_pk: int | None = None,
    saved_pk: int | None = None,
) -> list[Row]:
    """The day's exercises (prefetched, in order) as rows; `bound` replaces the form of
    row `bound_pk` (a refused edit, shown with its errors and the typed values)."""
    prescriptions = list(day.exercises.all())
    links = superset_links(prescriptions)
    labels = {
        row.pk: f"{row.superset_group}{n}" if row.superset_group else ""
        for run in superset_runs(prescriptions, links)
        for n, row in enumerate(run, start=1)
    }
    rows: list[Row] = []
    for index, p in enumerate(prescriptions):
        rows.append(
            Row(
                prescription=p,
                form=bound
                if bound is not None and p.pk == bound_pk
                else prescription_form(p, unit_system),
                position=index + 1,
                label=labels[p.pk],
                first=index == 0,
                last=index == len(prescriptions) - 1,
                joined=links[index],
                saved=p.pk == saved_pk,
            )
        )
    return rows


def day_card(day: ProgramDay, unit_system: str, **kwargs: Any) -> DayCard:
    error = kwargs.pop("error", "")
    return DayCard(day=day, rows=day_rows(day, unit_system, **kwargs), error=error)


def builder_weeks(
    program: Program, unit_system: str, *, open_week: int = 1, cards: dict[int, DayCard] | None
) -> list[WeekView]:
    """Every week of the program; `cards` overrides the card of a day (by pk), e.g. one
    with a refused edit on it."""
    weeks = []
    for week in program_weeks(program):
        slots = []
        for number, day in enumerate(week.days, start=1):
            card = None
            if day is not None:
                card = (cards or {}).get(day.pk) or day_card(day, unit_system)
            slots.append(Slot(number=number, card=card))
        weeks.append(WeekView(number=week.number, slots=slots, open=week.number == open_week))
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
    """One week, re-drawn after a day was added or removed (program.days prefetched)."""
    weeks = builder_weeks(program, unit_system, open_week=number, cards=None)
    week = weeks[number - 1]
    week.error = error
    return week


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
