"""/api/v1/meals/plans/ (trainers only): meal plans with their meals and days nested,
`assign`, `duplicate`, `targets` (the Mifflin-St Jeor formula) and `shopping-list`;
/api/v1/meals/assignments/: who follows which plan, and ending it. Every write is one
service call (nutrition.services)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from rest_framework.decorators import action
from rest_framework.filters import SearchFilter
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clients.models import Client
from fitnesspr.api.filters import FilterBackend, FilterSet, scoped_choices
from fitnesspr.api.parsers import SafeJSONParser
from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from nutrition.api.schema import plans as schema
from nutrition.api.serializers.plans import (
    CalculateSerializer,
    FormulaSerializer,
    MealPlanAssignmentEndSerializer,
    MealPlanAssignmentSerializer,
    MealPlanListSerializer,
    MealPlanSerializer,
    PlanAssignSerializer,
    PlanDuplicateSerializer,
    ShoppingAisleSerializer,
)
from nutrition.models import AssignmentStatus, MealPlan, MealPlanAssignment
from nutrition.selectors.plans import plan_counts, plan_with_week, with_week
from nutrition.selectors.shopping import shopping_list
from nutrition.services import assignments as assigning
from nutrition.services.plans import plan_calculate_targets, plan_delete
from nutrition.services.structure import plan_create_with_week, plan_update_with_week


class PlanFilter(FilterSet):
    is_template = django_filters.BooleanFilter(help_text="true: templates only; false: others.")
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Only this client's own copies (from assign)."
    )

    class Meta:
        model = MealPlan
        fields = ["is_template", "client"]


@schema.plan_viewset
class MealPlanViewSet(ScopedModelViewSet):
    model = MealPlan
    # nested lists (days, meals, sets) have no form encoding: JSON only, so a form
    # body is a 415 instead of being read as "no days"
    parser_classes = [SafeJSONParser]
    permission_classes = [IsTrainer]
    filter_backends = [FilterBackend, SearchFilter]
    filterset_class = PlanFilter
    search_fields = ["name", "description"]
    success_messages = {
        "create": "Meal plan created.",
        "update": "Meal plan saved.",
        "partial_update": "Meal plan saved.",
        "duplicate": "Meal plan duplicated.",
        "assign": "Meal plan assigned.",
        "targets": "Targets set.",
    }

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        by_action: dict[str, type[BaseSerializer[Any]]] = {
            "list": MealPlanListSerializer,
            "duplicate": PlanDuplicateSerializer,
            "assign": PlanAssignSerializer,
            "targets": CalculateSerializer,
        }
        return by_action.get(self.action or "", MealPlanSerializer)

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.action == "list":
            return plan_counts(queryset).order_by("name", "pk")
        if self.action == "retrieve":
            return with_week(queryset)
        return queryset

    def _full(self, plan: MealPlan) -> Any:
        """The plan as it is now, nested, in a fixed number of queries."""
        fresh = plan_with_week(actor=self.actor, pk=plan.pk)
        return MealPlanSerializer(fresh, context=self.get_serializer_context()).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = MealPlanSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        plan = plan_create_with_week(trainer=self.trainer, **serializer.service_fields())
        return envelope(self._full(plan), message=self.success_messages["create"], status=201)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = bool(kwargs.pop("partial", False))
        plan = self.get_object()
        serializer = MealPlanSerializer(
            plan, data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        plan = plan_update_with_week(plan=plan, **serializer.service_fields())
        return envelope(self._full(plan), message=self.success_messages["update"])

    def perform_destroy(self, instance: MealPlan) -> None:
        plan_delete(plan=instance)

    @schema.duplicate_action
    @action(detail=True, methods=["post"])
    def duplicate(self, request: Request, pk: str | None = None) -> Response:
        plan = self.get_object()
        serializer = PlanDuplicateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        copy = assigning.plan_duplicate(plan=plan, name=serializer.validated_data.get("name"))
        return envelope(self._full(copy), message=self.success_messages["duplicate"], status=201)

    @schema.assign_action
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str | None = None) -> Response:
        plan = self.get_object()
        serializer = PlanAssignSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "clients" in data:
            made = assigning.plan_assign_many(
                plan=plan, clients=data["clients"], start_date=data["start_date"]
            )
            body: Any = MealPlanAssignmentSerializer(made, many=True).data
        else:
            one = assigning.plan_assign(
                plan=plan, client=data["client"], start_date=data["start_date"]
            )
            body = MealPlanAssignmentSerializer(one).data
        return envelope(body, message=self.success_messages["assign"], status=201)

    @schema.targets_action
    @action(detail=True, methods=["post"])
    def targets(self, request: Request, pk: str | None = None) -> Response:
        plan = self.get_object()
        serializer = CalculateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = plan_calculate_targets(plan=plan, **serializer.validated_data)
        return envelope(FormulaSerializer(result).data, message=self.success_messages["targets"])

    @schema.shopping_action
    @action(detail=True, methods=["get"], url_path="shopping-list", pagination_class=None)
    def shopping_list(self, request: Request, pk: str | None = None) -> Response:
        plan = plan_with_week(actor=self.actor, pk=self.kwargs["pk"])
        available = [day.day_number for day in plan.days.all()]
        asked = [p for p in request.query_params.get("days", "").split(",") if p.strip()]
        wanted = {int(p) for p in asked if p.strip().isdigit()}
        days = [n for n in available if n in wanted] or available
        return envelope(ShoppingAisleSerializer(shopping_list(plan, days), many=True).data)


class AssignmentFilter(FilterSet):
    status = django_filters.ChoiceFilter(choices=AssignmentStatus.choices)
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="One client's assignments."
    )

    class Meta:
        model = MealPlanAssignment
        fields = ["status", "client"]


@schema.assignment_viewset
class MealPlanAssignmentViewSet(ScopedReadOnlyViewSet):
    model = MealPlanAssignment
    serializer_class = MealPlanAssignmentSerializer
    permission_classes = [IsTrainer]
    filter_backends = [FilterBackend]
    filterset_class = AssignmentFilter
    success_messages = {"end": "Assignment ended."}

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        return (
            MealPlanAssignmentEndSerializer
            if self.action == "end"
            else MealPlanAssignmentSerializer
        )

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.select_related("client__user", "meal_plan").order_by("-start_date", "-pk")

    @schema.end_action
    @action(detail=True, methods=["post"])
    def end(self, request: Request, pk: str | None = None) -> Response:
        assignment = self.get_object()
        serializer = MealPlanAssignmentEndSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        assignment = assigning.assignment_end(
            assignment=assignment,
            on=self.trainer.today(),
            status=serializer.validated_data["status"],
        )
        return envelope(
            MealPlanAssignmentSerializer(assignment).data, message=self.success_messages["end"]
        )
