"""Timed exercises in the services: a plank prescribed as 3 x 30 s, copied with its
program, logged as how long each set lasted, and ranked by the longest set."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from programs.models import PrescribedExercise
from programs.services import assignments as assign
from programs.services import builder
from programs.services.structure import program_create_with_days
from progress.models import SetLog
from progress.selectors.history import exercise_bests, exercise_progress
from progress.services import SetEntry, workout_log_save
from tests.factories.programs import ExerciseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plank(trainer):
    return ExerciseFactory(name="Wall sit", trainer=trainer)


@pytest.fixture
def monday(trainer):
    program = builder.program_create(trainer=trainer, name="Core", duration_weeks=2)
    return builder.program_day_add(program=program, week=1, day=1, title="Core")


def test_a_time_without_reps_makes_a_timed_prescription(monday, plank):
    rx = builder.prescription_add(program_day=monday, exercise=plank, sets=3, duration_seconds=30)

    rx.refresh_from_db()
    assert (rx.sets, rx.reps_min, rx.reps_max, rx.duration_seconds) == (3, None, None, 30)
    assert rx.is_timed
    assert str(rx) == "Wall sit 3 x 30 s"


def test_switching_between_reps_and_a_time(monday, plank):
    rx = builder.prescription_add(program_day=monday, exercise=plank, reps_min=8, reps_max=12)

    builder.prescription_update(prescription=rx, duration_seconds=45)
    rx.refresh_from_db()
    assert (rx.reps_min, rx.reps_max, rx.duration_seconds) == (None, None, 45)

    builder.prescription_update(prescription=rx, reps_min=10)
    rx.refresh_from_db()
    assert (rx.reps_min, rx.reps_max, rx.duration_seconds) == (10, None, None)


@pytest.mark.parametrize(
    ("dose", "message"),
    [
        ({"reps_min": 8, "duration_seconds": 30}, "Give reps or a time, not both."),
        ({"reps_max": 12, "duration_seconds": 30}, "Give reps or a time, not both."),
        ({"reps_min": None}, "Give reps (8 or 8-12) or a time (30 s)."),
        ({"duration_seconds": 7201}, "A time goes up to 2 hours (120 min)."),
    ],
)
def test_both_neither_or_too_long_is_refused_and_nothing_written(monday, plank, dose, message):
    with pytest.raises(ValidationError) as refused:
        builder.prescription_add(program_day=monday, exercise=plank, **dose)
    assert message in str(refused.value)
    assert not PrescribedExercise.objects.exists()

    rx = builder.prescription_add(program_day=monday, exercise=plank, reps_min=8)
    with pytest.raises(ValidationError):
        builder.prescription_update(prescription=rx, **dose)
    rx.refresh_from_db()
    assert (rx.reps_min, rx.duration_seconds) == (8, None)


def test_copies_and_assignments_keep_the_time(monday, plank, client_):
    builder.prescription_add(program_day=monday, exercise=plank, sets=3, duration_seconds=30)
    program = monday.program

    duplicate = assign.program_duplicate(program=program)
    assignment = assign.program_assign(
        program=program, client=client_, start_date=client_.trainer.today()
    )

    for copy in (duplicate, assignment.program):
        rx = PrescribedExercise.objects.get(day__program=copy)
        assert (rx.sets, rx.reps_min, rx.reps_max, rx.duration_seconds) == (3, None, None, 30)


def test_a_whole_program_document_with_a_timed_exercise(trainer, plank):
    squat = ExerciseFactory(name="Zercher squat", trainer=trainer)
    days = [
        {
            "week": 1,
            "day": 1,
            "exercises": [
                {"exercise": squat, "sets": 5, "reps_min": 5},
                {"exercise": plank, "sets": 3, "duration_seconds": 40},
            ],
        }
    ]

    program = program_create_with_days(trainer=trainer, name="Strength", days=days)

    doses = PrescribedExercise.objects.filter(day__program=program).order_by("order")
    assert [(p.reps_min, p.duration_seconds) for p in doses] == [(5, None), (None, 40)]

    days[0]["exercises"][1]["reps_min"] = 8
    with pytest.raises(ValidationError) as refused:
        program_create_with_days(trainer=trainer, name="Again", days=days)
    assert refused.value.message_dict == {
        "days[0].exercises[1].reps_min": ["Give reps or a time, not both."]
    }


# ---------- logging and history ----------


@pytest.fixture
def plank_day(monday, plank, client_):
    builder.prescription_add(program_day=monday, exercise=plank, sets=2, duration_seconds=30)
    start = client_.trainer.today() - timedelta(days=7)
    assignment = assign.program_assign(program=monday.program, client=client_, start_date=start)
    return assignment.program.days.get(week=1, day=1), start


def _log(client, day, on, *seconds, load=None, reps=None):
    rx = day.exercises.get()
    sets = [
        SetEntry(
            exercise_id=rx.exercise_id,
            prescribed_id=rx.pk,
            set_number=n,
            duration_seconds=s,
            load_kg=load,
            reps=reps,
        )
        for n, s in enumerate(seconds, start=1)
    ]
    return workout_log_save(client=client, program_day=day, sets=sets, finish=True, performed_on=on)


def test_a_timed_set_is_logged_as_how_long_it_lasted(client_, plank_day):
    day, start = plank_day

    log = _log(client_, day, start, 30, 45)

    assert list(log.sets.order_by("set_number").values_list("duration_seconds", "reps")) == [
        (30, None),
        (45, None),
    ]
    with pytest.raises(ValidationError):
        _log(client_, day, start, 86401)  # longer than a day
    assert SetLog.objects.count() == 2


def test_the_best_timed_set_is_the_longest_and_has_no_one_rep_max(client_, plank, plank_day):
    day, start = plank_day
    # a load and a rep count on a timed set don't make it a strength set
    _log(client_, day, start, 30, 45, load=Decimal("20"), reps=1)

    [point] = exercise_progress(client=client_, exercise=plank)
    assert (point.best_duration_seconds, point.e1rm_kg) == (45, None)
    [best] = exercise_bests(client=client_)
    assert (best.exercise, best.duration_seconds, best.e1rm_kg, best.sessions) == (
        plank,
        45,
        None,
        1,
    )
