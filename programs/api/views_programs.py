"""/api/v1/programs/ (trainers only): programs with nested days and exercises,
`duplicate` and `assign`. Every write is one service call (programs.services)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework.decorators import action
from rest_framework.filters import SearchFilter
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clients.models import Client
from fitnesspr.api.filters import scoped_choices
from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.schema import error_response
from fitnesspr.api.viewsets import ScopedModelViewSet
from programs.api import examples_programs as ex
from programs.api.serializers_programs import (
    AssignmentSerializer,
    ProgramAssignSerializer,
    ProgramDuplicateSerializer,
    ProgramListSerializer,
    ProgramSerializer,
)
from programs.models import Program
from programs.selectors.programs import program_counts, program_days_prefetch
from programs.services.assignments import program_assign, program_assign_many, program_duplicate
from programs.services.builder import program_delete
from programs.services.structure import program_create_with_days, program_update_with_days

TRAINERS_ONLY = "Trainers only: a client's token gets 403."
NESTED = (
    "`days` lists every training day (week 1.., day 1-7; a missing day is a rest day), each "
    "with its `exercises` in order. Loads are in kg; a timed exercise (a plank, a carry) "
    "gives `duration_seconds` per set instead of reps. A problem is reported at its place, "
    "e.g. `days[0].exercises[1].sets`, and nothing is written. "
)


class ProgramFilter(django_filters.FilterSet):
    is_template = django_filters.BooleanFilter(help_text="true: templates only; false: others.")
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Only this client's own copies (from assign)."
    )

    class Meta:
        model = Program
        fields = ["is_template", "client"]


PROGRAM_409 = error_response(
    409,
    "A client's assigned copy can't be deleted: end the assignment instead.",
    {
        "success": False,
        "error": {
            "code": "CONFLICT",
            "message": "This is a client's assigned copy: end the assignment instead of "
            "deleting it.",
            "details": [],
        },
    },
)
ASSIGN_RESULT = PolymorphicProxySerializer(
    component_name="ProgramAssignResult",
    serializers=[AssignmentSerializer, AssignmentSerializer(many=True)],
    resource_type_field_name=None,
    many=False,
)


@extend_schema_view(
    list=extend_schema(
        summary="List your programs",
        description=(
            "Your programs, templates and clients' copies, without their days (get one "
            "program for those). `?search=` matches name or description; `?is_template=` "
            "and `?client=` filter. " + TRAINERS_ONLY
        ),
        examples=[OpenApiExample("Programs", value=ex.PROGRAM_SUMMARY, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a program",
        description="A program with every day and exercise. " + TRAINERS_ONLY,
        examples=[OpenApiExample("Program", value=ex.PROGRAM, response_only=True)],
    ),
    create=extend_schema(
        summary="Create a program",
        description="A program with its days and exercises in one request. "
        + NESTED
        + "Exercises come from the global library or your own. "
        + TRAINERS_ONLY,
        responses={201: ProgramSerializer},
        examples=[
            OpenApiExample("New program", value=ex.PROGRAM_WRITE, request_only=True),
            OpenApiExample("Created", value=ex.PROGRAM, response_only=True, status_codes=["201"]),
        ],
    ),
    update=extend_schema(
        summary="Replace a program",
        description="Details and the whole structure at once: `days` is required (send "
        "[] to clear). A day at the same week and day, and an exercise sent with its "
        "`id`, are kept and updated (so clients' workout logs stay linked); anything not "
        "sent is removed. " + NESTED + TRAINERS_ONLY,
        examples=[
            OpenApiExample("Program", value=ex.PROGRAM_WRITE, request_only=True),
            OpenApiExample("Updated", value=ex.PROGRAM, response_only=True),
        ],
    ),
    partial_update=extend_schema(
        summary="Update a program",
        description="Any details. With `days`, the structure is replaced as in PUT; "
        "without, it is left alone. " + TRAINERS_ONLY,
        examples=[
            OpenApiExample("Rename", value={"name": "Strength base v2"}, request_only=True),
            OpenApiExample("Updated", value=ex.PROGRAM, response_only=True),
        ],
    ),
    destroy=extend_schema(
        summary="Delete a program",
        description="Deletes a program with its days. A client's assigned copy holds their "
        "history: end its assignment instead (409). " + TRAINERS_ONLY,
        responses={204: None, 409: PROGRAM_409},
    ),
)
class ProgramViewSet(ScopedModelViewSet):
    model = Program
    permission_classes = [IsTrainer]
    filter_backends = [DjangoFilterBackend, SearchFilter]
    filterset_class = ProgramFilter
    search_fields = ["name", "description"]
    success_messages = {
        "create": "Program created.",
        "update": "Program saved.",
        "partial_update": "Program saved.",
        "duplicate": "Program duplicated.",
        "assign": "Program assigned.",
    }

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action == "list":
            return ProgramListSerializer
        if self.action == "duplicate":
            return ProgramDuplicateSerializer
        if self.action == "assign":
            return ProgramAssignSerializer
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

    @extend_schema(
        summary="Duplicate a program",
        description="A deep copy (days and exercises) for you to change; a template's copy "
        "is a template. " + TRAINERS_ONLY,
        request=ProgramDuplicateSerializer,
        responses={201: ProgramSerializer},
        examples=[
            OpenApiExample("Name it", value={"name": "Strength base (v2)"}, request_only=True),
            OpenApiExample(
                "Copy",
                value={**ex.PROGRAM, "id": 9, "name": "Strength base (v2)", "source": 7},
                response_only=True,
                status_codes=["201"],
            ),
        ],
    )
    @action(detail=True, methods=["post"])
    def duplicate(self, request: Request, pk: str | None = None) -> Response:
        program = self.get_object()
        serializer = ProgramDuplicateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        copy = program_duplicate(program=program, name=serializer.validated_data.get("name"))
        return envelope(self._full(copy), message=self.success_messages["duplicate"], status=201)

    @extend_schema(
        summary="Assign a program to clients",
        description=(
            "Gives each client their own copy starting on `start_date` (later edits to this "
            "program don't change it). A client's current program is marked `replaced`. "
            "Send `client` for one (the answer is one assignment) or `clients` for several "
            "(a list; all or none are assigned). A client who isn't yours is a "
            "VALIDATION_ERROR on that field, like one that doesn't exist; an archived client "
            "or a program without days is a VALIDATION_ERROR too. " + TRAINERS_ONLY
        ),
        request=ProgramAssignSerializer,
        responses={201: OpenApiResponse(ASSIGN_RESULT, description="The new assignment(s).")},
        examples=[
            OpenApiExample(
                "One client", value={"client": 42, "start_date": "2026-03-02"}, request_only=True
            ),
            OpenApiExample(
                "Several clients",
                value={"clients": [42, 43], "start_date": "2026-03-02"},
                request_only=True,
            ),
            OpenApiExample(
                "Assigned", value=ex.ASSIGNMENT, response_only=True, status_codes=["201"]
            ),
        ],
    )
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
