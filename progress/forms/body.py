"""Forms for measurements, photos and a client's progress settings. They check shapes
and bounds in the unit the person types (kg or lb, cm or in) and hand SI values to
progress.services, which keeps the rules (dates, merging a day, storing photos)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from clients.models import Client
from fitnesspr.dates import WindowDateField
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from fitnesspr.models import User
from fitnesspr.units import (
    cm_to_display,
    display_to_cm,
    display_to_kg,
    format_number,
    kg_to_display,
    length_unit,
    weight_unit,
)
from progress.forms import PointDecimalField
from progress.models import (
    CIRCUMFERENCES,
    CUSTOM_RANGE,
    MEASUREMENT_RANGES,
    BodyMeasurement,
    CustomMeasurement,
    PhotoPose,
    ProgressPhoto,
    ProgressSettings,
    Weekday,
    WeightGoal,
)
from progress.selectors.body import FIRST_DATE, LAST_DATE, custom_measurements
from progress.selectors.series import MEASUREMENT_LABELS
from progress.services.body import (
    CustomValues,
    MeasurementValues,
    measurement_log,
    measurement_update,
)
from progress.services.photos import photo_add

DATE_ATTRS = {"type": "date", "min": FIRST_DATE.isoformat(), "max": LAST_DATE.isoformat()}
NUMBER_ATTRS = {"inputmode": "decimal", "autocomplete": "off"}
#: service field -> form field, for the errors a service reports
SERVICE_FIELDS = {"weight_kg": "weight", "body_fat_pct": "body_fat", "image": "image"}
PHOTO_ACCEPT = "image/jpeg,image/png,image/webp"


def date_field(label: str, **kwargs: Any) -> WindowDateField:
    return WindowDateField(
        label=label,
        widget=forms.DateInput(attrs=DATE_ATTRS, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date like 2026-03-31."},
        **kwargs,
    )


def clean_date(value: date | None) -> date | None:
    if value is not None and not FIRST_DATE <= value <= LAST_DATE:
        raise ValidationError(f"Enter a date from {FIRST_DATE.year} to {LAST_DATE.year}.")
    return value


def number_field(label: str, *, required: bool = False) -> PointDecimalField:
    return PointDecimalField(
        label=label,
        required=required,
        max_digits=6,
        decimal_places=2,
        widget=forms.TextInput(attrs=NUMBER_ATTRS),
        error_messages={"invalid": "Enter a number, like 82.5."},
    )


def _bounded(value: Decimal, low: Decimal, high: Decimal, shown: str) -> Decimal:
    if not low <= value <= high:
        raise ValidationError(f"Enter {shown}.")
    return value


class UnitsMixin:
    """Turns typed numbers into SI: kg from kg or lb, cm from cm or in."""

    unit_system: str

    def to_kg(self, typed: Decimal | None, field: str = "weight_kg") -> Decimal | None:
        if typed is None:
            return None
        low, high = MEASUREMENT_RANGES[field]
        shown_low, shown_high = (
            kg_to_display(v, self.unit_system, places="1") for v in (low, high)
        )
        unit = weight_unit(self.unit_system)
        kg = display_to_kg(typed, self.unit_system)
        assert kg is not None
        return _bounded(kg, low, high, f"a weight from {shown_low} to {shown_high} {unit}")

    def to_cm(self, typed: Decimal | None, low: Decimal, high: Decimal) -> Decimal | None:
        if typed is None:
            return None
        shown_low, shown_high = (
            format_number(cm_to_display(v, self.unit_system)) for v in (low, high)
        )
        cm = display_to_cm(typed, self.unit_system)
        assert cm is not None
        unit = length_unit(self.unit_system)
        return _bounded(cm, low, high, f"a length from {shown_low} to {shown_high} {unit}")


class WeighInForm(UnitsMixin, forms.Form):
    """The portal home's quick weigh-in."""

    weight = number_field("Weight", required=True)
    measured_on = date_field("Date")

    def __init__(self, *args: Any, unit_system: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit_system = unit_system
        self.fields["weight"].label = f"Weight ({weight_unit(unit_system)})"
        self.fields["weight"].error_messages["required"] = "Enter your weight."

    def clean_weight(self) -> Decimal | None:
        return self.to_kg(self.cleaned_data.get("weight"))

    def clean_measured_on(self) -> date | None:
        return clean_date(self.cleaned_data.get("measured_on"))

    def log(self, *, client: Client) -> BodyMeasurement | None:
        """Record the weigh-in (joining that day's measurements); a refusal lands on
        the form and gives None."""
        try:
            return measurement_log(
                client=client,
                measured_on=self.cleaned_data["measured_on"],
                weight_kg=self.cleaned_data["weight"],
            )
        except (ValidationError, ConflictError) as exc:
            add_service_error(self, exc, renames=SERVICE_FIELDS)
            return None


class MeasurementForm(UnitsMixin, forms.Form):
    """A day's measurements: any subset of weight, body fat, the circumferences and the
    client's own measurements, with a note."""

    measured_on = date_field("Date")
    weight = number_field("Weight")
    body_fat = number_field("Body fat (%)")
    notes = forms.CharField(
        label="Note", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self, *args: Any, unit_system: str, customs: list[CustomMeasurement], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.unit_system = unit_system
        self.customs = customs
        self.fields["weight"].label = f"Weight ({weight_unit(unit_system)})"
        unit = length_unit(unit_system)
        notes = self.fields.pop("notes")
        for name in CIRCUMFERENCES:
            self.fields[name] = number_field(f"{MEASUREMENT_LABELS[name]} ({unit})")
        for kind in customs:
            self.fields[f"custom-{kind.pk}"] = number_field(f"{kind.name} ({unit})")
        self.fields["notes"] = notes

    @classmethod
    def for_client(
        cls, data: Any = None, *, client: Client, row: BodyMeasurement | None = None
    ) -> MeasurementForm:
        """The form for a client (their own measurements among the fields, in their
        trainer's units): a new day's, starting today, or `row`'s values to change."""
        units = client.trainer.unit_system
        customs = custom_measurements(client=client)
        if row is None:
            initial = {"measured_on": client.trainer.today()}
        else:
            initial = cls.initial_for(row, unit_system=units, customs=customs)
        return cls(data, initial=initial, unit_system=units, customs=customs)

    @classmethod
    def initial_for(
        cls, row: BodyMeasurement, *, unit_system: str, customs: list[CustomMeasurement]
    ) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "measured_on": row.measured_on,
            "weight": format_number(kg_to_display(row.weight_kg, unit_system)),
            "body_fat": format_number(row.body_fat_pct),
            "notes": row.notes,
        }
        for name in CIRCUMFERENCES:
            initial[name] = format_number(cm_to_display(getattr(row, name), unit_system))
        for kind in customs:
            shown = cm_to_display(row.custom_value(kind), unit_system)
            initial[f"custom-{kind.pk}"] = format_number(shown)
        return initial

    def clean_measured_on(self) -> date | None:
        return clean_date(self.cleaned_data.get("measured_on"))

    def clean_weight(self) -> Decimal | None:
        return self.to_kg(self.cleaned_data.get("weight"))

    def clean_body_fat(self) -> Decimal | None:
        value = self.cleaned_data.get("body_fat")
        if value is None:
            return None
        low, high = MEASUREMENT_RANGES["body_fat_pct"]
        return _bounded(value, low, high, f"a body fat from {low} to {high} %")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        assert data is not None
        for name in CIRCUMFERENCES:
            if data.get(name) is not None:
                try:
                    data[name] = self.to_cm(data[name], *MEASUREMENT_RANGES[name])
                except ValidationError as error:
                    self.add_error(name, error)
        for kind in self.customs:
            key = f"custom-{kind.pk}"
            if data.get(key) is not None:
                try:
                    data[key] = self.to_cm(data[key], *CUSTOM_RANGE)
                except ValidationError as error:
                    self.add_error(key, error)
        return data

    def values(self) -> MeasurementValues:
        data = self.cleaned_data
        values: MeasurementValues = {
            "weight_kg": data.get("weight"),
            "body_fat_pct": data.get("body_fat"),
        }
        for name in CIRCUMFERENCES:
            values[name] = data.get(name)  # type: ignore[literal-required]
        return values

    def custom_values(self) -> CustomValues:
        return {kind: self.cleaned_data.get(f"custom-{kind.pk}") for kind in self.customs}

    def log(self, *, client: Client) -> BodyMeasurement | None:
        """Add the day's values (joining measurements already there that day); a
        refusal lands on the form and gives None."""
        try:
            return measurement_log(
                client=client,
                measured_on=self.cleaned_data["measured_on"],
                notes=self.cleaned_data["notes"],
                custom=self.custom_values(),
                **self.values(),
            )
        except (ValidationError, ConflictError) as exc:
            add_service_error(self, exc, renames=SERVICE_FIELDS)
            return None

    def update(self, *, measurement: BodyMeasurement) -> BodyMeasurement | None:
        """Replace a day's values with the form's (an empty field clears its value)."""
        try:
            return measurement_update(
                measurement=measurement,
                measured_on=self.cleaned_data["measured_on"],
                notes=self.cleaned_data["notes"],
                custom=self.custom_values(),
                **self.values(),
            )
        except (ValidationError, ConflictError) as exc:
            measurement.refresh_from_db()  # the service set the refused values on it
            add_service_error(self, exc, renames=SERVICE_FIELDS)
            return None

    @property
    def circumference_fields(self) -> list[forms.BoundField]:
        names = [*CIRCUMFERENCES, *(f"custom-{kind.pk}" for kind in self.customs)]
        return [self[name] for name in names]


class PhotoForm(forms.Form):
    image = forms.FileField(
        label="Photo",
        widget=forms.ClearableFileInput(attrs={"accept": PHOTO_ACCEPT}),
        error_messages={"required": "Choose a photo to upload.", "empty": "This file is empty."},
        help_text="A JPEG, PNG or WebP photo.",
    )
    pose = forms.ChoiceField(label="Pose", choices=PhotoPose.choices)
    taken_on = date_field("Taken on")

    def clean_taken_on(self) -> date | None:
        return clean_date(self.cleaned_data.get("taken_on"))

    def add(self, *, client: Client, by: User) -> ProgressPhoto | None:
        """Check and store the photo; a refusal lands on the form and gives None."""
        data = self.cleaned_data
        try:
            return photo_add(
                client=client,
                upload=data["image"],
                pose=data["pose"],
                taken_on=data["taken_on"],
                uploaded_by=by,
            )
        except ValidationError as exc:
            add_service_error(self, exc, renames=SERVICE_FIELDS)
            return None


class CompareForm(forms.Form):
    """Which two days of photos to put side by side (GET; anything unknown is ignored)."""

    before = WindowDateField(required=False)
    after = WindowDateField(required=False)
    pose = forms.ChoiceField(required=False, choices=[("", "All poses"), *PhotoPose.choices])

    def choice(self) -> tuple[date | None, date | None, str]:
        if not self.is_valid():
            return None, None, ""
        data = self.cleaned_data
        return data.get("before"), data.get("after"), data.get("pose") or ""


class PhotoConsentForm(forms.Form):
    photos_in_reports = forms.BooleanField(
        label="Let my trainer use my progress photos in progress reports", required=False
    )
    weekly_report = forms.BooleanField(
        label="Make a progress report of my week every Monday, for my trainer", required=False
    )


class ProgressSettingsForm(UnitsMixin, forms.Form):
    check_in_weekday = forms.TypedChoiceField(
        label="Weekly check-in day",
        choices=[("", "No weekly check-ins"), *Weekday.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="Your client is reminded in the portal and fills in a short check-in.",
    )
    weight_goal = forms.ChoiceField(
        label="Weight goal",
        choices=WeightGoal.choices,
        required=False,
        help_text="The attention list tells you when the weight trend runs against it.",
    )
    target_weight = number_field("Target weight")

    def __init__(self, *args: Any, unit_system: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit_system = unit_system
        self.fields["target_weight"].label = f"Target weight ({weight_unit(unit_system)})"

    @classmethod
    def initial_for(cls, row: ProgressSettings, *, unit_system: str) -> dict[str, Any]:
        return {
            "check_in_weekday": row.check_in_weekday,
            "weight_goal": row.weight_goal,
            "target_weight": format_number(kg_to_display(row.target_weight_kg, unit_system)),
        }

    def clean_target_weight(self) -> Decimal | None:
        return self.to_kg(self.cleaned_data.get("target_weight"))


class CustomMeasurementForm(forms.Form):
    name = forms.CharField(
        label="New measurement",
        max_length=40,
        help_text="A circumference to track for this client, e.g. “Left arm” or “Wrist”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
