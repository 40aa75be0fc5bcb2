"""/api/v1/progress/workout-logs/: a client logs and edits their own workouts through
progress.services; their trainer reads them."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.request import Request
from rest_framework.response import Response

from clients.models import Client
from fitnesspr.api.filters import scoped_choices
from fitnesspr.api.permissions import IsClientOrReadOnlyTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ScopedGenericViewSet
from progress.api.serializers import (
    WorkoutLogSerializer,
    WorkoutLogUpdateSerializer,
    saved_entries,
    set_entries,
)
from progress.models import WorkoutLog, WorkoutStatus
from progress.selectors.history import workout_logs
from progress.services import workout_log_save, workout_log_update


class WorkoutLogFilter(django_filters.FilterSet):
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Trainers: one client's logs."
    )
    status = django_filters.ChoiceFilter(choices=WorkoutStatus.choices)

    class Meta:
        model = WorkoutLog
        fields = ["client", "status"]


# `from` is a Python keyword, so these two can't be class attributes.
WorkoutLogFilter.base_filters["from"] = django_filters.DateFilter(
    field_name="performed_on", lookup_expr="gte", help_text="Performed on or after (YYYY-MM-DD)."
)
WorkoutLogFilter.base_filters["to"] = django_filters.DateFilter(
    field_name="performed_on", lookup_expr="lte", help_text="Performed on or before (YYYY-MM-DD)."
)

SET = {
    "exercise": 12,
    "exercise_name": "Back squat",
    "prescribed": 701,
    "set_number": 1,
    "reps": 5,
    "duration_seconds": None,
    "load_kg": 100.0,
    "rpe": 8.0,
    "is_completed": True,
    "notes": "",
}
TIMED_SET = {  # a timed exercise logs how long the set lasted instead of reps
    **SET,
    "exercise": 57,
    "exercise_name": "Front plank",
    "prescribed": 704,
    "reps": None,
    "duration_seconds": 45,
    "load_kg": None,
    "rpe": None,
}
LOG_WRITE = {
    "program_day": 70,
    "notes": "Felt strong.",
    "finish": True,
    "sets": [
        {k: v for k, v in SET.items() if k != "exercise_name"},
        {**{k: v for k, v in SET.items() if k != "exercise_name"}, "set_number": 2, "rpe": 8.5},
        {k: v for k, v in TIMED_SET.items() if k != "exercise_name"},
    ],
}
LOG = {
    "id": 301,
    "client": 42,
    "client_name": "Carol Danvers",
    "assignment": 15,
    "program_day": 70,
    "performed_on": "2026-03-02",
    "status": "completed",
    "started_at": "2026-03-02T07:01:00Z",
    "completed_at": "2026-03-02T07:58:00Z",
    "notes": "Felt strong.",
    "is_editable": True,
    "sets": [SET, {**SET, "set_number": 2, "rpe": 8.5}, TIMED_SET],
    "created_at": "2026-03-02T07:01:00Z",
    "updated_at": "2026-03-02T07:58:00Z",
}
WHO = (
    "A client reads and writes their own logs; a trainer reads their clients' (writes get "
    "403). Another client's log is a 404."
)


@extend_schema_view(
    list=extend_schema(
        summary="List workout logs",
        description="Newest first, with their sets. `?client=` (trainers), `?from=`, `?to=` "
        "(dates) and `?status=` filter. " + WHO,
        examples=[OpenApiExample("Logs", value=LOG, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a workout log",
        description="One workout with every set. " + WHO,
        examples=[OpenApiExample("Log", value=LOG, response_only=True)],
    ),
    create=extend_schema(
        summary="Log a workout",
        description=(
            "A client logs a day of their **active** program (another day, or a day of "
            "another program, is a VALIDATION_ERROR on `program_day`), on `performed_on` "
            "(default today; never in the future). `sets` lists every set, done or skipped; "
            "`finish: true` marks the workout completed. Logging the same day and date again "
            "(on the same day) replaces that log. Clients only: a trainer's token gets 403."
        ),
        examples=[
            OpenApiExample("Workout", value=LOG_WRITE, request_only=True),
            OpenApiExample("Logged", value=LOG, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Change a workout log",
        description=(
            "Replaces the sets and notes of a log, on the day it was logged only (later it "
            "is history: VALIDATION_ERROR). Clients only: a trainer's token gets 403."
        ),
        request=WorkoutLogUpdateSerializer,
        responses={200: WorkoutLogSerializer},
        examples=[
            OpenApiExample(
                "Sets",
                value={k: LOG_WRITE[k] for k in ("sets", "notes", "finish")},
                request_only=True,
            ),
            OpenApiExample("Changed", value=LOG, response_only=True),
        ],
    ),
    partial_update=extend_schema(
        summary="Change part of a workout log",
        description="As PUT, but `sets` may be left out to keep them (e.g. to finish, or "
        "to change the notes). Clients only: a trainer's token gets 403.",
        request=WorkoutLogUpdateSerializer,
        responses={200: WorkoutLogSerializer},
        examples=[
            OpenApiExample("Finish", value={"finish": True}, request_only=True),
            OpenApiExample("Finished", value=LOG, response_only=True),
        ],
    ),
)
class WorkoutLogViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    ScopedGenericViewSet,
):
    model = WorkoutLog
    serializer_class = WorkoutLogSerializer
    permission_classes = [IsClientOrReadOnlyTrainer]
    filter_backends = [DjangoFilterBackend]
    filterset_class = WorkoutLogFilter
    success_messages = {
        "create": "Workout logged.",
        "update": "Workout updated.",
        "partial_update": "Workout updated.",
    }

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        logs = workout_logs(logs=queryset.order_by("-performed_on", "-pk"))
        return logs.select_related("client__trainer")

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
