"""The builder's dose inputs, drawn here rather than by a template loop: nine a row and
thirty rows or more a page, the loop took longer than all the rest of the rows. Plain
string formatting with every value escaped (html.escape, what Django's escape runs):
format_html's per-argument work showed in the profile too."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from programs.views.builder_parts import DoseInput

register = template.Library()


def _input(dose: DoseInput) -> str:
    label, name, value = escape(dose.label), escape(dose.field), escape(dose.value)
    focus = " autofocus" if dose.focus else ""
    if not dose.errors:
        if dose.name == "notes":
            return f'<label>{label}<textarea name="{name}" rows="1">\n{value}</textarea></label>'
        return f'<label>{label}<input name="{name}" value="{value}"{focus}></label>'
    wrong = f'aria-invalid="true" aria-describedby="{name}-error"{focus}'
    if dose.name == "notes":
        field = f'<textarea name="{name}" rows="1" {wrong}>\n{value}</textarea>'
    else:
        field = f'<input name="{name}" value="{value}" {wrong}>'
    errors = " ".join(conditional_escape(error) for error in dose.errors)  # as |join does
    return (
        f'<label class="has-error">{label}{field}'
        f'<small class="field-error" id="{name}-error">{errors}</small></label>'
    )


@register.simple_tag
def dose_inputs(inputs: Iterable[DoseInput]) -> SafeString:
    """A row's inputs, a line each: a plain input, the notes' textarea, or either with
    its errors (aria-described by them, the first wrong one taking the focus)."""
    return mark_safe("\n".join(_input(dose) for dose in inputs))  # noqa: S308 (all escaped)
