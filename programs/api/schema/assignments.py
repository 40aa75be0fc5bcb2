"""OpenAPI texts and examples of programs.api.views.assignments (the views stay readable)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from programs.api.schema import examples as ex
from programs.api.serializers.programs import (
    AssignmentDetailSerializer,
    AssignmentEndSerializer,
)

BOTH_SIDES = "A trainer sees their clients' assignments, a client their own."

assignment_viewset = extend_schema_view(
    list=extend_schema(
        summary="List program assignments",
        description="Newest first, without the program's days. `?status=` and (trainers) "
        "`?client=` filter. " + BOTH_SIDES,
        examples=[OpenApiExample("Assignments", value=ex.ASSIGNMENT, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get an assignment with its program",
        description="The assignment with the client's copy of the program in full: every "
        'day and exercise (what a client app shows as "my program"). ' + BOTH_SIDES,
        examples=[OpenApiExample("Assignment", value=ex.ASSIGNMENT_DETAIL, response_only=True)],
    ),
)

end_action = extend_schema(
    summary="End an assignment",
    description="Stops an active assignment as `ended` (early) or `completed`, on "
    "`end_date` (default: today in your timezone). The client keeps the program and "
    "their logs as history. An assignment that already ended is a VALIDATION_ERROR. "
    "Trainers only: a client's token gets 403.",
    request=AssignmentEndSerializer,
    responses={200: AssignmentDetailSerializer},
    examples=[
        OpenApiExample("Completed", value={"status": "completed"}, request_only=True),
        OpenApiExample(
            "Ended",
            value={**ex.ASSIGNMENT_DETAIL, "status": "completed", "end_date": "2026-03-29"},
            response_only=True,
        ),
    ],
)
