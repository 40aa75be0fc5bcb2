"""OpenAPI texts and examples of nutrition.api.views.plans."""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)

from fitnesspr.api.schema import error_example, error_response
from nutrition.api.schema import examples as ex
from nutrition.api.serializers.plans import (
    CalculateSerializer,
    FormulaSerializer,
    MealPlanAssignmentEndSerializer,
    MealPlanAssignmentSerializer,
    MealPlanSerializer,
    PlanAssignSerializer,
    PlanDuplicateSerializer,
    ShoppingAisleSerializer,
)

TRAINERS_ONLY = "Trainers only: a client's token gets 403."
NESTED = (
    "`slots` are the meals of the day, in order (an `id` keeps a meal, else it is matched "
    "by name). `days` are the plan's days (1 = the start date; a week repeats), each with "
    "its `entries`: a `recipe` in `servings`, or a `food` in `grams` or a `quantity` of one "
    "of its `portion`s, in the meal named by `slot`. An entry sent with its `id` is kept "
    "and updated (the client's diary stays linked); anything not sent is removed, and a day "
    "left out is emptied. A problem is reported at its place, e.g. "
    "`days[0].entries[1].grams`, and nothing is written. "
)
TARGETS = (
    "Typed targets must agree: protein, carbs and fat (4, 4 and 9 kcal per gram) within "
    "10% of `target_kcal`, else a VALIDATION_ERROR on `target_kcal`. "
)

PLAN_409 = error_response(
    409,
    "A client's assigned copy can't be deleted: end the assignment instead.",
    error_example(
        "CONFLICT", "This is a client's assigned copy: end the assignment instead of deleting it."
    ),
)

ASSIGN_RESULT = PolymorphicProxySerializer(
    component_name="MealPlanAssignResult",
    serializers=[MealPlanAssignmentSerializer, MealPlanAssignmentSerializer(many=True)],
    resource_type_field_name=None,
    many=False,
)

plan_viewset = extend_schema_view(
    list=extend_schema(
        summary="List your meal plans",
        description="Plans, templates and clients' copies, without their days (get one plan "
        "for those). `?search=`, `?is_template=`, `?client=`. " + TRAINERS_ONLY,
        examples=[OpenApiExample("Plans", value=ex.PLAN_SUMMARY, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a meal plan",
        description="A plan with its meals, every day and item, each item's macros and each "
        "day's totals. " + TRAINERS_ONLY,
        examples=[OpenApiExample("Plan", value=ex.PLAN, response_only=True)],
    ),
    create=extend_schema(
        summary="Create a meal plan",
        description="A plan with its targets, meals and days in one request (without "
        "`slots`: Breakfast, Lunch, Dinner, Snacks; days 1-7 always exist). "
        + NESTED
        + TARGETS
        + TRAINERS_ONLY,
        responses={201: MealPlanSerializer},
        examples=[
            OpenApiExample("New plan", value=ex.PLAN_WRITE, request_only=True),
            OpenApiExample("Created", value=ex.PLAN, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Replace a meal plan",
        description="Details, targets and (when sent) meals and days. "
        + NESTED
        + TARGETS
        + TRAINERS_ONLY,
        examples=[OpenApiExample("Plan", value=ex.PLAN_WRITE, request_only=True)],
    ),
    partial_update=extend_schema(
        summary="Update a meal plan",
        description="Any details or targets; `slots` and `days` only when sent. "
        + TARGETS
        + TRAINERS_ONLY,
        examples=[
            OpenApiExample(
                "New targets",
                value={
                    "target_kcal": 2000,
                    "target_protein_g": 150,
                    "target_carbs_g": 200,
                    "target_fat_g": 67,
                },
                request_only=True,
            )
        ],
    ),
    destroy=extend_schema(
        summary="Delete a meal plan",
        description="A client's assigned copy holds what they were told to eat: end its "
        "assignment instead (409). " + TRAINERS_ONLY,
        responses={204: None, 409: PLAN_409},
    ),
)

duplicate_action = extend_schema(
    summary="Duplicate a meal plan",
    description="A deep copy (meals, days, items); a template's copy is a template. "
    + TRAINERS_ONLY,
    request=PlanDuplicateSerializer,
    responses={201: MealPlanSerializer},
    examples=[OpenApiExample("Name it", value={"name": "Lean & Strong (v2)"}, request_only=True)],
)

assign_action = extend_schema(
    summary="Assign a meal plan to clients",
    description="Gives each client their own copy from `start_date`; a client's current "
    "plan is marked `replaced` and ends the day before (one active plan per client). Send "
    "`client` for one or `clients` for several (all or none are assigned). A client who "
    "isn't yours is a VALIDATION_ERROR like one that doesn't exist; an archived client or a "
    "plan without items is a VALIDATION_ERROR too. " + TRAINERS_ONLY,
    request=PlanAssignSerializer,
    responses={201: OpenApiResponse(ASSIGN_RESULT, description="The new assignment(s).")},
    examples=[
        OpenApiExample(
            "One client", value={"client": 42, "start_date": "2026-03-02"}, request_only=True
        ),
        OpenApiExample("Assigned", value=ex.ASSIGNMENT, response_only=True, status_codes=["201"]),
    ],
)

targets_action = extend_schema(
    summary="Set targets by the Mifflin-St Jeor formula",
    description="BMR = 10 \u00d7 weight (kg) + 6.25 \u00d7 height (cm) \u2212 5 \u00d7 age "
    "+ 5 (men) or \u2212 161 "
    "(women); \u00d7 the activity multiplier (sedentary 1.2, light 1.375, moderate 1.55, very "
    "1.725, extra 1.9) to maintain; \u00d7 the goal (lose 0.8, lose slowly 0.9, maintain 1.0, "
    "gain 1.1), to the nearest 10 kcal. Protein 1.6-2.0 g per kg (by goal), fat 25% of the "
    "energy, carbohydrate the rest. Saves the targets and the inputs; answers every step. "
    + TRAINERS_ONLY,
    request=CalculateSerializer,
    responses={200: FormulaSerializer},
    examples=[
        OpenApiExample(
            "A woman losing fat",
            value={
                "sex": "female",
                "age": 40,
                "weight_kg": 60,
                "height_cm": 165,
                "activity": "light",
                "goal": "lose",
            },
            request_only=True,
        ),
        OpenApiExample("Targets", value=ex.FORMULA, response_only=True),
    ],
)

shopping_action = extend_schema(
    summary="A plan's shopping list",
    description="The ingredients of the chosen days summed per food, in grams and, where "
    "the food has portions, in its first portion (rounded up to a half), grouped by "
    "category. `?days=1,2,3` (default: every day). " + TRAINERS_ONLY,
    parameters=[OpenApiParameter("days", str, description="Day numbers, comma-separated.")],
    responses={200: ShoppingAisleSerializer(many=True)},
    examples=[OpenApiExample("Shopping list", value=ex.SHOPPING, response_only=True)],
)

assignment_viewset = extend_schema_view(
    list=extend_schema(
        summary="List meal plan assignments",
        description="Who follows which plan, newest first; `?client=`, `?status=`. "
        + TRAINERS_ONLY,
        examples=[OpenApiExample("Assignments", value=ex.ASSIGNMENT, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a meal plan assignment",
        description=TRAINERS_ONLY,
        examples=[OpenApiExample("Assignment", value=ex.ASSIGNMENT, response_only=True)],
    ),
)

end_action = extend_schema(
    summary="End a meal plan assignment",
    description="Stops it today (`ended`, or `completed`); the client's diary stays. "
    + TRAINERS_ONLY,
    request=MealPlanAssignmentEndSerializer,
    responses={200: MealPlanAssignmentSerializer},
    examples=[OpenApiExample("Ended early", value={"status": "ended"}, request_only=True)],
)
