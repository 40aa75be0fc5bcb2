"""Example bodies for the programs and assignments API documentation."""

from __future__ import annotations

from typing import Any

SQUAT: dict[str, Any] = {
    "exercise": 12,
    "sets": 5,
    "reps_min": 5,
    "reps_max": None,
    "duration_seconds": None,
    "load_kg": 100.0,
    "load_percent_1rm": None,
    "rpe": 8.0,
    "rir": None,
    "rest_seconds": 180,
    "tempo": "3-1-1-0",
    "notes": "Belt on the top set.",
    "superset_group": "",
}
ROW: dict[str, Any] = {
    "exercise": 31,
    "sets": 3,
    "reps_min": 8,
    "reps_max": 12,
    "duration_seconds": None,
    "load_kg": None,
    "load_percent_1rm": 70.0,
    "rpe": None,
    "rir": 2,
    "rest_seconds": 90,
    "tempo": "",
    "notes": "",
    "superset_group": "",
}
PLANK: dict[str, Any] = {  # a timed exercise: seconds per set, no reps
    "exercise": 57,
    "sets": 3,
    "reps_min": None,
    "reps_max": None,
    "duration_seconds": 30,
    "load_kg": None,
    "load_percent_1rm": None,
    "rpe": None,
    "rir": None,
    "rest_seconds": 60,
    "tempo": "",
    "notes": "Squeeze glutes, ribs down.",
    "superset_group": "",
}
PROGRAM_WRITE: dict[str, Any] = {
    "name": "Strength base",
    "goal": "strength",
    "description": "Three full-body days a week.",
    "duration_weeks": 4,
    "is_template": True,
    "days": [
        {
            "week": 1,
            "day": 1,
            "title": "Full body A",
            "notes": "",
            "exercises": [SQUAT, ROW, PLANK],
        },
        {"week": 1, "day": 3, "title": "Full body B", "notes": "", "exercises": [ROW]},
    ],
}


def _read(entry: dict[str, Any], pk: int, order: int, name: str) -> dict[str, Any]:
    return {"id": pk, **entry, "exercise_name": name, "order": order}


PROGRAM: dict[str, Any] = {
    "id": 7,
    "name": "Strength base",
    "goal": "strength",
    "description": "Three full-body days a week.",
    "duration_weeks": 4,
    "is_template": True,
    "client": None,
    "source": None,
    "created_at": "2026-03-01T10:00:00Z",
    "updated_at": "2026-03-01T10:00:00Z",
    "days": [
        {
            "id": 70,
            "week": 1,
            "day": 1,
            "title": "Full body A",
            "notes": "",
            "exercises": [
                _read(SQUAT, 701, 1, "Back squat"),
                _read(ROW, 702, 2, "Barbell row"),
                _read(PLANK, 704, 3, "Front plank"),
            ],
        },
        {
            "id": 71,
            "week": 1,
            "day": 3,
            "title": "Full body B",
            "notes": "",
            "exercises": [_read(ROW, 703, 1, "Barbell row")],
        },
    ],
}
PROGRAM_SUMMARY = {
    **{k: v for k, v in PROGRAM.items() if k != "days"},
    "day_count": 2,
    "active_assignments": 3,
}
ASSIGNMENT: dict[str, Any] = {
    "id": 15,
    "client": 42,
    "client_name": "Carol Danvers",
    "program": {"id": 88, "name": "Strength base", "goal": "strength", "duration_weeks": 4},
    "source_program": 7,
    "start_date": "2026-03-02",
    "end_date": None,
    "ends_on": "2026-03-29",
    "status": "active",
    "created_at": "2026-03-01T10:05:00Z",
    "updated_at": "2026-03-01T10:05:00Z",
}
ASSIGNMENT_DETAIL = {
    **ASSIGNMENT,
    "program": {**PROGRAM, "id": 88, "client": 42, "source": 7, "is_template": False},
}
