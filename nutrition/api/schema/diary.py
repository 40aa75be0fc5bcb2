"""OpenAPI texts and examples of nutrition.api.views.diary."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from nutrition.api.schema import examples as ex
from nutrition.api.serializers.diary import (
    ComplianceQuerySerializer,
    ComplianceSerializer,
    DayMealsSerializer,
    DayQuerySerializer,
    DiaryQuerySerializer,
)

WHO = (
    "A client writes their own diary; their trainer reads it (a trainer's token gets 403 "
    "on a write). Someone else's entry is a 404."
)
RULES = (
    "Days are today or earlier in the trainer's calendar (a future day is a "
    "VALIDATION_ERROR on `eaten_on`); a `plan_entry` must be on the client's plan for that "
    "day; amounts are above 0 and at most 5000 g (or 20 servings). Nothing is written on "
    "an error. "
)

diary_viewset = extend_schema_view(
    list=extend_schema(
        summary="List diary entries",
        description="Newest day first. `?date=`, `?start=`, `?end=`; trainers `?client=`. " + WHO,
        parameters=[DiaryQuerySerializer],
        examples=[OpenApiExample("Entries", value=ex.DIARY_ENTRY, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a diary entry",
        description=WHO,
        examples=[OpenApiExample("Entry", value=ex.DIARY_ENTRY, response_only=True)],
    ),
    create=extend_schema(
        summary="Log a meal",
        description="Tick off a planned item (`plan_entry`, `eaten_on`, `status` `eaten` or "
        "`skipped`, and an amount only when it differs from the plan; ticking it again on "
        "the same day changes the same entry), or log a food eaten off-plan (`food`, `meal`, "
        "`eaten_on`, `grams` or `portion` + `quantity`). " + RULES + WHO,
        examples=[
            OpenApiExample(
                "Ate it, one and a half servings",
                value={
                    "plan_entry": 7001,
                    "eaten_on": "2026-03-02",
                    "status": "eaten",
                    "servings": 1.5,
                },
                request_only=True,
            ),
            OpenApiExample(
                "Off-plan",
                value={
                    "food": 612,
                    "meal": "Snacks",
                    "eaten_on": "2026-03-02",
                    "portion": 1401,
                    "quantity": 1,
                },
                request_only=True,
            ),
            OpenApiExample(
                "Logged", value=ex.DIARY_ENTRY, response_only=True, status_codes=["201"]
            ),
        ],
    ),
    update=extend_schema(
        summary="Change a diary entry",
        description="The status (planned items) and the amount; the day, the meal and what "
        "was eaten stay. " + RULES + WHO,
        examples=[
            OpenApiExample("Skipped after all", value={"status": "skipped"}, request_only=True)
        ],
    ),
    partial_update=extend_schema(
        summary="Change a diary entry",
        description="The status (planned items) or the amount. " + RULES + WHO,
        examples=[OpenApiExample("Less", value={"grams": 120}, request_only=True)],
    ),
    destroy=extend_schema(
        summary="Remove a diary entry",
        description="Undo a tick, or remove a food eaten off-plan. " + WHO,
    ),
)

today_action = extend_schema(
    summary="A day's meals",
    description="The plan the client followed that day: each meal's planned items (recipes "
    "with their ingredients scaled to the servings, and the method), what is ticked, "
    "food eaten off-plan, and the totals against the targets. Clients read their own "
    "(`?date=`, default today); trainers name the client (`?client=`).",
    parameters=[DayQuerySerializer],
    responses={200: DayMealsSerializer},
    examples=[OpenApiExample("Today", value=ex.DAY, response_only=True)],
)

compliance = extend_schema(
    summary="Macro compliance",
    description="For one of your clients, per day and per week (7-day weeks ending on "
    "`end`): what was eaten against the targets of the plan they followed that day, as "
    "percentages, and the days logged (a day with anything ticked, skipped or added). At "
    "most 92 days; default the 4 weeks ending today. Trainers only: a client's token gets 403.",
    parameters=[ComplianceQuerySerializer],
    responses={200: ComplianceSerializer},
    examples=[OpenApiExample("A week", value=ex.COMPLIANCE, response_only=True)],
)
