from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from programs.schedule import Slot, scheduled_dates
from programs.services import assignments as assign
from programs.services import builder
from progress.models import SetLog, WorkoutLog
from progress.selectors.adherence import adherence_by_client, client_adherence, clients_gone_quiet
from progress.selectors.history import estimated_1rm, exercise_bests, exercise_progress
from progress.selectors.today import program_position, today_workout
from progress.services import SetEntry, workout_log_save, workout_log_update
from tests.factories.core import ClientFactory
from tests.factories.programs import ExerciseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def squat():
    return ExerciseFactory(name="Back Squat")


@pytest.fixture
def plan(trainer, squat):
    """A 2-week program training on days 1 and 3 of each week."""
    program = builder.program_create(trainer=trainer, name="Base", duration_weeks=2)
    for week in (1, 2):
        for day in (1, 3):
            d = builder.program_day_add(program=program, week=week, day=day, title=f"W{week}D{day}")
            builder.prescription_add(program_day=d, exercise=squat, sets=3, reps_min=5)
    return program


def _assign(plan, client, start):
    assignment = assign.program_assign(program=plan, client=client, start_date=start)
    days = {(d.week, d.day): d for d in assignment.program.days.all()}
    return assignment, days


def _sets(day, load="100", reps=5, n=3):
    prescription = day.exercises.get()
    return [
        SetEntry(
            exercise_id=prescription.exercise_id,
            prescribed_id=prescription.pk,
            set_number=i,
            reps=reps,
            load_kg=Decimal(load),
            rpe=Decimal("8"),
        )
        for i in range(1, n + 1)
    ]


def test_log_a_workout_and_edit_it_the_same_day(plan, client_):
    today = client_.trainer.today()
    _, days = _assign(plan, client_, today)
    log = workout_log_save(client=client_, program_day=days[1, 1], sets=_sets(days[1, 1]))
    assert log.status == "in_progress"
    assert log.sets.count() == 3

    log = workout_log_save(
        client=client_,
        program_day=days[1, 1],
        sets=_sets(days[1, 1], n=2),
        notes="Felt good",
        finish=True,
    )
    assert WorkoutLog.objects.count() == 1
    assert log.sets.count() == 2
    assert log.status == "completed"
    assert log.completed_at is not None
    workout_log_update(log=log, sets=_sets(days[1, 1], load="102.5"), finish=True)
    assert set(log.sets.values_list("load_kg", flat=True)) == {Decimal("102.50")}


def test_a_log_is_frozen_after_its_day(plan, client_):
    today = client_.trainer.today()
    _, days = _assign(plan, client_, today - timedelta(days=2))
    log = workout_log_save(
        client=client_,
        program_day=days[1, 1],
        sets=_sets(days[1, 1]),
        performed_on=today - timedelta(days=2),
    )
    WorkoutLog.objects.filter(pk=log.pk).update(created_at=timezone.now() - timedelta(days=2))
    log.refresh_from_db()
    with pytest.raises(ValidationError, match="day it was logged"):
        workout_log_update(log=log, sets=_sets(days[1, 1], load="1"))
    assert not SetLog.objects.filter(load_kg=1).exists()


def test_bad_logs_write_nothing(plan, client_, trainer, outsider):
    today = trainer.today()
    _, days = _assign(plan, client_, today)
    other_client = ClientFactory(trainer=trainer)
    _, other_days = _assign(plan, other_client, today)
    day = days[1, 1]
    prescription = day.exercises.get()
    secret = ExerciseFactory(trainer=outsider)
    bad = [
        {"program_day": other_days[1, 1], "sets": _sets(other_days[1, 1])},
        {"program_day": day, "sets": _sets(day, reps=5000)},
        {"program_day": day, "sets": [SetEntry(exercise_id=secret.pk, set_number=1, reps=5)]},
        {
            "program_day": day,
            "sets": [
                SetEntry(exercise_id=prescription.exercise_id, set_number=1, rpe=Decimal("11"))
            ],
        },
        {
            "program_day": day,
            "sets": [
                SetEntry(exercise_id=prescription.exercise_id, set_number=1, load_kg=Decimal("-5"))
            ],
        },
        {
            "program_day": day,
            "sets": [
                SetEntry(
                    exercise_id=prescription.exercise_id,
                    prescribed_id=days[1, 3].exercises.get().pk,
                    set_number=1,
                )
            ],
        },
        {"program_day": day, "sets": _sets(day) + _sets(day)[:1]},
        {"program_day": day, "sets": _sets(day), "performed_on": today + timedelta(days=1)},
        {"program_day": day, "sets": _sets(day), "performed_on": today - timedelta(days=1)},
    ]
    for kwargs in bad:
        with pytest.raises(ValidationError):
            workout_log_save(client=client_, **kwargs)
    assert not WorkoutLog.objects.exists()
    assert not SetLog.objects.exists()


def test_today_across_the_program(plan, client_, squat):
    today = client_.trainer.today()
    assert today_workout(client=client_, on=today).state == "no_program"

    _, days = _assign(plan, client_, today)
    view = today_workout(client=client_, on=today)
    assert view.state == "training"
    assert view.day == days[1, 1]
    assert [e.prescription.exercise for e in view.exercises] == [squat]
    assert view.next_day == days[1, 3]
    assert view.next_date == today + timedelta(days=2)

    rest = today_workout(client=client_, on=today + timedelta(days=1))
    assert rest.state == "rest"
    assert rest.next_date == today + timedelta(days=2)
    assert today_workout(client=client_, on=today - timedelta(days=1)).state == "not_started"
    finished = today_workout(client=client_, on=today + timedelta(days=14))
    assert finished.state == "finished"
    assert finished.next_day is None


def test_the_trainers_pages_read_only_what_they_show_of_today(plan, client_):
    """The client page's program position and the Training tab's today (without the
    exercises) say what the full today says, on every kind of day."""
    today = client_.trainer.today()
    assert program_position(client=client_, on=today).state == "no_program"
    assert today_workout(client=client_, on=today, exercises=False).state == "no_program"
    _, days = _assign(plan, client_, today)
    workout_log_save(client=client_, program_day=days[1, 1], sets=_sets(days[1, 1]))
    for offset in (-1, 0, 1, 2, 13, 14):
        on = today + timedelta(days=offset)
        full = today_workout(client=client_, on=on)
        light = today_workout(client=client_, on=on, exercises=False)
        assert light.exercises == []
        for name in ("state", "assignment", "slot", "day", "log", "next_day", "next_date"):
            assert getattr(light, name) == getattr(full, name), (offset, name)
        position = program_position(client=client_, on=on)
        assert (position.assignment, position.slot) == (full.assignment, full.slot)
        running = full.state in ("training", "rest")
        assert position.state == ("running" if running else full.state)


def test_today_shows_what_was_done_last_time(plan, client_, trainer):
    today = trainer.today()
    _, days = _assign(plan, client_, today - timedelta(days=2))
    workout_log_save(
        client=client_,
        program_day=days[1, 1],
        sets=_sets(days[1, 1], load="80"),
        finish=True,
        performed_on=today - timedelta(days=2),
    )
    view = today_workout(client=client_, on=today)  # week 1 day 3
    assert view.day == days[1, 3]
    (item,) = view.exercises
    assert [s.load_kg for s in item.last_sets] == [Decimal("80.00")] * 3
    assert item.last_date == today - timedelta(days=2)
    assert item.logged_sets == []


def test_best_sets_and_estimated_one_rep_max(plan, client_, squat, trainer):
    today = trainer.today()
    _, days = _assign(plan, client_, today - timedelta(days=2))
    workout_log_save(
        client=client_,
        program_day=days[1, 1],
        sets=_sets(days[1, 1], load="100", reps=5),
        finish=True,
        performed_on=today - timedelta(days=2),
    )
    workout_log_save(
        client=client_,
        program_day=days[1, 3],
        sets=_sets(days[1, 3], load="110", reps=3),
        finish=True,
    )
    assert estimated_1rm(Decimal("100"), 5) == Decimal("116.7")
    assert estimated_1rm(Decimal("140"), 1) == Decimal("140.0")
    assert estimated_1rm(Decimal("50"), 20) is None
    points = exercise_progress(client=client_, exercise=squat)
    assert [p.e1rm_kg for p in points] == [Decimal("116.7"), Decimal("121.0")]
    (best,) = exercise_bests(client=client_)
    assert best.load_kg == Decimal("110.00")
    assert best.sessions == 2


def test_adherence_counts_completed_against_scheduled(plan, client_, trainer):
    today = trainer.today()
    start = today - timedelta(days=9)  # scheduled so far: w1d1, w1d3, w2d1, w2d3 (day 10 = w2d3)
    _, days = _assign(plan, client_, start)
    workout_log_save(
        client=client_,
        program_day=days[1, 1],
        sets=_sets(days[1, 1]),
        finish=True,
        performed_on=start,
    )
    workout_log_save(  # started but not finished: doesn't count
        client=client_,
        program_day=days[1, 3],
        sets=_sets(days[1, 3]),
        performed_on=start + timedelta(days=2),
    )
    result = client_adherence(client=client_, today=today)
    assert (result.logged, result.scheduled, result.percent) == (1, 4, 25)


def test_adherence_of_many_clients_reads_each_calendar_once(plan, trainer):
    """Ended assignments count up to their end, a program without days schedules
    nothing, and each client gets their own figures (two queries for all)."""
    today = trainer.today()
    ended = ClientFactory(trainer=trainer)
    assignment, days = _assign(plan, ended, today - timedelta(days=9))
    workout_log_save(
        client=ended,
        program_day=days[1, 1],
        sets=_sets(days[1, 1]),
        finish=True,
        performed_on=today - timedelta(days=9),
    )
    assignment.end_date = today - timedelta(days=4)  # w1d1 and w1d3 were due before
    assignment.save()
    empty = ClientFactory(trainer=trainer)
    emptied, _ = _assign(plan, empty, today - timedelta(days=9))
    emptied.program.days.all().delete()  # the client's copy, emptied in the builder
    unassigned = ClientFactory(trainer=trainer)

    found = adherence_by_client(clients=[ended, empty, unassigned], today=today)

    assert (found[ended.pk].logged, found[ended.pk].scheduled) == (1, 2)
    assert (found[empty.pk].logged, found[empty.pk].scheduled) == (0, 0)
    assert (found[unassigned.pk].logged, found[unassigned.pk].scheduled) == (0, 0)


def test_a_workout_seven_days_ago_still_counts_against_going_quiet(plan, trainer):
    today = trainer.today()
    week = ClientFactory(trainer=trainer)
    _, days = _assign(plan, week, today - timedelta(days=13))
    workout_log_save(
        client=week,
        program_day=days[1, 1],
        sets=_sets(days[1, 1]),
        finish=True,
        performed_on=today - timedelta(days=7),
    )
    assert clients_gone_quiet(trainer=trainer, today=today) == []
    later = clients_gone_quiet(trainer=trainer, today=today + timedelta(days=1))
    assert [(q.client, q.last_workout) for q in later] == [(week, today - timedelta(days=7))]


@pytest.mark.parametrize(
    ("started", "ended"),
    [(days, None) for days in (1, 2, 3, 6, 8, 10, 13, 15, 20)]
    + [(days, 2) for days in (3, 6, 8, 10, 13, 15, 20)],
)
def test_the_database_counts_missed_workouts_as_the_schedule_does(plan, trainer, started, ended):
    """Quiet clients' missed workouts, counted in SQL, are the scheduled dates from a
    week ago (or the start) to yesterday that programs.schedule gives."""
    today = trainer.today()
    client = ClientFactory(trainer=trainer)
    assignment, _ = _assign(plan, client, today - timedelta(days=started))
    if ended is not None:
        assignment.end_date = today - timedelta(days=ended)
        assignment.save()
    since = max(today - timedelta(days=7), assignment.start_date)
    stop = min(today - timedelta(days=1), assignment.end_date or today)
    slots = [Slot(d.week, d.day) for d in assignment.program.days.all()]
    expected = len(set(scheduled_dates(assignment.start_date, 2, slots, since, stop)))

    found = clients_gone_quiet(trainer=trainer, today=today)

    assert [q.missed for q in found] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("started", "ended"),
    [(days, None) for days in (-3, 0, 1, 5, 13, 20, 30, 40)]
    + [(days, 2) for days in (5, 13, 20, 30)]
    + [(40, 30)],
)
def test_adherence_counts_scheduled_workouts_as_the_schedule_does(plan, client_, started, ended):
    """Adherence's scheduled workouts are the dates of the last four weeks (up to the
    assignment's end) that programs.schedule gives."""
    today = client_.trainer.today()
    assignment, _ = _assign(plan, client_, today - timedelta(days=started))
    if ended is not None:
        assignment.end_date = today - timedelta(days=ended)
        assignment.save()
    first = today - timedelta(days=27)
    stop = min(today, assignment.end_date or today)
    slots = [Slot(d.week, d.day) for d in assignment.program.days.all()]
    expected = len(set(scheduled_dates(assignment.start_date, 2, slots, first, stop)))
    if started < 0:
        expected = 0  # not started yet: not counted at all

    assert client_adherence(client=client_, today=today).scheduled == expected


def test_clients_gone_quiet(plan, trainer):
    today = trainer.today()
    quiet = ClientFactory(trainer=trainer, user__first_name="Quiet")
    busy = ClientFactory(trainer=trainer, user__first_name="Busy")
    fresh = ClientFactory(trainer=trainer, user__first_name="Fresh")
    _assign(plan, quiet, today - timedelta(days=8))
    _, busy_days = _assign(plan, busy, today - timedelta(days=7))
    _assign(plan, fresh, today + timedelta(days=1))  # nothing scheduled yet
    workout_log_save(
        client=busy, program_day=busy_days[2, 1], sets=_sets(busy_days[2, 1]), finish=True
    )
    found = clients_gone_quiet(trainer=trainer, today=today)
    assert [q.client for q in found] == [quiet]
    assert found[0].missed >= 1
    assert found[0].last_workout is None
