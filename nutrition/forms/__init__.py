"""Forms of the nutrition pages (shapes only: the rules are the services')."""

from __future__ import annotations

from django import forms


def errors_text(form: forms.BaseForm) -> str:
    """Every error of a form in one line, for a message where there is no field to
    show it beside (a button that posted a hidden form)."""
    return " ".join(str(message) for messages in form.errors.values() for message in messages)
