"""Reads of a client's body measurements, photos and progress settings, each kind with
its read and write getter on the tenancy scope (someone else's row is a 404)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, F, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber

from clients.models import Client
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from progress.models import (
    BodyMeasurement,
    CustomMeasurement,
    PhotoPose,
    ProgressPhoto,
    ProgressSettings,
)

#: the API's and the measurement list's default window
DEFAULT_DAYS = 30
#: the earliest and latest dates anyone may type (a typo like 0206 or 2206 is refused)
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2100, 12, 31)


def _measurements() -> QuerySet[BodyMeasurement]:
    return BodyMeasurement.objects.select_related("client__user", "client__trainer")


def _photos() -> QuerySet[ProgressPhoto]:
    return ProgressPhoto.objects.select_related("client__user", "client__trainer")


def measurement_get(*, actor: Actor, pk: int) -> BodyMeasurement:
    return get_for_read(_measurements(), actor=actor, pk=pk)


def measurement_get_for_write(*, actor: Actor, pk: int) -> BodyMeasurement:
    return get_for_write(_measurements(), actor=actor, pk=pk)


def photo_get(*, actor: Actor, pk: int) -> ProgressPhoto:
    """A photo the actor may see: the client themselves, their trainer, staff."""
    return get_for_read(_photos(), actor=actor, pk=pk)


def photo_get_for_write(*, actor: Actor, pk: int) -> ProgressPhoto:
    return get_for_write(_photos(), actor=actor, pk=pk)


def custom_measurement_get(*, actor: Actor, pk: int) -> CustomMeasurement:
    return get_for_read(CustomMeasurement.objects.all(), actor=actor, pk=pk)


def custom_measurement_get_for_write(*, actor: Actor, pk: int) -> CustomMeasurement:
    return get_for_write(CustomMeasurement.objects.all(), actor=actor, pk=pk)


def custom_measurements(*, client: Client) -> list[CustomMeasurement]:
    return list(CustomMeasurement.objects.for_client(client).order_by("name", "pk"))


def measurement_list(
    *, client: Client, start: date | None = None, end: date | None = None
) -> QuerySet[BodyMeasurement]:
    """The client's measurements in [start, end] (either end open), newest first."""
    rows = BodyMeasurement.objects.for_client(client)
    if start is not None:
        rows = rows.filter(measured_on__gte=start)
    if end is not None:
        rows = rows.filter(measured_on__lte=end)
    return rows.order_by("-measured_on", "-pk")


def default_window(today: date) -> tuple[date, date]:
    """The last DEFAULT_DAYS days up to today."""
    return today - timedelta(days=DEFAULT_DAYS - 1), today


def last_weigh_in(*, client: Client) -> BodyMeasurement | None:
    return (
        BodyMeasurement.objects.for_client(client)
        .filter(weight_kg__isnull=False)
        .order_by("-measured_on", "-pk")
        .first()
    )


def recent_measurements(
    *, client: Client, count: int
) -> tuple[list[BodyMeasurement], BodyMeasurement | None]:
    """The client's `count` newest measurements (as measurement_list) and their last
    weigh-in (as last_weigh_in), in one query: each row is ranked among all of them
    and among those with a weight, and only the rows either list needs come back."""
    newest_first = [F("measured_on").desc(), F("pk").desc()]
    weighed = Case(When(weight_kg__isnull=True, then=Value(0)), default=Value(1))
    rows = list(
        BodyMeasurement.objects.for_client(client)
        .annotate(
            rank=Window(RowNumber(), order_by=newest_first),
            weighed_rank=Window(RowNumber(), partition_by=[weighed], order_by=newest_first),
        )
        .filter(Q(rank__lte=count) | Q(weight_kg__isnull=False, weighed_rank=1))
        .order_by("-measured_on", "-pk")
    )
    last = next((row for row in rows if row.weight_kg is not None), None)
    return [row for row in rows if row.rank <= count], last  # type: ignore[attr-defined]


def progress_settings(*, client: Client) -> ProgressSettings:
    """The client's settings row, or an unsaved one holding the defaults."""
    found = ProgressSettings.objects.for_client(client).first()
    return found or ProgressSettings(client=client)


def photo_list(*, client: Client, pose: str = "") -> QuerySet[ProgressPhoto]:
    photos = ProgressPhoto.objects.for_client(client)
    if pose in PhotoPose.values:
        photos = photos.filter(pose=pose)
    return photos.order_by("-taken_on", "pose", "-pk")


@dataclass(frozen=True)
class PhotoDay:
    taken_on: date
    photos: list[ProgressPhoto]


def photo_days(photos: list[ProgressPhoto]) -> list[PhotoDay]:
    """Photos (newest first) grouped by the day they were taken, front/side/back first."""
    order = {pose: index for index, pose in enumerate(PhotoPose.values)}
    days: dict[date, list[ProgressPhoto]] = {}
    for photo in photos:
        days.setdefault(photo.taken_on, []).append(photo)
    return [
        PhotoDay(day, sorted(items, key=lambda p: (order.get(p.pose, 99), p.pk)))
        for day, items in days.items()
    ]


@dataclass(frozen=True)
class Comparison:
    dates: list[date]
    before: PhotoDay | None
    after: PhotoDay | None

    @property
    def pairs(self) -> list[tuple[str, ProgressPhoto | None, ProgressPhoto | None]]:
        """Pose by pose, the photo of each day (None where a day has no such pose)."""
        if self.before is None or self.after is None:
            return []
        first = {p.pose: p for p in reversed(self.before.photos)}
        second = {p.pose: p for p in reversed(self.after.photos)}
        return [
            (label, first.get(pose), second.get(pose))
            for pose, label in PhotoPose.choices
            if pose in first or pose in second
        ]


def photo_comparison(
    *, client: Client, before: date | None, after: date | None, pose: str = ""
) -> Comparison:
    """Two days of photos side by side: the ones asked for, else the first and the
    latest day (one query)."""
    days = photo_days(list(photo_list(client=client, pose=pose)))
    by_date = {day.taken_on: day for day in days}
    dates = sorted(by_date)
    if not dates:
        return Comparison(dates=[], before=None, after=None)
    first = by_date.get(before) if before else None
    second = by_date.get(after) if after else None
    return Comparison(
        dates=dates,
        before=first or by_date[dates[0]],
        after=second or by_date[dates[-1]],
    )
