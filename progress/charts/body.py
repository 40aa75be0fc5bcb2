"""The Progress page's charts, for the portal and the dashboard alike: weight with its
7-day trend, each measurement, weekly volume and estimated 1RM of the main lifts, drawn
over the chosen range in the viewer's units."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from clients.models import Client
from fitnesspr.units import (
    cm_to_display,
    format_number,
    format_weight,
    kg_to_display,
    length_unit,
    weight_unit,
)
from progress.charts import LineChart, line_chart
from progress.models import CustomMeasurement
from progress.selectors.series import (
    RANGES,
    TREND_WINDOW_DAYS,
    Period,
    Series,
    Summary,
    period_of,
    progress_summary,
    weight_change,
)


@dataclass(frozen=True)
class ProgressCharts:
    period: Period
    ranges: dict[str, str]
    weight: LineChart | None
    weight_change: str
    measurements: list[LineChart]
    volume: LineChart | None
    lifts: list[LineChart]

    @property
    def empty(self) -> bool:
        return not (self.weight or self.measurements or self.volume or self.lifts)


Convert = Callable[[Decimal], Decimal]


def _units(kind: str, unit_system: str) -> tuple[str, Convert]:
    """The unit a series is shown in, and the conversion from its stored SI value."""
    if kind in ("weight", "volume"):
        places = "1" if kind == "volume" else "0.1"

        def weight(value: Decimal) -> Decimal:
            shown = kg_to_display(value, unit_system, places=places)
            assert shown is not None
            return shown

        return weight_unit(unit_system), weight
    if kind == "length":

        def length(value: Decimal) -> Decimal:
            shown = cm_to_display(value, unit_system)
            assert shown is not None
            return shown

        return length_unit(unit_system), length
    return "%", lambda value: value


def series_chart(
    series: Series, period: Period, unit_system: str, *, noun: str
) -> LineChart | None:
    unit, convert = _units(series.kind, unit_system)
    spaced = "" if unit == "%" else " "
    chart = line_chart(
        [(p.on, convert(p.value)) for p in series.points],
        title=f"{series.label} ({unit})",
        fmt=lambda v: f"{format_number(v)}{spaced}{unit}",
        trend=[(p.on, convert(p.value)) for p in series.trend],
        start=period.start,
        end=period.end,
        bars=series.kind == "volume",
    )
    return chart and replace(chart, noun=noun, key=series.key)


def progress_charts(summary: Summary, unit_system: str) -> ProgressCharts:
    period = summary.period
    recent = period.end - timedelta(days=TREND_WINDOW_DAYS)
    change = weight_change([p for p in summary.weight.points if p.on > recent])
    if change is None:
        change_text = ""
    elif change == 0:
        change_text = "Steady over the last 4 weeks"
    else:
        moved = "Up" if change > 0 else "Down"
        change_text = f"{moved} {format_weight(abs(change), unit_system)} over the last 4 weeks"
    return ProgressCharts(
        period=period,
        ranges={key: label for key, (label, _days) in RANGES.items()},
        weight=series_chart(summary.weight, period, unit_system, noun="weigh-in"),
        weight_change=change_text,
        measurements=[
            chart
            for series in summary.measurements
            if (chart := series_chart(series, period, unit_system, noun="measurement"))
        ],
        volume=series_chart(summary.volume, period, unit_system, noun="week"),
        lifts=[
            chart
            for series in summary.lifts
            if (chart := series_chart(series, period, unit_system, noun="workout"))
        ],
    )


def charts_for(
    *,
    client: Client,
    range_key: str | None,
    today: date,
    unit_system: str,
    customs: list[CustomMeasurement] | None = None,
) -> ProgressCharts:
    """The charts of a client's Progress page for `?range=` (the default when unknown;
    `customs`: the client's custom measurements, when the caller has them)."""
    period = period_of(range_key, today=today)
    summary = progress_summary(client=client, period=period, customs=customs)
    return progress_charts(summary, unit_system)
