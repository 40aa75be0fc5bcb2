"""Logging in the portal as a client meets it: sets start not done and only ticked ones
count, "Finish" with nothing ticked records nothing, the form carries what the phone
needs to keep a draft, how to do each exercise, and copy that fits the day."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from programs.services import builder
from progress.models import WorkoutLog
from progress.services import workout_log_save
from tests.factories.programs import EquipmentFactory
from tests.progress.test_portal_timed import PLANK
from tests.progress.test_portal_training import (
    TODAY_URL,
    assign_program,
    entries,
    form_data,
    tick,
)

pytestmark = pytest.mark.django_db


def test_finishing_with_nothing_ticked_records_nothing(carol_browser, client_, today):
    _, days = assign_program(client_, start=today)
    url = f"/portal/training/day/{days[1, 1].pk}/"

    page = carol_browser.post(url, {**form_data(carol_browser.get(url).text), "action": "finish"})

    assert page.status_code == 200
    assert "Nothing is recorded yet: mark the sets you did as done, then finish." in page.text
    assert not WorkoutLog.objects.exists()


def test_a_finished_workout_shows_only_what_was_done(carol_browser, client_, today):
    _, days = assign_program(client_, start=today)
    url = f"/portal/training/day/{days[1, 1].pk}/"
    carol_browser.post(url, {**tick(form_data(carol_browser.get(url).text), 0), "action": "finish"})

    log = WorkoutLog.objects.get()
    assert log.sets.count() == 1
    page = carol_browser.get(f"/portal/training/workouts/{log.pk}/").text
    assert "(skipped)" not in page


def test_a_half_logged_workout_comes_back_with_its_other_sets_unticked(
    carol_browser, client_, today
):
    _, days = assign_program(client_, start=today)
    day = days[1, 1]
    log = workout_log_save(client=client_, program_day=day, sets=entries(day, n=2), finish=False)

    data = form_data(carol_browser.get(f"/portal/training/workouts/{log.pk}/edit/").text)

    assert [data[f"sets-{i}-set_number"] for i in range(3)] == ["1", "2", "3"]
    assert data.get("sets-0-done") == data.get("sets-1-done") == "on"
    assert "sets-2-done" not in data


def test_the_form_carries_its_draft_key_and_the_version_it_shows(carol_browser, client_, today):
    _, days = assign_program(client_, start=today)
    url = f"/portal/training/day/{days[1, 1].pk}/"

    fresh = carol_browser.get(url).text
    assert f'data-draft-key="{url}|{today.isoformat()}" data-draft-version="new"' in fresh

    saved = carol_browser.post(
        url, {**tick(form_data(fresh)), "action": "save"}, HTTP_HX_REQUEST="true"
    ).text
    log = WorkoutLog.objects.get()
    assert f'data-draft-version="{log.updated_at.isoformat()}"' in saved
    # the notice sits in the bar that stays on screen, by the buttons
    bar = saved.split('<div class="log-actions">')[1]
    assert 'id="log-saved"' in bar
    assert "Keep going!" in bar


def test_how_to_do_each_exercise_opens_from_the_workout_and_the_log(carol_browser, client_, today):
    _, days = assign_program(client_, start=today)
    exercise = days[1, 1].exercises.get().exercise
    exercise.instructions = "Brace, then sit between your heels."
    exercise.video_url = "https://www.youtube.com/watch?v=abc123"
    exercise.save()

    for url in (TODAY_URL, f"/portal/training/day/{days[1, 1].pk}/"):
        page = carol_browser.get(url).text
        assert "<summary>How to do it</summary>" in page
        assert "Brace, then sit between your heels." in page
        assert (
            '<a href="https://www.youtube.com/watch?v=abc123" target="_blank" '
            'rel="noopener noreferrer" class="video-link">Watch the video on youtube.com'
        ) in page
        assert "<iframe" not in page


def test_a_day_done_early_is_not_called_today(carol_browser, client_, today):
    _, days = assign_program(client_, start=today, days=((1, 1), (1, 3)))
    wednesday = today + timedelta(days=2)

    own = carol_browser.get(f"/portal/training/day/{days[1, 1].pk}/").text
    early = carol_browser.get(f"/portal/training/day/{days[1, 3].pk}/").text

    assert f"Week 1 · Day 1 · today, {today:%A} {today.day} {today:%B}" in own
    assert f"planned for {wednesday:%A} {wednesday.day} {wednesday:%B}, done today" in early
    assert "· today," not in early


def test_a_training_day_without_exercises_offers_no_start(carol_browser, client_, today):
    _, days = assign_program(client_, start=today)
    builder.prescription_delete(prescription=days[1, 1].exercises.get())

    page = carol_browser.get(TODAY_URL).text
    home = carol_browser.get("/portal/").text

    assert "Start workout" not in page
    assert "nothing to log until your trainer adds exercises" in page
    assert "Start today's workout" not in home
    assert "See today's plan" in home


def test_the_first_time_hint_only_where_a_weight_must_be_picked(carol_browser, client_, today):
    barbell = EquipmentFactory(slug="barbell", name="Barbell")
    bodyweight = EquipmentFactory(slug="bodyweight", name="Bodyweight")
    _, days = assign_program(
        client_,
        start=today,
        exercises=(("Press", {}), ("Push-up", {}), PLANK, ("Squat", {"load_kg": Decimal("60")})),
    )
    by_name = {p.exercise.name.split(" ")[0]: p.exercise for p in days[1, 1].exercises.all()}
    by_name["Press"].equipment.set([barbell])
    by_name["Push-up"].equipment.set([bodyweight])
    by_name["Plank"].equipment.set([barbell])
    by_name["Squat"].equipment.set([barbell])

    page = carol_browser.get(TODAY_URL).text

    assert page.count("First time: pick a weight you can lift for every rep with good form.") == 1
    press = page.split(by_name["Press"].name)[1].split('<li class="exercise-item">')[0]
    assert "First time" in press

    url = f"/portal/training/day/{days[1, 1].pk}/"
    carol_browser.post(url, {**tick(form_data(carol_browser.get(url).text)), "action": "save"})
    assert "First time" not in carol_browser.get(TODAY_URL).text  # logged today
