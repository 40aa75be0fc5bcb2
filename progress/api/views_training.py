"""Read-only training views under /api/v1/progress/: a client's "today", an exercise's
history with estimated 1RM, and a client's adherence. The numbers come from
progress.selectors, the same ones the portal and the dashboard use."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clients.models import Client
from fitnesspr.actor import actor_of
from fitnesspr.api.permissions import IsClient, IsTrainer, IsTrainerOrClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ActorAPIView
from programs.selectors.exercises import exercise_get
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

TODAY_EXAMPLE = {
    "state": "training",
    "date": "2026-03-02",
    "assignment": {
        "id": 15,
        "start_date": "2026-03-02",
        "program": {"id": 88, "name": "Strength base", "goal": "strength", "duration_weeks": 4},
    },
    "slot": {"week": 1, "day": 1},
    "day": {"id": 70, "week": 1, "day": 1, "title": "Full body A", "notes": ""},
    "exercises": [
        {
            "prescription": {
                "id": 701,
                "exercise": 12,
                "exercise_name": "Back squat",
                "order": 1,
                "superset_group": "",
                "sets": 5,
                "reps_min": 5,
                "reps_max": None,
                "duration_seconds": None,
                "load_kg": 100.0,
                "load_percent_1rm": None,
                "rpe": 8.0,
                "rir": None,
                "rest_seconds": 180,
                "tempo": "",
                "notes": "",
            },
            "last_date": "2026-02-27",
            "last_sets": [
                {
                    "set_number": 1,
                    "reps": 5,
                    "duration_seconds": None,
                    "load_kg": 97.5,
                    "rpe": 8.0,
                    "is_completed": True,
                    "notes": "",
                }
            ],
            "logged_sets": [],
        }
    ],
    "log": None,
    "next_workout": {
        "date": "2026-03-04",
        "day": {"id": 71, "week": 1, "day": 3, "title": "Full body B", "notes": ""},
    },
    "ends_on": "2026-03-29",
}
CLIENT_PARAM = OpenApiParameter(
    "client", int, required=False, description="Trainers: which of your clients (required)."
)


class TodayView(ActorAPIView):
    permission_classes = [IsClient]

    @extend_schema(
        operation_id="progress_today_retrieve",
        summary="Today's workout",
        description=(
            "What the client's active program schedules today (trainer's timezone): the day "
            "and its exercises, each with what the client did last time and what they "
            "logged today; or a rest day; and the next workout. Clients only: a trainer's "
            "token gets 403."
        ),
        responses={200: TodaySerializer},
        examples=[OpenApiExample("A training day", value=TODAY_EXAMPLE, response_only=True)],
    )
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

    @extend_schema(
        operation_id="progress_exercise_history",
        summary="An exercise's history",
        description=(
            "Per workout date (oldest first), the client's best completed set of the "
            "exercise and its estimated one-rep max (Epley; sets over 12 reps don't count). "
            "For a timed exercise the best set is the longest (`best_duration_seconds`) "
            "and there is no one-rep max. "
            "A client reads their own; a trainer passes `?client=`. An exercise outside "
            "your library is a 404."
        ),
        parameters=[CLIENT_PARAM],
        responses={200: ExerciseHistorySerializer},
        examples=[
            OpenApiExample(
                "History",
                value={
                    "exercise": {"id": 12, "name": "Back squat"},
                    "client": 42,
                    "points": [
                        {
                            "performed_on": "2026-03-02",
                            "best_load_kg": 100.0,
                            "best_reps": 5,
                            "e1rm_kg": 116.7,
                            "best_duration_seconds": None,
                        }
                    ],
                },
                response_only=True,
            ),
            OpenApiExample(
                "A timed exercise",
                value={
                    "exercise": {"id": 57, "name": "Front plank"},
                    "client": 42,
                    "points": [
                        {
                            "performed_on": "2026-03-02",
                            "best_load_kg": None,
                            "best_reps": None,
                            "e1rm_kg": None,
                            "best_duration_seconds": 45,
                        }
                    ],
                },
                response_only=True,
            ),
        ],
    )
    def get(self, request: Request, exercise_id: int) -> Response:
        exercise = exercise_get(actor=actor_of(request), pk=exercise_id)
        client = _client_for(request)
        points = exercise_progress(client=client, exercise=exercise)
        body = {"exercise": exercise, "client": client.pk, "points": points}
        return envelope(ExerciseHistorySerializer(body).data)


class AdherenceView(APIView):
    permission_classes = [IsTrainer]

    @extend_schema(
        operation_id="progress_adherence",
        summary="A client's adherence",
        description=(
            "Program workouts completed against those scheduled over the last `weeks` weeks "
            "(default 4) up to today. `?client=` is required. Trainers only: a client's "
            "token gets 403."
        ),
        parameters=[
            OpenApiParameter("client", int, required=True, description="One of your clients."),
            OpenApiParameter("weeks", int, required=False, description="1 to 52; default 4."),
        ],
        responses={200: AdherenceSerializer},
        examples=[
            OpenApiExample(
                "Adherence",
                value={
                    "client": 42,
                    "weeks": 4,
                    "first": "2026-02-03",
                    "last": "2026-03-02",
                    "logged": 10,
                    "scheduled": 12,
                    "percent": 83,
                },
                response_only=True,
            )
        ],
    )
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
