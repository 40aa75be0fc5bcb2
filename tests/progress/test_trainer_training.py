"""The trainer's view of a client's training: the Training tab (program, adherence, logs,
bests, per-exercise progress), the client page summary and the dashboard's list of
clients gone quiet. Another trainer's client is a 404."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from clients.models import ClientStatus
from progress.models import SetLog
from progress.selectors.history import client_history, client_logs, logged_exercises
from tests.factories.core import ClientFactory
from tests.factories.programs import ExerciseFactory
from tests.progress.test_portal_training import assign_program, log_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_browser(client, trainer):
    client.force_login(trainer.user)
    return client


def training_url(client):
    return f"/dashboard/clients/{client.pk}/training/"


def test_training_tab_shows_the_program_and_adherence_from_a_known_schedule(
    trainer_browser, client_, today
):
    # Three workouts a week for four weeks, all of them in the last 28 days: 12 scheduled.
    start = today - timedelta(days=27)
    assignment, days = assign_program(
        client_,
        start=start,
        weeks=6,
        days=[(w, d) for w in range(1, 7) for d in (1, 3, 5)],
        name="Hypertrophy block",
    )
    done = sorted(
        (start + timedelta(days=(w - 1) * 7 + d - 1), days[w, d]) for (w, d) in days if w <= 4
    )[:9]
    for when, day in done:
        log_on(client_, day, when, reps=10, load="50")

    page = trainer_browser.get(training_url(client_))

    assert page.status_code == 200
    text = page.text
    assert "9 of 12 scheduled workouts in the last 4 weeks" in text
    assert "75%" in text
    assert "Hypertrophy block" in text
    assert f'href="/dashboard/programs/{assignment.program_id}/"' in text
    assert "Week 4 of 6" in text
    assert text.count('class="log-card"') == 9
    assert "10 @ 50 kg" in text
    squat = days[1, 1].exercises.get().exercise
    assert f'href="/dashboard/clients/{client_.pk}/training/exercises/{squat.pk}/"' in text


def test_the_client_page_links_to_training_with_a_summary(trainer_browser, client_, today):
    assign_program(client_, start=today - timedelta(days=6), days=((1, 1), (1, 3)))
    page = trainer_browser.get(f"/dashboard/clients/{client_.pk}/")
    assert f'href="{training_url(client_)}"' in page.text
    assert "Strength base · week 1 of 4" in page.text
    assert "0 of 2 scheduled workouts in the last 4 weeks — 0%" in page.text


def test_training_tab_without_a_program_or_logs(trainer_browser, client_):
    page = trainer_browser.get(training_url(client_))
    assert "No active program right now." in page.text
    assert "hasn't logged a workout yet" in page.text
    assert "No workouts scheduled in the last 4 weeks." in page.text


def test_per_exercise_progress_for_the_trainer_in_their_units(
    trainer_browser, trainer, client_, today
):
    trainer.unit_system = "imperial"
    trainer.save()
    _, days = assign_program(client_, start=today - timedelta(days=7), days=((1, 1), (2, 1)))
    log_on(client_, days[1, 1], today - timedelta(days=7), reps=5, load="100")
    log_on(client_, days[2, 1], today, reps=5, load="102.5")
    squat = days[1, 1].exercises.get().exercise

    page = trainer_browser.get(f"{training_url(client_)}exercises/{squat.pk}/")

    assert page.status_code == 200
    assert "Estimated 1RM (lb)" in page.text
    assert page.text.count('class="chart-dot"') == 2
    assert "226 lb \N{MULTIPLICATION SIGN} 5" in page.text  # 102.5 kg


def test_another_trainers_client_is_not_found(trainer_browser, outsider, today):
    theirs = ClientFactory(trainer=outsider)
    _, days = assign_program(theirs, start=today)
    log_on(theirs, days[1, 1], today)
    squat = days[1, 1].exercises.get().exercise
    assert trainer_browser.get(training_url(theirs)).status_code == 404
    assert trainer_browser.get(f"{training_url(theirs)}exercises/{squat.pk}/").status_code == 404


def test_the_training_tab_is_for_trainers(client, client_):
    url = training_url(client_)
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(client_.user)
    assert client.get(url).status_code == 403


def test_dashboard_lists_exactly_the_clients_gone_quiet(trainer_browser, trainer, outsider, today):
    def client_named(first, owner=trainer, **kwargs):
        return ClientFactory(
            trainer=owner, user__first_name=first, user__last_name="Test", **kwargs
        )

    quiet = client_named("Quinn")  # trains Mon-Wed-Fri for 10 days, never logged
    assign_program(
        quiet, start=today - timedelta(days=9), days=((1, 1), (1, 3), (1, 5), (2, 1), (2, 3))
    )
    lapsed = client_named("Lara")  # logged 9 days ago, nothing since
    _, days = assign_program(lapsed, start=today - timedelta(days=9), days=((1, 1), (1, 5), (2, 1)))
    log_on(lapsed, days[1, 1], today - timedelta(days=9))
    busy = client_named("Bea")  # logged 2 days ago
    _, days = assign_program(busy, start=today - timedelta(days=9), days=((1, 1), (2, 1)))
    log_on(busy, days[2, 1], today - timedelta(days=2))
    client_named("Nina")  # no program
    paused = client_named("Paul", status=ClientStatus.PAUSED)
    assign_program(paused, start=today - timedelta(days=9))
    rest_only = client_named("Rita")  # program starts next week
    assign_program(rest_only, start=today + timedelta(days=7))
    theirs = client_named("Olga", owner=outsider)
    assign_program(theirs, start=today - timedelta(days=9))

    page = trainer_browser.get("/dashboard/")

    assert [q.client.first_name for q in page.context["quiet_clients"]] == ["Quinn", "Lara"]
    section = page.text.split('id="quiet-clients"')[1].split("</section>")[0]
    assert f'href="/dashboard/clients/{quiet.pk}/training/"' in section
    assert "No workout logged yet · missed 3 scheduled workouts" in section
    last = today - timedelta(days=9)
    assert f"Last workout {last.day} {last:%b} · missed 2 scheduled workouts" in section
    for name in ("Bea", "Nina", "Paul", "Rita", "Olga"):
        assert name not in section


def test_dashboard_says_when_nobody_is_behind(trainer_browser, client_, today):
    _, days = assign_program(client_, start=today)
    log_on(client_, days[1, 1], today, reps=5, load=str(Decimal("40")))
    page = trainer_browser.get("/dashboard/")
    assert "Everyone with a program has logged a workout in the last 7 days." in page.text


def test_a_page_of_workouts_groups_its_sets_as_the_sets_template_does(client_, today):
    """logged_exercises (rows, one query) gives the groups that regrouping each log's
    set models by exercise gave: prescription order, then exercise name and set
    number; skipped sets and sets of an exercise the day did not prescribe included."""
    exercises = (("Back squat", {"load_kg": Decimal("60")}), ("Row", {"load_kg": Decimal("40")}))
    _, days = assign_program(client_, start=today - timedelta(days=8), exercises=exercises)
    first = log_on(client_, days[1, 1], today - timedelta(days=8))
    second = log_on(client_, days[1, 1], today - timedelta(days=1), n=2, reps=5)
    extra = ExerciseFactory(name="Aaa curl")
    SetLog.objects.create(workout_log=second, exercise=extra, set_number=1, reps=12)
    SetLog.objects.filter(workout_log=first, set_number=2).update(is_completed=False)

    def shape(groups):
        return [
            (name, [(s.reps, s.load_kg, s.duration_seconds, s.rpe, s.is_completed) for s in sets])
            for name, sets in groups
        ]

    models = list(client_history(client=client_))
    rows = list(client_logs(client=client_))
    logged_exercises(logs=rows)

    assert [log.pk for log in rows] == [log.pk for log in models] == [second.pk, first.pk]
    for by_rows, by_models in zip(rows, models, strict=True):
        expected = []
        for entry in by_models.sets.all():
            if expected and expected[-1][0] == entry.exercise:
                expected[-1][1].append(entry)
            else:
                expected.append((entry.exercise, [entry]))
        assert shape((g.name, g.sets) for g in by_rows.exercises) == shape(
            (exercise.name, sets) for exercise, sets in expected
        )
    assert "Aaa curl" in [g.name for g in rows[0].exercises]


@pytest.mark.parametrize("units", ["metric", "imperial"])
def test_the_rows_template_writes_what_the_models_template_wrote(client_, today, units):
    """logged_exercises.html (rows, set_items) and log_sets.html (set models) give the
    same HTML: skipped, timed and RPE sets, notes and an empty workout included."""
    exercises = (("Squat", {"load_kg": Decimal("60")}), ("Plank", {}))
    _, days = assign_program(client_, start=today - timedelta(days=8), exercises=exercises)
    log = log_on(client_, days[1, 1], today - timedelta(days=8), load="62.5")
    SetLog.objects.filter(workout_log=log, set_number=2).update(is_completed=False)
    plank = log.sets.filter(exercise__name__startswith="Plank")
    plank.filter(set_number=1).update(reps=None, load_kg=None, duration_seconds=45)
    plank.filter(set_number=3).update(duration_seconds=30, load_kg=Decimal("10"), rpe=8.5)
    log.notes = "Felt <strong> & fast\nSecond line"
    log.save()
    empty = log_on(client_, days[1, 1], today - timedelta(days=1), n=0)

    for one in (log, empty):
        [by_models] = [x for x in client_history(client=client_) if x.pk == one.pk]
        [by_rows] = [x for x in client_logs(client=client_) if x.pk == one.pk]
        logged_exercises(logs=[by_rows])
        context = {"units": units}
        old = render_to_string("progress/includes/log_sets.html", {**context, "log": by_models})
        new = render_to_string(
            "progress/includes/logged_exercises.html", {**context, "log": by_rows}
        )
        assert new.split("\n", 2)[2] == old.split("\n", 2)[2]  # past the comment lines
        if one == log:
            for shown in ('class="skipped"', "RPE 8.5", "45 s", "&lt;strong&gt;"):
                assert shown in new
