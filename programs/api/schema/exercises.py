"""OpenAPI texts and examples of programs.api.views.exercises (the views stay readable)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from fitnesspr.api.schema import error_response, error_responses
from programs.api.serializers.exercises import (
    EquipmentSerializer,
    ExerciseQuerySerializer,
    ExerciseSerializer,
    MuscleGroupSerializer,
)
from programs.selectors.exercises import GLOBAL_READ_ONLY
from programs.services.exercises import in_use_message

EXAMPLE_NAME = "Landmine Press (half-kneeling)"

EXERCISE_EXAMPLE = {
    "id": 318,
    "name": EXAMPLE_NAME,
    "aliases": ["Half-kneeling landmine press"],
    "category": "strength",
    "primary_muscles": ["front-delts"],
    "secondary_muscles": ["triceps", "upper-back", "obliques"],
    "equipment": ["barbell"],
    "instructions": "Kneel on the side of the working arm and press the bar up and forward.",
    "video_url": "https://videos.example.com/landmine-press",
    "is_unilateral": True,
    "is_global": False,
    "created_at": "2026-03-01T10:00:00Z",
    "updated_at": "2026-03-01T10:00:00Z",
}

WRITE_EXAMPLE = {
    key: EXERCISE_EXAMPLE[key]
    for key in (
        "name",
        "aliases",
        "category",
        "primary_muscles",
        "secondary_muscles",
        "equipment",
        "instructions",
        "video_url",
        "is_unilateral",
    )
}

IN_USE_409 = {
    "success": False,
    "error": {
        "code": "CONFLICT",
        "message": in_use_message(EXAMPLE_NAME, 2, 5),
        "details": [
            {
                "field": "",
                "message": in_use_message(EXAMPLE_NAME, 2, 5),
                "code": "conflict",
            }
        ],
    },
}

NAME_409 = {
    "success": False,
    "error": {
        "code": "CONFLICT",
        "message": f"You already have an exercise called “{EXAMPLE_NAME}”.",
        "details": [
            {
                "field": "name",
                "message": f"You already have an exercise called “{EXAMPLE_NAME}”.",
                "code": "conflict",
            }
        ],
    },
}

READ = (
    "Trainers see the shared library plus their own exercises; clients see the same as "
    "their trainer (read-only)."
)

OWN_ONLY = (
    "Trainers only, and only their own exercises: a shared-library exercise is a 403 "
    "`PERMISSION_DENIED`, another trainer's a 404. A client's token gets 403."
)


GLOBAL_403 = {
    "success": False,
    "error": {"code": "PERMISSION_DENIED", "message": GLOBAL_READ_ONLY, "details": []},
}


def _write_errors(*extra: int) -> dict[int, Any]:
    responses: dict[int, Any] = error_responses(*extra)
    responses[403] = error_response(
        403, "A client's token, or an exercise from the shared library.", GLOBAL_403
    )
    return responses


exercise_viewset = extend_schema_view(
    list=extend_schema(
        summary="List exercises",
        description=(
            "The exercise library, paginated and sorted by name. Filters: `?search=` "
            "(name or other names), `?muscle=` (a muscle-group slug, primary or secondary), "
            "`?equipment=` (slug), `?category=`, `?mine=true` (only your own; `false`: only "
            "the shared library). " + READ
        ),
        parameters=[ExerciseQuerySerializer],
        examples=[
            OpenApiExample("A page of exercises", value=EXERCISE_EXAMPLE, response_only=True)
        ],
    ),
    retrieve=extend_schema(
        summary="Get an exercise",
        description="One exercise. Another trainer's own exercise is a 404. " + READ,
        examples=[OpenApiExample("Exercise", value=EXERCISE_EXAMPLE, response_only=True)],
    ),
    create=extend_schema(
        summary="Add your own exercise",
        description=(
            "Adds an exercise to your own library. The name must be unique among your "
            "exercises, ignoring case (409); muscles and equipment are slugs from the "
            "lists at `exercises/muscle-groups/` and `exercises/equipment/`. "
            "Trainers only: a client's token gets 403."
        ),
        responses={201: ExerciseSerializer, **error_responses(409)},
        examples=[
            OpenApiExample("New exercise", value=WRITE_EXAMPLE, request_only=True),
            OpenApiExample(
                "Created", value=EXERCISE_EXAMPLE, response_only=True, status_codes=["201"]
            ),
            OpenApiExample("Name taken", value=NAME_409, response_only=True, status_codes=["409"]),
        ],
    ),
    update=extend_schema(
        summary="Replace your exercise",
        description="All writable fields. " + OWN_ONLY,
        responses={200: ExerciseSerializer, **_write_errors(409)},
        examples=[
            OpenApiExample("Exercise", value=WRITE_EXAMPLE, request_only=True),
            OpenApiExample("Updated", value=EXERCISE_EXAMPLE, response_only=True),
        ],
    ),
    partial_update=extend_schema(
        summary="Update your exercise",
        description="Any writable fields, e.g. a new `video_url`. " + OWN_ONLY,
        responses={200: ExerciseSerializer, **_write_errors(409)},
        examples=[
            OpenApiExample(
                "New video",
                value={"video_url": "https://videos.example.com/lp2"},
                request_only=True,
            ),
            OpenApiExample("Updated", value=EXERCISE_EXAMPLE, response_only=True),
        ],
    ),
    destroy=extend_schema(
        summary="Delete your exercise",
        description=(
            "Deletes your exercise. One used in a program or a workout log can't be deleted "
            "(409 `CONFLICT`): the history must keep saying what was done. " + OWN_ONLY
        ),
        responses={204: None, **_write_errors(409)},
        examples=[
            OpenApiExample("In use", value=IN_USE_409, response_only=True, status_codes=["409"])
        ],
    ),
)

muscle_groups_action = extend_schema(
    summary="List muscle groups",
    description=(
        "Every muscle group, for the `muscle` filter and the `primary_muscles` / "
        "`secondary_muscles` fields (by slug). Not paginated. Trainers and clients."
    ),
    parameters=[],
    responses={200: MuscleGroupSerializer(many=True)},
    examples=[
        OpenApiExample(
            "Muscle groups",
            value=[{"slug": "chest", "name": "Chest", "body_region": "upper"}],
            response_only=True,
        )
    ],
)

equipment_action = extend_schema(
    summary="List equipment",
    description=(
        "Every kind of equipment, for the `equipment` filter and field (by slug). "
        "Not paginated. Trainers and clients."
    ),
    parameters=[],
    responses={200: EquipmentSerializer(many=True)},
    examples=[
        OpenApiExample(
            "Equipment", value=[{"slug": "barbell", "name": "Barbell"}], response_only=True
        )
    ],
)
