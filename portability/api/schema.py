"""OpenAPI texts and examples of portability.api.views."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema

from fitnesspr.api.schema import error_response
from portability.api.serializers import (
    DataExportSerializer,
    DataImportSerializer,
    ImportUploadSerializer,
)

TAGS = ["portability"]
EXPORT = {
    "id": 7,
    "status": "ready",
    "size_bytes": 48213,
    "counts": {"clients": 4, "programs": 3, "workout_sets": 39, "photos": 2},
    "error": "",
    "created_at": "2026-11-30T12:00:00Z",
    "completed_at": "2026-11-30T12:00:04Z",
    "file_url": "/api/v1/exports/7/file/",
}
FORMAT_TEXT = (
    "The ZIP holds `manifest.json` (format, format version, app version, `exported_at`, "
    "counts per kind), `profile.json`, one JSON file per kind of row (clients without "
    "their PINs, exercises, programs, program_days, prescriptions, program_assignments, "
    "one_rep_maxes, foods, food_portions, recipes, recipe_ingredients, meal_plans and "
    "their slots, days and entries, meal_plan_assignments, diary_entries, "
    "progress_settings, custom_measurements, measurements, check_ins, photos, "
    "workout_logs, workout_sets, replies, billing_profile, packages, invoices, "
    "invoice_lines, payments), CSV copies of the tabular kinds (clients, workout_sets, "
    "measurements, invoices, payments, diary_entries) and the photo files under "
    "`photos/`. Ids are local to the export; a reference to another row is that row's "
    "id in its kind, and a row of the shared libraries is named "
    '(`{"library": "Barbell Back Squat"}`).'
)
WHO = "Trainers only; another trainer's export is a 404."

export_create = extend_schema(
    operation_id="exports_create",
    tags=TAGS,
    summary="Export all your data",
    description=(
        "Starts building a ZIP of everything you own, in the background; answers 202 "
        "with the export (`status: pending`). Follow it with `GET /api/v1/exports/{id}/` "
        "until `status` is `ready` (or `failed`, with `error`), then download "
        "`file_url`. Asking again while one is being prepared returns that one. " + FORMAT_TEXT
    ),
    request=None,
    responses={202: DataExportSerializer},
    examples=[
        OpenApiExample(
            "Preparing",
            value={
                **EXPORT,
                "status": "pending",
                "size_bytes": None,
                "counts": {},
                "completed_at": None,
                "file_url": None,
            },
            response_only=True,
            status_codes=["202"],
        )
    ],
)
export_get = extend_schema(
    operation_id="exports_retrieve",
    tags=TAGS,
    summary="An export",
    description="Its status, size and counts per kind once ready. " + WHO,
    responses={200: DataExportSerializer},
    examples=[OpenApiExample("Ready", value=EXPORT, response_only=True)],
)
export_file = extend_schema(
    operation_id="exports_file",
    tags=TAGS,
    summary="Download an export",
    description="The ZIP (`application/zip`), never cached. 404 until it's ready. " + WHO,
    responses={
        (200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY, description="The ZIP.")
    },
)

import_create = extend_schema(
    operation_id="imports_create",
    tags=TAGS,
    summary="Import an export into this account",
    description=(
        "Multipart upload (`file`) of a ZIP made by `exports/`, into a fresh account (no "
        "clients, programs or other data yet; otherwise 409 CONFLICT). The whole file is "
        "checked before anything is written (format version, every record, every "
        "reference, caps on size and number of files); anything wrong answers 400 "
        "`IMPORT_REFUSED` with one detail per problem, and nothing is written. On success "
        "(201) the data is exactly as exported; clients get new PINs, not shown: reset "
        "each client's PIN to hand it over. Trainers only."
    ),
    request={"multipart/form-data": ImportUploadSerializer},
    responses={
        201: DataImportSerializer,
        409: error_response(409, "The account already has data: import into a fresh one."),
    },
    examples=[
        OpenApiExample(
            "Imported",
            value={
                "id": 3,
                "status": "done",
                "filename": "fitnesspr-export-2026-11-30-7.zip",
                "counts": {"clients": 4, "programs": 3, "workout_sets": 39},
                "error": "",
                "created_at": "2026-11-30T12:10:00Z",
            },
            response_only=True,
            status_codes=["201"],
        )
    ],
)

my_data = extend_schema(
    operation_id="my_data_retrieve",
    tags=TAGS,
    summary="Download your own data (clients)",
    description=(
        "A ZIP made on request of everything kept about the signed-in client: "
        "`profile.json`, and JSON per kind (one_rep_maxes, diary_entries, "
        "custom_measurements, measurements, check_ins, photos with their files, "
        "workout_logs, workout_sets, replies, invoices, invoice_lines, payments), with "
        "CSVs of the tabular ones. Only the client's own rows. Clients only."
    ),
    responses={
        (200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY, description="The ZIP.")
    },
)
