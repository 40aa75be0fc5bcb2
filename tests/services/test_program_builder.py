from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fitnesspr.errors import ConflictError
from programs.models import PrescribedExercise, Program, ProgramDay
from programs.services import assignments as assign
from programs.services import builder
from tests.factories.core import ClientFactory
from tests.factories.programs import ExerciseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(trainer):
    return builder.program_create(trainer=trainer, name=" Strength Base ", duration_weeks=2)


@pytest.fixture
def monday(program):
    return builder.program_day_add(program=program, week=1, day=1, title="Lower")


def _letters(day):
    return list(day.exercises.order_by("order").values_list("superset_group", flat=True))


def _order(day):
    return list(day.exercises.order_by("order").values_list("exercise__name", flat=True))


def test_create_trims_and_validates(trainer, program):
    assert program.name == "Strength Base"
    with pytest.raises(ValidationError):
        builder.program_create(trainer=trainer, name="", duration_weeks=2)
    with pytest.raises(ValidationError):
        builder.program_create(trainer=trainer, name="Too long", duration_weeks=53)
    with pytest.raises(ValidationError):
        builder.program_create(trainer=trainer, name="X", trainer_id=99)
    assert Program.objects.count() == 1


def test_days_must_fit_the_program_and_be_unique(program, monday):
    with pytest.raises(ValidationError, match="only runs 2 weeks"):
        builder.program_day_add(program=program, week=3, day=1)
    with pytest.raises(ValidationError):
        builder.program_day_add(program=program, week=1, day=1)
    with pytest.raises(ValidationError):
        builder.program_day_add(program=program, week=1, day=8)
    assert ProgramDay.objects.count() == 1


def test_a_program_cannot_be_shortened_below_its_days(program):
    builder.program_day_add(program=program, week=2, day=3)
    with pytest.raises(ValidationError, match="Week 2"):
        builder.program_update(program=program, duration_weeks=1)
    program.refresh_from_db()
    assert program.duration_weeks == 2


def test_prescriptions_append_in_order_and_validate_the_dose(monday):
    squat = ExerciseFactory(name="Squat")
    lunge = ExerciseFactory(name="Lunge")
    builder.prescription_add(program_day=monday, exercise=squat, sets=5, reps_min=5)
    builder.prescription_add(program_day=monday, exercise=lunge.pk, sets=3, reps_min=8, reps_max=12)
    assert _order(monday) == ["Squat", "Lunge"]

    bad_doses = [
        {"sets": 0},
        {"reps_min": 10, "reps_max": 8},
        {"load_kg": Decimal("50"), "load_percent_1rm": Decimal("70")},
        {"rpe": Decimal("11")},
        {"rpe": Decimal("8"), "rir": 2},
        {"tempo": "slow"},
    ]
    for dose in bad_doses:
        with pytest.raises(ValidationError):
            builder.prescription_add(program_day=monday, exercise=squat, **dose)
    assert monday.exercises.count() == 2


def test_only_exercises_from_the_trainers_library(monday, outsider, trainer):
    mine = ExerciseFactory(trainer=trainer, name="My Sled Drag")
    theirs = ExerciseFactory(trainer=outsider, name="Secret Move")
    builder.prescription_add(program_day=monday, exercise=mine)
    with pytest.raises(ValidationError, match="library"):
        builder.prescription_add(program_day=monday, exercise=theirs)
    with pytest.raises(ValidationError, match="library"):
        builder.prescription_add(program_day=monday, exercise=999999)
    assert _order(monday) == ["My Sled Drag"]


def test_move_reorder_and_delete_keep_a_clean_order(monday):
    a, b, c = (
        builder.prescription_add(program_day=monday, exercise=ExerciseFactory(name=n))
        for n in "ABC"
    )
    builder.prescription_move(prescription=c, direction="up")
    assert _order(monday) == ["A", "C", "B"]
    builder.prescription_move(prescription=a, direction="up")  # already first: no change
    assert _order(monday) == ["A", "C", "B"]
    builder.prescription_reorder(program_day=monday, ordered_ids=[b.pk, a.pk, c.pk])
    assert _order(monday) == ["B", "A", "C"]
    with pytest.raises(ValidationError):
        builder.prescription_reorder(program_day=monday, ordered_ids=[b.pk, a.pk])
    builder.prescription_delete(prescription=a)
    assert list(monday.exercises.order_by("order").values_list("order", flat=True)) == [1, 2]


def test_supersets_read_a_b_top_to_bottom(monday):
    rows = [
        builder.prescription_add(program_day=monday, exercise=ExerciseFactory(name=n))
        for n in "PQRST"
    ]
    builder.prescription_group(prescription=rows[1], with_previous=True)
    assert _letters(monday) == ["A", "A", "", "", ""]
    builder.prescription_group(prescription=rows[4], with_previous=True)
    builder.prescription_group(prescription=rows[2], with_previous=True)
    assert _letters(monday) == ["A", "A", "A", "B", "B"]
    builder.prescription_group(prescription=rows[1], with_previous=False)
    assert _letters(monday) == ["", "", "", "A", "A"]
    with pytest.raises(ValidationError):
        builder.prescription_group(prescription=rows[0], with_previous=True)


def test_deleting_an_assigned_client_copy_is_refused(program, monday):
    builder.prescription_add(program_day=monday, exercise=ExerciseFactory())
    client = ClientFactory(trainer=program.trainer)
    assignment = assign.program_assign(
        program=program, client=client, start_date=program.trainer.today()
    )
    with pytest.raises(ConflictError):
        builder.program_delete(program=assignment.program)
    builder.program_delete(program=program)  # the trainer's own program can go
    assert Program.objects.filter(pk=assignment.program_id).exists()
    assert not PrescribedExercise.objects.filter(day__program_id=program.pk).exists()
