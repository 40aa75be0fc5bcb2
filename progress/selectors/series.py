"""The numbers behind the progress charts, in SI units: weight with its trend (a 7-day
moving average), each measurement over time, workout volume per week and estimated 1RM
of the client's main lifts. A fixed number of queries for any amount of history, so the
Progress pages and /progress/summary/ cost the same for a week or for years."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Case,
    DecimalField,
    ExpressionWrapper,
    F,
    Max,
    Q,
    QuerySet,
    Sum,
    When,
)

from clients.models import Client
from progress.models import (
    CIRCUMFERENCES,
    BodyMeasurement,
    CustomMeasurement,
    SetLog,
    WorkoutStatus,
)
from progress.selectors.history import E1RM_MAX_REPS, e1rm_tenths_sql

#: the range selector: key -> (label, days back from today; None = everything)
RANGES: dict[str, tuple[str, int | None]] = {
    "4w": ("4 weeks", 28),
    "3m": ("3 months", 91),
    "1y": ("1 year", 365),
    "all": ("All", None),
}
DEFAULT_RANGE = "3m"
TREND_DAYS = 7
MAIN_LIFTS = 3
TWO_PLACES = Decimal("0.01")
#: kg x reps summed: exact, two places as the loads
VOLUME = DecimalField(max_digits=20, decimal_places=2)

#: the body measurements charted besides weight, with their labels
MEASUREMENT_LABELS: dict[str, str] = {
    "body_fat_pct": "Body fat",
    **{name: name.removesuffix("_cm").capitalize() for name in CIRCUMFERENCES},
}


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: date | None  # None = since the first record
    end: date

    def holds(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and day <= self.end


def period_of(key: str | None, *, today: date) -> Period:
    """The range `key` names (an unknown one means the default) ending today."""
    key = key if key in RANGES else DEFAULT_RANGE
    label, days = RANGES[key]
    start = None if days is None else today - timedelta(days=days - 1)
    return Period(key=key, label=label, start=start, end=today)


@dataclass(frozen=True)
class Point:
    on: date
    value: Decimal


@dataclass(frozen=True)
class Series:
    key: str  # "weight", "waist_cm", "custom-3", "lift-12", "volume"
    label: str
    kind: str  # "weight" (kg) | "length" (cm) | "percent" | "volume" (kg)
    points: list[Point]
    trend: list[Point] = field(default_factory=list)


@dataclass(frozen=True)
class Summary:
    period: Period
    weight: Series
    measurements: list[Series]
    volume: Series
    lifts: list[Series]


def moving_average(points: list[Point], days: int = TREND_DAYS) -> list[Point]:
    """Per point, the average of the points in the `days` days ending on it (so a
    missed weigh-in doesn't bend the line): the weight trend."""
    trend = []
    for index, point in enumerate(points):
        window_start = point.on - timedelta(days=days - 1)
        window = [p.value for p in points[: index + 1] if p.on >= window_start]
        trend.append(Point(point.on, (sum(window, Decimal(0)) / len(window)).quantize(TWO_PLACES)))
    return trend


def _measurement_series(
    rows: list[BodyMeasurement], customs: list[CustomMeasurement]
) -> tuple[Series, list[Series]]:
    weights = [Point(r.measured_on, r.weight_kg) for r in rows if r.weight_kg is not None]
    weight = Series("weight", "Weight", "weight", weights, moving_average(weights))
    others = []
    for name, label in MEASUREMENT_LABELS.items():
        points = [
            Point(r.measured_on, value) for r in rows if (value := getattr(r, name)) is not None
        ]
        kind = "percent" if name == "body_fat_pct" else "length"
        if points:
            others.append(Series(name, label, kind, points))
    for custom in customs:
        points = [
            Point(r.measured_on, value)
            for r in rows
            if (value := r.custom_value(custom)) is not None
        ]
        if points:
            others.append(Series(f"custom-{custom.pk}", custom.name, "length", points))
    return weight, others


def _week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


#: an exercise's finished sets on one workout day, as the charts read them: the
#: exercise, its name, the day, the volume (kg x reps of the sets with both; None if
#: no set has both) and the best estimated 1RM in tenths of a kg (None if no set has one)
DayRow = tuple[int, str, date, Decimal | None, int | None]


def _training_series(days: list[DayRow], period: Period) -> tuple[Series, list[Series]]:
    """Volume (kg x reps of finished sets) per week, and the best estimated 1RM per
    workout day of the most trained lifts (most workout days with an estimate)."""
    volume: dict[date, Decimal] = defaultdict(Decimal)
    best: dict[int, dict[date, Decimal]] = defaultdict(dict)
    names: dict[int, str] = {}
    for exercise_id, name, day, day_volume, e1rm_tenths in days:
        if day_volume is not None:
            volume[_week_of(day)] += day_volume
        if e1rm_tenths is not None:
            names[exercise_id] = name
            best[exercise_id][day] = Decimal(e1rm_tenths).scaleb(-1)
    first = period.start or (min(volume) if volume else period.end)
    weeks, week = [], _week_of(first)
    while week <= period.end:
        weeks.append(Point(week, volume.get(week, Decimal(0)).quantize(TWO_PLACES)))
        week += timedelta(days=7)
    main = sorted(best, key=lambda pk: (-len(best[pk]), names[pk]))[:MAIN_LIFTS]
    lifts = [
        Series(
            f"lift-{pk}",
            f"{names[pk]}: estimated 1RM",
            "weight",
            [Point(day, value) for day, value in sorted(best[pk].items())],
        )
        for pk in main
    ]
    volume_series = Series("volume", "Weekly volume", "volume", weeks if volume else [])
    return volume_series, lifts


def _training_days(sets: QuerySet[SetLog]) -> list[DayRow]:
    """The sets summed up per exercise and workout day by the database (a few hundred
    rows for a year, instead of every set): the volume of the sets with a load and
    reps, and the best estimated 1RM (set_e1rm's figure, ranked as exercise_bests
    ranks: none for a timed set or past E1RM_MAX_REPS reps)."""
    has_e1rm = Q(duration_seconds__isnull=True, load_kg__gt=0, reps__gte=1, reps__lte=E1RM_MAX_REPS)
    return list(
        sets.values("exercise_id", "exercise__name", "workout_log__performed_on")
        .annotate(
            volume=Sum(
                ExpressionWrapper(F("load_kg") * F("reps"), output_field=VOLUME),
                filter=Q(load_kg__gt=0, reps__gt=0),
                output_field=VOLUME,
            ),
            best=Max(Case(When(has_e1rm, then=e1rm_tenths_sql()))),
        )
        .order_by()
        .values_list("exercise_id", "exercise__name", "workout_log__performed_on", "volume", "best")
    )


def progress_summary(
    *, client: Client, period: Period, customs: list[CustomMeasurement] | None = None
) -> Summary:
    """Every chart's series for the client over `period` (three queries; two when the
    caller has the client's custom measurements, `customs`, already)."""
    measurements = BodyMeasurement.objects.for_client(client).filter(measured_on__lte=period.end)
    if period.start is not None:
        measurements = measurements.filter(measured_on__gte=period.start)
    rows = list(measurements.order_by("measured_on"))
    if customs is None:
        customs = list(CustomMeasurement.objects.for_client(client).order_by("name", "pk"))
    sets = SetLog.objects.for_client(client).filter(
        is_completed=True,
        workout_log__status=WorkoutStatus.COMPLETED,
        workout_log__performed_on__lte=period.end,
    )
    if period.start is not None:
        sets = sets.filter(workout_log__performed_on__gte=period.start)
    weight, others = _measurement_series(rows, customs)
    volume, lifts = _training_series(_training_days(sets), period)
    return Summary(period=period, weight=weight, measurements=others, volume=volume, lifts=lifts)


#: how far back the weight trend looks, and the fewest weigh-ins (and days) it needs
TREND_WINDOW_DAYS = 28
TREND_MIN_POINTS = 3
TREND_MIN_SPAN_DAYS = 10


def weight_change(points: list[Point]) -> Decimal | None:
    """How much the weight moved over the trend window, read off the least-squares line
    through the weigh-ins (so one heavy morning doesn't count as a trend); None with
    too few weigh-ins to tell."""
    if len(points) < TREND_MIN_POINTS:
        return None
    first = points[0].on
    xs = [Decimal((p.on - first).days) for p in points]
    if xs[-1] - xs[0] < TREND_MIN_SPAN_DAYS:
        return None
    mean_x = sum(xs, Decimal(0)) / len(xs)
    mean_y = sum((p.value for p in points), Decimal(0)) / len(points)
    spread = sum(((x - mean_x) ** 2 for x in xs), Decimal(0))
    slope = (
        sum(
            ((x - mean_x) * (p.value - mean_y) for x, p in zip(xs, points, strict=True)),
            Decimal(0),
        )
        / spread
    )
    return (slope * TREND_WINDOW_DAYS).quantize(Decimal("0.1"))
