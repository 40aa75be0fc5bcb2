"""Small presentation helpers shared by the dashboard and the portal."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.timesince import timesince

from fitnesspr.units import CM_PER_INCH, format_length, format_number, format_weight

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(
    context: dict[str, Any], url_name: str, label: str, *, exact: bool = False
) -> SafeString:
    """A nav link that tells assistive tech which section the visitor is in."""
    url = reverse(url_name)
    request = context.get("request")
    path = getattr(request, "path", "")
    current = path == url if exact else path.startswith(url)
    if current:
        return format_html('<a href="{}" aria-current="page">{}</a>', url, label)
    return format_html('<a href="{}">{}</a>', url, label)


@register.filter
def height(value: Decimal | None, unit_system: str = "metric") -> str:
    """A height stored in cm, shown in the trainer's units."""
    if value is None:
        return "—"
    if unit_system == "imperial":
        total_inches = round(Decimal(value) / CM_PER_INCH)
        feet, inches = divmod(total_inches, 12)
        return f"{feet} ft {inches} in"
    return f"{format_number(value)} cm"


@register.filter
def weight(value: Decimal | None, unit_system: str = "metric") -> str:
    """A weight stored in kg, shown in the trainer's units ("62.5 kg", "137.8 lb")."""
    return format_weight(value, unit_system)


@register.filter
def measure(value: Decimal | None, unit_system: str = "metric") -> str:
    """A length stored in cm, shown in the viewer's units ("88.5 cm", "34.8 in")."""
    return format_length(value, unit_system)


@register.filter
def ago(value: datetime | None) -> str:
    """How long ago, as people say it: "just now", "5 minutes ago", "3 days ago"."""
    if value is None:
        return ""
    if timezone.now() - value < timedelta(minutes=1):
        return "just now"
    return f"{timesince(value, depth=1)} ago"


@register.filter
def num(value: Decimal | int | None) -> str:
    """8.0 → "8", 7.5 → "7.5"; empty for None."""
    return format_number(value)
