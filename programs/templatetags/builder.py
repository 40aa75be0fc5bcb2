"""The builder's dose inputs, drawn here rather than by a template loop: nine a row and
thirty rows or more a page, the loop took longer than all the rest of the rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from programs.views.builder_parts import DoseInput

register = template.Library()


def _input(dose: DoseInput) -> SafeString:
    focus = mark_safe(" autofocus") if dose.focus else ""
    if not dose.errors:
        if dose.name == "notes":
            return format_html(
                '<label>{}<textarea name="{}" rows="1">\n{}</textarea></label>',
                dose.label,
                dose.field,
                dose.value,
            )
        return format_html(
            '<label>{}<input name="{}" value="{}"{}></label>',
            dose.label,
            dose.field,
            dose.value,
            focus,
        )
    if dose.name == "notes":
        field = format_html(
            '<textarea name="{}" rows="1" aria-invalid="true" aria-describedby="{}-error"{}>'
            "\n{}</textarea>",
            dose.field,
            dose.field,
            focus,
            dose.value,
        )
    else:
        field = format_html(
            '<input name="{}" value="{}" aria-invalid="true" aria-describedby="{}-error"{}>',
            dose.field,
            dose.value,
            dose.field,
            focus,
        )
    return format_html(
        '<label class="has-error">{}{}<small class="field-error" id="{}-error">{}</small></label>',
        dose.label,
        field,
        dose.field,
        " ".join(dose.errors),
    )


@register.simple_tag
def dose_inputs(inputs: Iterable[DoseInput]) -> SafeString:
    """A row's inputs, a line each: a plain input, the notes' textarea, or either with
    its errors (aria-described by them, the first wrong one taking the focus)."""
    return mark_safe("\n".join(_input(dose) for dose in inputs))  # noqa: S308 (each escaped)
