"""/api/v1/meals/diary/: the client's food diary (clients write their own; their trainer
reads it, a trainer's token gets 403 on a write), `diary/today/` (a day's planned meals,
ticks and totals), and /api/v1/meals/compliance/ (trainers: eaten against the targets,
per day and per week)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clients.models import Client
from fitnesspr.api.permissions import IsClientOrReadOnlyTrainer, IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ActorAPIView, ScopedModelViewSet
from nutrition.api.schema import diary as schema
from nutrition.api.serializers.diary import (
    ComplianceQuerySerializer,
    ComplianceSerializer,
    DayMealsSerializer,
    DayQuerySerializer,
    DiaryEntrySerializer,
    DiaryQuerySerializer,
)
from nutrition.models import DiaryEntry, DiaryStatus
from nutrition.selectors.compliance import MAX_DAYS, client_compliance
from nutrition.selectors.diary import diary_entries
from nutrition.selectors.today import day_meals
from nutrition.services import diary as services


@schema.diary_viewset
class DiaryViewSet(ScopedModelViewSet):
    model = DiaryEntry
    serializer_class = DiaryEntrySerializer
    permission_classes = [IsClientOrReadOnlyTrainer]
    success_messages = {
        "create": "Logged.",
        "update": "Diary entry saved.",
        "partial_update": "Diary entry saved.",
    }

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        return DayMealsSerializer if self.action == "today" else DiaryEntrySerializer

    def get_queryset(self) -> QuerySet[Any]:
        queryset = diary_entries(actor=self.actor)
        if self.action != "list":
            return queryset
        query = DiaryQuerySerializer(
            data=self.request.query_params, context={"request": self.request}
        )
        query.is_valid(raise_exception=True)
        data = query.validated_data
        if "client" in data:
            queryset = queryset.filter(client=data["client"])
        if "date" in data:
            queryset = queryset.filter(eaten_on=data["date"])
        if "start" in data:
            queryset = queryset.filter(eaten_on__gte=data["start"])
        if "end" in data:
            queryset = queryset.filter(eaten_on__lte=data["end"])
        return queryset

    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, DiaryEntrySerializer)
        data = serializer.validated_data
        if data.get("plan_entry") is not None:
            serializer.instance = services.diary_tick(
                client=self.client,
                plan_entry=data["plan_entry"],
                on=data["eaten_on"],
                status=data.get("status", DiaryStatus.EATEN),
                **serializer.amount(),
            )
        else:
            if data.get("status", DiaryStatus.EATEN) != DiaryStatus.EATEN:
                raise APIValidationError(
                    {"status": "Food eaten off-plan is eaten: leave out status."}
                )
            serializer.instance = services.diary_add_food(
                client=self.client,
                on=data["eaten_on"],
                meal=data.get("meal", ""),
                food=data["food"],
                **serializer.amount(),
            )

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, DiaryEntrySerializer)
        assert serializer.instance is not None
        serializer.instance = services.diary_update(
            entry=serializer.instance,
            status=serializer.validated_data.get("status"),
            **serializer.amount(),
        )

    def perform_destroy(self, instance: DiaryEntry) -> None:
        services.diary_delete(entry=instance)

    @schema.today_action
    @action(detail=False, methods=["get"], pagination_class=None)
    def today(self, request: Request) -> Response:
        query = DayQuerySerializer(data=request.query_params, context={"request": request})
        query.is_valid(raise_exception=True)
        client = _whose(self, query.validated_data.get("client"))
        on = query.validated_data.get("date") or client.trainer.today()
        if on > client.trainer.today():
            raise APIValidationError({"date": "That day hasn't happened yet."})
        return envelope(DayMealsSerializer(day_meals(client=client, on=on)).data)


def _whose(view: ActorAPIView, asked: Client | None) -> Client:
    """A client reads their own day; a trainer names one of their clients."""
    if view.actor.is_client:
        return view.client
    if asked is None:
        raise APIValidationError({"client": "Name the client whose day to read."})
    return asked


class ComplianceView(ActorAPIView):
    permission_classes = [IsTrainer]

    @schema.compliance
    def get(self, request: Request) -> Response:
        query = ComplianceQuerySerializer(data=request.query_params, context={"request": request})
        query.is_valid(raise_exception=True)
        data = query.validated_data
        client = data["client"]
        end = data.get("end") or client.trainer.today()
        start = data.get("start") or end - dt.timedelta(days=27)
        if start > end:
            raise APIValidationError({"start": "The range starts after it ends."})
        if (end - start).days >= MAX_DAYS:
            raise APIValidationError({"start": f"Ask for at most {MAX_DAYS} days at a time."})
        result = client_compliance(client=client, start=start, end=end)
        return envelope(ComplianceSerializer(result).data)
