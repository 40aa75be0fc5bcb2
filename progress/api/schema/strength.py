"""OpenAPI texts and examples of progress.api.views.strength (the views stay readable)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

ONE_REP_MAX = {
    "id": 31,
    "client": 42,
    "exercise": 12,
    "exercise_name": "Barbell Back Squat",
    "weight_kg": 140.0,
    "tested_on": "2026-02-20",
    "created_at": "2026-02-20T18:02:41Z",
    "updated_at": "2026-02-20T18:02:41Z",
}
WHO = (
    "Trainers read and write their clients' 1RMs; a client reads their own (a client's "
    "write gets 403)."
)

one_rep_max_viewset = extend_schema_view(
    list=extend_schema(
        summary="List one-rep maxes",
        description=(
            "The 1RMs entered by the trainer, by client and exercise name. A prescription "
            "given as a % of 1RM is worked out from the client's entered 1RM, or, without "
            "one, from the best estimated 1RM of their finished sets (see "
            "`progress/today/`). " + WHO
        ),
        examples=[OpenApiExample("1RMs", value=[ONE_REP_MAX], response_only=True)],
    ),
    retrieve=extend_schema(
        summary="A one-rep max",
        description=WHO,
        examples=[OpenApiExample("1RM", value=ONE_REP_MAX, response_only=True)],
    ),
    create=extend_schema(
        summary="Enter a one-rep max",
        description=(
            "Sets a client's 1RM on an exercise, replacing the one entered before (a "
            "client has one per exercise). `weight_kg` from 1 to 1000; `tested_on` "
            "optional, not in the future. A client or exercise that isn't yours is a "
            "VALIDATION_ERROR. " + WHO
        ),
        examples=[
            OpenApiExample(
                "Squat 1RM",
                value={"client": 42, "exercise": 12, "weight_kg": 140, "tested_on": "2026-02-20"},
                request_only=True,
            ),
            OpenApiExample("Saved", value=ONE_REP_MAX, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Change a one-rep max",
        description="Changes `weight_kg` and `tested_on`; client and exercise stay. " + WHO,
        examples=[OpenApiExample("Saved", value=ONE_REP_MAX, response_only=True)],
    ),
    partial_update=extend_schema(
        summary="Change part of a one-rep max",
        description="As PUT, with only the fields sent. " + WHO,
        examples=[
            OpenApiExample("New test", value={"weight_kg": 145}, request_only=True),
            OpenApiExample("Saved", value=ONE_REP_MAX, response_only=True),
        ],
    ),
    destroy=extend_schema(
        summary="Forget a one-rep max",
        description="Loads come from the client's logged sets again. " + WHO,
    ),
)
