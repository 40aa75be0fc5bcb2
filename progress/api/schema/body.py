"""OpenAPI texts and examples of progress.api.views.body (the views stay readable)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)

from fitnesspr.api.schema import error_response
from progress.api.serializers.body import (
    CustomMeasurementSerializer,
    MeasurementSerializer,
    PhotoChangeSerializer,
    PhotoSerializer,
    SettingsSerializer,
    SummarySerializer,
    UploadSerializer,
)

WHO = (
    "A client reads and writes their own records; a trainer their clients' (naming the "
    "`client` on create). Someone else's record is a 404."
)

MEASUREMENT = {
    "id": 512,
    "client": 42,
    "measured_on": "2026-03-02",
    "weight_kg": 82.4,
    "body_fat_pct": 21.5,
    "neck_cm": None,
    "chest_cm": 101.0,
    "waist_cm": 88.5,
    "hips_cm": 99.0,
    "arm_cm": 34.5,
    "thigh_cm": 58.0,
    "calf_cm": None,
    "custom": [{"measurement": 7, "name": "Wrist", "value_cm": 17.5}],
    "notes": "Morning, before breakfast.",
    "created_at": "2026-03-02T06:58:00Z",
}
MEASUREMENT_WRITE = {
    "measured_on": "2026-03-02",
    "weight_kg": 82.4,
    "waist_cm": 88.5,
    "custom_values": [{"measurement": 7, "value_cm": 17.5}],
    "notes": "Morning, before breakfast.",
}
CONFLICT = error_response(
    409,
    "There is already a measurement on that day: change it with PATCH.",
    {
        "success": False,
        "error": {
            "code": "CONFLICT",
            "message": "There is already a measurement on 2 March 2026: change that one.",
            "details": [
                {
                    "field": "measured_on",
                    "message": "There is already a measurement on 2 March 2026: change that one.",
                    "code": "conflict",
                }
            ],
        },
    },
)

measurement_viewset = extend_schema_view(
    list=extend_schema(
        summary="List measurements",
        description="Newest first. Without `?from=` or `?to=` the last 30 days (up to "
        "today, trainer's time zone); with either, exactly the range asked. Trainers "
        "filter one client with `?client=`. Weights in kg, lengths in cm. " + WHO,
        examples=[OpenApiExample("Measurements", value=MEASUREMENT, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a measurement",
        description="One day's measurements. " + WHO,
        examples=[OpenApiExample("Measurement", value=MEASUREMENT, response_only=True)],
    ),
    create=extend_schema(
        summary="Record measurements",
        description=(
            "A day's measurements: any subset of weight (20-400 kg), body fat (2-75 %), the "
            "circumferences (cm) and the client's own measurements (`custom_values`). The "
            "date may not be in the future or before the client's date of birth. One row "
            "per day: a day that already has one is a 409 (change it with PATCH). " + WHO
        ),
        responses={201: MeasurementSerializer, 409: CONFLICT},
        examples=[
            OpenApiExample("Weigh-in and waist", value=MEASUREMENT_WRITE, request_only=True),
            OpenApiExample("Saved", value=MEASUREMENT, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Replace a day's measurements",
        description="Every value is replaced: a value left out is cleared. " + WHO,
        responses={200: MeasurementSerializer, 409: CONFLICT},
        examples=[
            OpenApiExample("Values", value=MEASUREMENT_WRITE, request_only=True),
            OpenApiExample("Changed", value=MEASUREMENT, response_only=True),
        ],
    ),
    partial_update=extend_schema(
        summary="Change a day's measurements",
        description="Only the values sent change (null clears one); moving the date onto "
        "a day that has measurements is a 409. " + WHO,
        responses={200: MeasurementSerializer, 409: CONFLICT},
        examples=[
            OpenApiExample("Weight only", value={"weight_kg": 82.1}, request_only=True),
            OpenApiExample("Changed", value=MEASUREMENT, response_only=True),
        ],
    ),
    destroy=extend_schema(summary="Delete a day's measurements", description=WHO),
)

CUSTOM = {"id": 7, "client": 42, "name": "Wrist", "created_at": "2026-02-01T10:00:00Z"}

custom_measurement_viewset = extend_schema_view(
    list=extend_schema(
        summary="List a client's own measurements",
        description="Circumferences a trainer tracks for one client besides the usual "
        "ones. A client reads their own; a trainer filters with `?client=`.",
        examples=[OpenApiExample("Custom", value=CUSTOM, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a client's own measurement",
        description="A client reads their own; a trainer their clients'.",
        examples=[OpenApiExample("Custom", value=CUSTOM, response_only=True)],
    ),
    create=extend_schema(
        summary="Add a measurement for a client",
        description="Trainers only (a client's token gets 403). Names are unique per "
        "client, in any case (409), and may not repeat a standard one.",
        request=CustomMeasurementSerializer,
        responses={201: CustomMeasurementSerializer, 409: error_response(409)},
        examples=[
            OpenApiExample("Wrist", value={"client": 42, "name": "Wrist"}, request_only=True),
            OpenApiExample("Added", value=CUSTOM, response_only=True, status_codes=["201"]),
        ],
    ),
    destroy=extend_schema(
        summary="Remove a client's own measurement",
        description="Trainers only. Its values go too (a day left with no value at all "
        "is deleted).",
    ),
)

PHOTO = {
    "id": 88,
    "client": 42,
    "pose": "front",
    "taken_on": "2026-03-02",
    "width": 1600,
    "height": 2133,
    "check_in": None,
    "notes": "",
    "image_url": "/api/v1/progress/photos/88/image/",
    "thumbnail_url": "/api/v1/progress/photos/88/thumbnail/",
    "created_at": "2026-03-02T07:10:00Z",
}
PHOTO_RULES = (
    "The file must be a JPEG, PNG or WebP image, recognised by its content (the name and "
    "the declared type don't count), within the size cap (PHOTO_MAX_UPLOAD_MB, 10 MB by "
    "default) and pixel cap (PHOTO_MAX_MEGAPIXELS, 50 by default), complete, and nothing "
    "but an image (a file that also holds a web page, a script, a PDF or an archive is "
    "refused). It is stored re-encoded as JPEG, turned upright by its EXIF orientation, "
    "with all metadata (location included) removed, plus a thumbnail. Refusals are a 400 "
    "VALIDATION_ERROR on `file` and store nothing."
)
UPLOAD_EXAMPLE = {"kind": "progress_photo", "pose": "front", "taken_on": "2026-03-02", "file": "…"}

photo_viewset = extend_schema_view(
    list=extend_schema(
        summary="List progress photos",
        description="Newest first. `?client=` (trainers), `?pose=`, `?from=`, `?to=`. "
        "`image_url` and `thumbnail_url` serve the files to the same token. " + WHO,
        examples=[OpenApiExample("Photos", value=PHOTO, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a progress photo",
        description=WHO,
        examples=[OpenApiExample("Photo", value=PHOTO, response_only=True)],
    ),
    create=extend_schema(
        summary="Upload a progress photo",
        description="Multipart, the same as `POST /api/v1/uploads/`. " + PHOTO_RULES + " " + WHO,
        request={"multipart/form-data": UploadSerializer},
        responses={201: PhotoSerializer},
        examples=[
            OpenApiExample("Front photo", value=UPLOAD_EXAMPLE, request_only=True),
            OpenApiExample("Saved", value=PHOTO, response_only=True, status_codes=["201"]),
        ],
    ),
    partial_update=extend_schema(
        summary="Change a photo's pose, date or note",
        description=WHO,
        request=PhotoChangeSerializer,
        responses={200: PhotoSerializer},
        examples=[
            OpenApiExample("Side", value={"pose": "side"}, request_only=True),
            OpenApiExample("Changed", value={**PHOTO, "pose": "side"}, response_only=True),
        ],
    ),
    destroy=extend_schema(summary="Delete a progress photo", description=WHO),
)

photo_file_get = extend_schema(
    operation_id="progress_photo_file",
    summary="A progress photo's file",
    description="The JPEG of the photo (`image`) or its thumbnail (`thumbnail`), sent "
    "with `Cache-Control: private`. " + WHO,
    parameters=[
        OpenApiParameter("variant", str, OpenApiParameter.PATH, enum=["image", "thumbnail"])
    ],
    responses={
        (200, "image/jpeg"): OpenApiResponse(OpenApiTypes.BINARY, description="The JPEG."),
        400: error_response(400),  # a variant other than image or thumbnail
    },
)

upload_post = extend_schema(
    operation_id="uploads_create",
    tags=["progress"],
    summary="Upload a file",
    description="Multipart upload of a progress photo (`kind=progress_photo`, the one kind "
    "today). " + PHOTO_RULES + " The photo belongs to no check-in yet: send its id in "
    "`photo_ids` with this week's check-in (`POST /api/v1/progress/check-ins/`). " + WHO,
    request={"multipart/form-data": UploadSerializer},
    responses={201: PhotoSerializer},
    examples=[
        OpenApiExample("Front photo", value=UPLOAD_EXAMPLE, request_only=True),
        OpenApiExample("Saved", value=PHOTO, response_only=True, status_codes=["201"]),
    ],
)

SETTINGS = {
    "client": 42,
    "check_in_weekday": 6,
    "weight_goal": "lose",
    "target_weight_kg": 76.0,
    "photos_in_reports": False,
    "weekly_report": False,
}
CLIENT_PARAM = OpenApiParameter(
    "client", int, required=False, description="Trainers: which client."
)

settings_get = extend_schema(
    operation_id="progress_settings_retrieve",
    summary="A client's progress settings",
    description="The weekly check-in day and the weight goal (the trainer's choice) and "
    "whether photos may go in progress reports (the client's). Clients read their own; "
    "trainers pass `?client=`.",
    parameters=[CLIENT_PARAM],
    responses={200: SettingsSerializer},
    examples=[OpenApiExample("Settings", value=SETTINGS, response_only=True)],
)

settings_patch = extend_schema(
    operation_id="progress_settings_update",
    summary="Change progress settings",
    description="Trainers change `check_in_weekday` (0 = Monday … 6 = Sunday, null = no "
    "check-ins), `weight_goal` and `target_weight_kg` (with `?client=`); a client changes "
    "`photos_in_reports`. Sending the other side's field is a VALIDATION_ERROR.",
    parameters=[CLIENT_PARAM],
    request=SettingsSerializer,
    responses={200: SettingsSerializer},
    examples=[
        OpenApiExample("Sunday check-ins", value={"check_in_weekday": 6}, request_only=True),
        OpenApiExample("Consent", value={"photos_in_reports": True}, request_only=True),
        OpenApiExample("Saved", value=SETTINGS, response_only=True),
    ],
)

summary_get = extend_schema(
    operation_id="progress_summary",
    summary="A client's progress charts",
    description="The series behind the Progress charts over `?range=` (`4w`, `3m` — the "
    "default —, `1y`, `all`), in SI units: weight with its 7-day moving average, each "
    "measurement recorded in the range, training volume per week (load x reps of "
    "finished sets, weeks starting on Monday) and the estimated 1RM (Epley) of the three "
    "most trained lifts. Clients read their own; trainers pass `?client=`.",
    parameters=[
        CLIENT_PARAM,
        OpenApiParameter("range", str, enum=["4w", "3m", "1y", "all"], required=False),
    ],
    responses={200: SummarySerializer},
    examples=[
        OpenApiExample(
            "Summary",
            value={
                "client": 42,
                "period": {"key": "4w", "start": "2026-02-03", "end": "2026-03-02"},
                "weight": {
                    "key": "weight",
                    "name": "Weight",
                    "unit": "kg",
                    "points": [
                        {"date": "2026-02-24", "value": 82.9},
                        {"date": "2026-03-02", "value": 82.4},
                    ],
                    "trend": [
                        {"date": "2026-02-24", "value": 82.9},
                        {"date": "2026-03-02", "value": 82.4},
                    ],
                },
                "weight_change_4_weeks_kg": -0.8,
                "measurements": [
                    {
                        "key": "waist_cm",
                        "name": "Waist",
                        "unit": "cm",
                        "points": [{"date": "2026-03-02", "value": 88.5}],
                        "trend": [],
                    }
                ],
                "weekly_volume": {
                    "key": "volume",
                    "name": "Weekly volume",
                    "unit": "kg",
                    "points": [{"date": "2026-02-23", "value": 9840.0}],
                    "trend": [],
                },
                "lifts": [
                    {
                        "key": "lift-12",
                        "name": "Back Squat: estimated 1RM",
                        "unit": "kg",
                        "points": [{"date": "2026-03-02", "value": 116.7}],
                        "trend": [],
                    }
                ],
            },
            response_only=True,
        )
    ],
)
