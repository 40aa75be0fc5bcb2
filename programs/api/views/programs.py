"""/api/v1/programs/ (trainers only): programs with nested days and exercises,
`duplicate` and `assign`. Every write is one service call (programs.services)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.filters import SearchFilter
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clients.models import Client
from fitnesspr.api.filters import FilterBackend, FilterSet, scoped_choices
from fitnesspr.api.parsers import SafeJSONParser
from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ScopedModelViewSet
from programs.api.schema import programs as schema
from programs.api.serializers.programs import (
    AssignmentSerializer,
    DayCopySerializer,
    ProgramAssignSerializer,
    ProgramDuplicateSerializer,
    ProgramListSerializer,
    ProgramSerializer,
    WeekCopySerializer,
)
from programs.models import Program, ProgramDay
from programs.selectors.programs import program_counts, program_days_prefetch
from programs.services.assignments import program_assign, program_assign_many, program_duplicate
from programs.services.builder import program_delete
from programs.services.copying import (
    Progression,
    later_weeks,
    program_day_copy,
    program_week_copy,
)
from programs.services.structure import program_create_with_days, program_update_with_days


class ProgramFilter(FilterSet):
    is_template = django_filters.BooleanFilter(help_text="true: templates only; false: others.")
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Only this client's own copies (from assign)."
    )

    class Meta:
        model = Program
        fields = ["is_template", "client"]


@schema.program_viewset
class ProgramViewSet(ScopedModelViewSet):
    model = Program
    # nested lists (days, meals, sets) have no form encoding: JSON only, so a form
    # body is a 415 instead of being read as "no days"
    parser_classes = [SafeJSONParser]
    permission_classes = [IsTrainer]
    filter_backends = [FilterBackend, SearchFilter]
    filterset_class = ProgramFilter
    search_fields = ["name", "description"]
    success_messages = {
        "create": "Program created.",
        "update": "Program saved.",
        "partial_update": "Program saved.",
        "duplicate": "Program duplicated.",
        "assign": "Program assigned.",
        "copy_day": "Day copied.",
        "copy_week": "Week copied.",
    }

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action == "list":
            return ProgramListSerializer
        if self.action == "duplicate":
            return ProgramDuplicateSerializer
        if self.action == "assign":
            return ProgramAssignSerializer
        if self.action == "copy_day":
            return DayCopySerializer
        if self.action == "copy_week":
            return WeekCopySerializer
        return ProgramSerializer

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.action == "list":
            return program_counts(queryset).order_by("name", "pk")
        if self.action == "retrieve":
            return queryset.prefetch_related(program_days_prefetch())
        return queryset

    def _full(self, program: Program) -> Any:
        """The program as it is now, nested, in a fixed number of queries."""
        fresh = (
            Program.objects.for_actor(self.actor)
            .prefetch_related(program_days_prefetch())
            .get(pk=program.pk)
        )
        return ProgramSerializer(fresh, context=self.get_serializer_context()).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ProgramSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        fields, days = serializer.service_fields()
        program = program_create_with_days(
            trainer=self.trainer,
            days=days or [],
            **fields,
        )
        return envelope(self._full(program), message=self.success_messages["create"], status=201)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = bool(kwargs.pop("partial", False))
        program = self.get_object()
        serializer = ProgramSerializer(
            program, data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        fields, days = serializer.service_fields()
        program = program_update_with_days(program=program, days=days, **fields)
        return envelope(self._full(program), message=self.success_messages["update"])

    def perform_destroy(self, instance: Program) -> None:
        program_delete(program=instance)

    @schema.duplicate_action
    @action(detail=True, methods=["post"])
    def duplicate(self, request: Request, pk: str | None = None) -> Response:
        program = self.get_object()
        serializer = ProgramDuplicateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        copy = program_duplicate(program=program, name=serializer.validated_data.get("name"))
        return envelope(self._full(copy), message=self.success_messages["duplicate"], status=201)

    @schema.assign_action
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str | None = None) -> Response:
        program = self.get_object()
        serializer = ProgramAssignSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "clients" in data:
            assignments = program_assign_many(
                program=program, clients=data["clients"], start_date=data["start_date"]
            )
            body: Any = AssignmentSerializer(assignments, many=True).data
        else:
            assignment = program_assign(
                program=program, client=data["client"], start_date=data["start_date"]
            )
            body = AssignmentSerializer(assignment).data
        return envelope(body, message=self.success_messages["assign"], status=201)

    @schema.copy_day_action
    @action(detail=True, methods=["post"], url_path="copy-day")
    def copy_day(self, request: Request, pk: str | None = None) -> Response:
        program = self.get_object()
        serializer = DayCopySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        source = ProgramDay.objects.filter(program=program, week=data["week"], day=data["day"])
        day = source.select_related("program__trainer").first()
        if day is None:
            raise ValidationError(
                {"day": f"Week {data['week']} has no training day {data['day']} to copy."}
            )
        targets = (
            [(week, day.day) for week in later_weeks(program, day.week)]
            if data["later"]
            else [(data["to_week"], data["to_day"])]
        )
        progression = Progression(**data.get("progression", {}))
        program_day_copy(program_day=day, to=targets, progression=progression)
        return envelope(self._full(program), message=self.success_messages["copy_day"], status=201)

    @schema.copy_week_action
    @action(detail=True, methods=["post"], url_path="copy-week")
    def copy_week(self, request: Request, pk: str | None = None) -> Response:
        program = self.get_object()
        serializer = WeekCopySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        week = data["week"]
        targets = later_weeks(program, week) if data["later"] else data["to_weeks"]
        progression = Progression(**data.get("progression", {}))
        program_week_copy(program=program, week=week, to_weeks=targets, progression=progression)
        return envelope(self._full(program), message=self.success_messages["copy_week"], status=201)
