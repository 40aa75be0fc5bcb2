from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from fitnesspr.api.permissions import IsTrainerOrReadOnlyClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import PageRowsMixin, ScopedModelViewSet
from programs.api.schema import exercises as schema
from programs.api.serializers.exercises import (
    EquipmentSerializer,
    ExerciseQuerySerializer,
    ExerciseSerializer,
    MuscleGroupSerializer,
)
from programs.models import Exercise
from programs.selectors import exercises as selectors
from programs.services import exercises as services


@schema.exercise_viewset
class ExerciseViewSet(PageRowsMixin, ScopedModelViewSet):
    model = Exercise
    serializer_class = ExerciseSerializer
    permission_classes = [IsTrainerOrReadOnlyClient]
    success_messages = {
        "create": "Exercise added to your library.",
        "update": "Exercise updated.",
        "partial_update": "Exercise updated.",
    }

    def get_queryset(self) -> QuerySet[Any]:
        if self.action != "list":
            return selectors.exercise_list(actor=self.actor)
        query = ExerciseQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return selectors.exercise_list(actor=self.actor, **query.selector_filters(), links=False)

    def page_rows(self, page: list[Any]) -> dict[str, dict[Any, list[Any]]]:
        return dict(selectors.exercise_links(exercises=page))

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, ExerciseSerializer)
        serializer.instance = services.exercise_create(
            trainer=self.trainer, **serializer.service_fields()
        )

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, ExerciseSerializer)
        assert serializer.instance is not None
        serializer.instance = services.exercise_update(
            actor=self.actor, exercise=serializer.instance, **serializer.service_fields()
        )

    def perform_destroy(self, instance: Exercise) -> None:
        services.exercise_delete(actor=self.actor, exercise=instance)

    @schema.muscle_groups_action
    @action(detail=False, methods=["get"], url_path="muscle-groups", pagination_class=None)
    def muscle_groups(self, request: Request) -> Response:
        return envelope(MuscleGroupSerializer(selectors.muscle_group_list(), many=True).data)

    @schema.equipment_action
    @action(detail=False, methods=["get"], url_path="equipment", pagination_class=None)
    def equipment(self, request: Request) -> Response:
        return envelope(EquipmentSerializer(selectors.equipment_list(), many=True).data)
