"""OpenAPI texts and examples of nutrition.api.views.recipes."""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)

from fitnesspr.api.schema import error_responses
from nutrition.api.schema import examples as ex
from nutrition.api.serializers.recipes import (
    RecipeDuplicateSerializer,
    RecipeSerializer,
    TagSerializer,
)

TRAINERS_ONLY = "Trainers only: a client's token gets 403 (clients read recipes in `diary/today/`)."
NESTED = (
    "`ingredients` (at least one) are foods from the shared library or your own, each in "
    "`grams` or as a `quantity` of one of the food's `portion`s. The macros per recipe and "
    "per serving are computed from them and read-only. A problem is reported at its place, "
    "e.g. `ingredients[1].grams`, and nothing is written. "
)

recipe_viewset = extend_schema_view(
    list=extend_schema(
        summary="List your recipes",
        description="With ingredients and macros. `?search=` (name or description), "
        "`?tag=` (a tag slug). " + TRAINERS_ONLY,
        parameters=[OpenApiParameter("tag", str, description="A tag slug, e.g. `vegan`.")],
        examples=[OpenApiExample("Recipes", value=ex.RECIPE, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a recipe",
        description="Another trainer's recipe is a 404. " + TRAINERS_ONLY,
        examples=[OpenApiExample("Recipe", value=ex.RECIPE, response_only=True)],
    ),
    create=extend_schema(
        summary="Write a recipe",
        description=NESTED + "A name you already use is a 409. " + TRAINERS_ONLY,
        responses={201: RecipeSerializer, **error_responses(409)},
        examples=[
            OpenApiExample("New recipe", value=ex.RECIPE_WRITE, request_only=True),
            OpenApiExample("Created", value=ex.RECIPE, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Replace a recipe",
        description="Every field; the ingredients are replaced. " + NESTED + TRAINERS_ONLY,
        responses={200: RecipeSerializer, **error_responses(409)},
        examples=[OpenApiExample("Recipe", value=ex.RECIPE_WRITE, request_only=True)],
    ),
    partial_update=extend_schema(
        summary="Update a recipe",
        description="Any fields; with `ingredients`, they are replaced. " + TRAINERS_ONLY,
        responses={200: RecipeSerializer, **error_responses(409)},
        examples=[OpenApiExample("Two servings", value={"servings": 2}, request_only=True)],
    ),
    destroy=extend_schema(
        summary="Delete a recipe",
        description="A recipe on a meal plan or in a client's diary can't be deleted (409). "
        + TRAINERS_ONLY,
        responses={204: None, **error_responses(409)},
    ),
)

duplicate_action = extend_schema(
    summary="Duplicate a recipe",
    description="The same recipe (ingredients and tags) under a new name; a name you "
    "already use is a 409. " + TRAINERS_ONLY,
    request=RecipeDuplicateSerializer,
    responses={201: RecipeSerializer, **error_responses(409)},
    examples=[OpenApiExample("Name it", value={"name": "Overnight oats (big)"}, request_only=True)],
)

tags_action = extend_schema(
    summary="List recipe tags",
    description="Every tag, for `tags` and `?tag=`. Not paginated. " + TRAINERS_ONLY,
    responses={200: TagSerializer(many=True)},
    examples=[
        OpenApiExample("Tags", value=[{"slug": "vegan", "name": "Vegan"}], response_only=True)
    ],
)
