"""OpenAPI texts and examples of progress.api.views.reports."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)

from fitnesspr.api.schema import error_response
from progress.api.serializers.reports import ReportRequestSerializer, ReportSerializer

REPORT = {
    "id": 17,
    "client": 42,
    "client_name": "Carol Smith",
    "period_start": "2026-01-05",
    "period_end": "2026-02-01",
    "status": "ready",
    "error": "",
    "weekly": False,
    "created_at": "2026-02-02T09:14:03Z",
    "completed_at": "2026-02-02T09:14:05Z",
    "download_url": "https://app.example.com/api/v1/progress/reports/17/file/",
}
PENDING = {**REPORT, "status": "pending", "completed_at": None, "download_url": None}
WHO = (
    "Trainers only: a client's token gets 403 (reports are the trainer's document); "
    "another trainer's report is a 404."
)

report_viewset = extend_schema_view(
    list=extend_schema(
        summary="List progress reports",
        description="Newest first. `?client=` for one client's, `?status=` pending, ready "
        "or failed. " + WHO,
        examples=[OpenApiExample("Reports", value=[REPORT], response_only=True)],
    ),
    retrieve=extend_schema(
        summary="A progress report's status",
        description="Poll this after asking for a report: `status` turns from pending to "
        "ready (with `download_url`) or failed (with `error`). " + WHO,
        examples=[OpenApiExample("Ready", value=REPORT, response_only=True)],
    ),
    create=extend_schema(
        summary="Ask for a progress report",
        description="A PDF of one of your clients over the period (cover, weight and "
        "measurement charts, training volume, adherence and best lifts, nutrition "
        "compliance, photos if the client allows it), made in the background: the "
        "answer is 202 with the report pending. Another trainer's client is a 404; a "
        "period ending before it starts, in the future or longer than two years is a "
        "VALIDATION_ERROR. " + WHO,
        request=ReportRequestSerializer,
        responses={
            202: ReportSerializer,
            400: error_response(400),
            403: error_response(403),
            404: error_response(404),
        },
        examples=[
            OpenApiExample(
                "Four weeks",
                value={"client": 42, "period_start": "2026-01-05", "period_end": "2026-02-01"},
                request_only=True,
            ),
            OpenApiExample("Pending", value=PENDING, response_only=True, status_codes=["202"]),
        ],
    ),
)

report_retry = extend_schema(
    summary="Make a failed report again",
    description="Only a failed report (409 otherwise); 202 with the report pending. " + WHO,
    request=None,
    responses={202: ReportSerializer, 409: error_response(409)},
)

report_file = extend_schema(
    operation_id="progress_report_file",
    summary="A progress report's PDF",
    description="The PDF as an attachment, with `Cache-Control: no-store`; 404 while the "
    "report is not ready. " + WHO,
    responses={
        (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF."),
        404: error_response(404),
    },
)
