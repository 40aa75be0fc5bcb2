"""OpenAPI texts and examples of nutrition.api.views.foods."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from fitnesspr.api.schema import error_example, error_response, error_responses
from nutrition.api.schema import examples as ex
from nutrition.api.serializers.foods import FoodQuerySerializer, FoodSerializer
from nutrition.selectors.foods import GLOBAL_READ_ONLY

READ = (
    "Trainers see the shared library plus their own foods; clients see the same as their "
    "trainer (read-only), to log what they ate."
)
OWN_ONLY = (
    "Trainers only, and only their own foods: a shared-library food is a 403 "
    "`PERMISSION_DENIED`, another trainer's a 404. A client's token gets 403."
)


def _write_errors(*extra: int) -> dict[int, Any]:
    responses: dict[int, Any] = error_responses(*extra)
    responses[403] = error_response(
        403,
        "A client's token, or a food from the shared library.",
        error_example("PERMISSION_DENIED", GLOBAL_READ_ONLY),
    )
    return responses


food_viewset = extend_schema_view(
    list=extend_schema(
        summary="List foods",
        description="The food library (nutrition per 100 g), paginated. `?search=` matches "
        'the name, brand and other names ignoring accents and case ("creme" finds '
        '"Crème fraîche", "oatmeal" finds rolled oats), best matches first; '
        "`?category=`; `?mine=true` (only your own; `false`: only the shared library). " + READ,
        parameters=[FoodQuerySerializer],
        examples=[OpenApiExample("A page of foods", value=ex.FOOD, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a food",
        description="One food with its portions. Another trainer's own food is a 404. " + READ,
        examples=[OpenApiExample("Food", value=ex.FOOD, response_only=True)],
    ),
    create=extend_schema(
        summary="Add your own food",
        description="Nutrition per 100 g as on the label. The energy must roughly match the "
        "macros (4 kcal/g protein and carbs, 9 fat, 7 alcohol), which catches numbers typed "
        "per serving; a name (and brand) already yours is a 409. Trainers only.",
        responses={201: FoodSerializer, **error_responses(409)},
        examples=[
            OpenApiExample("New food", value=ex.FOOD_WRITE, request_only=True),
            OpenApiExample("Created", value=ex.FOOD, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Replace your food",
        description="All fields; `portions` replaces the list (a portion recipes or diaries "
        "measure in can't go). " + OWN_ONLY,
        responses={200: FoodSerializer, **_write_errors(409)},
        examples=[OpenApiExample("Food", value=ex.FOOD_WRITE, request_only=True)],
    ),
    partial_update=extend_schema(
        summary="Update your food",
        description="Any fields. " + OWN_ONLY,
        responses={200: FoodSerializer, **_write_errors(409)},
        examples=[OpenApiExample("New brand", value={"brand": "Arla"}, request_only=True)],
    ),
    destroy=extend_schema(
        summary="Delete your food",
        description="A food a recipe, a plan or a diary uses can't be deleted (409). " + OWN_ONLY,
        responses={204: None, **_write_errors(409)},
    ),
)
