"""The builder page reads a program in a fixed number of queries, whatever its size: a
1-week, 1-day, 1-exercise program and a 12-week, 4-days-a-week, 6-exercises-a-day one
(288 exercises, supersets, assignments) stay under the same small bound. It draws the
week being edited in full and the others as their summaries, so the page stays light:
a 4-week, 5-days-a-week, 6-exercises-a-day program is under 80 KB of HTML."""

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
HTMX = {"HX-Request": "true"}


def build(trainer, *, weeks: int, days: int, per_day: int):
    program = ProgramFactory(trainer=trainer, duration_weeks=weeks, is_template=True)
    exercises = [ExerciseFactory(trainer=trainer, name=f"Move {n}") for n in range(per_day)]
    program_days = ProgramDay.objects.bulk_create(
        ProgramDay(program=program, week=w, day=d, title=f"W{w} D{d}")
        for w in range(1, weeks + 1)
        for d in (1, 3, 5, 7, 2, 4, 6)[:days]
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
    html = response.text
    # the open week in full, every other week as its summary and day tiles
    assert html.count('class="rx-form"') == days * per_day
    assert all(f'id="week-{n}"' in html for n in range(1, weeks + 1))
    assert html.count('class="slot slot-training"') == weeks * days
    assert html.count("End assignment") == (3 if weeks > 1 else 1)


MAX_PAGE_BYTES = 80 * 1024


@pytest.mark.parametrize("weeks", [1, 4])
def test_the_builder_page_of_a_full_program_stays_under_80_kb(
    client, trainer, django_assert_max_num_queries, weeks
):
    """5 training days a week, 6 exercises a day, with loads, rest and notes filled in;
    the same page weight bound and query bound for a 1-week and a 4-week block."""
    program = build(trainer, weeks=weeks, days=5, per_day=6)
    PrescribedExercise.objects.filter(day__program=program).update(
        reps_max=12, load_kg=82.5, rest_seconds=150, tempo="3-1-1-0", notes="Brace hard."
    )
    client.force_login(trainer.user)

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(f"/dashboard/programs/{program.pk}/")

    assert response.status_code == 200
    assert response.text.count('class="rx-form"') == 30  # week 1 drawn in full
    assert len(response.content) < MAX_PAGE_BYTES, f"{len(response.content) / 1024:.1f} KB"


def test_another_week_is_drawn_on_demand_in_the_same_number_of_queries(
    client, trainer, django_assert_max_num_queries
):
    program = build(trainer, weeks=12, days=5, per_day=6)
    client.force_login(trainer.user)

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(f"/dashboard/programs/{program.pk}/weeks/7/", headers=HTMX)

    assert response.text.lstrip().startswith('<details class="week" id="week-7" open')
    assert response.text.count('class="rx-form"') == 30


def test_an_htmx_answer_for_one_day_is_cheap_too(client, trainer, django_assert_max_num_queries):
    program = build(trainer, weeks=2, days=4, per_day=6)
    day = program.days.first()
    client.force_login(trainer.user)

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(f"/dashboard/programs/days/{day.pk}/", headers={"HX-Request": "true"})

    assert response.text.count('class="rx-form"') == 6


def test_the_weeks_not_drawn_in_full_show_their_counts(client, trainer):
    """Only the open week's exercises are read; the others are counted by the database."""
    program = build(trainer, weeks=3, days=2, per_day=4)
    PrescribedExercise.objects.filter(day__program=program, day__week=3, order=4).delete()
    client.force_login(trainer.user)

    page = client.get(f"/dashboard/programs/{program.pk}/", {"week": "2"}).text

    assert page.count('class="rx-form"') == 8  # week 2's two days, four exercises each
    assert 'id="week-2" open' in page
    assert 'id="week-1-count">2 training days · 8 exercises<' in page
    assert 'id="week-3-count">2 training days · 6 exercises<' in page
    assert page.count('<small class="muted">3 exercises</small>') == 2  # week 3's tiles

    no_such_week = client.get(f"/dashboard/programs/{program.pk}/", {"week": "9"}).text
    assert 'id="week-1" open' in no_such_week
    assert no_such_week.count('class="rx-form"') == 8
