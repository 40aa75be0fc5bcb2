"""/api/v1/programs/assignments/: who follows which program. Both sides read (a trainer
their clients', a client their own, with the program copy in full); trainers end them."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clients.models import Client
from fitnesspr.api.filters import FilterBackend, FilterSet, scoped_choices
from fitnesspr.api.permissions import IsTrainerOrReadOnlyClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ScopedReadOnlyViewSet
from programs.api.schema import assignments as schema
from programs.api.serializers.programs import (
    AssignmentDetailSerializer,
    AssignmentEndSerializer,
    AssignmentSerializer,
)
from programs.models import AssignmentStatus, ProgramAssignment
from programs.selectors.programs import program_days_prefetch
from programs.services.assignments import assignment_end


class AssignmentFilter(FilterSet):
    status = django_filters.ChoiceFilter(choices=AssignmentStatus.choices)
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Trainers: one client's assignments."
    )

    class Meta:
        model = ProgramAssignment
        fields = ["status", "client"]


@schema.assignment_viewset
class AssignmentViewSet(ScopedReadOnlyViewSet):
    model = ProgramAssignment
    permission_classes = [IsTrainerOrReadOnlyClient]
    filter_backends = [FilterBackend]
    filterset_class = AssignmentFilter
    success_messages = {"end": "Assignment ended."}

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action == "list":
            return AssignmentSerializer
        if self.action == "end":
            return AssignmentEndSerializer
        return AssignmentDetailSerializer

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = queryset.select_related("client__user", "program").order_by("-start_date", "-pk")
        if self.action == "retrieve":
            return queryset.prefetch_related(program_days_prefetch("program__days"))
        return queryset

    @schema.end_action
    @action(detail=True, methods=["post"])
    def end(self, request: Request, pk: str | None = None) -> Response:
        assignment = self.get_object()
        serializer = AssignmentEndSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        assignment_end(
            assignment=assignment,
            on=data.get("end_date") or self.trainer.today(),
            status=data["status"],
        )
        fresh = (
            self.get_queryset()
            .prefetch_related(program_days_prefetch("program__days"))
            .get(pk=assignment.pk)
        )
        return envelope(
            AssignmentDetailSerializer(fresh).data, message=self.success_messages["end"]
        )
