"""/api/v1/progress/workout-logs/: a client logs and edits their own workouts through
progress.services; their trainer reads them."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from rest_framework import mixins
from rest_framework.request import Request
from rest_framework.response import Response

from clients.models import Client
from fitnesspr.api.filters import FilterBackend, FilterSet, WindowDateFilter, scoped_choices
from fitnesspr.api.parsers import SafeJSONParser
from fitnesspr.api.permissions import IsClientOrReadOnlyTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.rows import row_plan
from fitnesspr.api.viewsets import PageRowsMixin, ScopedGenericViewSet
from progress.api.schema import workout_logs as schema
from progress.api.serializers import (
    SetLogSerializer,
    WorkoutLogSerializer,
    WorkoutLogUpdateSerializer,
    saved_entries,
    set_entries,
)
from progress.models import WorkoutLog, WorkoutStatus
from progress.selectors.history import workout_log_sets, workout_logs, workout_logs_listed
from progress.services import workout_log_save, workout_log_update


class WorkoutLogFilter(FilterSet):
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Trainers: one client's logs."
    )
    status = django_filters.ChoiceFilter(choices=WorkoutStatus.choices)

    class Meta:
        model = WorkoutLog
        fields = ["client", "status"]


# `from` is a Python keyword, so these two can't be class attributes.
WorkoutLogFilter.base_filters["from"] = WindowDateFilter(
    field_name="performed_on", lookup_expr="gte", help_text="Performed on or after (YYYY-MM-DD)."
)
WorkoutLogFilter.base_filters["to"] = WindowDateFilter(
    field_name="performed_on", lookup_expr="lte", help_text="Performed on or before (YYYY-MM-DD)."
)


@schema.workout_log_viewset
class WorkoutLogViewSet(
    PageRowsMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    ScopedGenericViewSet,
):
    model = WorkoutLog
    serializer_class = WorkoutLogSerializer
    # nested lists (days, meals, sets) have no form encoding: JSON only, so a form
    # body is a 415 instead of being read as "no days"
    parser_classes = [SafeJSONParser]
    permission_classes = [IsClientOrReadOnlyTrainer]
    filter_backends = [FilterBackend]
    filterset_class = WorkoutLogFilter
    success_messages = {
        "create": "Workout logged.",
        "update": "Workout updated.",
        "partial_update": "Workout updated.",
    }

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        ordered = queryset.order_by("-performed_on", "-pk")
        if self.action == "list":
            return workout_logs_listed(logs=ordered)
        return workout_logs(logs=ordered).select_related("client__trainer")

    def page_rows(self, page: list[Any]) -> dict[str, dict[Any, list[Any]]]:
        # A page's sets in one query, not a model instance each (with its exercise's):
        # the columns the set serializer writes.
        plan = row_plan(SetLogSerializer)
        assert plan is not None
        return {"sets": workout_log_sets(logs=page, fields=plan.keys)}

    def _read(self, log: WorkoutLog) -> Any:
        fresh = self.get_queryset().get(pk=log.pk)
        return WorkoutLogSerializer(fresh, context=self.get_serializer_context()).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = WorkoutLogSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        log = workout_log_save(
            client=self.client,
            program_day=data["program_day"],
            sets=set_entries(data["sets"]),
            notes=data.get("notes", ""),
            finish=data["finish"],
            performed_on=data.get("performed_on"),
        )
        return envelope(self._read(log), message=self.success_messages["create"], status=201)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = bool(kwargs.pop("partial", False))
        log = self.get_object()
        serializer = WorkoutLogUpdateSerializer(
            data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        log = workout_log_update(
            log=log,
            sets=set_entries(data["sets"]) if "sets" in data else saved_entries(log),
            notes=data.get("notes", log.notes),
            finish=data.get("finish", False),
        )
        return envelope(self._read(log), message=self.success_messages["update"])
