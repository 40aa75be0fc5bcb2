"""OpenAPI texts and examples of progress.api.views.workout_logs (the views stay readable)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from progress.api.serializers import (
    WorkoutLogSerializer,
    WorkoutLogUpdateSerializer,
)

SET = {
    "exercise": 12,
    "exercise_name": "Back squat",
    "prescribed": 701,
    "set_number": 1,
    "reps": 5,
    "duration_seconds": None,
    "load_kg": 100.0,
    "rpe": 8.0,
    "is_completed": True,
    "notes": "",
}

TIMED_SET = {  # a timed exercise logs how long the set lasted instead of reps
    **SET,
    "exercise": 57,
    "exercise_name": "Front plank",
    "prescribed": 704,
    "reps": None,
    "duration_seconds": 45,
    "load_kg": None,
    "rpe": None,
}

LOG_WRITE = {
    "program_day": 70,
    "notes": "Felt strong.",
    "finish": True,
    "sets": [
        {k: v for k, v in SET.items() if k != "exercise_name"},
        {**{k: v for k, v in SET.items() if k != "exercise_name"}, "set_number": 2, "rpe": 8.5},
        {k: v for k, v in TIMED_SET.items() if k != "exercise_name"},
    ],
}

LOG = {
    "id": 301,
    "client": 42,
    "client_name": "Carol Danvers",
    "assignment": 15,
    "program_day": 70,
    "performed_on": "2026-03-02",
    "status": "completed",
    "started_at": "2026-03-02T07:01:00Z",
    "completed_at": "2026-03-02T07:58:00Z",
    "notes": "Felt strong.",
    "is_editable": True,
    "sets": [SET, {**SET, "set_number": 2, "rpe": 8.5}, TIMED_SET],
    "created_at": "2026-03-02T07:01:00Z",
    "updated_at": "2026-03-02T07:58:00Z",
}

WHO = (
    "A client reads and writes their own logs; a trainer reads their clients' (writes get "
    "403). Another client's log is a 404."
)

workout_log_viewset = extend_schema_view(
    list=extend_schema(
        summary="List workout logs",
        description="Newest first, with their sets. `?client=` (trainers), `?from=`, `?to=` "
        "(dates) and `?status=` filter. " + WHO,
        examples=[OpenApiExample("Logs", value=LOG, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a workout log",
        description="One workout with every set. " + WHO,
        examples=[OpenApiExample("Log", value=LOG, response_only=True)],
    ),
    create=extend_schema(
        summary="Log a workout",
        description=(
            "A client logs a day of their **active** program (another day, or a day of "
            "another program, is a VALIDATION_ERROR on `program_day`), on `performed_on` "
            "(default today; never in the future). `sets` lists every set, done or skipped; "
            "`finish: true` marks the workout completed (it needs at least one set with "
            "`is_completed: true`, else VALIDATION_ERROR on `sets`). Logging the same day "
            "and date again "
            "(on the same day) replaces that log. Clients only: a trainer's token gets 403."
        ),
        examples=[
            OpenApiExample("Workout", value=LOG_WRITE, request_only=True),
            OpenApiExample("Logged", value=LOG, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Change a workout log",
        description=(
            "Replaces the sets and notes of a log, on the day it was logged only (later it "
            "is history: VALIDATION_ERROR). Clients only: a trainer's token gets 403."
        ),
        request=WorkoutLogUpdateSerializer,
        responses={200: WorkoutLogSerializer},
        examples=[
            OpenApiExample(
                "Sets",
                value={k: LOG_WRITE[k] for k in ("sets", "notes", "finish")},
                request_only=True,
            ),
            OpenApiExample("Changed", value=LOG, response_only=True),
        ],
    ),
    partial_update=extend_schema(
        summary="Change part of a workout log",
        description="As PUT, but `sets` may be left out to keep them (e.g. to finish, or "
        "to change the notes). Clients only: a trainer's token gets 403.",
        request=WorkoutLogUpdateSerializer,
        responses={200: WorkoutLogSerializer},
        examples=[
            OpenApiExample("Finish", value={"finish": True}, request_only=True),
            OpenApiExample("Finished", value=LOG, response_only=True),
        ],
    ),
)
