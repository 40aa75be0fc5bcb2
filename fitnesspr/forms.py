"""Glue between services and HTML forms: a form only checks shapes; the rules live in
services, and whatever a service refuses is shown on the form field it concerns."""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from functools import cache

from django import forms
from django.core.exceptions import ValidationError

from fitnesspr.errors import DomainError


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
