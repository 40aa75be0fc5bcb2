"""/api/v1/programs/assignments/: who follows which program. Both sides read (a trainer
their clients', a client their own, with the program copy in full); trainers end them."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clients.models import Client
from fitnesspr.api.filters import scoped_choices
from fitnesspr.api.permissions import IsTrainerOrReadOnlyClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ScopedReadOnlyViewSet
from programs.api import examples_programs as ex
from programs.api.serializers_programs import (
    AssignmentDetailSerializer,
    AssignmentEndSerializer,
    AssignmentSerializer,
)
from programs.models import AssignmentStatus, ProgramAssignment
from programs.selectors.programs import program_days_prefetch
from programs.services.assignments import assignment_end

BOTH_SIDES = "A trainer sees their clients' assignments, a client their own."


class AssignmentFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=AssignmentStatus.choices)
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Trainers: one client's assignments."
    )

    class Meta:
        model = ProgramAssignment
        fields = ["status", "client"]


@extend_schema_view(
    list=extend_schema(
        summary="List program assignments",
        description="Newest first, without the program's days. `?status=` and (trainers) "
        "`?client=` filter. " + BOTH_SIDES,
        examples=[OpenApiExample("Assignments", value=ex.ASSIGNMENT, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get an assignment with its program",
        description="The assignment with the client's copy of the program in full: every "
        'day and exercise (what a client app shows as "my program"). ' + BOTH_SIDES,
        examples=[OpenApiExample("Assignment", value=ex.ASSIGNMENT_DETAIL, response_only=True)],
    ),
)
class AssignmentViewSet(ScopedReadOnlyViewSet):
    model = ProgramAssignment
    permission_classes = [IsTrainerOrReadOnlyClient]
    filter_backends = [DjangoFilterBackend]
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

    @extend_schema(
        summary="End an assignment",
        description="Stops an active assignment as `ended` (early) or `completed`, on "
        "`end_date` (default: today in your timezone). The client keeps the program and "
        "their logs as history. An assignment that already ended is a VALIDATION_ERROR. "
        "Trainers only: a client's token gets 403.",
        request=AssignmentEndSerializer,
        responses={200: AssignmentDetailSerializer},
        examples=[
            OpenApiExample("Completed", value={"status": "completed"}, request_only=True),
            OpenApiExample(
                "Ended",
                value={**ex.ASSIGNMENT_DETAIL, "status": "completed", "end_date": "2026-03-29"},
                response_only=True,
            ),
        ],
    )
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
