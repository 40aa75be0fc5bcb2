"""OpenAPI texts and examples of programs.api.views.programs (the views stay readable)."""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)

from fitnesspr.api.schema import error_response
from programs.api.schema import examples as ex
from programs.api.serializers.programs import (
    AssignmentSerializer,
    DayCopySerializer,
    ProgramAssignSerializer,
    ProgramDuplicateSerializer,
    ProgramSerializer,
    WeekCopySerializer,
)

TRAINERS_ONLY = "Trainers only: a client's token gets 403."

NESTED = (
    "`days` lists every training day (week 1.., day 1-7; a missing day is a rest day), each "
    "with its `exercises` in order. Loads are in kg; a timed exercise (a plank, a carry) "
    "gives `duration_seconds` per set instead of reps. A problem is reported at its place, "
    "e.g. `days[0].exercises[1].sets`, and nothing is written. "
)

PROGRAM_409 = error_response(
    409,
    "A client's assigned copy can't be deleted: end the assignment instead.",
    {
        "success": False,
        "error": {
            "code": "CONFLICT",
            "message": "This is a client's assigned copy: end the assignment instead of "
            "deleting it.",
            "details": [],
        },
    },
)

ASSIGN_RESULT = PolymorphicProxySerializer(
    component_name="ProgramAssignResult",
    serializers=[AssignmentSerializer, AssignmentSerializer(many=True)],
    resource_type_field_name=None,
    many=False,
)

program_viewset = extend_schema_view(
    list=extend_schema(
        summary="List your programs",
        description=(
            "Your programs, templates and clients' copies, without their days (get one "
            "program for those). `?search=` matches name or description; `?is_template=` "
            "and `?client=` filter. " + TRAINERS_ONLY
        ),
        examples=[OpenApiExample("Programs", value=ex.PROGRAM_SUMMARY, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a program",
        description="A program with every day and exercise. " + TRAINERS_ONLY,
        examples=[OpenApiExample("Program", value=ex.PROGRAM, response_only=True)],
    ),
    create=extend_schema(
        summary="Create a program",
        description="A program with its days and exercises in one request. "
        + NESTED
        + "Exercises come from the global library or your own. "
        + TRAINERS_ONLY,
        responses={201: ProgramSerializer},
        examples=[
            OpenApiExample("New program", value=ex.PROGRAM_WRITE, request_only=True),
            OpenApiExample("Created", value=ex.PROGRAM, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Replace a program",
        description="Details and the whole structure at once: `days` is required (send "
        "[] to clear). A day at the same week and day, and an exercise sent with its "
        "`id`, are kept and updated (so clients' workout logs stay linked); anything not "
        "sent is removed. " + NESTED + TRAINERS_ONLY,
        examples=[
            OpenApiExample("Program", value=ex.PROGRAM_WRITE, request_only=True),
            OpenApiExample("Updated", value=ex.PROGRAM, response_only=True),
        ],
    ),
    partial_update=extend_schema(
        summary="Update a program",
        description="Any details. With `days`, the structure is replaced as in PUT; "
        "without, it is left alone. " + TRAINERS_ONLY,
        examples=[
            OpenApiExample("Rename", value={"name": "Strength base v2"}, request_only=True),
            OpenApiExample("Updated", value=ex.PROGRAM, response_only=True),
        ],
    ),
    destroy=extend_schema(
        summary="Delete a program",
        description="Deletes a program with its days. A client's assigned copy holds their "
        "history: end its assignment instead (409). " + TRAINERS_ONLY,
        responses={204: None, 409: PROGRAM_409},
    ),
)

duplicate_action = extend_schema(
    summary="Duplicate a program",
    description="A deep copy (days and exercises) for you to change; a template's copy "
    "is a template. " + TRAINERS_ONLY,
    request=ProgramDuplicateSerializer,
    responses={201: ProgramSerializer},
    examples=[
        OpenApiExample("Name it", value={"name": "Strength base (v2)"}, request_only=True),
        OpenApiExample(
            "Copy",
            value={**ex.PROGRAM, "id": 9, "name": "Strength base (v2)", "source": 7},
            response_only=True,
            status_codes=["201"],
        ),
    ],
)

assign_action = extend_schema(
    summary="Assign a program to clients",
    description=(
        "Gives each client their own copy starting on `start_date` (later edits to this "
        "program don't change it). A client's current program is marked `replaced`. "
        "Send `client` for one (the answer is one assignment) or `clients` for several "
        "(a list; all or none are assigned). A client who isn't yours is a "
        "VALIDATION_ERROR on that field, like one that doesn't exist; an archived client "
        "or a program without days is a VALIDATION_ERROR too. " + TRAINERS_ONLY
    ),
    request=ProgramAssignSerializer,
    responses={201: OpenApiResponse(ASSIGN_RESULT, description="The new assignment(s).")},
    examples=[
        OpenApiExample(
            "One client", value={"client": 42, "start_date": "2026-03-02"}, request_only=True
        ),
        OpenApiExample(
            "Several clients",
            value={"clients": [42, 43], "start_date": "2026-03-02"},
            request_only=True,
        ),
        OpenApiExample("Assigned", value=ex.ASSIGNMENT, response_only=True, status_codes=["201"]),
    ],
)

copy_day_action = extend_schema(
    summary="Copy a day to another slot",
    description=(
        "Copies the training day at (`week`, `day`), with its exercises and doses, to "
        "(`to_week`, `to_day`) of the same program, or with `later: true` to the same day "
        "of every later week (with an optional `progression`, as for a week copy). A "
        "training day already there is replaced, unless it has logged workouts (then "
        "VALIDATION_ERROR and nothing changes). Answers with the whole program. " + TRAINERS_ONLY
    ),
    request=DayCopySerializer,
    responses={201: ProgramSerializer},
    examples=[
        OpenApiExample(
            "Week 1 day 1 to week 1 day 3",
            value={"week": 1, "day": 1, "to_week": 1, "to_day": 3},
            request_only=True,
        ),
        OpenApiExample(
            "Monday of week 1 to every later Monday, +1 rep a week",
            value={"week": 1, "day": 1, "later": True, "progression": {"reps": 1}},
            request_only=True,
        ),
        OpenApiExample(
            "The program now", value=ex.PROGRAM, response_only=True, status_codes=["201"]
        ),
    ],
)

copy_week_action = extend_schema(
    summary="Copy a week, with an optional progression",
    description=(
        "Makes each week of `to_weeks` (or, with `later: true`, every week after `week`) "
        "a copy of `week`: the target weeks' days are replaced (a day with logged workouts "
        "stops the copy: VALIDATION_ERROR, nothing changes). `progression` adds a step "
        "per week after the source: `load_kg` to loads, or `load_percent` % of the load "
        "(rounded to your plate increment; % of 1RM prescriptions move by as many "
        "points), and `reps` to reps; a week before the source takes the steps off. A "
        "step that takes a dose out of range (below 1 rep, past 120 % of 1RM…) is a "
        "VALIDATION_ERROR naming the week and exercise. Answers with the whole "
        "program. " + TRAINERS_ONLY
    ),
    request=WeekCopySerializer,
    responses={201: ProgramSerializer},
    examples=[
        OpenApiExample(
            "Repeat week 1 through the block, +2.5 kg a week",
            value={"week": 1, "later": True, "progression": {"load_kg": 2.5}},
            request_only=True,
        ),
        OpenApiExample(
            "Week 1 to weeks 2 and 3, +1 rep a week",
            value={"week": 1, "to_weeks": [2, 3], "progression": {"reps": 1}},
            request_only=True,
        ),
        OpenApiExample(
            "The program now", value=ex.PROGRAM, response_only=True, status_codes=["201"]
        ),
    ],
)
