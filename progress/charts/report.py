"""What a progress report shows over its period: the Progress page's charts (weight,
measurements, weekly volume, main lifts), workouts and adherence, the best set of each
exercise, nutrition compliance and, when the client allows it, their photos. A fixed
number of queries for any period up to the longest a report may cover."""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from clients.models import Client
from nutrition.selectors.compliance import WeekCompliance, client_compliance
from progress.charts.body import ProgressCharts, progress_charts
from progress.models import ProgressPhoto, WorkoutLog, WorkoutStatus
from progress.selectors.adherence import Adherence, adherence_by_client
from progress.selectors.body import progress_settings
from progress.selectors.history import ExerciseBest, exercise_bests
from progress.selectors.series import Period, Point, Series, progress_summary

#: a report this short shows nutrition week by week, a longer one month by month
WEEKLY_NUTRITION_DAYS = 62
#: a series with more points than this is drawn one point a week (a year of weigh-ins
#: reads the same on paper, and the PDF draws four times fewer shapes)
MAX_POINTS = 60


@dataclass(frozen=True)
class NutritionRow:
    label: str
    days: int
    days_logged: int
    #: the average logged day's calories (something to read without a meal plan)
    average_kcal: Decimal
    percents: dict[str, int | None]


@dataclass(frozen=True)
class ReportPhoto:
    taken_on: date
    pose: str
    data_url: str


@dataclass(frozen=True)
class ReportContent:
    client: Client
    start: date
    end: date
    units: str
    charts: ProgressCharts
    workouts: int
    volume_kg: Decimal
    adherence: Adherence
    bests: list[ExerciseBest]
    nutrition: list[NutritionRow]
    #: None when the client keeps their photos out of reports
    photos: list[ReportPhoto] | None

    @property
    def has_body(self) -> bool:
        return bool(self.charts.weight or self.charts.measurements)

    @property
    def has_training(self) -> bool:
        return bool(self.workouts or self.adherence.scheduled or self.bests)

    @property
    def has_nutrition(self) -> bool:
        return any(row.days_logged for row in self.nutrition)


def _weekly(points: list[Point]) -> list[Point]:
    """The last point of each week (points oldest first)."""
    last: dict[date, Point] = {}
    for point in points:
        last[point.on - timedelta(days=point.on.weekday())] = point
    return list(last.values())


def _thinned(series: Series) -> Series:
    if len(series.points) <= MAX_POINTS:
        return series
    return replace(series, points=_weekly(series.points), trend=_weekly(series.trend))


def _chunks(start: date, end: date) -> list[tuple[date, date, str]]:
    """The period cut into weeks (a short report) or calendar months."""
    chunks = []
    if (end - start).days < WEEKLY_NUTRITION_DAYS:
        first = start
        while first <= end:
            last = min(first + timedelta(days=6), end)
            chunks.append((first, last, f"{first:%-d %b} to {last:%-d %b}"))
            first = last + timedelta(days=1)
        return chunks
    first = start
    while first <= end:
        next_month = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
        last = min(next_month - timedelta(days=1), end)
        chunks.append((first, last, f"{first:%B %Y}"))
        first = last + timedelta(days=1)
    return chunks


def _nutrition(client: Client, start: date, end: date) -> list[NutritionRow]:
    rows = []
    for first, last, label in _chunks(start, end):
        days = client_compliance(client=client, start=first, end=last).days
        summary = WeekCompliance(start=first, end=last, days=days)
        rows.append(
            NutritionRow(
                label, len(days), summary.days_logged, summary.average.kcal, summary.percents
            )
        )
    return rows


def _data_url(photo: ProgressPhoto) -> str | None:
    stored = photo.thumbnail or photo.image
    try:
        with stored.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, ValueError):
        return None
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")


def _photos(client: Client, start: date, end: date) -> list[ReportPhoto]:
    photos = list(
        ProgressPhoto.objects.for_client(client)
        .filter(taken_on__range=(start, end))
        .order_by("taken_on", "pose", "pk")
    )
    days = sorted({photo.taken_on for photo in photos})
    chosen = {days[0], days[-1]} if days else set()
    shown = []
    for photo in photos:
        if photo.taken_on in chosen and (url := _data_url(photo)):
            shown.append(ReportPhoto(photo.taken_on, photo.get_pose_display(), url))
    return shown


def report_content(*, client: Client, start: date, end: date) -> ReportContent:
    """Everything a report of `client` from `start` to `end` shows, in the trainer's units."""
    units = client.trainer.unit_system
    period = Period(key="report", label="Report", start=start, end=end)
    summary = progress_summary(client=client, period=period)
    summary = replace(
        summary,
        weight=_thinned(summary.weight),
        measurements=[_thinned(series) for series in summary.measurements],
        lifts=[_thinned(series) for series in summary.lifts],
    )
    workouts = WorkoutLog.objects.for_client(client).filter(
        status=WorkoutStatus.COMPLETED, performed_on__range=(start, end)
    )
    weeks = max(1, math.ceil(((end - start).days + 1) / 7))
    allowed = progress_settings(client=client).photos_in_reports
    return ReportContent(
        client=client,
        start=start,
        end=end,
        units=units,
        charts=progress_charts(summary, units),
        workouts=workouts.count(),
        volume_kg=sum((p.value for p in summary.volume.points), Decimal(0)),
        adherence=adherence_by_client(clients=[client], today=end, weeks=weeks)[client.pk],
        bests=exercise_bests(client=client, start=start, end=end),
        nutrition=_nutrition(client, start, end),
        photos=_photos(client, start, end) if allowed else None,
    )
