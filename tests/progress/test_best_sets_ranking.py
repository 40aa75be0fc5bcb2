"""The best set of each exercise is ranked by the database; it must pick the set the
rule describes (higher e1RM, then longer, heavier, more reps; the newest on a tie) and
show the e1RM the rest of the app computes for it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from progress.models import SetLog, WorkoutLog, WorkoutStatus
from progress.selectors.history import E1RM_MAX_REPS, estimated_1rm, exercise_bests
from tests.factories.programs import ExerciseFactory

pytestmark = pytest.mark.django_db


def _workout(client, days_ago, sets, *, status=WorkoutStatus.COMPLETED):
    on = client.trainer.today() - timedelta(days=days_ago)
    started = timezone.now() - timedelta(days=days_ago)
    done = started + timedelta(hours=1) if status == WorkoutStatus.COMPLETED else None
    log = WorkoutLog.objects.create(
        client=client, performed_on=on, status=status, started_at=started, completed_at=done
    )
    for number, (exercise, load, reps, seconds) in enumerate(sets, start=1):
        SetLog.objects.create(
            workout_log=log,
            exercise=exercise,
            set_number=number,
            load_kg=None if load is None else Decimal(load),
            reps=reps,
            duration_seconds=seconds,
        )
    return log


def _reference(sets):
    """The rule written out in Python, newest set first on a tie."""

    def rank(row):
        _, load, reps, seconds = row
        e1rm = None if seconds is not None else estimated_1rm(load and Decimal(load), reps)
        return (e1rm or 0, seconds or 0, Decimal(load or 0), reps or 0)

    return max(sets, key=rank)


def test_the_best_set_follows_the_rule_on_rounding_ties_and_halves(client_):
    squat = ExerciseFactory(name="Squat")
    curl = ExerciseFactory(name="Curl")
    # 61.50 x 3 is exactly 67.65: half to even gives 67.6, the same as a 67.60 single,
    # so the heavier single wins; a 13-rep set has no e1RM however heavy.
    older = [(squat, "61.50", 3, None), (curl, "2.10", 5, None)]
    newer = [(squat, "67.60", 1, None), (squat, "80.00", E1RM_MAX_REPS + 1, None)]
    newer += [(curl, "2.40", 1, None)]  # 2.10 x 5 is exactly 2.45: 2.4 too, lighter
    _workout(client_, 3, older)
    newest = _workout(client_, 1, newer)
    bests = {b.exercise.name: b for b in exercise_bests(client=client_)}
    for name, exercise in (("Squat", squat), ("Curl", curl)):
        expected = _reference([row for row in older + newer if row[0] == exercise])
        assert (bests[name].load_kg, bests[name].reps) == (Decimal(expected[1]), expected[2])
    assert (bests["Squat"].load_kg, bests["Squat"].reps) == (Decimal("67.60"), 1)
    assert (bests["Curl"].load_kg, bests["Curl"].reps) == (Decimal("2.40"), 1)
    assert bests["Squat"].performed_on == newest.performed_on
    assert bests["Squat"].e1rm_kg == estimated_1rm(Decimal("61.50"), 3) == Decimal("67.6")
    assert estimated_1rm(Decimal("2.10"), 5) == Decimal("2.4")
    assert bests["Squat"].sessions == 2


def test_timed_sets_rank_by_duration_and_unfinished_workouts_do_not_count(client_):
    plank = ExerciseFactory(name="Plank")
    row = ExerciseFactory(name="Row")
    _workout(client_, 5, [(plank, None, None, 60), (row, "50.00", 10, None)])
    _workout(client_, 4, [(plank, None, None, 90), (row, "50.00", 10, None)])
    _workout(client_, 2, [(plank, None, None, 300)], status=WorkoutStatus.IN_PROGRESS)
    bests = {b.exercise.name: b for b in exercise_bests(client=client_)}
    assert bests["Plank"].duration_seconds == 90
    assert bests["Plank"].e1rm_kg is None
    assert bests["Plank"].sessions == 2
    # the same set twice: the newer one stands
    assert bests["Row"].performed_on == client_.trainer.today() - timedelta(days=4)
    assert bests["Row"].e1rm_kg == Decimal("66.7")
    assert list(bests) == ["Plank", "Row"]
