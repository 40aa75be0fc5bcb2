"""OpenAPI texts and examples of progress.api.views.training (the views stay readable)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema

from progress.api.serializers import (
    AdherenceSerializer,
    ExerciseHistorySerializer,
    TodaySerializer,
)

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
            "one_rep_max": None,
            "target_load_kg": None,
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

today_get = extend_schema(
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

exercise_history_get = extend_schema(
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

adherence_get = extend_schema(
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
