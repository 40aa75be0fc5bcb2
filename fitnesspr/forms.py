"""Glue between services and HTML forms: a form only checks shapes; the rules live in
services, and whatever a service refuses is shown on the form field it concerns."""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from functools import cache
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404

from fitnesspr import widgets
from fitnesspr.errors import DomainError
from fitnesspr.tenancy import MAX_ID, valid_id


def add_service_error(
    form: forms.BaseForm,
    exc: ValidationError | DomainError,
    *,
    default_field: str | None = None,
    renames: dict[str, str] | None = None,
) -> None:
    """Attach a service's refusal to the form: per field when the service named one
    the form has (`renames` maps service names to form names), else to
    `default_field`, else to the whole form."""

    def target(name: str | None) -> str | None:
        name = (renames or {}).get(name or "", name)
        return name if name in form.fields else default_field

    if isinstance(exc, DomainError):
        form.add_error(target(exc.field), exc.message)
    elif hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(target(name), errors)
    else:
        form.add_error(default_field, exc)


def decimal_errors(*, invalid: str, too_big: str, places: str) -> dict[str, str]:
    """A DecimalField's messages in plain words: not a number, too many digits (a number
    too big to be meant), too many decimals. Add "min_value" etc. where they apply."""
    return {
        "invalid": invalid,
        "max_digits": too_big,
        "max_whole_digits": too_big,
        "max_decimal_places": places,
    }


@cache
def timezone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every IANA zone, grouped by region so the long select stays scannable."""
    groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name in sorted(zoneinfo.available_timezones()):
        region = name.split("/", 1)[0] if "/" in name else "Other"
        groups[region].append((name, name.replace("_", " ")))
    return sorted(groups.items())


def _id_or_none(value: Any) -> int | None:
    """`value` as a row id a database column can hold, else None."""
    try:
        return valid_id(str(value).strip())
    except Http404:
        return None


class IdField(forms.IntegerField):
    """A row id posted by a form (usually hidden): a whole number in a column's range,
    so a wild value is a form error, never a database error."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", widgets.HiddenInput)
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class IdChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A ModelChoiceField whose posted value is checked as an id before any query."""

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        if self.to_field_name is None and _id_or_none(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """The multiple-choice twin of IdChoiceField."""

    def _check_values(self, value: Any) -> Any:
        if self.to_field_name is None:
            for each in value:
                if _id_or_none(each) is None:
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": each},
                    )
        return super()._check_values(value)  # type: ignore[misc]
