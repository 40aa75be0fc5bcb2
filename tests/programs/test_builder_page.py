"""The builder page as a trainer meets it: never served stale from the browser's cache,
day tiles and week summaries that follow the exercises, the keyboard focus put back on
what changed, errors in plain words next to their field, and a Programs tab that makes
sense when every program is a template."""

from __future__ import annotations

import re

import pytest

from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramDayFactory,
    ProgramFactory,
)
from tests.programs.test_builder_exercises import HTMX, add, row_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def day(trainer):
    program = ProgramFactory(trainer=trainer, name="Block", is_template=False, duration_weeks=2)
    return ProgramDayFactory(program=program, week=1, day=1, title="Lower")


def test_builder_pages_and_fragments_are_never_kept_by_the_browser(alice, day):
    rx = add(day, "Squat")
    answers = [
        alice.get(f"/dashboard/programs/{day.program_id}/"),
        alice.get(f"/dashboard/programs/{day.program_id}/weeks/2/", headers=HTMX),
        alice.get(f"/dashboard/programs/days/{day.pk}/", headers=HTMX),
        alice.get(f"/dashboard/programs/exercises/{rx.pk}/", headers=HTMX),
        alice.post(f"/dashboard/programs/exercises/{rx.pk}/", row_data(rx), headers=HTMX),
    ]
    for answer in answers:
        assert "no-store" in answer["Cache-Control"]


def test_the_page_is_sent_without_the_templates_indentation(alice, day):
    add(day, "Squat", notes="Line one\n  indented line two")
    html = alice.get(f"/dashboard/programs/{day.program_id}/").text
    assert not re.search(r"\n[ \t]+<", html)
    assert "\nLine one\n  indented line two</textarea>" in html  # a textarea keeps its text


def test_adding_an_exercise_updates_the_tile_and_the_week_and_focuses_its_sets(alice, day):
    add(day, "Squat")
    bench = ExerciseFactory(name="Bench", trainer=day.program.trainer)

    answer = alice.post(
        f"/dashboard/programs/days/{day.pk}/exercises/", {"exercise": bench.pk}, headers=HTMX
    ).text

    new = day.exercises.get(exercise=bench)
    assert re.search(rf'<input name="rx{new.pk}-sets" value="3"[^>]*autofocus', answer)
    assert (
        f'<small class="muted" id="slot-{day.pk}-count" hx-swap-oob="true">2 exercises</small>'
        in answer
    )
    assert 'id="week-1-count" hx-swap-oob="true">1 training day · 2 exercises<' in answer


def test_deleting_an_exercise_updates_the_counts_too(alice, day):
    squat, _ = add(day, "Squat"), add(day, "Bench")
    answer = alice.post(f"/dashboard/programs/exercises/{squat.pk}/delete/", headers=HTMX).text
    assert f'id="slot-{day.pk}-count" hx-swap-oob="true">1 exercise<' in answer
    assert 'id="week-1-count" hx-swap-oob="true">1 training day · 1 exercise<' in answer


def test_a_moved_row_keeps_the_focus_on_its_button(alice, day):
    first, second = add(day, "Alpha"), add(day, "Bravo")

    up = alice.post(
        f"/dashboard/programs/exercises/{second.pk}/move/", {"direction": "up"}, headers=HTMX
    )

    assert up["HX-Retarget"] == f"#day-{day.pk}-exercises"
    row = up.text.split(f'id="rx-{second.pk}"')[1].split("</li>")[0]
    # now first: its "up" is disabled, so the focus stays on the row's other move button
    assert re.search(r'value="down" aria-label="Move down"[^>]*autofocus', row)
    assert "autofocus" not in up.text.split(f'id="rx-{first.pk}"')[1].split("</li>")[0]


def test_a_refused_field_says_so_next_to_it_and_takes_the_focus(alice, day):
    rx = add(day, "Squat")

    answer = alice.post(
        f"/dashboard/programs/exercises/{rx.pk}/", row_data(rx, sets="0"), headers=HTMX
    ).text

    assert "<strong>Not saved.</strong>" in answer
    assert "Fix the field marked below" in answer
    assert re.search(
        rf'<input name="rx{rx.pk}-sets" value="0" aria-invalid="true" '
        rf'aria-describedby="rx{rx.pk}-sets-error" autofocus>',
        answer,
    )
    assert f'id="rx{rx.pk}-sets-error">Sets go from 1 to 20.</small>' in answer


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sets": "three"}, "Sets is a whole number, like 3."),
        ({"load": "heavy"}, "Write the load as a number, like 62.5."),
        ({"load": "-5"}, "A load can&#x27;t be below 0."),
        ({"load_percent_1rm": "150", "load": ""}, "A percentage of 1RM goes from 1 to 120."),
        ({"rir": "12", "rpe": ""}, "Reps in reserve go from 0 to 10."),
    ],
)
def test_messages_are_in_plain_words(alice, day, changes, message):
    rx = add(day, "Squat")
    answer = alice.post(
        f"/dashboard/programs/exercises/{rx.pk}/", row_data(rx, **changes), headers=HTMX
    ).text
    assert message in answer
    assert "Ensure this value" not in answer


def test_the_programs_tab_points_to_the_templates_when_all_are_templates(alice, trainer):
    ProgramFactory(trainer=trainer, is_template=True, name="Base")
    ProgramFactory(trainer=trainer, is_template=True, name="Peak")

    page = alice.get("/dashboard/programs/").text

    assert "All your programs are templates" in page
    assert "You have 2 templates." in page
    assert 'href="/dashboard/programs/?kind=templates"' in page
    assert "Build your first program" not in page


def test_a_brand_new_trainer_is_still_asked_to_build_a_first_program(alice):
    assert "Build your first program" in alice.get("/dashboard/programs/").text


def test_a_closed_week_loads_its_days_on_demand(alice, day):
    other = ProgramDayFactory(program=day.program, week=2, day=3, title="Upper")
    PrescribedExerciseFactory(day=other, exercise=ExerciseFactory(name="Row"))

    page = alice.get(f"/dashboard/programs/{day.program_id}/").text
    assert (
        f'hx-get="/dashboard/programs/{day.program_id}/weeks/2/" hx-trigger="toggle once"' in page
    )
    assert "Row" not in page  # week 2's cards are not drawn yet
    assert f'href="?week=2#day-{other.pk}"' in page  # its tile links to it all the same

    week = alice.get(f"/dashboard/programs/{day.program_id}/weeks/2/", headers=HTMX).text
    assert "Row" in week
    plain = alice.get(f"/dashboard/programs/{day.program_id}/weeks/2/")
    assert plain["Location"] == f"/dashboard/programs/{day.program_id}/?week=2#week-2"
