from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from programs.models import Program, ProgramAssignment
from programs.services import assignments as assign
from programs.services import builder
from tests.factories.core import ClientFactory
from tests.factories.programs import ExerciseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(trainer):
    program = builder.program_create(
        trainer=trainer, name="Hypertrophy", duration_weeks=1, is_template=True
    )
    day = builder.program_day_add(program=program, week=1, day=1, title="Push")
    builder.prescription_add(program_day=day, exercise=ExerciseFactory(name="Bench"), sets=4)
    builder.prescription_add(program_day=day, exercise=ExerciseFactory(name="Dips"))
    builder.prescription_group(prescription=day.exercises.last(), with_previous=True)
    return program


def _shape(program):
    return [
        (
            d.week,
            d.day,
            d.title,
            [
                (p.exercise.name, p.sets, p.order, p.superset_group)
                for p in d.exercises.order_by("order")
            ],
        )
        for d in program.days.order_by("week", "day")
    ]


def test_duplicate_is_a_deep_copy(template):
    copy = assign.program_duplicate(program=template)
    assert copy.name == "Hypertrophy (copy)"
    assert copy.is_template
    assert copy.source == template
    assert _shape(copy) == _shape(template)
    assert not set(copy.days.values_list("pk", flat=True)) & set(
        template.days.values_list("pk", flat=True)
    )


def test_from_template_builds_a_regular_program(template):
    program = assign.program_from_template(template=template, name="Anna's block")
    assert not program.is_template
    assert _shape(program) == _shape(template)
    with pytest.raises(ValidationError):
        assign.program_from_template(template=program)


def test_assign_gives_each_client_their_own_copy(template, trainer):
    anna, ben = ClientFactory(trainer=trainer), ClientFactory(trainer=trainer)
    today = trainer.today()
    made = assign.program_assign_many(program=template, clients=[anna, ben], start_date=today)
    assert [a.client for a in made] == [anna, ben]
    for assignment in made:
        assert assignment.program.client == assignment.client
        assert assignment.source_program == template
        assert _shape(assignment.program) == _shape(template)

    # editing the template later doesn't rewrite the clients' copies
    builder.program_update(program=template, name="Renamed")
    template.days.first().exercises.update(sets=10)
    assert made[0].program.days.first().exercises.first().sets == 4


def test_a_new_assignment_replaces_the_active_one(template, trainer):
    client = ClientFactory(trainer=trainer)
    today = trainer.today()
    first = assign.program_assign(program=template, client=client, start_date=today)
    second = assign.program_assign(
        program=template, client=client, start_date=today + timedelta(days=7)
    )
    first.refresh_from_db()
    assert first.status == "replaced"
    assert first.end_date == today + timedelta(days=6)
    assert second.status == "active"
    assert ProgramAssignment.objects.for_client(client).active().get() == second


def test_assign_refuses_other_trainers_archived_and_empty(template, trainer, outsider):
    stranger = ClientFactory(trainer=outsider)
    archived = ClientFactory(trainer=trainer, status="archived")
    empty = builder.program_create(trainer=trainer, name="Empty", duration_weeks=1)
    today = trainer.today()
    before = Program.objects.count()
    with pytest.raises(ValidationError):
        assign.program_assign(program=template, client=stranger, start_date=today)
    with pytest.raises(ValidationError):
        assign.program_assign(program=template, client=archived, start_date=today)
    with pytest.raises(ValidationError):
        assign.program_assign(
            program=empty, client=ClientFactory(trainer=trainer), start_date=today
        )
    # all-or-nothing across several clients
    with pytest.raises(ValidationError):
        assign.program_assign_many(
            program=template, clients=[ClientFactory(trainer=trainer), archived], start_date=today
        )
    assert Program.objects.count() == before
    assert not ProgramAssignment.objects.exists()


def test_end_an_assignment(template, trainer):
    client = ClientFactory(trainer=trainer)
    assignment = assign.program_assign(program=template, client=client, start_date=trainer.today())
    assign.assignment_end(assignment=assignment, on=trainer.today())
    assignment.refresh_from_db()
    assert assignment.status == "ended"
    with pytest.raises(ValidationError):
        assign.assignment_end(assignment=assignment, on=trainer.today())
