"""Read-only training views under /api/v1/progress/: a client's "today", an exercise's
history with estimated 1RM, and a client's adherence. The numbers come from
progress.selectors, the same ones the portal and the dashboard use."""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clients.models import Client
from fitnesspr.actor import actor_of
from fitnesspr.api.permissions import IsClient, IsTrainer, IsTrainerOrClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ActorAPIView
from programs.selectors.exercises import exercise_get
from progress.api.schema import training as schema
from progress.api.serializers import (
    AdherenceQuerySerializer,
    AdherenceSerializer,
    ClientQuerySerializer,
    ExerciseHistorySerializer,
    TodaySerializer,
)
from progress.selectors.adherence import client_adherence
from progress.selectors.history import exercise_progress
from progress.selectors.today import today_workout


class TodayView(ActorAPIView):
    permission_classes = [IsClient]

    @schema.today_get
    def get(self, request: Request) -> Response:
        client = self.client
        workout = today_workout(client=client, on=client.trainer.today())
        return envelope(TodaySerializer(workout).data)


def _client_for(request: Request) -> Client:
    """The client a read is about: yourself as a client, `?client=` as a trainer (one of
    yours, else a VALIDATION_ERROR like any out-of-scope id)."""
    client = actor_of(request).client
    if client is not None:
        return client
    query = ClientQuerySerializer(data=request.query_params, context={"request": request})
    query.is_valid(raise_exception=True)
    return query.validated_data["client"]  # type: ignore[no-any-return]


class ExerciseHistoryView(APIView):
    permission_classes = [IsTrainerOrClient]

    @schema.exercise_history_get
    def get(self, request: Request, exercise_id: int) -> Response:
        exercise = exercise_get(actor=actor_of(request), pk=exercise_id)
        client = _client_for(request)
        points = exercise_progress(client=client, exercise=exercise)
        body = {"exercise": exercise, "client": client.pk, "points": points}
        return envelope(ExerciseHistorySerializer(body).data)


class AdherenceView(APIView):
    permission_classes = [IsTrainer]

    @schema.adherence_get
    def get(self, request: Request) -> Response:
        query = AdherenceQuerySerializer(data=request.query_params, context={"request": request})
        query.is_valid(raise_exception=True)
        client: Client = query.validated_data["client"]
        weeks: int = query.validated_data["weeks"]
        result = client_adherence(client=client, today=client.trainer.today(), weeks=weeks)
        body: dict[str, Any] = {
            "client": client.pk,
            "weeks": weeks,
            "first": result.first,
            "last": result.last,
            "logged": result.logged,
            "scheduled": result.scheduled,
            "percent": result.percent,
        }
        return envelope(AdherenceSerializer(body).data)
