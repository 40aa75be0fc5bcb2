"""How nutrition numbers read on a page: whole kcal, grams to a tenth, amounts as
people say them ("2 x 1 large egg (100 g)", "1.5 servings")."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from fitnesspr.units import format_number

register = template.Library()


@register.filter
def kcal(value: Decimal | int | None) -> str:
    """1234.6 -> "1,235" (no unit)."""
    if value is None:
        return "—"
    return f"{Decimal(value).quantize(Decimal(1)):,}"


@register.filter
def grams(value: Decimal | int | None) -> str:
    """12.34 -> "12.3 g"; 1500 -> "1.5 kg"."""
    if value is None:
        return "—"
    number = Decimal(value)
    if number >= 1000:
        return f"{format_number(number / 1000, places='0.01')} kg"
    return f"{format_number(number, places='0.1')} g"


@register.filter
def tenth(value: Decimal | int | None) -> str:
    """A gram figure to one decimal, without the unit."""
    return format_number(value, places="0.1")


@register.filter
def amount(row: Any) -> str:
    """A recipe in servings, or a food in grams or portions, as a person reads it. Works
    on anything with servings / grams / portion / quantity (plan items, diary entries,
    ingredients)."""
    servings = getattr(row, "servings", None)
    if servings is not None and getattr(row, "recipe_id", None):
        number = format_number(servings)
        return f"{number} serving{'' if Decimal(servings) == 1 else 's'}"
    portion = getattr(row, "portion", None)
    quantity = getattr(row, "quantity", None)
    weight = grams(getattr(row, "grams", None))
    if portion is not None and quantity is not None:
        if Decimal(quantity) == 1:
            return f"{portion.name} ({weight})"
        return f"{format_number(quantity)} \u00d7 {portion.name} ({weight})"
    return weight


@register.filter
def percent_of(value: int | None) -> str:
    return "—" if value is None else f"{value}%"
