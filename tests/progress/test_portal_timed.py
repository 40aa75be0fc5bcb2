"""Timed exercises in the portal and on the trainer's Training tab: "3 x 30 s" on Today, a
Time input instead of Reps in the log form, and the longest set as the best."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from progress.models import SetLog, WorkoutLog
from progress.services import SetEntry, workout_log_save
from tests.progress.test_portal_training import TIMES, TODAY_URL, assign_program, form_data, tick

pytestmark = pytest.mark.django_db

PLANK = ("Plank hold", {"reps_min": None, "duration_seconds": 30})
CARRY = ("Carry", {"reps_min": None, "duration_seconds": 40, "load_kg": Decimal("24")})


def log_times(client, day, on, *seconds):
    rx = day.exercises.get()
    sets = [
        SetEntry(
            exercise_id=rx.exercise_id,
            prescribed_id=rx.pk,
            set_number=n,
            duration_seconds=s,
            load_kg=rx.load_kg,
        )
        for n, s in enumerate(seconds, start=1)
    ]
    return workout_log_save(client=client, program_day=day, sets=sets, finish=True, performed_on=on)


def test_today_shows_the_time_per_set_and_last_times_times(carol_browser, client_, today):
    _, days = assign_program(
        client_, start=today - timedelta(days=7), days=((1, 1), (2, 1)), exercises=(PLANK,)
    )
    log_times(client_, days[1, 1], today - timedelta(days=7), 30, 45, 40)

    text = carol_browser.get(TODAY_URL).text

    assert f"3 {TIMES} 30 s</li>" in text
    assert "reps" not in text.split('class="dose-main">')[1].split("</li>")[0]
    assert "<strong>Last time:</strong> 30 s, 45 s, 40 s" in text


def test_a_loaded_carry_reads_as_time_at_a_load(carol_browser, client_, today):
    assign_program(client_, start=today, exercises=(CARRY,))
    assert f"3 {TIMES} 40 s @ 24 kg" in carol_browser.get(TODAY_URL).text


def test_the_log_form_asks_for_a_time_prefilled_from_the_plan(carol_browser, client_, today):
    _, days = assign_program(client_, start=today, exercises=(PLANK,))
    url = f"/portal/training/day/{days[1, 1].pk}/"

    page = carol_browser.get(url)

    data = form_data(page.text)
    assert [data[f"sets-{i}-duration"] for i in range(3)] == ["30", "30", "30"]
    assert "sets-0-reps" not in data  # a Time input instead of Reps
    assert "<span>Time</span>" in page.text
    assert 'aria-label="Set 1 time, seconds or minutes:seconds"' in page.text

    data.update({"sets-1-duration": "1:15", "sets-2-duration": "50s"})
    response = carol_browser.post(url, {**tick(data), "action": "finish"})

    assert response.status_code == 302
    sets = SetLog.objects.order_by("set_number").values_list("duration_seconds", "reps")
    assert list(sets) == [(30, None), (75, None), (50, None)]
    assert "<strong>Today:</strong> 30 s, 1:15, 50 s" in carol_browser.get(TODAY_URL).text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("a while", "Enter the time as seconds (45) or minutes:seconds (1:30)."),
        ("25:00:00", "Enter the time as seconds (45) or minutes:seconds (1:30)."),
        ("90000", "Enter a time of up to 24 hours."),
    ],
)
def test_a_bad_time_is_shown_next_to_its_set_and_nothing_is_written(
    carol_browser, client_, today, value, message
):
    _, days = assign_program(client_, start=today, exercises=(PLANK,))
    url = f"/portal/training/day/{days[1, 1].pk}/"
    data = {**form_data(carol_browser.get(url).text), "sets-1-duration": value}

    page = carol_browser.post(url, {**data, "action": "finish"})

    assert page.status_code == 200
    assert "Nothing was saved" in page.text
    assert f"Time: {message}" in page.text
    assert not WorkoutLog.objects.exists()


def test_an_added_set_copies_the_time(carol_browser, client_, today):
    _, days = assign_program(client_, start=today, exercises=(PLANK,))
    url = f"/portal/training/day/{days[1, 1].pk}/"
    data = {**form_data(carol_browser.get(url).text), "sets-2-duration": "0:45"}
    prescription = days[1, 1].exercises.get()

    added = carol_browser.post(url, {**data, "add_set": prescription.pk}, HTTP_HX_REQUEST="true")

    assert form_data(added.text)["sets-3-duration"] == "0:45"


def test_history_bests_and_progress_show_the_longest_set(carol_browser, client_, today):
    _, days = assign_program(
        client_, start=today - timedelta(days=7), days=((1, 1), (2, 1)), exercises=(CARRY,)
    )
    log_times(client_, days[1, 1], today - timedelta(days=7), 40, 40, 40)
    log_times(client_, days[2, 1], today, 45, 90, 60)
    carry = days[1, 1].exercises.get().exercise

    history = carol_browser.get("/portal/training/workouts/").text
    assert history.count("<li>40 s @ 24 kg</li>") == 3
    workout = WorkoutLog.objects.get(performed_on=today)
    assert "1:30 @ 24 kg" in carol_browser.get(f"/portal/training/workouts/{workout.pk}/").text

    bests = carol_browser.get("/portal/training/bests/").text
    assert "Longest: 1:30 @ 24 kg" in bests
    assert "est. 1RM" not in bests  # a carry has no one-rep max

    page = carol_browser.get(f"/portal/training/exercises/{carry.pk}/").text
    assert "Longest set (seconds)" in page
    assert page.count('class="chart-dot"') == 2
    assert page.count("Longest: 40 s @ 24 kg") == 1  # the older workout's row


def test_the_trainers_training_tab_shows_times(client, trainer, client_, today):
    _, days = assign_program(client_, start=today, exercises=(PLANK,))
    log_times(client_, days[1, 1], today, 30, 45, 30)
    plank = days[1, 1].exercises.get().exercise
    client.force_login(trainer.user)

    overview = client.get(f"/dashboard/clients/{client_.pk}/training/").text
    assert "Longest: 45 s" in overview
    assert "<li>45 s</li>" in overview  # the logged set, one per line

    page = client.get(f"/dashboard/clients/{client_.pk}/training/exercises/{plank.pk}/").text
    assert "Longest: 45 s" in page
