"""A timed exercise in the builder: the row's one "Reps or time" input takes "8-12" or a
time per set ("30s", "1:30", "20 min"), shows a time back the way it reads, and refuses
anything else without writing."""

from __future__ import annotations

import pytest

from programs.models import PrescribedExercise
from tests.factories.programs import ProgramDayFactory, ProgramFactory
from tests.programs.test_builder_exercises import HTMX, add, row_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client, trainer):
    client.force_login(trainer.user)
    return client


@pytest.fixture
def day(trainer):
    program = ProgramFactory(trainer=trainer, name="Core", is_template=False)
    return ProgramDayFactory(program=program, week=1, day=1, title="Core")


def url(rx) -> str:
    return f"/dashboard/programs/exercises/{rx.pk}/"


@pytest.mark.parametrize(
    ("typed", "seconds", "shown"),
    [
        ("30s", 30, "30 s"),
        ("45 s", 45, "45 s"),
        ("1:30", 90, "1:30"),
        ("20 min", 1200, "20 min"),
        ("20m", 1200, "20 min"),
    ],
)
def test_a_time_per_set_is_read_and_shown_back(alice, day, typed, seconds, shown):
    rx = add(day, "Wall sit", sets=3, reps_min=8, reps_max=12)

    response = alice.post(url(rx), row_data(rx, reps=typed), headers=HTMX)

    assert response["HX-Reswap"] == "none"  # saved
    rx.refresh_from_db()
    assert (rx.reps_min, rx.reps_max, rx.duration_seconds) == (None, None, seconds)
    row = alice.get(url(rx), headers=HTMX).text
    assert f'name="rx{rx.pk}-reps" value="{shown}"' in row
    assert "Reps or time" in row


def test_typing_reps_again_makes_it_a_rep_exercise(alice, day):
    rx = add(day, "Wall sit", reps_min=None, reps_max=None, duration_seconds=30)
    assert 'value="30 s"' in alice.get(url(rx), headers=HTMX).text

    alice.post(url(rx), row_data(rx, reps="10-15"), headers=HTMX)

    rx.refresh_from_db()
    assert (rx.reps_min, rx.reps_max, rx.duration_seconds) == (10, 15, None)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("a while", "or a time per set: 30s, 45 s, 1:30 or 20 min."),
        ("1:75", "or a time per set: 30s, 45 s, 1:30 or 20 min."),
        ("3 h", "A time goes up to 2 hours (120 min)."),
        ("0s", "A time is at least 1 second."),
    ],
)
def test_junk_and_impossible_times_are_refused_in_the_row(alice, day, typed, message):
    rx = add(day, "Wall sit", reps_min=None, reps_max=None, duration_seconds=30)
    before = PrescribedExercise.objects.values().get(pk=rx.pk)

    response = alice.post(url(rx), row_data(rx, reps=typed), headers=HTMX)

    assert "Saved" not in response.text
    assert message in response.text
    assert f'name="rx{rx.pk}-reps" value="{typed}"' in response.text
    assert PrescribedExercise.objects.values().get(pk=rx.pk) == before


def test_without_javascript_a_time_saves_and_a_bad_one_redraws_the_builder(alice, day):
    rx = add(day, "Wall sit")

    saved = alice.post(url(rx), row_data(rx, reps="40s"))
    assert saved.status_code == 302
    rx.refresh_from_db()
    assert rx.duration_seconds == 40

    refused = alice.post(url(rx), row_data(rx, reps="forever"))
    assert refused.status_code == 200
    assert "<html" in refused.text
    assert "or a time per set" in refused.text
