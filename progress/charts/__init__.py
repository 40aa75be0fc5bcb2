"""A server-drawn SVG line chart. No JavaScript and no style attributes (the CSP allows
neither): the template draws these coordinates and the stylesheet colours them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clients.models import Client
    from programs.models import Exercise

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from fitnesspr.durations import format_duration
from fitnesspr.units import format_number, kg_to_display, weight_unit
from progress.selectors.history import ProgressPoint, exercise_best, exercise_progress

WIDTH, HEIGHT = 360, 200
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 26
Y_TICKS = 4


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True)
class LineChart:
    title: str
    points: list[Point]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM
    #: a smoothed line drawn under the points (the weight's 7-day average)
    trend: list[Point] = field(default_factory=list)
    #: bars instead of a line (weekly volume)
    bars: list[Bar] = field(default_factory=list)
    #: what one point is, for the caption ("3 workouts", "12 weigh-ins")
    noun: str = "workout"
    #: a page-unique id (the SVG's title)
    key: str = "chart"

    @property
    def y_ticks_svg(self) -> SafeString:
        return _elements(
            f'<line class="chart-grid" x1="{self.left}" x2="{self.right_edge}" y1="{t.at}" '
            f'y2="{t.at}"></line>\n        <text class="chart-label" x="{self.left - 6}" '
            f'y="{t.at}" text-anchor="end" dominant-baseline="middle">{escape(t.label)}</text>'
            for t in self.y_ticks
        )

    @property
    def x_ticks_svg(self) -> SafeString:
        last = len(self.x_ticks) - 1

        def anchor(i: int) -> str:  # a lone tick sits in the middle
            return "start" if i == 0 < last else "end" if i == last > 0 else "middle"

        return _elements(
            f'<text class="chart-label" x="{t.at}" y="{self.label_y}" '
            f'text-anchor="{anchor(i)}">{escape(t.label)}</text>'
            for i, t in enumerate(self.x_ticks)
        )

    @property
    def bars_svg(self) -> SafeString:
        return _elements(
            f'<rect class="chart-bar" x="{b.x}" y="{b.y}" width="{b.width}" '
            f'height="{b.height}"><title>{escape(b.label)}</title></rect>'
            for b in self.bars
        )

    @property
    def dots_svg(self) -> SafeString:
        r = self.dot_radius
        return _elements(
            f'<circle class="chart-dot" cx="{p.x}" cy="{p.y}" r="{r}">'
            f"<title>{escape(p.label)}</title></circle>"
            for p in self.points
        )

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)

    @property
    def trend_polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.trend)

    @property
    def count(self) -> int:
        return len(self.bars) or len(self.points)

    @property
    def label_y(self) -> int:
        return self.height - 6

    @property
    def labels(self) -> str:
        """Every point's and bar's label in one line, for the SVG's title (read once,
        not looped over in the template: a chart can have hundreds of points)."""
        return "; ".join(p.label for p in self.points) + "; ".join(b.label for b in self.bars)

    @property
    def dot_radius(self) -> str:
        """Smaller dots when there are many."""
        return "2.5" if len(self.points) > 40 else "4"


def _elements(elements: Iterable[str]) -> SafeString:
    """SVG elements (numbers as they are, text escaped) laid out as a `{% for %}` loop of
    chart.html laid them out: a chart draws hundreds of points, and the loop's template
    work per point was most of the Progress page's rendering."""
    return mark_safe("".join(f"\n        {element}\n      " for element in elements))  # noqa: S308


def _day(value: date) -> str:
    return f"{value.day} {value:%b}"


def _rounded(value: Decimal) -> str:
    return format_number(value, places="0.1")


def line_chart(
    series: Sequence[tuple[date, Decimal]],
    *,
    title: str,
    fmt: Callable[[Decimal], str],
    trend: Sequence[tuple[date, Decimal]] = (),
    start: date | None = None,
    end: date | None = None,
    bars: bool = False,
) -> LineChart | None:
    """Plot `series` (oldest first) against time, from `start` to `end` when given (a
    chosen range) else from the first point to the last; with a `trend` line, or as
    `bars` rising from zero. None when there is nothing to draw."""
    if not series:
        return None
    first, last = start or series[0][0], end or series[-1][0]
    span_days = (last - first).days
    values = [value for _, value in series] + [value for _, value in trend]
    low, high = min(values), max(values)
    pad = (high - low) * Decimal("0.1") or max(abs(high) * Decimal("0.1"), Decimal(1))
    low, high = (Decimal(0) if bars else max(low - pad, Decimal(0))), high + pad
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(when: date) -> float:
        share = (when - first).days / span_days if span_days else 0.5
        return round(LEFT + share * plot_w, 1)

    def y_of(value: Decimal) -> float:
        share = (value - low) / (high - low)
        return round(TOP + plot_h - float(share) * plot_h, 1)

    points = [
        Point(x_of(when), y_of(value), f"{_day(when)}: {fmt(value)}") for when, value in series
    ]
    steps = [low + (high - low) * i / (Y_TICKS - 1) for i in range(Y_TICKS)]
    y_ticks = [Tick(y_of(value), _rounded(value)) for value in steps]
    dates = [first] if not span_days else [first, last]
    x_ticks = [Tick(x_of(when), _day(when)) for when in dates]
    chart = LineChart(
        title=title,
        points=points,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        trend=[Point(x_of(when), y_of(value), fmt(value)) for when, value in trend],
    )
    if not bars:
        return chart
    # one bar per point, as wide as the gap between points allows
    gap = plot_w / max(len(series), 1)
    width = round(max(min(gap * 0.7, 28), 2), 1)
    zero = y_of(Decimal(0))
    columns = [
        Bar(
            x=round(min(max(p.x - width / 2, LEFT), WIDTH - RIGHT - width), 1),
            y=p.y,
            width=width,
            height=round(zero - p.y, 1),
            label=p.label,
        )
        for p in points
    ]
    return replace(chart, points=[], bars=columns)


def progress_chart(points: Sequence[ProgressPoint], unit_system: str) -> LineChart | None:
    """Estimated 1RM over time in the trainer's unit; the longest set for timed work; best
    reps for sets done without a load (bodyweight work has no 1RM)."""
    unit = weight_unit(unit_system)
    e1rm = [
        (p.performed_on, kg_to_display(p.e1rm_kg, unit_system, places="0.01"))
        for p in points
        if p.e1rm_kg is not None
    ]
    if e1rm:
        return line_chart(
            [(when, value) for when, value in e1rm if value is not None],
            title=f"Estimated 1RM ({unit})",
            fmt=lambda v: f"{_rounded(v)} {unit}",
        )
    times = [
        (p.performed_on, Decimal(p.best_duration_seconds))
        for p in points
        if p.best_duration_seconds is not None
    ]
    if times:
        return line_chart(
            times, title="Longest set (seconds)", fmt=lambda v: format_duration(int(v))
        )
    reps = [(p.performed_on, Decimal(p.best_reps)) for p in points if p.best_reps is not None]
    return line_chart(reps, title="Best reps", fmt=lambda v: f"{_rounded(v)} reps")


def exercise_progress_context(
    *, client: Client, exercise: Exercise, unit_system: str
) -> dict[str, Any]:
    """What an exercise's progress page shows, for the portal and the dashboard alike."""
    points = exercise_progress(client=client, exercise=exercise)
    return {
        "client": client,
        "exercise": exercise,
        "points": list(reversed(points)),  # newest first in the table
        "best": exercise_best(client=client, exercise=exercise),
        "chart": progress_chart(points, unit_system),
        "units": unit_system,
    }
