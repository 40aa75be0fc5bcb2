"""OpenAPI texts and examples of progress.api.views.check_ins."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)

from fitnesspr.api.schema import error_response
from progress.api.serializers.body import CheckInDueSerializer, CheckInSerializer, ReplySerializer

REPLY = {
    "id": 31,
    "by_trainer": True,
    "author_name": "Sam Coach",
    "body": "Great week! Drop to 20 kg on the last set next time.",
    "created_at": "2026-03-02T18:40:00Z",
    "read_at": None,
}
CHECK_IN = {
    "id": 204,
    "client": 42,
    "due_on": "2026-03-08",
    "energy": 4,
    "sleep": 3,
    "stress": 2,
    "hunger": 3,
    "adherence": 5,
    "weight_kg": 82.4,
    "comment": "Shoulder felt tight on Friday.",
    "submitted_at": "2026-03-07T19:12:00Z",
    "photos": [],
    "replies": [REPLY],
}
CHECK_IN_WRITE = {
    "energy": 4,
    "sleep": 3,
    "stress": 2,
    "hunger": 3,
    "adherence": 5,
    "weight_kg": 82.4,
    "comment": "Shoulder felt tight on Friday.",
    "photo_ids": [88],
}
WHO = "A client reads their own; a trainer their clients'. Someone else's is a 404."

check_in_viewset = extend_schema_view(
    list=extend_schema(
        summary="List check-ins",
        description="Newest first, with their replies and photos. `?client=` (trainers), "
        "`?from=`, `?to=` (due dates). " + WHO,
        examples=[OpenApiExample("Check-ins", value=CHECK_IN, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a check-in",
        description="With its replies (oldest first) and photos. " + WHO,
        examples=[OpenApiExample("Check-in", value=CHECK_IN, response_only=True)],
    ),
    create=extend_schema(
        summary="Send this week's check-in",
        description=(
            "Clients only (a trainer's token gets 403). Five scores from 1 to 5 (energy, "
            "sleep, stress, hunger, adherence to the plan), an optional weight (also that "
            "day's weigh-in), a comment, and photos uploaded before (`photo_ids`, from "
            "`POST /api/v1/uploads/`). It belongs to the week due on the trainer's chosen "
            "day; without a chosen day, a VALIDATION_ERROR. A second one in the same week "
            "is a 409: add to it with a reply."
        ),
        request=CheckInSerializer,
        responses={201: CheckInSerializer, 409: error_response(409)},
        examples=[
            OpenApiExample("Check-in", value=CHECK_IN_WRITE, request_only=True),
            OpenApiExample(
                "Sent", value={**CHECK_IN, "replies": []}, response_only=True, status_codes=["201"]
            ),
        ],
    ),
)

check_in_due = extend_schema(
    summary="This week's check-in",
    description="When this week's check-in is due (the trainer's chosen weekday) and "
    "whether it is in. Clients read their own; trainers pass `?client=`.",
    parameters=[OpenApiParameter("client", int, required=False, description="Trainers.")],
    responses={200: CheckInDueSerializer},
    examples=[
        OpenApiExample(
            "Due Sunday",
            value={
                "check_in_weekday": 6,
                "due_on": "2026-03-08",
                "days_left": 2,
                "submitted": None,
            },
            response_only=True,
        )
    ],
)


def _replies_get(summary: str, description: str, **kwargs: Any) -> Any:
    return extend_schema(
        summary=summary,
        description=description + " Reading the thread writes nothing: once shown, "
        "`POST …/replies/read/` marks the other side's messages read.",
        responses={200: ReplySerializer(many=True)},
        examples=[OpenApiExample("Replies", value=[REPLY], response_only=True)],
        **kwargs,
    )


def _replies_post(summary: str, description: str, **kwargs: Any) -> Any:
    return extend_schema(
        summary=summary,
        description=description + " A message is up to 2000 characters.",
        request=ReplySerializer,
        responses={201: ReplySerializer},
        examples=[
            OpenApiExample("Reply", value={"body": REPLY["body"]}, request_only=True),
            OpenApiExample("Sent", value=REPLY, response_only=True, status_codes=["201"]),
        ],
        **kwargs,
    )


def _replies_read(summary: str, description: str, **kwargs: Any) -> Any:
    return extend_schema(
        summary=summary,
        description=description
        + " Send it once the thread is shown: the other side's unread messages are marked "
        "read now (what the unread counts and the `read_at` of each reply go by). No body; "
        "answers 204, also when nothing was unread.",
        request=None,
        responses={204: None},
        **kwargs,
    )


WORKOUT_WHO = "On a logged workout: the client's own, or a trainer's client's. " + WHO

check_in_replies_get = _replies_get(
    "A check-in's replies", "The conversation, oldest first. " + WHO, methods=["GET"]
)
check_in_replies_post = _replies_post(
    "Reply on a check-in", "The client or their trainer adds a message. " + WHO, methods=["POST"]
)
check_in_replies_read = _replies_read("Mark a check-in's replies read", WHO)
workout_replies_get = _replies_get(
    "A workout's replies",
    "The conversation on a logged workout (the client's notes are on the log itself), "
    "oldest first. " + WORKOUT_WHO,
    operation_id="progress_workout_log_replies_list",
)
workout_replies_post = _replies_post(
    "Reply on a workout",
    "The trainer answers a logged workout (\u201cDrop to 20 kg next time\u201d), or the "
    "client answers back. " + WORKOUT_WHO,
    operation_id="progress_workout_log_replies_create",
)
workout_replies_read = _replies_read(
    "Mark a workout's replies read",
    WORKOUT_WHO,
    operation_id="progress_workout_log_replies_read_create",
)
