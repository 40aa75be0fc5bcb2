"""Exercises on a training day in the builder: the library picker, inline editing of the
dose (in the trainer's units), move up/down, drag-and-drop reorder, supersets and
delete. Bad input shows an error in the row and writes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from programs.models import PrescribedExercise
from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramDayFactory,
    ProgramFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
DOSE = {
    "sets": "4",
    "reps": "6-8",
    "load": "82.5",
    "load_percent_1rm": "",
    "rpe": "8",
    "rir": "",
    "rest": "2:30",
    "tempo": "3-1-1-0",
    "notes": "Pause at the bottom",
}


@pytest.fixture
def alice(client, trainer):
    client.force_login(trainer.user)
    return client


@pytest.fixture
def day(trainer):
    program = ProgramFactory(trainer=trainer, name="Strength Base", is_template=False)
    return ProgramDayFactory(program=program, week=1, day=1, title="Lower")


def add(day, name, **dose):
    exercise = ExerciseFactory(name=name, trainer=day.program.trainer)
    order = day.exercises.count() + 1
    return PrescribedExerciseFactory(day=day, exercise=exercise, order=order, **dose)


def names(day) -> list[str]:
    return list(day.exercises.order_by("order").values_list("exercise__name", flat=True))


def letters(day) -> list[str]:
    return list(day.exercises.order_by("order").values_list("superset_group", flat=True))


def row_data(prescription, **changes) -> dict[str, str]:
    return {f"rx{prescription.pk}-{k}": v for k, v in {**DOSE, **changes}.items()}


def back(day) -> str:
    return f"/dashboard/programs/{day.program_id}/?week={day.week}#day-{day.pk}"


# ---------- picker ----------


def test_the_picker_searches_the_library_and_the_trainers_own_only(alice, day, outsider):
    ExerciseFactory(name="Zercher squat", trainer=day.program.trainer)
    ExerciseFactory(name="Zercher carry", trainer=outsider)
    url = f"/dashboard/programs/days/{day.pk}/exercises/"

    page = alice.get(url, {"q": "zercher"})
    assert "<html" in page.text  # works without JS: a page with the results
    assert "Zercher squat" in page.text
    assert "Zercher carry" not in page.text

    fragment = alice.get(url, {"q": "zercher"}, headers=HTMX)
    assert "<html" not in fragment.text
    assert "Zercher squat" in fragment.text
    assert 'name="exercise"' in fragment.text

    assert "No exercise matches “qqqzzz”" in alice.get(url, {"q": "qqqzzz"}, headers=HTMX).text


def test_adding_an_exercise_from_the_picker(alice, day):
    squat = ExerciseFactory(name="Zercher squat", trainer=day.program.trainer)
    url = f"/dashboard/programs/days/{day.pk}/exercises/"

    response = alice.post(url, {"exercise": squat.pk})
    assert response["Location"] == back(day)

    fragment = alice.post(url, {"exercise": squat.pk}, headers=HTMX)
    assert "<html" not in fragment.text
    assert fragment.text.lstrip().startswith(f'<div id="day-{day.pk}-exercises"')
    assert fragment.text.count("Zercher squat") >= 2
    assert names(day) == ["Zercher squat", "Zercher squat"]


def test_another_trainers_exercise_cannot_be_added(alice, day, outsider):
    theirs = ExerciseFactory(name="Secret move", trainer=outsider)
    url = f"/dashboard/programs/days/{day.pk}/exercises/"

    fragment = alice.post(url, {"exercise": theirs.pk}, headers=HTMX)
    assert "Pick an exercise from your library." in fragment.text
    page = alice.post(url, {"exercise": "nonsense"}, follow=True)
    assert "Pick an exercise from your library." in page.text
    assert not PrescribedExercise.objects.exists()


# ---------- inline edit ----------


def test_an_inline_edit_saves_the_row_and_answers_with_it(alice, day):
    rx = add(day, "Zercher squat")

    response = alice.post(f"/dashboard/programs/exercises/{rx.pk}/", row_data(rx), headers=HTMX)

    assert response.status_code == 200
    # Autosave must not swap the row: the trainer may already be typing in the next field.
    assert response["HX-Reswap"] == "none"
    assert f'id="rx-{rx.pk}-status"' in response.text
    assert 'hx-swap-oob="true"' in response.text
    assert "Saved" in response.text
    # the row, read back, shows what was stored
    html = alice.get(f"/dashboard/programs/exercises/{rx.pk}/", headers=HTMX).text
    assert "<html" not in html
    assert html.lstrip().startswith(f'<li class="rx" id="rx-{rx.pk}"')
    rx.refresh_from_db()
    assert (rx.sets, rx.reps_min, rx.reps_max) == (4, 6, 8)
    assert rx.load_kg == Decimal("82.50")
    assert rx.rpe == Decimal("8")
    assert rx.rest_seconds == 150
    assert (rx.tempo, rx.notes) == ("3-1-1-0", "Pause at the bottom")
    assert f'name="rx{rx.pk}-reps" value="6-8"' in html
    assert f'name="rx{rx.pk}-rest" value="2:30"' in html


def test_a_single_rep_count_and_a_percentage_of_one_rep_max(alice, day):
    rx = add(day, "Zercher squat", load_kg=Decimal("60"))
    data = row_data(rx, reps="5", load="", load_percent_1rm="75", rpe="", rir="2", rest="90")

    alice.post(f"/dashboard/programs/exercises/{rx.pk}/", data, headers=HTMX)

    rx.refresh_from_db()
    assert (rx.reps_min, rx.reps_max, rx.load_kg) == (5, None, None)
    assert (rx.load_percent_1rm, rx.rir, rx.rpe, rx.rest_seconds) == (Decimal("75"), 2, None, 90)


def test_an_imperial_trainer_types_pounds_and_kg_are_stored(alice, day, trainer):
    trainer.unit_system = "imperial"
    trainer.save()
    rx = add(day, "Zercher squat")

    alice.post(f"/dashboard/programs/exercises/{rx.pk}/", row_data(rx, load="135"), headers=HTMX)
    html = alice.get(f"/dashboard/programs/exercises/{rx.pk}/", headers=HTMX).text

    rx.refresh_from_db()
    assert rx.load_kg == Decimal("61.23")
    assert "Load (lb)" in html
    assert f'name="rx{rx.pk}-load" value="135"' in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sets": "0"}, "Sets go from 1 to 20."),
        ({"reps": "12-8"}, "Maximum reps must be at least the minimum"),
        ({"load": "50", "load_percent_1rm": "70"}, "not both"),
        ({"rpe": "11"}, "RPE goes in half steps from 1 to 10."),
        ({"rpe": "8", "rir": "2"}, "RPE or as reps in reserve, not both"),
        ({"reps": "lots"}, "Write reps as a number (8) or a range (8-12), or a time per set"),
        ({"rest": "1:90"}, "Seconds go up to 59"),
        ({"tempo": "slow"}, "Write tempo as four digits"),
    ],
)
def test_out_of_range_values_are_shown_in_the_row_and_nothing_is_written(
    alice, day, changes, message
):
    rx = add(day, "Zercher squat", sets=3, reps_min=8, reps_max=12)
    before = PrescribedExercise.objects.values().get(pk=rx.pk)

    response = alice.post(
        f"/dashboard/programs/exercises/{rx.pk}/", row_data(rx, **changes), headers=HTMX
    )

    assert response.status_code == 200
    html = response.text
    assert "<html" not in html
    assert message in html
    assert "Saved" not in html
    for field, typed in changes.items():  # what was typed stays in the input
        assert f'name="rx{rx.pk}-{field}" value="{typed}"' in html
    assert PrescribedExercise.objects.values().get(pk=rx.pk) == before


def test_a_plain_post_saves_and_redirects_or_shows_the_builder_with_the_error(alice, day):
    rx = add(day, "Zercher squat")
    url = f"/dashboard/programs/exercises/{rx.pk}/"

    assert alice.post(url, row_data(rx))["Location"] == back(day)

    refused = alice.post(url, row_data(rx, sets="0"))
    assert refused.status_code == 200
    assert "<html" in refused.text
    assert "Sets go from 1 to 20." in refused.text
    assert f'name="rx{rx.pk}-sets" value="0"' in refused.text
    rx.refresh_from_db()
    assert rx.sets == 4


def test_the_row_alone_for_cancel(alice, day):
    rx = add(day, "Zercher squat")
    url = f"/dashboard/programs/exercises/{rx.pk}/"
    assert alice.get(url, headers=HTMX).text.lstrip().startswith(f'<li class="rx" id="rx-{rx.pk}"')
    assert alice.get(url)["Location"] == back(day)


# ---------- order ----------


def test_moving_up_and_down(alice, day):
    first, second, third = (add(day, n) for n in ("Alpha", "Bravo", "Charlie"))
    move = "/dashboard/programs/exercises/{}/move/"

    fragment = alice.post(move.format(third.pk), {"direction": "up"}, headers=HTMX)
    assert fragment.text.lstrip().startswith(f'<div id="day-{day.pk}-exercises"')
    assert names(day) == ["Alpha", "Charlie", "Bravo"]
    assert fragment.text.index("Charlie") < fragment.text.index("Bravo")

    response = alice.post(move.format(first.pk), {"direction": "down"})
    assert response["Location"] == back(day)
    assert names(day) == ["Charlie", "Alpha", "Bravo"]

    alice.post(move.format(second.pk), {"direction": "down"}, headers=HTMX)  # already last
    assert names(day) == ["Charlie", "Alpha", "Bravo"]


def test_the_reorder_endpoint_takes_the_whole_new_order(alice, day):
    a, b, c = (add(day, n) for n in ("Alpha", "Bravo", "Charlie"))
    url = f"/dashboard/programs/days/{day.pk}/reorder/"

    fragment = alice.post(url, {"order": f"{c.pk},{a.pk},{b.pk}"}, headers=HTMX)
    assert "<html" not in fragment.text
    assert names(day) == ["Charlie", "Alpha", "Bravo"]

    response = alice.post(url, {"order": [b.pk, c.pk, a.pk]})  # repeated values, no JS
    assert response["Location"] == back(day)
    assert names(day) == ["Bravo", "Charlie", "Alpha"]


@pytest.mark.parametrize("order", ["{a},{b}", "{a},{b},{b}", "{a},{b},999999", "x,y"])
def test_a_reorder_that_is_not_exactly_the_days_exercises_changes_nothing(alice, day, order):
    a, b, _c = (add(day, n) for n in ("Alpha", "Bravo", "Charlie"))
    url = f"/dashboard/programs/days/{day.pk}/reorder/"

    response = alice.post(url, {"order": order.format(a=a.pk, b=b.pk)}, headers=HTMX)

    assert 'class="form-errors" role="alert"' in response.text
    assert names(day) == ["Alpha", "Bravo", "Charlie"]


def test_another_days_exercise_cannot_be_slipped_into_a_reorder(alice, day):
    a, b = add(day, "Alpha"), add(day, "Bravo")
    other = add(ProgramDayFactory(program=day.program, week=1, day=2), "Other")

    alice.post(
        f"/dashboard/programs/days/{day.pk}/reorder/", {"order": f"{b.pk},{other.pk}"}, headers=HTMX
    )

    assert names(day) == ["Alpha", "Bravo"]
    assert a.pk


# ---------- supersets ----------


def test_supersets_are_labelled_a1_a2_and_can_be_undone(alice, day):
    _a, b, c, d = (add(day, n) for n in ("Alpha", "Bravo", "Charlie", "Delta"))
    superset = "/dashboard/programs/exercises/{}/superset/"

    fragment = alice.post(superset.format(b.pk), {"with_previous": "1"}, headers=HTMX).text
    assert letters(day) == ["A", "A", "", ""]
    assert ">A1</span>" in fragment
    assert ">A2</span>" in fragment

    alice.post(superset.format(c.pk), {"with_previous": "1"}, headers=HTMX)
    alice.post(superset.format(d.pk), {"with_previous": "1"})
    assert letters(day) == ["A", "A", "A", "A"]

    alice.post(superset.format(c.pk), {"with_previous": "0"}, headers=HTMX)
    assert letters(day) == ["A", "A", "", ""]
    html = alice.get(f"/dashboard/programs/{day.program_id}/").text
    assert "Remove from superset" in html
    assert ">A1</span>" in html
    assert ">3</span>" in html  # Charlie on its own keeps its position number


def test_the_first_exercise_has_nothing_above_to_superset_with(alice, day):
    a, _ = add(day, "Alpha"), add(day, "Bravo")
    response = alice.post(
        f"/dashboard/programs/exercises/{a.pk}/superset/", {"with_previous": "1"}, headers=HTMX
    )
    assert "The first exercise has nothing above it." in response.text
    assert letters(day) == ["", ""]


# ---------- delete ----------


def test_deleting_an_exercise_asks_first(alice, day):
    a, b = add(day, "Alpha"), add(day, "Bravo")
    url = f"/dashboard/programs/exercises/{a.pk}/delete/"

    confirm = alice.get(url, headers=HTMX)
    assert "<html" not in confirm.text
    assert "Remove <strong>Alpha</strong> from this day?" in confirm.text
    assert "Remove Alpha?" in alice.get(url).text  # the no-JS confirm page
    assert names(day) == ["Alpha", "Bravo"]

    fragment = alice.post(url, headers=HTMX)
    assert "Alpha" not in fragment.text
    assert names(day) == ["Bravo"]
    assert alice.post(f"/dashboard/programs/exercises/{b.pk}/delete/")["Location"] == back(day)
    assert names(day) == []


def test_moving_exercises_apart_ends_their_superset_and_letters_stay_in_order(alice, day):
    a, b, c, d = (add(day, n) for n in ("Alpha", "Bravo", "Charlie", "Delta"))
    superset = "/dashboard/programs/exercises/{}/superset/"
    alice.post(superset.format(b.pk), {"with_previous": "1"})  # Alpha + Bravo = A
    alice.post(superset.format(d.pk), {"with_previous": "1"})  # Charlie + Delta = B
    assert letters(day) == ["A", "A", "B", "B"]

    # swapping within a superset keeps it
    alice.post(f"/dashboard/programs/exercises/{b.pk}/move/", {"direction": "up"})
    assert names(day) == ["Bravo", "Alpha", "Charlie", "Delta"]
    assert letters(day) == ["A", "A", "B", "B"]

    # dragging the first superset below the second re-letters both, top to bottom
    alice.post(
        f"/dashboard/programs/days/{day.pk}/reorder/", {"order": f"{c.pk},{d.pk},{b.pk},{a.pk}"}
    )
    assert letters(day) == ["A", "A", "B", "B"]
    assert names(day) == ["Charlie", "Delta", "Bravo", "Alpha"]

    # an exercise dropped between two of a superset splits it: both are on their own
    html = alice.post(
        f"/dashboard/programs/days/{day.pk}/reorder/",
        {"order": f"{c.pk},{b.pk},{d.pk},{a.pk}"},
        headers=HTMX,
    ).text
    assert letters(day) == ["", "", "", ""]
    assert ">A1</span>" not in html
