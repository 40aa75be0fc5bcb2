"""Forms of the nutrition pages (shapes only: the rules are the services')."""

from __future__ import annotations

from typing import Any

from django import forms

from fitnesspr.forms import IdField
from fitnesspr.tenancy import MAX_ID


def errors_text(form: forms.BaseForm) -> str:
    """Every error of a form in one line, for a message where there is no field to
    show it beside (a button that posted a hidden form)."""
    return " ".join(str(message) for messages in form.errors.values() for message in messages)


def row_id(value: Any) -> int | None:
    """An id from a form or a query string: a whole number a database column can hold,
    else None (so a wild value is "not found", never a database error)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None


def id_field() -> forms.IntegerField:
    return IdField()
