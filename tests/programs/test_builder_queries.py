"""The builder page reads a program in a fixed number of queries, whatever its size: a
1-week, 1-day, 1-exercise program and a 12-week, 4-days-a-week, 6-exercises-a-day one
(288 exercises, supersets, assignments) stay under the same small bound."""

from __future__ import annotations

import pytest

from programs.models import PrescribedExercise, ProgramDay
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ExerciseFactory,
    ProgramAssignmentFactory,
    ProgramFactory,
)

pytestmark = pytest.mark.django_db

# session, user, trainer; program, days, exercises; assignments; savepoints are not
# counted on SQLite but are on PostgreSQL, hence the headroom. Far below one query per
# day (48) or per exercise (288).
MAX_QUERIES = 10


def build(trainer, *, weeks: int, days: int, per_day: int):
    program = ProgramFactory(trainer=trainer, duration_weeks=weeks, is_template=True)
    exercises = [ExerciseFactory(trainer=trainer, name=f"Move {n}") for n in range(per_day)]
    program_days = ProgramDay.objects.bulk_create(
        ProgramDay(program=program, week=w, day=d, title=f"W{w} D{d}")
        for w in range(1, weeks + 1)
        for d in (1, 3, 5, 7)[:days]
    )
    if not all(d.pk for d in program_days):
        program_days = list(program.days.all())
    PrescribedExercise.objects.bulk_create(
        PrescribedExercise(
            day=day,
            exercise=exercise,
            order=n + 1,
            superset_group="A" if n in (1, 2) else "",
            sets=3,
            reps_min=8,
        )
        for day in program_days
        for n, exercise in enumerate(exercises)
    )
    return program


@pytest.mark.parametrize(("weeks", "days", "per_day"), [(1, 1, 1), (12, 4, 6)])
def test_the_builder_page_takes_a_constant_number_of_queries(
    client, trainer, django_assert_max_num_queries, weeks, days, per_day
):
    program = build(trainer, weeks=weeks, days=days, per_day=per_day)
    for _ in range(3 if weeks > 1 else 1):
        ProgramAssignmentFactory(client=ClientFactory(trainer=trainer), source_program=program)
    client.force_login(trainer.user)
    url = f"/dashboard/programs/{program.pk}/?week={weeks}"

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    assert response.text.count('class="rx-form"') == weeks * days * per_day
    assert response.text.count("End assignment") == (3 if weeks > 1 else 1)


def test_an_htmx_answer_for_one_day_is_cheap_too(client, trainer, django_assert_max_num_queries):
    program = build(trainer, weeks=2, days=4, per_day=6)
    day = program.days.first()
    client.force_login(trainer.user)

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(f"/dashboard/programs/days/{day.pk}/", headers={"HX-Request": "true"})

    assert response.text.count('class="rx-form"') == 6
