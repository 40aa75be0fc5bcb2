"""Measurements, photos, uploads, check-ins, replies, progress settings and the chart
summary as the API reads and writes them. Values are SI: kg, cm, %. Writes feed
progress.services, the same functions the portal and the dashboard call."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clients.models import Client
from fitnesspr.api.fields import NUMBER, ScopedPrimaryKeyRelatedField, WindowDateField
from fitnesspr.api.filters import QuerySerializer
from fitnesspr.api.rows import RowListSerializer
from progress.models import (
    CIRCUMFERENCES,
    CUSTOM_RANGE,
    SCORES,
    BodyMeasurement,
    CheckIn,
    CustomMeasurement,
    PhotoPose,
    ProgressPhoto,
    ProgressSettings,
    Reply,
)
from progress.selectors.body import FIRST_DATE, LAST_DATE
from progress.selectors.series import RANGES

STANDARD_VALUES = ("weight_kg", "body_fat_pct", *CIRCUMFERENCES)


def bounded_date(value: date) -> None:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise serializers.ValidationError(
            f"Enter a date from {FIRST_DATE.year} to {LAST_DATE.year}."
        )


class CustomValueSerializer(serializers.Serializer[Any]):
    measurement = ScopedPrimaryKeyRelatedField(
        CustomMeasurement,
        help_text="One of the client's own measurements (see custom-measurements).",
    )
    name = serializers.CharField(read_only=True)
    value_cm = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        min_value=CUSTOM_RANGE[0],
        max_value=CUSTOM_RANGE[1],
        allow_null=True,
        coerce_to_string=False,
        help_text="In cm; null removes the value (on PATCH).",
    )


class MeasurementSerializer(serializers.ModelSerializer[BodyMeasurement]):
    client = ScopedPrimaryKeyRelatedField(
        Client,
        required=False,
        help_text="Trainers: whose measurement (required on create). Clients: left out.",
    )
    custom = serializers.SerializerMethodField(
        help_text="The client's own measurements on that day, in cm."
    )
    custom_values = CustomValueSerializer(
        many=True,
        write_only=True,
        required=False,
        help_text="Values of the client's own measurements.",
    )

    class Meta:
        model = BodyMeasurement
        list_serializer_class = RowListSerializer
        fields = [
            "id",
            "client",
            "measured_on",
            *STANDARD_VALUES,
            "custom",
            "custom_values",
            "notes",
            "created_at",
        ]
        read_only_fields = ["id", "created_at"]
        validators: list[Any] = []  # one row per day: the service answers that (409)
        extra_kwargs = {
            "measured_on": {"validators": [bounded_date]},
            "weight_kg": {**NUMBER, "help_text": "Weight in kg (20-400)."},
            "body_fat_pct": {**NUMBER, "help_text": "Body fat in % (2-75)."},
            **{name: {**NUMBER, "help_text": "In cm."} for name in CIRCUMFERENCES},
        }

    @extend_schema_field(CustomValueSerializer(many=True))
    def get_custom(self, row: BodyMeasurement) -> list[dict[str, Any]]:
        kinds = self.context.get("custom_kinds", {})
        return [
            {"measurement": int(key), "name": kinds.get(int(key), ""), "value_cm": float(value)}
            for key, value in sorted(row.custom_cm.items())
        ]


class CustomMeasurementSerializer(serializers.ModelSerializer[CustomMeasurement]):
    client = ScopedPrimaryKeyRelatedField(Client, help_text="Whose measurement (trainers).")

    class Meta:
        model = CustomMeasurement
        fields = ["id", "client", "name", "created_at"]
        read_only_fields = ["id", "created_at"]


class PhotoSerializer(serializers.ModelSerializer[ProgressPhoto]):
    image_url = serializers.SerializerMethodField(help_text="The photo (JPEG), with your token.")
    thumbnail_url = serializers.SerializerMethodField(help_text="A small JPEG for lists.")

    class Meta:
        model = ProgressPhoto
        fields = [
            "id",
            "client",
            "pose",
            "taken_on",
            "width",
            "height",
            "check_in",
            "notes",
            "image_url",
            "thumbnail_url",
            "created_at",
        ]
        read_only_fields = fields

    def get_image_url(self, photo: ProgressPhoto) -> str:
        return reverse("api:progress-photo-file", args=[photo.pk, "image"])

    def get_thumbnail_url(self, photo: ProgressPhoto) -> str:
        return reverse("api:progress-photo-file", args=[photo.pk, "thumbnail"])


class PhotoChangeSerializer(serializers.Serializer[Any]):
    pose = serializers.ChoiceField(choices=PhotoPose.choices, required=False)
    taken_on = WindowDateField(required=False, validators=[bounded_date])
    notes = serializers.CharField(required=False, allow_blank=True, max_length=1000)


class UploadSerializer(serializers.Serializer[Any]):
    """A multipart upload: the file and what it is."""

    file = serializers.FileField(
        help_text="A JPEG, PNG or WebP photo (checked by its content), up to the size cap."
    )
    kind = serializers.ChoiceField(
        choices=[("progress_photo", "Progress photo")],
        default="progress_photo",
        help_text="What the file is; progress photos are the one kind today.",
    )
    pose = serializers.ChoiceField(choices=PhotoPose.choices, default=PhotoPose.FRONT)
    taken_on = WindowDateField(
        required=False, validators=[bounded_date], help_text="Default: today (trainer's zone)."
    )
    notes = serializers.CharField(required=False, allow_blank=True, max_length=1000)
    client = ScopedPrimaryKeyRelatedField(
        Client, required=False, help_text="Trainers: whose photo (required). Clients: left out."
    )


class ReplySerializer(serializers.ModelSerializer[Reply]):
    author_name = serializers.SerializerMethodField()

    class Meta:
        model = Reply
        fields = ["id", "by_trainer", "author_name", "body", "created_at", "read_at"]
        read_only_fields = ["id", "by_trainer", "author_name", "created_at", "read_at"]
        extra_kwargs = {"body": {"help_text": "The message (up to 2000 characters)."}}

    def get_author_name(self, reply: Reply) -> str:
        return reply.author.get_full_name() if reply.author else ""


class CheckInSerializer(serializers.ModelSerializer[CheckIn]):
    replies = ReplySerializer(many=True, read_only=True)
    photos = serializers.SerializerMethodField(help_text="Photos sent with it.")
    photo_ids = ScopedPrimaryKeyRelatedField(
        ProgressPhoto,
        many=True,
        write_only=True,
        required=False,
        help_text="Photos uploaded before (POST /api/v1/uploads/) to send with it.",
    )

    class Meta:
        model = CheckIn
        fields = [
            "id",
            "client",
            "due_on",
            *SCORES,
            "weight_kg",
            "comment",
            "submitted_at",
            "photos",
            "photo_ids",
            "replies",
        ]
        read_only_fields = ["id", "client", "due_on", "submitted_at"]
        validators: list[Any] = []  # one a week: the service answers that (409)
        extra_kwargs = {
            "weight_kg": {**NUMBER, "help_text": "Optional; also recorded as that day's weigh-in."},
            "comment": {"required": False},
        }

    @extend_schema_field(PhotoSerializer(many=True))
    def get_photos(self, check_in: CheckIn) -> list[dict[str, Any]]:
        return PhotoSerializer(check_in.photos.all(), many=True, context=self.context).data  # type: ignore[return-value]


class CheckInDueSerializer(serializers.Serializer[Any]):
    check_in_weekday = serializers.IntegerField(
        allow_null=True, help_text="0 = Monday … 6 = Sunday; null: no weekly check-ins."
    )
    due_on = WindowDateField(allow_null=True, help_text="This week's check-in is due then.")
    days_left = serializers.IntegerField(allow_null=True)
    submitted = serializers.IntegerField(
        allow_null=True, help_text="The id of this week's check-in, once it is in."
    )


class SettingsSerializer(serializers.ModelSerializer[ProgressSettings]):
    class Meta:
        model = ProgressSettings
        fields = [
            "client",
            "check_in_weekday",
            "weight_goal",
            "target_weight_kg",
            "photos_in_reports",
            "weekly_report",
        ]
        read_only_fields = ["client"]
        extra_kwargs = {
            "check_in_weekday": {
                "help_text": "Trainers: 0 = Monday … 6 = Sunday, null = no weekly check-ins."
            },
            "weight_goal": {"help_text": "Trainers: lose, maintain, gain or empty."},
            "target_weight_kg": {**NUMBER, "help_text": "Trainers: in kg (optional)."},
            "photos_in_reports": {
                "help_text": "Clients: may the trainer use their photos in progress reports?"
            },
            "weekly_report": {
                "help_text": "Clients: a progress report of the past week every Monday, for "
                "the trainer?"
            },
        }


TRAINER_SETTINGS = ("check_in_weekday", "weight_goal", "target_weight_kg")
CLIENT_SETTINGS = ("photos_in_reports", "weekly_report")


class ClientRangeQuerySerializer(QuerySerializer):
    """`?client=` (trainers) and `?range=`."""

    client = ScopedPrimaryKeyRelatedField(
        Client, required=False, help_text="Trainers: which client."
    )
    range = serializers.ChoiceField(choices=list(RANGES), default="3m")


class PointSerializer(serializers.Serializer[Any]):
    date = WindowDateField(source="on")
    value = serializers.DecimalField(max_digits=9, decimal_places=2, coerce_to_string=False)


class SeriesSerializer(serializers.Serializer[Any]):
    key = serializers.CharField(
        help_text="weight, waist_cm, custom-<id>, lift-<exercise id>, volume"
    )
    name = serializers.CharField(source="label", help_text="What it is, for a chart title.")
    unit = serializers.SerializerMethodField()
    points = PointSerializer(many=True)
    trend = PointSerializer(many=True, help_text="Weight only: the 7-day moving average.")

    def get_unit(self, series: Any) -> str:
        return {"weight": "kg", "volume": "kg", "length": "cm", "percent": "%"}[series.kind]


class PeriodSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    start = WindowDateField(allow_null=True, help_text="null: from the first record.")
    end = WindowDateField()


class SummarySerializer(serializers.Serializer[Any]):
    client = serializers.IntegerField()
    period = PeriodSerializer()
    weight = SeriesSerializer()
    weight_change_4_weeks_kg = serializers.DecimalField(
        max_digits=5,
        decimal_places=1,
        coerce_to_string=False,
        allow_null=True,
        help_text="Read off the trend of the last 4 weeks; null with too few weigh-ins.",
    )
    measurements = SeriesSerializer(many=True)
    weekly_volume = SeriesSerializer(source="volume", help_text="Load x reps, per week (Mondays).")
    lifts = SeriesSerializer(many=True, help_text="Estimated 1RM of the most trained lifts.")
