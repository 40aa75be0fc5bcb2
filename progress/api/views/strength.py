"""/api/v1/progress/one-rep-maxes/: the 1RMs a trainer enters for their clients (the
portal and `progress/today/` turn "% of 1RM" into loads with them). Trainers read and
write; a client reads their own."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clients.models import Client
from fitnesspr.api.filters import FilterBackend, FilterSet, scoped_choices
from fitnesspr.api.permissions import IsTrainerOrReadOnlyClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ScopedModelViewSet
from programs.models import Exercise
from progress.api.schema import strength as schema
from progress.api.serializers import OneRepMaxSerializer, OneRepMaxUpdateSerializer
from progress.models import OneRepMax
from progress.services import one_rep_max_delete, one_rep_max_set


class OneRepMaxFilter(FilterSet):
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Trainers: one client's 1RMs."
    )
    exercise = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Exercise), help_text="One exercise's."
    )

    class Meta:
        model = OneRepMax
        fields = ["client", "exercise"]


@schema.one_rep_max_viewset
class OneRepMaxViewSet(ScopedModelViewSet):
    model = OneRepMax
    permission_classes = [IsTrainerOrReadOnlyClient]
    filter_backends = [FilterBackend]
    filterset_class = OneRepMaxFilter
    success_messages = {
        "create": "1RM saved.",
        "update": "1RM saved.",
        "partial_update": "1RM saved.",
    }

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action in {"update", "partial_update"}:
            return OneRepMaxUpdateSerializer
        return OneRepMaxSerializer

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.select_related("exercise", "client__trainer").order_by(
            "client", "exercise__name", "pk"
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = OneRepMaxSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        entry = one_rep_max_set(**serializer.validated_data)
        body = OneRepMaxSerializer(entry, context=self.get_serializer_context()).data
        return envelope(body, message=self.success_messages["create"], status=201)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        entry = serializer.instance
        assert isinstance(entry, OneRepMax)
        data = serializer.validated_data
        serializer.instance = one_rep_max_set(
            client=entry.client,
            exercise=entry.exercise,
            weight_kg=data.get("weight_kg", entry.weight_kg),
            tested_on=data.get("tested_on", entry.tested_on),
        )

    def perform_destroy(self, instance: OneRepMax) -> None:
        one_rep_max_delete(one_rep_max=instance)
