"""How body measurements and check-ins read on the Progress pages."""

from __future__ import annotations

from decimal import Decimal

from django import template

from fitnesspr.units import format_length, format_number, format_weight
from progress.models import CIRCUMFERENCES, BodyMeasurement, CustomMeasurement
from progress.selectors.series import MEASUREMENT_LABELS

register = template.Library()


@register.filter
def circumferences(
    row: BodyMeasurement, customs: list[CustomMeasurement] | None = None
) -> list[tuple[str, Decimal]]:
    """The circumferences a row holds, as (label, cm): the standard ones in their usual
    order, then the client's own."""
    found = [
        (MEASUREMENT_LABELS[name], value)
        for name in CIRCUMFERENCES
        if (value := getattr(row, name)) is not None
    ]
    for kind in customs or []:
        value = row.custom_value(kind)
        if value is not None:
            found.append((kind.name, value))
    return found


@register.filter
def dots(score: int | None) -> str:
    """A 1-5 score as filled and empty dots (the number is said next to it)."""
    if not score:
        return ""
    return "●" * score + "○" * (5 - score)


@register.simple_tag
def measurement_summary(
    row: BodyMeasurement, customs: list[CustomMeasurement] | None, unit_system: str
) -> str:
    """A day's values in one line: "82.4 kg · 18.5 % body fat · Waist 86 cm"."""
    parts = []
    if row.weight_kg is not None:
        parts.append(format_weight(row.weight_kg, unit_system))
    if row.body_fat_pct is not None:
        parts.append(f"{format_number(row.body_fat_pct)} % body fat")
    parts += [
        f"{label} {format_length(cm, unit_system)}" for label, cm in circumferences(row, customs)
    ]
    return " · ".join(parts)
