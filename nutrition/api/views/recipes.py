"""/api/v1/meals/recipes/ (trainers only): recipes with their ingredients nested and
the macros computed; `duplicate`; `tags/`. Every write is one service call."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework.decorators import action
from rest_framework.filters import SearchFilter
from rest_framework.request import Request
from rest_framework.response import Response

from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ScopedModelViewSet
from nutrition.api.schema import recipes as schema
from nutrition.api.serializers.recipes import (
    RecipeDuplicateSerializer,
    RecipeSerializer,
    TagSerializer,
)
from nutrition.models import Recipe
from nutrition.selectors.recipes import recipe_get, recipe_tags, with_ingredients
from nutrition.services import recipes as services


@schema.recipe_viewset
class RecipeViewSet(ScopedModelViewSet):
    model = Recipe
    serializer_class = RecipeSerializer
    permission_classes = [IsTrainer]
    filter_backends = [SearchFilter]
    search_fields = ["name", "description"]
    success_messages = {
        "create": "Recipe created.",
        "update": "Recipe saved.",
        "partial_update": "Recipe saved.",
        "duplicate": "Recipe duplicated.",
    }

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = with_ingredients(queryset).order_by("name", "pk")
        tag = self.request.query_params.get("tag")
        if self.action == "list" and tag:
            queryset = queryset.filter(tags__slug=tag)
        return queryset

    def _full(self, recipe: Recipe) -> Any:
        return RecipeSerializer(recipe_get(actor=self.actor, pk=recipe.pk)).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = RecipeSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        recipe = services.recipe_create(trainer=self.trainer, **serializer.service_fields())
        return envelope(self._full(recipe), message=self.success_messages["create"], status=201)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = bool(kwargs.pop("partial", False))
        recipe = self.get_object()
        serializer = RecipeSerializer(
            recipe, data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        recipe = services.recipe_update(recipe=recipe, **serializer.service_fields())
        return envelope(self._full(recipe), message=self.success_messages["update"])

    def perform_destroy(self, instance: Recipe) -> None:
        services.recipe_delete(recipe=instance)

    @schema.duplicate_action
    @action(detail=True, methods=["post"])
    def duplicate(self, request: Request, pk: str | None = None) -> Response:
        recipe = self.get_object()
        serializer = RecipeDuplicateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        copy = services.recipe_duplicate(recipe=recipe, name=serializer.validated_data.get("name"))
        return envelope(self._full(copy), message=self.success_messages["duplicate"], status=201)

    @schema.tags_action
    @action(detail=False, methods=["get"], pagination_class=None)
    def tags(self, request: Request) -> Response:
        return envelope(TagSerializer(recipe_tags(), many=True).data)
