"""The builder page of a program, and its training days: the weeks laid out with rest
days, adding a day to a slot, editing and deleting a day; with htmx each action answers
with a fragment, as a plain form post it redirects back to the day."""

from __future__ import annotations

import pytest

from programs.models import ProgramDay
from tests.factories.programs import (
    PrescribedExerciseFactory,
    ProgramDayFactory,
    ProgramFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def alice(client, trainer):
    client.force_login(trainer.user)
    return client


@pytest.fixture
def program(trainer):
    return ProgramFactory(
        trainer=trainer, name="Strength Base", duration_weeks=2, is_template=False
    )


def builder_url(program) -> str:
    return f"/dashboard/programs/{program.pk}/"


def test_a_new_program_shows_its_weeks_as_rest_days_ready_for_training_days(alice, program):
    response = alice.get(builder_url(program))

    assert response.status_code == 200
    html = response.text
    assert "<h1>Strength Base</h1>" in html
    assert 'id="week-1"' in html
    assert 'id="week-2"' in html
    assert html.count('class="slot-rest-label">Rest<') == 14
    # the open week can take training days at once; week 2's forms come when it opens
    assert html.count("Add training day") == 7
    assert "All rest: add a training day" in html
    assert "Nobody follows this program yet" in html
    week_2 = alice.get(f"{builder_url(program)}weeks/2/", headers=HTMX).text
    assert week_2.lstrip().startswith('<details class="week" id="week-2" open')
    assert week_2.count("Add training day") == 7


def test_the_weeks_show_training_days_with_their_exercises_in_order(alice, program):
    day = ProgramDayFactory(program=program, week=1, day=3, title="Upper A")
    PrescribedExerciseFactory(day=day, exercise__name="Zeta press", order=2)
    PrescribedExerciseFactory(day=day, exercise__name="Alpha row", order=1)

    response = alice.get(builder_url(program))

    html = response.text
    assert f'href="#day-{day.pk}" class="slot-title">Upper A<' in html
    assert html.count('class="slot-rest-label">Rest<') == 13
    assert html.index("Alpha row") < html.index("Zeta press")
    assert "1 training day · 2 exercises" in html


def test_the_week_in_the_address_is_the_one_open(alice, program):
    html = alice.get(builder_url(program) + "?week=2").text
    assert 'id="week-2" open' in html
    assert 'id="week-1" open' not in html
    # nonsense falls back to week 1
    assert 'id="week-1" open' in alice.get(builder_url(program) + "?week=x").text


def test_adding_a_training_day_with_a_plain_post_goes_back_to_it(alice, program):
    response = alice.post(
        f"/dashboard/programs/{program.pk}/days/add/", {"week": 2, "day": 4, "title": "Legs"}
    )

    day = ProgramDay.objects.get(program=program)
    assert (day.week, day.day, day.title) == (2, 4, "Legs")
    assert response.status_code == 302
    assert response["Location"] == f"{builder_url(program)}?week=2#day-{day.pk}"


def test_adding_a_training_day_with_htmx_answers_with_its_week(alice, program):
    response = alice.post(
        f"/dashboard/programs/{program.pk}/days/add/",
        {"week": 1, "day": 2, "title": "Push"},
        headers=HTMX,
    )

    assert response.status_code == 200
    html = response.text
    assert "<html" not in html
    assert html.lstrip().startswith('<details class="week" id="week-1" open')
    assert "Push" in html
    assert "Add exercise" in html
    assert ProgramDay.objects.filter(program=program, week=1, day=2).exists()


@pytest.mark.parametrize(
    ("week", "day", "message"),
    [
        (3, 1, "The program only runs 2 weeks."),
        (1, 1, "This program already has that day."),
        (1, 8, "less than or equal to 7"),
    ],
)
def test_a_day_that_does_not_fit_is_refused_and_nothing_is_written(
    alice, program, week, day, message
):
    ProgramDayFactory(program=program, week=1, day=1, title="Existing")
    url = f"/dashboard/programs/{program.pk}/days/add/"

    fragment = alice.post(url, {"week": week, "day": day, "title": "X"}, headers=HTMX)
    assert 'class="form-errors" role="alert"' in fragment.text
    assert message in fragment.text

    page = alice.post(url, {"week": week, "day": day, "title": "X"}, follow=True)
    assert message in page.text
    assert list(ProgramDay.objects.values_list("title", flat=True)) == ["Existing"]


def test_editing_a_day_inline_and_without_javascript(alice, program):
    day = ProgramDayFactory(program=program, week=1, day=1, title="Lower")
    url = f"/dashboard/programs/days/{day.pk}/edit/"

    form = alice.get(url, headers=HTMX)
    assert "<html" not in form.text
    assert 'name="title"' in form.text
    assert 'value="Lower"' in form.text

    saved = alice.post(url, {"title": "Lower A", "notes": "Warm up: 5 min bike"}, headers=HTMX)
    assert "<html" not in saved.text
    assert "Lower A" in saved.text
    assert "Warm up: 5 min bike" in saved.text
    assert 'name="title"' not in saved.text  # back to reading, not editing

    page = alice.get(url)
    assert "<html" in page.text
    response = alice.post(url, {"title": "Lower B", "notes": ""})
    assert response["Location"] == f"{builder_url(program)}?week=1#day-{day.pk}"
    day.refresh_from_db()
    assert (day.title, day.notes) == ("Lower B", "")


def test_cancelling_an_edit_puts_the_day_back(alice, program):
    day = ProgramDayFactory(program=program, week=2, day=1, title="Lower")
    url = f"/dashboard/programs/days/{day.pk}/"

    fragment = alice.get(url, headers=HTMX)
    assert fragment.text.lstrip().startswith(f'<article class="day-card" id="day-{day.pk}"')
    assert alice.get(url)["Location"] == f"{builder_url(program)}?week=2#day-{day.pk}"


def test_deleting_a_day_asks_first_then_makes_it_a_rest_day(alice, program):
    day = ProgramDayFactory(program=program, week=1, day=5, title="Conditioning")
    PrescribedExerciseFactory(day=day)
    url = f"/dashboard/programs/days/{day.pk}/delete/"

    confirm = alice.get(url, headers=HTMX)
    assert "<html" not in confirm.text
    assert "Delete week 1, day 5 (Conditioning)?" in confirm.text
    assert "Its 1 exercise goes with it" in confirm.text
    assert "<html" in alice.get(url).text  # a page of its own without JS
    assert ProgramDay.objects.filter(pk=day.pk).exists()

    week = alice.post(url, headers=HTMX)
    assert week.text.lstrip().startswith('<details class="week" id="week-1" open')
    assert "Conditioning" not in week.text
    assert not ProgramDay.objects.filter(pk=day.pk).exists()


def test_deleting_a_day_with_a_plain_post_goes_back_to_its_week(alice, program):
    day = ProgramDayFactory(program=program, week=2, day=5)
    response = alice.post(f"/dashboard/programs/days/{day.pk}/delete/")
    assert response["Location"] == f"{builder_url(program)}?week=2#week-2"
    assert not ProgramDay.objects.exists()


def test_a_clients_copy_says_whose_it_is(alice, trainer, client_):
    template = ProgramFactory(trainer=trainer, name="Base")
    copy = ProgramFactory(
        trainer=trainer, client=client_, source=template, is_template=False, name="Base"
    )
    html = alice.get(builder_url(copy)).text
    assert f"{client_.full_name}'s own copy" in html
    assert "Assign to clients" not in html
