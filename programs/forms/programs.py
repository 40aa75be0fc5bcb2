"""Forms of the program builder. They check shapes only (a number is a number, "8-12" is a
rep range, "30s" a time); programs.services.builder decides what is allowed and its
refusals are shown on the field they concern (fitnesspr.forms.add_service_error)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet

from clients.models import Client
from fitnesspr.dates import WindowDateField
from fitnesspr.durations import (
    ACCEPTED,
    format_clock,
    format_duration,
    parse_duration,
    seconds_overflow,
)
from fitnesspr.forms import IdChoiceField, IdMultipleChoiceField, decimal_errors
from fitnesspr.text import TEXT_MAX
from fitnesspr.units import display_to_kg, format_number, kg_to_display, weight_unit
from programs.models import PrescribedExercise, Program, ProgramGoal

#: service field -> form field, for errors a service reports on a prescription
DOSE_FIELD_NAMES = {
    "reps_min": "reps",
    "reps_max": "reps",
    "duration_seconds": "reps",
    "load_kg": "load",
    "rest_seconds": "rest",
}
TITLE_TOO_LONG = "Keep the title to 120 characters."
PERCENT_RANGE = "A percentage of 1RM goes from 1 to 120."
RPE_MESSAGE = "RPE goes in half steps from 1 to 10."
REPS_RE = re.compile(r"^\s*(\d{1,3})\s*(?:(?:-|\u2013|\u2014|to)\s*(\d{1,3}))?\s*$")


def format_reps(low: int | None, high: int | None) -> str:
    if low is None:
        return ""
    return f"{low}-{high}" if high and high != low else f"{low}"


class ProgramForm(forms.Form):
    name = forms.CharField(max_length=120)
    goal = forms.ChoiceField(choices=ProgramGoal.choices, initial=ProgramGoal.GENERAL)
    description = forms.CharField(
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the program is for and how to run it.",
    )
    duration_weeks = forms.IntegerField(
        label="Length in weeks",
        initial=4,
        widget=forms.NumberInput(attrs={"min": 1, "max": 52, "inputmode": "numeric"}),
    )
    is_template = forms.BooleanField(
        label="Template",
        required=False,
        help_text="Templates are programs you reuse: start new programs from them.",
    )

    def __init__(self, *args: Any, with_template: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not with_template:  # a client's own copy can't become a template
            del self.fields["is_template"]

    @classmethod
    def initial_for(cls, program: Program) -> dict[str, Any]:
        return {f: getattr(program, f) for f in cls.base_fields}


class DayAddForm(forms.Form):
    week = forms.IntegerField(widget=forms.HiddenInput)
    day = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "e.g. Upper body", "autocomplete": "off"}),
        error_messages={"max_length": TITLE_TOO_LONG},
    )


class DayForm(forms.Form):
    title = forms.CharField(
        max_length=120, required=False, error_messages={"max_length": TITLE_TOO_LONG}
    )
    notes = forms.CharField(
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Warm-up, focus, anything your client should read before starting.",
    )


class PrescriptionForm(forms.Form):
    """One exercise's dose, in the trainer's units: reps as "8" or "8-12" or a time per
    set ("30s", "1:30", "20 min") in the same input, so a row stays one line; load in kg
    or lb (or % of 1RM), rest as seconds or m:ss. The builder draws its inputs itself
    (programs.views.builder_parts); this form reads and checks what they send, with
    messages in plain words."""

    sets = forms.IntegerField(
        min_value=1,
        max_value=20,
        error_messages={
            "required": "Give the number of sets.",
            "invalid": "Sets is a whole number, like 3.",
            "min_value": "Sets go from 1 to 20.",
            "max_value": "Sets go from 1 to 20.",
        },
    )
    reps = forms.CharField(
        label="Reps or time",
        max_length=16,
        error_messages={
            "required": f"Give reps (8 or 8-12) or a time per set: {ACCEPTED}.",
            "max_length": "That is too long for reps or a time.",
        },
    )
    load = forms.DecimalField(
        required=False,
        max_digits=7,
        decimal_places=2,
        min_value=0,
        error_messages={
            **decimal_errors(
                invalid="Write the load as a number, like 62.5.",
                too_big="That load is too big.",
                places="Give the load to 2 decimals at most.",
            ),
            "min_value": "A load can't be below 0.",
        },
    )
    load_percent_1rm = forms.DecimalField(
        label="% 1RM",
        required=False,
        max_digits=5,
        decimal_places=1,
        min_value=1,
        max_value=120,
        error_messages={
            **decimal_errors(
                invalid="Write the percentage as a number, like 75.",
                too_big=PERCENT_RANGE,
                places="Give the percentage to 1 decimal at most, like 72.5.",
            ),
            "min_value": PERCENT_RANGE,
            "max_value": PERCENT_RANGE,
        },
    )
    rpe = forms.DecimalField(
        label="RPE",
        required=False,
        max_digits=4,
        decimal_places=1,
        error_messages=decimal_errors(invalid=RPE_MESSAGE, too_big=RPE_MESSAGE, places=RPE_MESSAGE),
    )
    rir = forms.IntegerField(
        label="RIR",
        required=False,
        min_value=0,
        max_value=10,
        error_messages={
            "invalid": "Reps in reserve is a whole number, like 2.",
            "min_value": "Reps in reserve go from 0 to 10.",
            "max_value": "Reps in reserve go from 0 to 10.",
        },
    )
    rest = forms.CharField(
        required=False,
        max_length=8,
        error_messages={"max_length": "Write rest as seconds (90) or minutes:seconds (1:30)."},
    )
    tempo = forms.CharField(
        required=False,
        max_length=7,
        error_messages={"max_length": "Write tempo as four digits like 3-1-1-0 (X = explosive)."},
    )
    notes = forms.CharField(max_length=TEXT_MAX, required=False)

    def __init__(self, *args: Any, unit_system: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit_system = unit_system
        self.fields["load"].label = f"Load ({weight_unit(unit_system)})"

    @classmethod
    def initial_for(cls, prescription: PrescribedExercise, *, unit_system: str) -> dict[str, Any]:
        p = prescription
        return {
            "sets": p.sets,
            "reps": format_duration(p.duration_seconds)
            if p.duration_seconds is not None
            else format_reps(p.reps_min, p.reps_max),
            "load": format_number(kg_to_display(p.load_kg, unit_system)),
            "load_percent_1rm": format_number(p.load_percent_1rm),
            "rpe": format_number(p.rpe),
            "rir": p.rir,
            "rest": format_clock(p.rest_seconds),
            "tempo": p.tempo,
            "notes": p.notes,
        }

    def clean_reps(self) -> tuple[int | None, int | None, int | None]:
        """(reps_min, reps_max, duration_seconds): reps, or a time and no reps."""
        text = self.cleaned_data["reps"]
        match = REPS_RE.match(text)
        if match:
            low, high = int(match[1]), int(match[2]) if match[2] else None
            return low, (None if high == low else high), None
        seconds = parse_duration(text)
        if seconds is None:
            raise forms.ValidationError(
                f"Write reps as a number (8) or a range (8-12), or a time per set: {ACCEPTED}."
            )
        return None, None, seconds

    def clean_rest(self) -> int | None:
        text = self.cleaned_data["rest"]
        if not text:
            return None
        seconds = parse_duration(text)
        if seconds is None:
            if seconds_overflow(text):
                raise forms.ValidationError("Seconds go up to 59 (1:30, not 1:90).")
            raise forms.ValidationError("Write rest as seconds (90) or minutes:seconds (1:30).")
        return seconds

    def service_fields(self) -> dict[str, Any]:
        """cleaned_data in the shape prescription_update takes (load in kg)."""
        data = dict(self.cleaned_data)
        data["reps_min"], data["reps_max"], data["duration_seconds"] = data.pop("reps")
        data["load_kg"] = display_to_kg(data.pop("load"), self.unit_system)
        data["rest_seconds"] = data.pop("rest")
        data["tempo"] = data["tempo"].upper()
        return data


class AssignForm(forms.Form):
    clients = IdMultipleChoiceField(
        queryset=Client.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Pick at least one client."},
    )
    start_date = WindowDateField(
        help_text="Day 1 of week 1.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, clients: QuerySet[Client], today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # choices come from the trainer's own scoped list: any other id is "not a choice"
        self.fields["clients"].queryset = clients  # type: ignore[attr-defined]
        self.fields["start_date"].initial = today

    def clean_start_date(self) -> date:
        return check_start_date(self.cleaned_data["start_date"])


def check_start_date(value: date) -> date:
    if not date(2000, 1, 1) <= value <= date(2100, 12, 31):
        raise forms.ValidationError("Pick a start date between 2000 and 2100.")
    return value


class ClientAssignForm(forms.Form):
    """Assign one client a program, from their page: the trainer's own programs and
    templates (never another client's copy)."""

    program = IdChoiceField(
        queryset=Program.objects.none(),
        empty_label="Pick a program",
        error_messages={
            "required": "Pick the program to assign.",
            "invalid_choice": "Pick one of your programs.",
        },
    )
    start_date = WindowDateField(
        help_text="Day 1 of week 1.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Give the date as YYYY-MM-DD."},
    )

    def __init__(self, *args: Any, programs: QuerySet[Program], today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = programs  # type: ignore[attr-defined]
        self.fields["program"].label_from_instance = (  # type: ignore[attr-defined]
            lambda p: f"{p.name} (template)" if p.is_template else p.name
        )
        self.fields["start_date"].initial = today

    def clean_start_date(self) -> date:
        return check_start_date(self.cleaned_data["start_date"])


class EndAssignmentForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("ended", "Ended early"), ("completed", "Completed")],
        initial="ended",
        widget=forms.RadioSelect,
        label="How did it end?",
    )
