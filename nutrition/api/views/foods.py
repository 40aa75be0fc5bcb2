"""/api/v1/meals/foods/: the food library. Trainers read the shared library and their
own foods and write their own; clients read the same as their trainer (to log what they
ate). Writes go through nutrition.services.foods."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework.serializers import BaseSerializer

from fitnesspr.api.permissions import IsTrainerOrReadOnlyClient
from fitnesspr.api.viewsets import ScopedModelViewSet
from nutrition.api.schema import foods as schema
from nutrition.api.serializers.foods import FoodQuerySerializer, FoodSerializer
from nutrition.models import Food
from nutrition.selectors import foods as selectors
from nutrition.services import foods as services


@schema.food_viewset
class FoodViewSet(ScopedModelViewSet):
    model = Food
    serializer_class = FoodSerializer
    permission_classes = [IsTrainerOrReadOnlyClient]
    success_messages = {
        "create": "Food added to your library.",
        "update": "Food updated.",
        "partial_update": "Food updated.",
    }

    def get_queryset(self) -> QuerySet[Any]:
        if self.action != "list":
            return selectors.food_list(actor=self.actor)
        query = FoodQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return selectors.food_list(actor=self.actor, **query.selector_filters())

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, FoodSerializer)
        serializer.instance = services.food_create(
            trainer=self.trainer, **serializer.service_fields()
        )

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, FoodSerializer)
        assert serializer.instance is not None
        serializer.instance = services.food_update(
            actor=self.actor, food=serializer.instance, **serializer.service_fields()
        )
        serializer.instance = selectors.food_get(actor=self.actor, pk=serializer.instance.pk)

    def perform_destroy(self, instance: Food) -> None:
        services.food_delete(actor=self.actor, food=instance)
