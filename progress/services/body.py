"""Body measurements, a client's own measurement kinds and their progress settings.

Values arrive in SI (kg, cm, %); forms convert what people type in pounds and inches
before calling here. A day holds one measurement row per client: a weigh-in or a check-in
weight on a day that already has measurements joins that day's row."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction

from clients.models import Client
from fitnesspr.errors import ConflictError
from fitnesspr.units import format_number
from progress.models import (
    CUSTOM_RANGE,
    MEASUREMENT_RANGES,
    BodyMeasurement,
    CustomMeasurement,
    ProgressSettings,
    WeightGoal,
)
from progress.selectors.body import FIRST_DATE
from progress.selectors.series import MEASUREMENT_LABELS

NO_VALUE = "Enter at least one measurement."
UNITS = {"weight_kg": "kg", "body_fat_pct": "%"}


class MeasurementValues(TypedDict, total=False):
    """The standard values of a measurement (the model's MEASUREMENT_RANGES), in SI."""

    weight_kg: Decimal | None
    body_fat_pct: Decimal | None
    neck_cm: Decimal | None
    chest_cm: Decimal | None
    waist_cm: Decimal | None
    hips_cm: Decimal | None
    arm_cm: Decimal | None
    thigh_cm: Decimal | None
    calf_cm: Decimal | None


#: custom measurement -> its value in cm (None clears it)
CustomValues = Mapping[CustomMeasurement, Decimal | None]


def range_message(field: str) -> str:
    """ "Enter a weight from 20 to 400 kg." — the bound of a value, in SI."""
    low, high = MEASUREMENT_RANGES[field]
    what = field.removesuffix("_kg").removesuffix("_cm").removesuffix("_pct").replace("_", " ")
    unit = UNITS.get(field, "cm")
    return f"Enter a {what} from {format_number(low)} to {format_number(high)} {unit}."


def check_day(*, client: Client, day: date, field: str = "measured_on") -> None:
    """A date a person may record something on: not in the future (the trainer's
    calendar), not before the client was born, and not before 2000."""
    if day > client.trainer.today():
        raise ValidationError({field: "That date is in the future."})
    born = client.date_of_birth
    if born is not None and day < born:
        raise ValidationError({field: "That date is before the client's date of birth."})
    if day < FIRST_DATE:
        raise ValidationError({field: "Enter a date from 2000 on."})


def _checked(values: MeasurementValues) -> MeasurementValues:
    """The values within their bounds, rounded to what the columns keep (kg to 0.01,
    the rest to 0.1)."""
    checked: MeasurementValues = {}
    for field, value in values.items():
        if field not in MEASUREMENT_RANGES:
            raise ValidationError({field: "This field cannot be set here."})
        low, high = MEASUREMENT_RANGES[field]
        if value is not None and not (isinstance(value, Decimal) and low <= value <= high):
            raise ValidationError({field: range_message(field)})
        places = Decimal("0.01") if field == "weight_kg" else Decimal("0.1")
        checked[field] = None if value is None else value.quantize(places)  # type: ignore[literal-required]
    return checked


def _apply_custom(measurement: BodyMeasurement, custom: CustomValues, *, merge: bool) -> None:
    low, high = CUSTOM_RANGE
    stored = dict(measurement.custom_cm or {})
    for kind, value in custom.items():
        if kind.client_id != measurement.client_id:
            raise ValidationError({"custom": "That measurement isn't set up for this client."})
        if value is None:
            if not merge:
                stored.pop(kind.key, None)
            continue
        if not low <= value <= high:
            raise ValidationError(
                {f"custom-{kind.pk}": f"Enter {kind.name} from {low} to {high} cm."}
            )
        stored[kind.key] = str(value.quantize(Decimal("0.1")))
    measurement.custom_cm = stored


def _save(measurement: BodyMeasurement) -> BodyMeasurement:
    has_value = any(getattr(measurement, f) is not None for f in MEASUREMENT_RANGES)
    if not has_value and not measurement.custom_cm:
        raise ValidationError(NO_VALUE)
    measurement.full_clean(exclude=["client"], validate_unique=False, validate_constraints=False)
    measurement.save()
    return measurement


def _taken(client: Client, day: date, *, exclude: int | None = None) -> BodyMeasurement | None:
    rows = BodyMeasurement.objects.for_client(client).select_for_update().filter(measured_on=day)
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    return rows.first()


@transaction.atomic
def measurement_log(
    *,
    client: Client,
    measured_on: date,
    notes: str = "",
    custom: CustomValues | None = None,
    merge: bool = True,
    **values: Unpack[MeasurementValues],
) -> BodyMeasurement:
    """Record measurements for a day. With `merge`, a day that already has a row keeps
    it and takes the values given here (a weigh-in after this morning's waist); without
    it, such a day is a conflict."""
    check_day(client=client, day=measured_on)
    values = _checked(values)
    measurement = _taken(client, measured_on)
    if measurement is not None and not merge:
        raise ConflictError(
            f"There is already a measurement on {measured_on:%-d %B %Y}: change that one.",
            field="measured_on",
        )
    if measurement is None:
        measurement = BodyMeasurement(client=client, measured_on=measured_on)
    for field, value in values.items():
        if value is not None:
            setattr(measurement, field, value)
    if notes:
        measurement.notes = "\n".join(filter(None, [measurement.notes, notes]))
    _apply_custom(measurement, custom or {}, merge=True)
    return _save(measurement)


@transaction.atomic
def measurement_update(
    *,
    measurement: BodyMeasurement,
    measured_on: date | None = None,
    notes: str | None = None,
    custom: CustomValues | None = None,
    **values: Unpack[MeasurementValues],
) -> BodyMeasurement:
    """Change a measurement: the values given replace the stored ones (None clears one);
    those not given stay. A new date must be free."""
    client = measurement.client
    if measured_on is not None and measured_on != measurement.measured_on:
        check_day(client=client, day=measured_on)
        if _taken(client, measured_on, exclude=measurement.pk):
            raise ConflictError(
                f"There is already a measurement on {measured_on:%-d %B %Y}.",
                field="measured_on",
            )
        measurement.measured_on = measured_on
    values = _checked(values)
    for field, value in values.items():
        setattr(measurement, field, value)
    if notes is not None:
        measurement.notes = notes
    _apply_custom(measurement, custom or {}, merge=False)
    return _save(measurement)


@transaction.atomic
def measurement_delete(*, measurement: BodyMeasurement) -> None:
    measurement.delete()


@transaction.atomic
def custom_measurement_add(*, client: Client, name: str) -> CustomMeasurement:
    """A new measurement kind for one client; names are unique per client (any case)."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Give the measurement a name."})
    if CustomMeasurement.objects.for_client(client).filter(name__iexact=name).exists():
        raise ConflictError(f"{client.full_name} already has “{name}”.", field="name")
    standard = {label.lower() for label in MEASUREMENT_LABELS.values()} | {"weight"}
    if name.lower() in standard:
        raise ConflictError(f"“{name}” is already one of the standard measurements.", field="name")
    kind = CustomMeasurement(client=client, name=name)
    kind.full_clean(exclude=["client"])
    kind.save()
    return kind


@transaction.atomic
def custom_measurement_remove(*, kind: CustomMeasurement) -> None:
    """Remove a measurement kind and its values; a day left with no value at all goes
    too (a row holds at least one measurement)."""
    rows = BodyMeasurement.objects.for_client(kind.client).filter(custom_cm__has_key=kind.key)
    for row in rows.select_for_update():
        row.custom_cm.pop(kind.key, None)
        if row.custom_cm or any(getattr(row, f) is not None for f in MEASUREMENT_RANGES):
            row.save(update_fields=["custom_cm"])
        else:
            row.delete()
    kind.delete()


def _settings_row(client: Client) -> ProgressSettings:
    row, _ = ProgressSettings.objects.select_for_update().get_or_create(client=client)
    return row


@transaction.atomic
def progress_settings_update(
    *,
    client: Client,
    check_in_weekday: int | None,
    weight_goal: str,
    target_weight_kg: Decimal | None,
) -> ProgressSettings:
    """The trainer's choices: the weekly check-in day and the weight goal."""
    if weight_goal not in WeightGoal.values:
        raise ValidationError({"weight_goal": "Choose a weight goal from the list."})
    if weight_goal == WeightGoal.NONE:
        target_weight_kg = None
    low, high = MEASUREMENT_RANGES["weight_kg"]
    if target_weight_kg is not None and not low <= target_weight_kg <= high:
        raise ValidationError({"target_weight_kg": range_message("weight_kg")})
    row = _settings_row(client)
    row.check_in_weekday = check_in_weekday
    row.weight_goal = weight_goal
    row.target_weight_kg = target_weight_kg
    row.full_clean(exclude=["client"], validate_unique=False)
    row.save()
    return row


@transaction.atomic
def photo_consent_set(*, client: Client, allowed: bool) -> ProgressSettings:
    """The client's choice: may their trainer use their photos in progress reports?"""
    row = _settings_row(client)
    row.photos_in_reports = allowed
    row.save(update_fields=["photos_in_reports", "updated_at"])
    return row


@transaction.atomic
def weekly_report_set(*, client: Client, wanted: bool) -> ProgressSettings:
    """The client's choice: a progress report of the past week every Monday, made for
    their trainer."""
    row = _settings_row(client)
    row.weekly_report = wanted
    row.save(update_fields=["weekly_report", "updated_at"])
    return row
