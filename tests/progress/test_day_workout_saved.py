"""After a save, the log page rebuilds today's exercises from what it read before the save
(the plan, last time's sets) plus the saved sets and fresh 1RM loads: exactly what
reading the whole day again gives, in one query instead of four (three with a % of 1RM)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress.selectors.today import TodayExercise, day_workout, day_workout_saved
from progress.services import SetEntry, workout_log_save
from tests.progress.test_portal_training import assign_program, entries, log_on

pytestmark = pytest.mark.django_db

EXERCISES = (
    ("Back squat", {"load_percent_1rm": Decimal("72.5"), "reps_min": 5}),
    ("Row", {"load_kg": Decimal("40")}),
    ("Plank", {"duration_seconds": 45, "reps_min": None}),
)


def _shown(items: list[TodayExercise]) -> list[dict]:
    return [
        {
            **asdict(item),
            "prescription": item.prescription.pk,
            "last_sets": [(s.pk, s.performed_on) for s in item.last_sets],
            "logged_sets": [(s.pk, s.exercise.name, s.reps, s.load_kg) for s in item.logged_sets],
            "last_date": item.last_date,
            "needs_a_weight": item.needs_a_weight,
        }
        for item in items
    ]


@pytest.mark.parametrize("finish", [False, True])
def test_the_day_after_a_save_is_the_day_read_again(client_, today, finish):
    _, days = assign_program(
        client_, start=today - timedelta(days=7), days=((1, 1), (2, 1)), exercises=EXERCISES
    )
    log_on(client_, days[1, 1], today - timedelta(days=7), reps=5, load="100")
    day = days[2, 1]
    before, _ = day_workout(client=client_, day=day, on=today)
    sets = entries(day, reps=3, load="130")  # heavier than before: a new estimated 1RM
    substitute = SetEntry(exercise_id=sets[0].exercise_id, set_number=9, reps=1)
    log = workout_log_save(
        client=client_, program_day=day, sets=[*sets, substitute], finish=finish, performed_on=today
    )

    with CaptureQueriesContext(connection) as queries:
        after = day_workout_saved(client=client_, exercises=before, log=log)
    again, log_again = day_workout(client=client_, day=day, on=today)

    assert len(queries) == 3  # the sets, then the 1RMs of the % of 1RM prescription
    assert log_again == log
    assert _shown(after) == _shown(again)
    assert after[0].target_load_kg != before[0].target_load_kg or not finish
