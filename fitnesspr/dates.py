"""The window of dates anyone may type, shared by every form, serializer and service.

A typo such as 0206 or 9999 would otherwise be stored and later overflow the date
arithmetic of schedules and reports; birth dates are in the past and after 1900."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import DateField, Func
from django.utils import timezone

FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2100, 12, 31)
FIRST_BIRTH_DATE = date(1900, 1, 1)
WINDOW_MESSAGE = f"Pick a date between {FIRST_DATE.year} and {LAST_DATE.year}."
#: for `<input type="date">`: the browser's picker keeps to the window too
DATE_INPUT_ATTRS = {"type": "date", "min": FIRST_DATE.isoformat(), "max": LAST_DATE.isoformat()}


def in_window(value: date) -> bool:
    return FIRST_DATE <= value <= LAST_DATE


def validate_date_in_window(value: date | None) -> None:
    """A Django validator: model fields, form fields and DRF fields all run it."""
    if value is not None and not in_window(value):
        raise ValidationError(WINDOW_MESSAGE, code="date_out_of_range")


def validate_birth_date(value: date | None) -> None:
    if value is not None and not FIRST_BIRTH_DATE <= value < timezone.localdate():
        raise ValidationError(
            f"Give a date of birth between {FIRST_BIRTH_DATE.year} and yesterday.",
            code="date_out_of_range",
        )


def shift(start: date, days: int) -> date:
    """`start + days` that never raises OverflowError: it stops at the calendar's ends
    (a defence behind the validators, for rows stored before they existed)."""
    try:
        return start + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


class PlusDays(Func):
    """`shift(date, days)` in SQL, for a date and a whole number of days that are both
    expressions (`PlusDays(F("start_date"), F("program__duration_weeks") * 7 - 1)`):
    Django's duration arithmetic cannot multiply on SQLite. Written for PostgreSQL and
    SQLite; within the window of dates the validators keep, it never reaches the
    calendar's ends."""

    arity = 2
    output_field = DateField()

    def _parts(self, compiler: Any) -> tuple[str, str, tuple[Any, ...]]:
        when, when_params = compiler.compile(self.source_expressions[0])
        days, days_params = compiler.compile(self.source_expressions[1])
        return when, days, (*when_params, *days_params)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        when, days, params = self._parts(compiler)
        return f"(({when})::date + ({days})::integer)", params

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        when, days, params = self._parts(compiler)
        return f"date(julianday({when}) + ({days}))", params


def clamp(value: date) -> date:
    return min(max(value, FIRST_DATE), LAST_DATE)


class WindowDateField(forms.DateField):
    """A form date field bounded to the window, with the browser picker bounded too."""

    default_validators = [validate_date_in_window]

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.DateInput) and not widget.is_hidden:
            attrs.setdefault("min", FIRST_DATE.isoformat())
            attrs.setdefault("max", LAST_DATE.isoformat())
        return attrs


class BirthDateField(forms.DateField):
    default_validators = [validate_birth_date]
