"""The client's workout log form: notes plus one row per set. It checks shapes and the
model's own field bounds (so an error sits next to the set it concerns); whether the
workout may be logged at all is workout_log_save's call."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import QueryDict

from fitnesspr import widgets
from fitnesspr.dates import WindowDateField
from fitnesspr.durations import format_clock, parse_duration
from fitnesspr.forms import IdField, decimal_errors
from fitnesspr.units import (
    display_to_kg,
    format_number,
    format_weight,
    typed_weight,
    weight_unit,
)
from progress.models import SetLog
from progress.models.strength import ONE_REP_MAX_BOUNDS_KG
from progress.models.workouts import MAX_SET_SECONDS
from progress.selectors.today import TodayExercise
from progress.services import SetEntry

SETS_PREFIX = "sets"
MAX_ROWS = 200  # 20 sets x 10 exercises, with room for added sets


def _model_validators(name: str) -> list[Any]:
    field = SetLog._meta.get_field(name)
    assert isinstance(field, models.Field)
    return list(field.validators)


def _bounds(name: str) -> tuple[Decimal, Decimal]:
    validators = _model_validators(name)
    low = next(v.limit_value for v in validators if isinstance(v, MinValueValidator))
    high = next(v.limit_value for v in validators if isinstance(v, MaxValueValidator))
    return Decimal(low), Decimal(high)


class PointDecimalField(forms.DecimalField):
    """A decimal typed on a phone keypad, which may offer a comma instead of a point."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


def _number_input(mode: str, label: str) -> forms.TextInput:
    # type="text" + inputmode: a numeric keypad without the browser's number-field
    # quirks (a comma silently dropping the value, wheel-scrolling changing it).
    attrs = {"inputmode": mode, "autocomplete": "off", "class": "set-input", "aria-label": label}
    if mode == "numeric":
        attrs["pattern"] = "[0-9]*"
    return widgets.TextInput(attrs=attrs)


class SetRowForm(forms.Form):
    prescribed = IdField(required=False)
    exercise = IdField()
    set_number = forms.IntegerField(
        widget=widgets.HiddenInput, validators=_model_validators("set_number")
    )
    reps = forms.IntegerField(
        required=False, validators=_model_validators("reps"), widget=_number_input("numeric", "")
    )
    # a timed set: the template shows this instead of reps
    duration = forms.CharField(
        label="Time",
        required=False,
        max_length=16,
        widget=widgets.TextInput(attrs={"autocomplete": "off", "class": "set-input"}),
    )
    load = PointDecimalField(required=False, max_digits=7, decimal_places=2)
    rpe = PointDecimalField(
        label="RPE",
        required=False,
        max_digits=3,
        decimal_places=1,
        validators=_model_validators("rpe"),
        widget=_number_input("decimal", ""),
    )
    done = forms.BooleanField(label="Done", required=False, widget=widgets.CheckboxInput)

    def __init__(self, *args: Any, unit_system: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit_system = unit_system
        self.fields["load"].label = f"Load ({weight_unit(unit_system)})"
        self.fields["load"].widget = _number_input("decimal", "")
        number = self["set_number"].value()
        labels = (
            ("reps", "reps"),
            ("duration", "time, seconds or minutes:seconds"),
            ("load", weight_unit(unit_system)),
            ("rpe", "RPE"),
        )
        for name, what in labels:
            self.fields[name].widget.attrs["aria-label"] = f"Set {number} {what}"
        self.fields["done"].widget.attrs["aria-label"] = f"Set {number} done"

    def clean_duration(self) -> int | None:
        """A time typed as seconds ("45") or minutes:seconds ("1:30"), in seconds."""
        text = self.cleaned_data.get("duration", "")
        if not text.strip():
            return None
        seconds = parse_duration(text)
        if seconds is None:
            raise ValidationError("Enter the time as seconds (45) or minutes:seconds (1:30).")
        if seconds > MAX_SET_SECONDS:
            raise ValidationError("Enter a time of up to 24 hours.")
        return seconds

    def clean_load(self) -> Decimal | None:
        """The typed load, in kg, within the model's bounds (told in the typed unit)."""
        typed = self.cleaned_data.get("load")
        if typed is None:
            return None
        kg = display_to_kg(typed, self.unit_system)
        low, high = _bounds("load_kg")
        if kg is None or not low <= kg <= high:
            raise ValidationError(
                f"Enter a load from {format_weight(low, self.unit_system)} "
                f"to {format_weight(high, self.unit_system)}."
            )
        return kg

    def entry(self) -> SetEntry:
        data = self.cleaned_data
        return SetEntry(
            exercise_id=data["exercise"],
            set_number=data["set_number"],
            reps=data.get("reps"),
            duration_seconds=data.get("duration"),
            load_kg=data.get("load"),
            rpe=data.get("rpe"),
            is_completed=bool(data.get("done")),
            prescribed_id=data.get("prescribed"),
        )


SetRowFormSet = forms.formset_factory(
    SetRowForm, extra=0, max_num=MAX_ROWS, validate_max=True, absolute_max=MAX_ROWS
)


class WorkoutNotesForm(forms.Form):
    notes = forms.CharField(
        label="Notes for your trainer",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _last_load(last_sets: Sequence[SetLog], number: int) -> Decimal | None:
    if not last_sets:
        return None
    match = next((s for s in last_sets if s.set_number == number), last_sets[-1])
    return match.load_kg


def initial_rows(
    exercises: Sequence[TodayExercise], extra_sets: Sequence[SetLog], unit_system: str
) -> list[dict[str, Any]]:
    """Rows for the form: what was logged, then the prescribed sets not logged yet,
    prefilled from the prescription (its kg, the load its % of 1RM comes to, or else
    last time's load) and not ticked: a set counts once the client ticks it. Then logged
    sets no prescription matches (a prescription removed since), so saving keeps them."""

    def row(logged: SetLog, prescribed: int | None) -> dict[str, Any]:
        return {
            "prescribed": prescribed,
            "exercise": logged.exercise_id,
            "set_number": logged.set_number,
            "reps": logged.reps,
            "duration": format_clock(logged.duration_seconds),
            "load": typed_weight(logged.load_kg, unit_system),
            "rpe": format_number(logged.rpe),
            "done": logged.is_completed,
        }

    rows: list[dict[str, Any]] = []
    for item in exercises:
        plan = item.prescription
        rows.extend(row(s, plan.pk) for s in item.logged_sets)
        logged = {s.set_number for s in item.logged_sets}
        for number in range(1, plan.sets + 1):
            if number in logged:
                continue
            load = plan.load_kg if plan.load_kg is not None else item.target_load_kg
            if load is None:
                load = _last_load(item.last_sets, number)
            rows.append(
                {
                    "prescribed": plan.pk,
                    "exercise": plan.exercise_id,
                    "set_number": number,
                    "reps": plan.reps_min,
                    "duration": format_clock(plan.duration_seconds),
                    "load": typed_weight(load, unit_system),
                    "rpe": format_number(plan.rpe),
                    "done": False,
                }
            )
    rows.extend(row(s, None) for s in extra_sets)
    return rows


class WorkoutLogForm:
    """The whole workout as one form: notes, and a formset of set rows."""

    def __init__(
        self,
        data: QueryDict | None = None,
        *,
        rows: list[dict[str, Any]],
        notes: str,
        unit_system: str,
    ) -> None:
        self.notes = WorkoutNotesForm(data, initial={"notes": notes})
        self.sets = SetRowFormSet(
            data, initial=rows, prefix=SETS_PREFIX, form_kwargs={"unit_system": unit_system}
        )
        self.errors: list[str] = []

    def is_valid(self) -> bool:
        notes_ok = self.notes.is_valid()
        return self.sets.is_valid() and notes_ok

    def entries(self) -> list[SetEntry]:
        """The sets ticked as done: a row left unticked records nothing."""
        return [form.entry() for form in self.sets.forms if form.cleaned_data.get("done")]

    def add_service_error(self, exc: ValidationError) -> None:
        """A refusal from workout_log_save: "sets[i]" goes on row i, the rest on top."""
        if not hasattr(exc, "error_dict"):
            self.errors.extend(exc.messages)
            return
        for key, errors in exc.error_dict.items():
            messages = [m for e in errors for m in e.messages]
            index = _row_index(key)
            if index is not None and index < len(self.sets.forms):
                self.sets.forms[index].add_error(None, messages)
            else:
                self.errors.extend(messages)

    @property
    def has_errors(self) -> bool:
        return bool(
            self.errors or self.notes.errors or self.sets.non_form_errors() or self.row_errors
        )

    @property
    def row_errors(self) -> bool:
        return any(form.errors for form in self.sets.forms) if self.sets.is_bound else False


def _row_index(key: str) -> int | None:
    if key.startswith("sets[") and key.endswith("]"):
        inner = key[5:-1]
        return int(inner) if inner.isdigit() else None
    return None


def with_added_set(data: QueryDict, prescribed_id: int) -> QueryDict | None:
    """The posted form with one more set of `prescribed_id` (a copy of its last row), or
    None when that exercise has no row to copy or the form is full."""
    copy = data.copy()
    try:
        total = int(copy.get(f"{SETS_PREFIX}-TOTAL_FORMS", ""))
    except ValueError:
        return None
    if total >= MAX_ROWS:
        return None
    last = None
    for index in range(total):
        if copy.get(f"{SETS_PREFIX}-{index}-prescribed") == str(prescribed_id):
            last = index
    if last is None:
        return None
    numbers = [
        int(v)
        for i in range(total)
        if copy.get(f"{SETS_PREFIX}-{i}-prescribed") == str(prescribed_id)
        and (v := copy.get(f"{SETS_PREFIX}-{i}-set_number", "")).isdigit()
    ]
    source, target = f"{SETS_PREFIX}-{last}-", f"{SETS_PREFIX}-{total}-"
    for name in ("prescribed", "exercise", "reps", "duration", "load", "rpe"):
        copy[target + name] = copy.get(source + name, "")
    copy[target + "set_number"] = str(max(numbers, default=0) + 1)
    copy.pop(target + "done", None)  # a new set is not done yet
    copy[f"{SETS_PREFIX}-TOTAL_FORMS"] = str(total + 1)
    return copy


class OneRepMaxForm(forms.Form):
    """A 1RM as the trainer types it (in their units); one_rep_max_set decides."""

    exercise = IdField()
    weight = PointDecimalField(
        max_digits=7,
        decimal_places=2,
        error_messages={
            **decimal_errors(
                invalid="Write the 1RM as a number, like 140 or 142.5.",
                too_big="That is more than anyone lifts.",
                places="Give the 1RM to 2 decimals at most.",
            ),
            "required": "Give the 1RM, like 140.",
        },
    )
    tested_on = WindowDateField(
        label="Tested on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Give the date as YYYY-MM-DD."},
    )

    def __init__(self, *args: Any, unit_system: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit_system = unit_system
        self.fields["weight"].label = f"1RM ({weight_unit(unit_system)})"

    def clean_tested_on(self) -> date | None:
        tested_on: date | None = self.cleaned_data.get("tested_on")
        if tested_on is not None and not date(2000, 1, 1) <= tested_on <= date(2100, 12, 31):
            raise ValidationError("Give a date between 2000 and 2100.")
        return tested_on

    def clean_weight(self) -> Decimal:
        """The typed 1RM, in kg, within the model's bounds (told in the typed unit)."""
        kg = display_to_kg(self.cleaned_data["weight"], self.unit_system)
        low, high = (Decimal(bound) for bound in ONE_REP_MAX_BOUNDS_KG)
        if kg is None or not low <= kg <= high:
            raise ValidationError(
                f"A 1RM goes from {format_weight(low, self.unit_system)} "
                f"to {format_weight(high, self.unit_system)}."
            )
        return kg
