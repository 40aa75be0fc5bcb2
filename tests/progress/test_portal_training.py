"""The client's training in the portal: today in every state, logging a workout (prefill,
bad input, same-day edits, frozen history), history, bests and the progress chart."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from programs.services import assignments, builder
from progress.models import SetLog, WorkoutLog
from progress.services import EDIT_WINDOW_CLOSED, SetEntry, workout_log_save
from tests.factories.core import ClientFactory
from tests.factories.programs import ExerciseFactory

pytestmark = pytest.mark.django_db

TODAY_URL = "/portal/training/"
TIMES, DASH = "\N{MULTIPLICATION SIGN}", "\N{EN DASH}"
QUERY_BUDGET = 12  # the same for a one-exercise program and a 20-day one with 15 past logs


# ---------- building a program the way a trainer would ----------


def assign_program(
    client,
    *,
    start,
    weeks=4,
    days=((1, 1),),
    exercises=(("Back squat", {"load_kg": Decimal("60")}),),
    name="Strength base",
):
    """Assign `client` a program training on `days` (week, day), each day with
    `exercises` (name, dose); returns the assignment and the client's days by slot."""
    plan = builder.program_create(trainer=client.trainer, name=name, duration_weeks=weeks)
    library = {}
    for ex_name, _ in exercises:
        library[ex_name] = ExerciseFactory(name=f"{ex_name} {plan.pk}")
    for week, day in days:
        program_day = builder.program_day_add(
            program=plan, week=week, day=day, title=f"Week {week} day {day} session"
        )
        for ex_name, dose in exercises:
            builder.prescription_add(
                program_day=program_day,
                exercise=library[ex_name],
                **{"sets": 3, "reps_min": 8, **dose},
            )
    assignment = assignments.program_assign(program=plan, client=client, start_date=start)
    by_slot = {(d.week, d.day): d for d in assignment.program.days.all()}
    return assignment, by_slot


def entries(day, *, reps=8, load="60", n=None):
    rows = []
    for p in day.exercises.order_by("order"):
        for number in range(1, (n or p.sets) + 1):
            rows.append(
                SetEntry(
                    exercise_id=p.exercise_id,
                    prescribed_id=p.pk,
                    set_number=number,
                    reps=reps,
                    load_kg=Decimal(load),
                )
            )
    return rows


def log_on(client, day, performed_on, **kwargs):
    return workout_log_save(
        client=client,
        program_day=day,
        sets=entries(day, **kwargs),
        finish=True,
        performed_on=performed_on,
    )


def form_data(html):
    """The values a browser would post from the log form as rendered."""
    data = {}
    for tag in re.findall(r"<(?:input|textarea)[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or name.group(1) == "csrfmiddlewaretoken":
            continue
        value = re.search(r'value="([^"]*)"', tag)
        if 'type="checkbox"' in tag:
            if "checked" in tag:
                data[name.group(1)] = "on"
            continue
        data[name.group(1)] = value.group(1) if value else ""
    return data


def tick(data, *rows):
    """The form as posted after the client ticked sets `rows` (every set if none) as
    done: sets start unticked, and only ticked ones are recorded."""
    total = int(data["sets-TOTAL_FORMS"])
    for index in rows or range(total):
        data[f"sets-{index}-done"] = "on"
    return data


# ---------- who may see it ----------


def test_training_pages_are_for_signed_in_clients_only(client, trainer, staff):
    assert client.get(TODAY_URL)["Location"].startswith("/portal/login/")
    for user in (trainer.user, staff):
        client.force_login(user)
        assert client.get(TODAY_URL).status_code == 403


# ---------- today, in every state ----------


def test_today_without_a_program_is_friendly(carol_browser):
    page = carol_browser.get(TODAY_URL)
    assert page.status_code == 200
    assert 'data-state="no_program"' in page.text
    assert "No program yet" in page.text
    home = carol_browser.get("/portal/")
    assert "Nothing planned yet" in home.text


def test_today_before_the_program_starts_shows_the_first_workout(carol_browser, client_, today):
    assign_program(client_, start=today + timedelta(days=3))
    page = carol_browser.get(TODAY_URL)
    assert 'data-state="not_started"' in page.text
    assert f"starts {(today + timedelta(days=3)):%A} " in page.text
    assert "First workout: <strong>Week 1 day 1 session</strong>" in page.text
    assert "Do it today" not in page.text  # can't log before the start date


def test_today_shows_the_workout_its_prescription_and_last_time(carol_browser, client_, today):
    _, days = assign_program(
        client_,
        start=today - timedelta(days=7),
        days=((1, 1), (2, 1)),
        exercises=(
            ("Back squat", {"load_kg": Decimal("60"), "reps_max": 10, "rpe": Decimal("8")}),
            ("Push-up", {"sets": 2, "reps_min": 12, "rest_seconds": 90, "tempo": "3-1-1-0"}),
        ),
    )
    builder.prescription_group(
        prescription=days[2, 1].exercises.order_by("order")[1], with_previous=True
    )
    log_on(client_, days[1, 1], today - timedelta(days=7), reps=8, load="60")

    page = carol_browser.get(TODAY_URL)

    text = page.text
    assert 'data-state="training"' in text
    assert "Week 2 day 1 session" in text
    assert f"3 {TIMES} 8{DASH}10 reps @ 60 kg" in text
    assert "RPE 8" in text
    assert "Rest 90 s" in text
    assert "Tempo 3-1-1-0" in text
    assert 'class="superset"' in text
    last_date = today - timedelta(days=7)
    assert f'3 {TIMES} 8 @ 60 kg <span class="muted">({last_date.day} {last_date:%b})' in text
    assert "Start workout" in text
    assert f'href="/portal/training/day/{days[2, 1].pk}/"' in text


def test_a_rest_day_says_so_and_offers_the_next_workout_early(carol_browser, client_, today):
    _, days = assign_program(client_, start=today - timedelta(days=1), days=((1, 1), (1, 3)))
    page = carol_browser.get(TODAY_URL)
    assert 'data-state="rest"' in page.text
    assert "Rest day" in page.text
    tomorrow = today + timedelta(days=1)
    assert f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B}" in page.text
    assert f'href="/portal/training/day/{days[1, 3].pk}/"' in page.text
    assert "Do it today" in page.text

    # doing it early logs it for today, and the page then offers to edit it
    url = f"/portal/training/day/{days[1, 3].pk}/"
    carol_browser.post(url, {**tick(form_data(carol_browser.get(url).text)), "action": "finish"})
    log = WorkoutLog.objects.get(client=client_)
    assert (log.program_day, log.performed_on, log.status) == (days[1, 3], today, "completed")
    again = carol_browser.get(TODAY_URL)
    assert "Do it today" not in again.text
    assert f'href="/portal/training/workouts/{log.pk}/edit/"' in again.text


def test_a_finished_program_is_celebrated(carol_browser, client_, today):
    assign_program(client_, start=today - timedelta(days=20), weeks=1, name="Kickstart")
    page = carol_browser.get(TODAY_URL)
    assert 'data-state="finished"' in page.text
    assert "You finished Kickstart!" in page.text
    assert "You finished Kickstart" in carol_browser.get("/portal/").text


def test_portal_home_summarises_today_and_links_to_it(carol_browser, client_, today):
    assign_program(client_, start=today)
    home = carol_browser.get("/portal/")
    assert "Week 1 day 1 session" in home.text
    assert 'href="/portal/training/"' in home.text
    assert "Start today's workout" in home.text


def test_portal_home_counts_today_s_exercises_and_follows_the_log(carol_browser, client_, today):
    exercises = (("Back squat", {"load_kg": Decimal("60")}), ("Row", {"load_kg": Decimal("40")}))
    _, days = assign_program(client_, start=today, exercises=exercises)
    day = days[1, 1]
    assert "Week 1 day 1 session</strong> · 2 exercises</p>" in carol_browser.get("/portal/").text

    workout_log_save(client=client_, program_day=day, sets=entries(day), performed_on=today)
    home = carol_browser.get("/portal/").text
    assert "· 2 exercises</p>" in home
    assert "Continue today's workout" in home

    workout_log_save(client=client_, program_day=day, sets=entries(day), finish=True)
    home = carol_browser.get("/portal/").text
    assert "· 2 exercises · finished</p>" in home
    assert "See today's workout" in home

    builder.prescription_delete(prescription=day.exercises.order_by("order").last())
    assert "· 1 exercise · finished</p>" in carol_browser.get("/portal/").text


# ---------- logging ----------


def test_the_log_form_is_prefilled_from_the_prescription(carol_browser, client_, today):
    _, days = assign_program(
        client_,
        start=today,
        exercises=(("Back squat", {"load_kg": Decimal("62.5"), "rpe": Decimal("7.5")}),),
    )
    page = carol_browser.get(f"/portal/training/day/{days[1, 1].pk}/")
    assert page.status_code == 200
    data = form_data(page.text)
    assert data["sets-TOTAL_FORMS"] == "3"
    assert [data[f"sets-{i}-set_number"] for i in range(3)] == ["1", "2", "3"]
    assert data["sets-0-reps"] == "8"
    assert data["sets-0-load"] == "62.5"
    assert data["sets-0-rpe"] == "7.5"
    assert not any(key.endswith("-done") for key in data)  # nothing is done until ticked
    assert 'inputmode="numeric"' in page.text
    assert 'inputmode="decimal"' in page.text
    assert 'aria-label="Set 1 reps"' in page.text
    assert "Finish workout" in page.text


def test_a_percent_of_1rm_prescription_prefills_the_load_it_comes_to(carol_browser, client_, today):
    _, days = assign_program(
        client_,
        start=today - timedelta(days=7),
        days=((1, 1), (2, 1)),
        exercises=(("Deadlift", {"load_percent_1rm": Decimal("75")}),),
    )
    log_on(client_, days[1, 1], today - timedelta(days=7), load="102.5")  # 8 reps: 129.8 kg 1RM
    page = carol_browser.get(f"/portal/training/day/{days[2, 1].pk}/")
    assert '@ <strong class="target-load">97.5 kg</strong> (75% of 1RM)' in page.text
    assert "From your estimated 1RM of 129.8 kg" in page.text
    assert form_data(page.text)["sets-1-load"] == "97.5"


def test_without_a_1rm_a_percent_prescription_falls_back_on_last_times_load(
    carol_browser, client_, today
):
    _, days = assign_program(
        client_,
        start=today - timedelta(days=7),
        days=((1, 1), (2, 1)),
        exercises=(("Deadlift", {"load_percent_1rm": Decimal("75")}),),
    )
    # sets of 15 say nothing reliable about a one-rep max
    log_on(client_, days[1, 1], today - timedelta(days=7), reps=15, load="40")
    page = carol_browser.get(f"/portal/training/day/{days[2, 1].pk}/")
    assert "@ 75% of 1RM" in page.text
    assert "No 1RM on record for this one yet" in page.text
    assert form_data(page.text)["sets-1-load"] == "40"


def test_logging_a_workout_saves_every_set(carol_browser, client_, today):
    _, days = assign_program(client_, start=today)
    url = f"/portal/training/day/{days[1, 1].pk}/"
    data = form_data(carol_browser.get(url).text)
    data.update({"sets-0-reps": "10", "sets-1-load": "62,5", "sets-1-rpe": "8.5", "notes": "Easy"})
    tick(data, 0, 1)  # the last set was not done

    response = carol_browser.post(url, {**data, "action": "finish"})

    assert response.status_code == 302
    assert response["Location"] == TODAY_URL
    log = WorkoutLog.objects.get(client=client_)
    assert (log.status, log.notes, log.performed_on) == ("completed", "Easy", today)
    sets = list(log.sets.order_by("set_number"))
    assert [(s.reps, s.load_kg, s.rpe, s.is_completed) for s in sets] == [
        (10, Decimal("60.00"), None, True),
        (8, Decimal("62.50"), Decimal("8.5"), True),
    ]
    today_page = carol_browser.get(TODAY_URL)
    assert "Workout finished" in today_page.text
    assert "Edit today's log" in today_page.text


def test_save_keeps_the_workout_open_to_carry_on(carol_browser, client_, today):
    _, days = assign_program(client_, start=today)
    url = f"/portal/training/day/{days[1, 1].pk}/"
    response = carol_browser.post(url, {**form_data(carol_browser.get(url).text), "action": "save"})
    log = WorkoutLog.objects.get(client=client_)
    assert log.status == "in_progress"
    assert response["Location"] == f"/portal/training/workouts/{log.pk}/edit/"
    assert "Continue workout" in carol_browser.get(TODAY_URL).text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sets-1-reps", "5000", "less than or equal to 1000"),
        ("sets-1-rpe", "11", "RPE goes in half steps from 1 to 10."),
        ("sets-1-load", "-5", "Enter a load from 0 kg to 1000 kg."),
        ("sets-1-reps", "lots", "Enter a whole number."),
    ],
)
def test_bad_numbers_are_shown_next_to_their_set_and_nothing_is_written(
    carol_browser, client_, today, field, value, message
):
    _, days = assign_program(client_, start=today)
    url = f"/portal/training/day/{days[1, 1].pk}/"
    data = {**form_data(carol_browser.get(url).text), field: value, "action": "finish"}

    page = carol_browser.post(url, data)

    assert page.status_code == 200
    assert "Nothing was saved" in page.text
    error = re.search(
        r'<p class="field-error set-error" id="set-error-sets-1">(.*?)</p>', page.text
    )
    assert error is not None
    assert "Set 2:" in error.group(1)
    assert message in error.group(1)
    assert f'value="{value}"' in page.text  # what was typed stays in the form
    assert not WorkoutLog.objects.exists()
    assert not SetLog.objects.exists()


def test_a_prescription_from_another_day_is_refused(carol_browser, client_, today):
    _, days = assign_program(client_, start=today, days=((1, 1), (1, 2)))
    url = f"/portal/training/day/{days[1, 1].pk}/"
    other = days[1, 2].exercises.get()
    data = {**tick(form_data(carol_browser.get(url).text)), "sets-0-prescribed": str(other.pk)}

    page = carol_browser.post(url, {**data, "action": "finish"})

    assert "That exercise isn&#x27;t part of this workout." in page.text
    assert not WorkoutLog.objects.exists()


def test_an_exercise_of_another_trainer_is_refused(carol_browser, client_, today, outsider):
    _, days = assign_program(client_, start=today)
    url = f"/portal/training/day/{days[1, 1].pk}/"
    theirs = ExerciseFactory(trainer=outsider, name="Secret move")
    data = {**tick(form_data(carol_browser.get(url).text)), "sets-0-exercise": str(theirs.pk)}
    page = carol_browser.post(url, {**data, "action": "finish"})
    assert "Pick an exercise from your trainer&#x27;s library." in page.text
    assert not WorkoutLog.objects.exists()


def test_another_clients_day_and_an_old_programs_day_are_not_found(
    carol_browser, client_, trainer, today
):
    dave = ClientFactory(trainer=trainer)
    _, daves_days = assign_program(dave, start=today)
    _, old_days = assign_program(client_, start=today - timedelta(days=7), name="Old")
    assign_program(client_, start=today, name="New")  # replaces "Old"

    for day in (daves_days[1, 1], old_days[1, 1]):
        url = f"/portal/training/day/{day.pk}/"
        assert carol_browser.get(url).status_code == 404
        assert carol_browser.post(url, {"action": "finish"}).status_code == 404
    assert not WorkoutLog.objects.exists()


def test_a_log_can_be_changed_the_same_day(carol_browser, client_, today):
    _, days = assign_program(client_, start=today)
    log = log_on(client_, days[1, 1], today, reps=8, load="60")
    url = f"/portal/training/workouts/{log.pk}/edit/"

    page = carol_browser.get(url)
    data = form_data(page.text)
    assert data["sets-0-load"] == "60"
    assert "Save changes" in page.text
    data.update({"sets-0-load": "65", "notes": "Felt strong"})
    response = carol_browser.post(url, {**data, "action": "finish"})

    assert response.status_code == 302
    log.refresh_from_db()
    assert log.notes == "Felt strong"
    assert sorted(log.sets.values_list("load_kg", flat=True)) == [
        Decimal("60.00"),
        Decimal("60.00"),
        Decimal("65.00"),
    ]
    assert WorkoutLog.objects.count() == 1


def test_a_log_is_read_only_after_its_day(carol_browser, client_, today):
    _, days = assign_program(client_, start=today - timedelta(days=1), days=((1, 1), (1, 2)))
    log = log_on(client_, days[1, 1], today - timedelta(days=1), load="60")
    yesterday = timezone.now() - timedelta(days=1)
    WorkoutLog.objects.filter(pk=log.pk).update(created_at=yesterday, started_at=yesterday)
    url = f"/portal/training/workouts/{log.pk}/edit/"

    page = carol_browser.get(url, follow=True)
    assert page.redirect_chain[-1][0] == f"/portal/training/workouts/{log.pk}/"
    assert EDIT_WINDOW_CLOSED in page.text
    assert "Edit this workout" not in page.text

    data = {"sets-TOTAL_FORMS": "1", "sets-INITIAL_FORMS": "0", "notes": "changed"}
    prescription = days[1, 1].exercises.get()
    data.update(
        {
            "sets-0-prescribed": prescription.pk,
            "sets-0-exercise": prescription.exercise_id,
            "sets-0-set_number": "1",
            "sets-0-reps": "20",
            "sets-0-done": "on",
        }
    )
    refused = carol_browser.post(url, {**data, "action": "finish"})
    assert EDIT_WINDOW_CLOSED in refused.text
    log.refresh_from_db()
    assert log.notes == ""
    assert log.sets.count() == 3
    assert not log.sets.filter(reps=20).exists()


def test_one_client_cannot_see_or_change_anothers_log(carol_browser, trainer, today):
    dave = ClientFactory(trainer=trainer)
    _, days = assign_program(dave, start=today)
    log = log_on(dave, days[1, 1], today)
    for url in (
        f"/portal/training/workouts/{log.pk}/",
        f"/portal/training/workouts/{log.pk}/edit/",
    ):
        assert carol_browser.get(url).status_code == 404
    refused = carol_browser.post(
        f"/portal/training/workouts/{log.pk}/edit/",
        {"sets-TOTAL_FORMS": "0", "sets-INITIAL_FORMS": "0", "notes": "hacked", "action": "finish"},
    )
    assert refused.status_code == 404
    log.refresh_from_db()
    assert log.notes == ""
    assert log.sets.count() == 3


def test_htmx_posts_swap_the_form_and_can_add_a_set(carol_browser, client_, today):
    _, days = assign_program(client_, start=today)
    url = f"/portal/training/day/{days[1, 1].pk}/"
    data = form_data(carol_browser.get(url).text)
    prescription = days[1, 1].exercises.get()

    added = carol_browser.post(url, {**data, "add_set": prescription.pk}, HTTP_HX_REQUEST="true")
    assert "<html" not in added.text
    assert added.text.lstrip().startswith('<form id="log-form"')
    more = form_data(added.text)
    assert more["sets-TOTAL_FORMS"] == "4"
    assert more["sets-3-set_number"] == "4"
    assert not WorkoutLog.objects.exists()  # adding a row saves nothing

    assert "sets-3-done" not in more  # the new set is not done yet
    tick(more)
    saved = carol_browser.post(url, {**more, "action": "save"}, HTTP_HX_REQUEST="true")
    assert "Keep going!" in saved.text
    assert WorkoutLog.objects.get().sets.count() == 4

    done = carol_browser.post(url, {**more, "action": "finish"}, HTTP_HX_REQUEST="true")
    assert done["HX-Redirect"] == TODAY_URL
    assert WorkoutLog.objects.get().status == "completed"


def test_loads_are_typed_and_shown_in_the_trainers_units(carol_browser, client_, today):
    client_.trainer.unit_system = "imperial"
    client_.trainer.save()
    _, days = assign_program(
        client_, start=today, exercises=(("Bench press", {"load_kg": Decimal("61.23")}),)
    )
    url = f"/portal/training/day/{days[1, 1].pk}/"
    page = carol_browser.get(url)
    assert "@ 135 lb" in page.text
    data = tick(form_data(page.text))
    assert data["sets-0-load"] == "135"
    data["sets-1-load"] = "140"
    carol_browser.post(url, {**data, "action": "finish"})
    loads = list(SetLog.objects.order_by("set_number").values_list("load_kg", flat=True))
    assert loads == [Decimal("61.23"), Decimal("63.50"), Decimal("61.23")]
    history = carol_browser.get("/portal/training/workouts/").text
    assert "8 @ 135 lb" in history
    assert "8 @ 140 lb" in history


# ---------- history and progress ----------


def test_history_bests_and_the_exercise_chart(carol_browser, client_, today):
    _, days = assign_program(
        client_, start=today - timedelta(days=14), days=((1, 1), (2, 1), (3, 1))
    )
    log_on(client_, days[1, 1], today - timedelta(days=14), reps=5, load="100")
    log_on(client_, days[2, 1], today - timedelta(days=7), reps=5, load="105")
    log_on(client_, days[3, 1], today, reps=3, load="110")
    squat = days[1, 1].exercises.get().exercise

    history = carol_browser.get("/portal/training/workouts/")
    assert history.text.count('class="portal-card history-item"') == 3
    assert "5 @ 105 kg" in history.text

    bests = carol_browser.get("/portal/training/bests/")
    assert squat.name in bests.text
    # 105 kg x 5 (e1RM 122.5) beats 110 kg x 3 (e1RM 121)
    assert f"105 kg {TIMES} 5 · est. 1RM 122.5 kg" in bests.text

    page = carol_browser.get(f"/portal/training/exercises/{squat.pk}/")
    assert page.status_code == 200
    assert "<svg" in page.text
    assert "<polyline" in page.text
    assert page.text.count('class="chart-dot"') == 3
    assert "style=" not in page.text  # the CSP forbids inline styles
    assert "Estimated 1RM (kg)" in page.text
    assert "121 kg" in page.text  # 110 x (1 + 3/30)
    assert page.text.count("<tr>") == 4  # header + 3 workouts


def test_history_pages_and_an_empty_history(carol_browser, client_, today):
    empty = carol_browser.get("/portal/training/workouts/")
    assert "No workouts yet" in empty.text
    assert "No bests yet" in carol_browser.get("/portal/training/bests/").text

    _, days = assign_program(
        client_, start=today - timedelta(days=7 * 11), weeks=12, days=[(w, 1) for w in range(1, 13)]
    )
    for week in range(1, 13):
        log_on(client_, days[week, 1], today - timedelta(days=7 * (12 - week)))
    first = carol_browser.get("/portal/training/workouts/")
    assert first.text.count('class="portal-card history-item"') == 10
    assert "Page 1 of 2" in first.text
    second = carol_browser.get("/portal/training/workouts/?page=2")
    assert second.text.count('class="portal-card history-item"') == 2


def test_an_exercise_of_another_trainer_has_no_progress_page(carol_browser, outsider):
    theirs = ExerciseFactory(trainer=outsider)
    assert carol_browser.get(f"/portal/training/exercises/{theirs.pk}/").status_code == 404


# ---------- a constant number of queries ----------


def _big_history(client, today):
    """A 4-week, 5-days-a-week program of 6 exercises, with 15 finished workouts; today
    is week 4, day 1."""
    start = today - timedelta(days=21)
    training = [(w, d) for w in range(1, 5) for d in range(1, 6)]
    exercises = [(f"Move {i}", {"load_kg": Decimal("40"), "sets": 4}) for i in range(6)]
    _, days = assign_program(client, start=start, days=training, exercises=exercises)
    for (week, day), program_day in days.items():
        when = start + timedelta(days=(week - 1) * 7 + day - 1)
        if when < today:
            log_on(client, program_day, when)
    return days[4, 1]


def _small_history(client, today):
    """One exercise, one earlier workout; today is week 2, day 1."""
    _, days = assign_program(client, start=today - timedelta(days=7), days=((1, 1), (2, 1)))
    log_on(client, days[1, 1], today - timedelta(days=7))
    return days[2, 1]


@pytest.mark.parametrize("build", [_small_history, _big_history])
def test_today_and_the_log_form_use_a_fixed_number_of_queries(
    carol_browser, client_, today, build, django_assert_max_num_queries
):
    todays_day = build(client_, today)
    with django_assert_max_num_queries(QUERY_BUDGET):
        page = carol_browser.get(TODAY_URL)
    assert 'data-state="training"' in page.text
    with django_assert_max_num_queries(QUERY_BUDGET):
        form = carol_browser.get(f"/portal/training/day/{todays_day.pk}/")
    assert form.status_code == 200


def test_portal_home_links_to_personal_bests(client, client_):
    client.force_login(client_.user)
    html = client.get("/portal/").content.decode()
    assert 'href="/portal/training/bests/"' in html
    assert "will live here" not in html
