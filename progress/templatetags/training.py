"""How training numbers read in the portal and on the trainer's pages."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from html import escape
from itertools import groupby
from urllib.parse import urlsplit

from django import template
from django.utils.safestring import SafeString, mark_safe

from fitnesspr.durations import format_duration, format_rest
from fitnesspr.units import format_number, format_weight, typed_weight
from programs.models import PrescribedExercise
from progress.models import SetLog
from progress.selectors.history import ExerciseBest, LoggedSet, ProgressPoint

register = template.Library()

TIMES = "\N{MULTIPLICATION SIGN}"


@register.filter
def host(url: str) -> str:
    """Where a link goes, as people say it: "https://www.youtube.com/watch?v=…" ->
    "youtube.com"."""
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.")


@register.filter
def typed(kg: Decimal | None, unit_system: str = "metric") -> str:
    """A weight as the number an input shows, in the trainer's unit ("137.8")."""
    return typed_weight(kg, unit_system)


@register.filter
def rest(seconds: int | None) -> str:
    """90 → "90 s", 120 → "2 min", 150 → "2 min 30 s"."""
    return format_rest(seconds)


@register.filter
def duration(seconds: int | None) -> str:
    """30 → "30 s", 90 → "1:30", 1200 → "20 min"."""
    return format_duration(seconds)


@register.filter
def per_set(plan: PrescribedExercise) -> str:
    """What one set of a prescription asks for: "8 reps", "8-12 reps" (with a real
    dash) or "30 s"."""
    if plan.duration_seconds is not None:
        return format_duration(plan.duration_seconds)
    if plan.reps_max and plan.reps_max != plan.reps_min:
        return f"{plan.reps_min}\N{EN DASH}{plan.reps_max} reps"
    return f"{plan.reps_min} reps"


def _dose(
    reps: int | None, load_kg: Decimal | None, unit_system: str, seconds: int | None = None
) -> str:
    load = format_weight(load_kg, unit_system) if load_kg is not None else ""
    if seconds is not None:
        return f"{format_duration(seconds)} @ {load}" if load else format_duration(seconds)
    if reps is not None and load:
        return f"{reps} @ {load}"
    return f"{reps} reps" if reps is not None else load or "done"


def _timed_run(times: list[int | None], load: Decimal | None, unit_system: str) -> str:
    if len(set(times)) == 1:
        return f"{len(times)} {TIMES} {_dose(None, load, unit_system, times[0])}"
    listed = ", ".join("?" if t is None else format_duration(t) for t in times)
    return listed + (f" @ {format_weight(load, unit_system)}" if load is not None else "")


@register.filter
def sets_summary(sets: Iterable[SetLog], unit_system: str = "metric") -> str:
    """Completed sets, folded by load: "3 x 8 @ 60 kg", "8, 8, 6 @ 60 kg", "3 x 12 reps",
    "3 x 30 s", "40 s, 35 s @ 24 kg" (with a real times sign); runs at different loads
    are joined by commas."""
    done = [s for s in sets if s.is_completed]
    if not done:
        return "skipped"
    parts = []
    for (load, timed), group in groupby(
        done, key=lambda s: (s.load_kg, s.duration_seconds is not None)
    ):
        run = list(group)
        if timed:
            parts.append(_timed_run([s.duration_seconds for s in run], load, unit_system))
            continue
        reps = [s.reps for s in run]
        if len(set(reps)) == 1:
            parts.append(f"{len(reps)} {TIMES} {_dose(reps[0], load, unit_system)}")
            continue
        listed = ", ".join("?" if r is None else str(r) for r in reps)
        tail = f" @ {format_weight(load, unit_system)}" if load is not None else " reps"
        parts.append(listed + tail)
    return "; ".join(parts)


@register.filter
def best_set(best: ExerciseBest | ProgressPoint, unit_system: str = "metric") -> str:
    """A best set as the bests and progress pages read it: "60 kg x 8" (a real times
    sign), "12 reps", or for timed work "Longest: 1:30" (its load too, if any)."""
    if isinstance(best, ProgressPoint):
        load, reps, seconds = best.best_load_kg, best.best_reps, best.best_duration_seconds
    else:
        load, reps, seconds = best.load_kg, best.reps, best.duration_seconds
    if seconds is not None:
        return f"Longest: {_dose(None, load, unit_system, seconds)}"
    shown_reps = "\N{EM DASH}" if reps is None else str(reps)
    if load:
        return f"{format_weight(load, unit_system)} {TIMES} {shown_reps}"
    return f"{shown_reps} reps"


@register.filter
def set_line(entry: SetLog | LoggedSet, unit_system: str = "metric") -> str:
    """One set: "8 @ 60 kg · RPE 8", "30 s"."""
    text = _dose(entry.reps, entry.load_kg, unit_system, entry.duration_seconds)
    if entry.rpe is not None:
        text += f" · RPE {format_number(entry.rpe)}"
    return text


@register.filter
def set_items(sets: Iterable[LoggedSet], unit_system: str = "metric") -> SafeString:
    """The list items of an exercise's sets in a logged workout (logged_exercises.html),
    skipped ones marked: built here, as the Django admin builds its list rows, since
    the Training tab lists some two hundred sets. html.escape is what Django's escape
    does, without its lazy-string wrapper."""
    items = []
    for entry in sets:
        line = escape(set_line(entry, unit_system))
        if entry.is_completed:
            items.append(f"\n            <li>{line}</li>\n          ")
        else:
            items.append(
                f'\n            <li class="skipped">{line} <span class="muted">(skipped)</span>'
                "</li>\n          "
            )
    return mark_safe("".join(items))  # noqa: S308 (each line is escaped)
