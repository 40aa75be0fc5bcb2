"""Money and rates on billing pages, through billing.money (one formatting rule)."""

from __future__ import annotations

from django import template

from billing.money import bp_to_percent, format_money
from fitnesspr.units import format_number

register = template.Library()


@register.filter
def money(amount_minor: int | None, currency: str) -> str:
    """{{ invoice.total_minor|money:invoice.currency }} -> "€120.50"."""
    return format_money(amount_minor, currency)


@register.filter
def percent(bp: int | None) -> str:
    """Basis points as a percentage: 2000 -> "20%", 750 -> "7.5%"."""
    if bp is None:
        return ""
    return f"{format_number(bp_to_percent(bp))}%"
