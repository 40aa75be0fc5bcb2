"""Forms of the builder's copy actions: a day to another slot, a week to other weeks
with an optional progression. They offer only the program's own weeks and days and say
what a copy replaces; programs.services.copying decides what is allowed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from fitnesspr.forms import decimal_errors
from fitnesspr.units import IMPERIAL, KG_PER_LB, weight_unit
from programs.models import Program, ProgramDay
from programs.services.copying import Progression, later_weeks

LATER = "later"
PERCENT = "percent"


def _replaces(days: list[ProgramDay]) -> str:
    if not days:
        return ""
    if len(days) == 1:
        return f" (replaces {days[0].title or 'its training day'})"
    return f" (replaces its {len(days)} training days)"


class DayCopyForm(forms.Form):
    slot = forms.ChoiceField(
        label="Copy to",
        error_messages={
            "required": "Pick the week and day to copy to.",
            "invalid_choice": "Pick the week and day to copy to.",
        },
    )

    def __init__(self, *args: Any, program_day: ProgramDay, days: list[ProgramDay], **kwargs: Any):
        super().__init__(*args, **kwargs)
        by_slot = {(d.week, d.day): d for d in days}
        self.later = [
            (w, program_day.day) for w in later_weeks(program_day.program, program_day.week)
        ]
        choices = []
        if len(self.later) > 1:
            first, last = self.later[0][0], self.later[-1][0]
            taken = sum(1 for slot in self.later if slot in by_slot)
            note = f" (replaces {taken} training day{'s' if taken != 1 else ''})" if taken else ""
            label = f"Day {program_day.day} of every later week ({first}\N{EN DASH}{last}){note}"
            choices.append((LATER, label))
        for week in range(1, program_day.program.duration_weeks + 1):
            for day in range(1, 8):
                if (week, day) == (program_day.week, program_day.day):
                    continue
                there = by_slot.get((week, day))
                label = f"Week {week} · Day {day}"
                label += f" (replaces {there.title or 'a training day'})" if there else " (rest)"
                choices.append((f"{week}-{day}", label))
        self.fields["slot"].choices = choices  # type: ignore[attr-defined]

    def targets(self) -> list[tuple[int, int]]:
        if self.cleaned_data["slot"] == LATER:
            return self.later
        week, day = self.cleaned_data["slot"].split("-")
        return [(int(week), int(day))]


class WeekCopyForm(forms.Form):
    to = forms.ChoiceField(
        label="Copy to",
        error_messages={
            "required": "Pick the weeks to copy to.",
            "invalid_choice": "Pick the weeks to copy to.",
        },
    )
    load_step = forms.DecimalField(
        label="Load step a week",
        required=False,
        max_digits=5,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "e.g. 2.5"}),
        error_messages=decimal_errors(
            invalid="Write the load step as a number, like 2.5 (or -5 to go down).",
            too_big="That load step is too big.",
            places="Give the load step to 2 decimals at most.",
        ),
    )
    load_unit = forms.ChoiceField(label="Step in", choices=[("unit", "kg"), (PERCENT, "%")])
    reps_step = forms.IntegerField(
        label="Reps step a week",
        required=False,
        min_value=-10,
        max_value=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "e.g. 1"}),
        error_messages={
            "invalid": "Write the reps step as a whole number, like 1 (or -1).",
            "min_value": "A reps step goes from -10 to 10.",
            "max_value": "A reps step goes from -10 to 10.",
        },
    )

    def __init__(
        self,
        *args: Any,
        program: Program,
        week: int,
        days: list[ProgramDay],
        unit_system: str,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.program, self.week, self.unit_system = program, week, unit_system
        later = later_weeks(program, week)
        choices = []
        if len(later) > 1:
            choices.append((LATER, f"Every later week ({later[0]}\N{EN DASH}{later[-1]})"))
        for number in range(1, program.duration_weeks + 1):
            if number != week:
                there = [d for d in days if d.week == number]
                choices.append((str(number), f"Week {number}{_replaces(there)}"))
        self.fields["to"].choices = choices  # type: ignore[attr-defined]
        unit = weight_unit(unit_system)
        self.fields["load_unit"].choices = [("unit", unit), (PERCENT, "%")]  # type: ignore[attr-defined]

    def to_weeks(self) -> list[int]:
        chosen = self.cleaned_data["to"]
        return later_weeks(self.program, self.week) if chosen == LATER else [int(chosen)]

    def progression(self) -> Progression:
        """The typed steps (in the trainer's unit) as a Progression; may raise the
        service's ValidationError (e.g. a step that is too big)."""
        step: Decimal | None = self.cleaned_data.get("load_step")
        reps = self.cleaned_data.get("reps_step") or 0
        if not step:
            return Progression(reps=reps)
        if self.cleaned_data["load_unit"] == PERCENT:
            return Progression(load_percent=step, reps=reps)
        per_unit = KG_PER_LB if self.unit_system == IMPERIAL else Decimal(1)
        return Progression(load_kg=step * per_unit, reps=reps)
