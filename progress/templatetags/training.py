"""How training numbers read in the portal and on the trainer's pages."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from itertools import groupby

from django import template

from fitnesspr.units import format_weight
from progress.models import SetLog

register = template.Library()

TIMES = "\N{MULTIPLICATION SIGN}"


@register.filter
def num(value: Decimal | int | None) -> str:
    """8.0 → "8", 7.5 → "7.5"; empty for None."""
    if value is None:
        return ""
    return f"{Decimal(value).normalize():f}"


@register.filter
def rest(seconds: int | None) -> str:
    """90 → "90 s", 120 → "2 min", 150 → "2 min 30 s"."""
    if not seconds:
        return ""
    if seconds < 120:
        return f"{seconds} s"
    minutes, left = divmod(seconds, 60)
    return f"{minutes} min {left} s" if left else f"{minutes} min"


def _dose(reps: int | None, load_kg: Decimal | None, unit_system: str) -> str:
    load = format_weight(load_kg, unit_system) if load_kg is not None else ""
    if reps is not None and load:
        return f"{reps} @ {load}"
    return f"{reps} reps" if reps is not None else load or "done"


@register.filter
def sets_summary(sets: Iterable[SetLog], unit_system: str = "metric") -> str:
    """Completed sets, folded by load: "3 x 8 @ 60 kg", "8, 8, 6 @ 60 kg", "3 x 12 reps"
    (with a real times sign); runs at different loads are joined by commas."""
    done = [s for s in sets if s.is_completed]
    if not done:
        return "skipped"
    parts = []
    for load, run in groupby(done, key=lambda s: s.load_kg):
        reps = [s.reps for s in run]
        if len(set(reps)) == 1:
            parts.append(f"{len(reps)} {TIMES} {_dose(reps[0], load, unit_system)}")
            continue
        listed = ", ".join("?" if r is None else str(r) for r in reps)
        tail = f" @ {format_weight(load, unit_system)}" if load is not None else " reps"
        parts.append(listed + tail)
    return "; ".join(parts)


@register.filter
def set_line(entry: SetLog, unit_system: str = "metric") -> str:
    """One set: "8 @ 60 kg · RPE 8"."""
    text = _dose(entry.reps, entry.load_kg, unit_system)
    if entry.rpe is not None:
        text += f" · RPE {num(entry.rpe)}"
    return text
