"""The numbers behind the Progress charts, and the charts drawn from them: nothing to
draw, one point, many points; the weight's 7-day trend; volume per week; estimated 1RM
of the main lifts; the range selector; the viewer's units."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from progress.charts.body import progress_charts
from progress.models import SetLog, WorkoutLog, WorkoutStatus
from progress.selectors.history import estimated_1rm
from progress.selectors.series import (
    Point,
    moving_average,
    period_of,
    progress_summary,
    weight_change,
)
from tests.factories.progress import BodyMeasurementFactory, CustomMeasurementFactory
from tests.progress.test_portal_training import assign_program, log_on

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def today(client_):
    return client_.trainer.today()


def weigh(client_, day, kg, **values):
    return BodyMeasurementFactory(
        client=client_, measured_on=day, weight_kg=D(kg), waist_cm=None, **values
    )


def test_the_range_selector(today):
    assert period_of("4w", today=today).start == today - dt.timedelta(days=27)
    assert period_of("1y", today=today).start == today - dt.timedelta(days=364)
    assert period_of("all", today=today).start is None
    default = period_of("nonsense", today=today)
    assert (default.key, default.start) == ("3m", today - dt.timedelta(days=90))


def test_with_nothing_recorded_there_is_nothing_to_draw(client_, today):
    summary = progress_summary(client=client_, period=period_of("3m", today=today))
    assert summary.weight.points == []
    assert summary.measurements == []
    assert summary.volume.points == []
    assert summary.lifts == []
    charts = progress_charts(summary, "metric")
    assert charts.empty
    assert charts.weight is None
    assert charts.weight_change == ""


def test_one_weigh_in_is_one_point(client_, today):
    weigh(client_, today, "80.5")
    charts = progress_charts(
        progress_summary(client=client_, period=period_of("4w", today=today)), "metric"
    )
    assert [p.label for p in charts.weight.points] == [f"{today.day} {today:%b}: 80.5 kg"]
    assert charts.weight.trend_polyline.count(",") == 1  # one trend point, no line drawn
    assert charts.weight_change == ""  # too few weigh-ins for a trend


def test_many_weigh_ins_with_their_trend_in_the_chosen_range(client_, today):
    for ago in range(0, 40, 2):  # every other day for 40 days, losing 0.1 kg a day
        weigh(client_, today - dt.timedelta(days=ago), D(80) + D(ago) / 10)
    weigh(client_, today - dt.timedelta(days=200), "95")  # outside 3 months

    summary = progress_summary(client=client_, period=period_of("4w", today=today))

    assert len(summary.weight.points) == 14  # days 0..26 ago
    assert summary.weight.points[0].on == today - dt.timedelta(days=26)
    # the trend is the mean of the weigh-ins of the 7 days ending on each point
    last = summary.weight.trend[-1]
    assert last.value == D("80.30")  # (80.0 + 80.2 + 80.4 + 80.6) / 4
    assert weight_change(summary.weight.points) == D("-2.8")
    charts = progress_charts(summary, "metric")
    assert charts.weight_change == "Down 2.8 kg over the last 4 weeks"
    assert len(charts.weight.trend) == 14
    everything = progress_summary(client=client_, period=period_of("all", today=today))
    assert len(everything.weight.points) == 21


def test_moving_average_skips_the_gaps():
    day = dt.date(2026, 3, 1)
    points = [
        Point(day, D(80)),
        Point(day + dt.timedelta(days=3), D(82)),
        Point(day + dt.timedelta(days=10), D(78)),
    ]
    assert [p.value for p in moving_average(points)] == [D("80.00"), D("81.00"), D("78.00")]


def test_weight_change_needs_three_weigh_ins_over_ten_days():
    day = dt.date(2026, 3, 1)
    assert weight_change([Point(day, D(80)), Point(day + dt.timedelta(days=20), D(82))]) is None
    close = [Point(day + dt.timedelta(days=n), D(80)) for n in range(5)]
    assert weight_change(close) is None
    rising = [Point(day + dt.timedelta(days=n * 7), D(80) + n) for n in range(4)]
    assert weight_change(rising) == D("4.0")  # 1 kg a week, over 4 weeks


def test_measurements_and_the_clients_own_in_the_viewers_units(client_, today):
    wrist = CustomMeasurementFactory(client=client_, name="Wrist")
    BodyMeasurementFactory(
        client=client_,
        measured_on=today,
        weight_kg=None,
        waist_cm=D("88.9"),
        custom_cm={str(wrist.pk): "16.5"},
    )
    BodyMeasurementFactory(
        client=client_,
        measured_on=today - dt.timedelta(days=7),
        weight_kg=None,
        waist_cm=D("91.4"),
        body_fat_pct=D("22"),
    )

    summary = progress_summary(client=client_, period=period_of("3m", today=today))

    assert [s.key for s in summary.measurements] == [
        "body_fat_pct",
        "waist_cm",
        f"custom-{wrist.pk}",
    ]
    charts = progress_charts(summary, "imperial")
    titles = [c.title for c in charts.measurements]
    assert titles == ["Body fat (%)", "Waist (in)", "Wrist (in)"]
    waist = charts.measurements[1]
    assert [p.label.split(": ")[1] for p in waist.points] == ["36 in", "35 in"]


def test_weekly_volume_and_the_main_lifts(client_, today):
    start = today - dt.timedelta(days=13)
    _, days = assign_program(
        client_,
        start=start,
        days=[(1, 1), (1, 3), (2, 1)],
        exercises=(("Squat", {"load_kg": D(100)}), ("Deadlift", {"load_kg": D(100)})),
    )
    log_on(client_, days[1, 1], start, reps=5, load="100")
    log_on(client_, days[1, 3], start + dt.timedelta(days=2), reps=5, load="105")
    log_on(client_, days[2, 1], start + dt.timedelta(days=7), reps=3, load="110")

    summary = progress_summary(client=client_, period=period_of("4w", today=today))

    volume = {p.on: p.value for p in summary.volume.points}
    assert len(summary.volume.points) == 5  # every week of the range, empty ones as 0
    # both lifts, 3 sets each: 5 reps at 100 kg, 5 at 105 kg, then 3 at 110 kg a week later
    expected: dict[dt.date, int] = {}
    for day, reps, load in [(0, 5, 100), (2, 5, 105), (7, 3, 110)]:
        when = start + dt.timedelta(days=day)
        monday = when - dt.timedelta(days=when.weekday())
        expected[monday] = expected.get(monday, 0) + 2 * 3 * reps * load
    assert {week: value for week, value in volume.items() if value} == expected
    lifts = {s.label: [p.value for p in s.points] for s in summary.lifts}
    squat = next(name for name in lifts if name.startswith("Squat"))
    assert lifts[squat] == [D("116.7"), D("122.5"), D("121.0")]  # Epley per day
    charts = progress_charts(summary, "metric")
    assert len(charts.volume.bars) == 5
    assert charts.volume.points == []
    assert all(bar.height >= 0 for bar in charts.volume.bars)


def per_set(sets, period):
    """The charts' training numbers worked out set by set in Python, as they were
    before the database summed them per day: the reference for the test below."""
    volume, best, names = {}, {}, {}
    for exercise_id, name, day, reps, load_kg, seconds in sets:
        week = day - dt.timedelta(days=day.weekday())
        if load_kg and reps:
            volume[week] = volume.get(week, D(0)) + load_kg * reps
        e1rm = None if seconds is not None else estimated_1rm(load_kg, reps)
        if e1rm is not None:
            names[exercise_id] = name
            days = best.setdefault(exercise_id, {})
            days[day] = max(days.get(day, e1rm), e1rm)
    first = period.start or (min(volume) if volume else period.end)
    week, weeks = first - dt.timedelta(days=first.weekday()), []
    while week <= period.end:
        weeks.append((week, str(volume.get(week, D(0)).quantize(D("0.01")))))
        week += dt.timedelta(days=7)
    main = sorted(best, key=lambda pk: (-len(best[pk]), names[pk]))[:3]
    lifts = [(names[pk], [(d, str(v)) for d, v in sorted(best[pk].items())]) for pk in main]
    return (weeks if volume else []), lifts


@pytest.mark.parametrize("range_key", ["4w", "3m", "all"])
def test_the_database_sums_each_day_as_the_sets_add_up(client_, today, range_key):
    """Volume per week and the best e1RM per day, summed by the database, are what
    adding up the sets one by one gives: timed sets, sets past 12 reps, sets without
    a load or reps, skipped sets and unfinished workouts included."""
    start = today - dt.timedelta(days=60)
    lifts = (("Squat", {"load_kg": D(100)}), ("Row", {"load_kg": D(40)}), ("Curl", {}))
    _, days = assign_program(client_, start=start, days=[(1, 1), (1, 3)], exercises=lifts)
    odd = [
        {"reps": 15, "load_kg": D("22.50")},  # past 12 reps: volume, no e1RM
        {"reps": None, "load_kg": D("30")},  # no reps: neither
        {"reps": 8, "load_kg": None},  # bodyweight
        {"reps": 5, "load_kg": D("0")},
        {"reps": 1, "load_kg": D("0.04")},  # an e1RM of 0.0 kg is still one
        {"reps": 3, "load_kg": D("24"), "duration_seconds": 40},  # timed: no e1RM
        {"reps": 6, "load_kg": D("97.55")},  # an exact half in Epley
        {"reps": 4, "load_kg": D("2.25"), "is_completed": False},  # skipped
    ]
    for week in range(8):
        for slot, offset in (((1, 1), 0), ((1, 3), 2)):
            on = start + dt.timedelta(days=7 * week + offset)
            log = log_on(client_, days[slot], on, reps=5 + week % 4, load=str(90 + week))
            extra = odd[(week * 2 + offset) % len(odd)]
            SetLog.objects.create(
                workout_log=log, exercise_id=log.sets.first().exercise_id, set_number=9, **extra
            )
    unfinished = log_on(client_, days[1, 1], today - dt.timedelta(days=1), reps=2, load="300")
    WorkoutLog.objects.filter(pk=unfinished.pk).update(
        status=WorkoutStatus.IN_PROGRESS, completed_at=None
    )

    period = period_of(range_key, today=today)
    sets = SetLog.objects.filter(
        workout_log__client=client_,
        is_completed=True,
        workout_log__status=WorkoutStatus.COMPLETED,
        workout_log__performed_on__lte=period.end,
        workout_log__performed_on__gte=period.start or dt.date.min,
    ).values_list(
        "exercise_id",
        "exercise__name",
        "workout_log__performed_on",
        "reps",
        "load_kg",
        "duration_seconds",
    )
    summary = progress_summary(client=client_, period=period)

    weeks, lifts = per_set(list(sets), period)
    assert [(p.on, str(p.value)) for p in summary.volume.points] == weeks
    assert [
        (s.label.removesuffix(": estimated 1RM"), [(p.on, str(p.value)) for p in s.points])
        for s in summary.lifts
    ] == lifts


def test_the_progress_page_switches_range_without_a_reload(client, client_, today):
    weigh(client_, today - dt.timedelta(days=60), "81")
    weigh(client_, today, "80")
    client.force_login(client_.user)

    page = client.get("/portal/progress/")
    assert 'aria-current="true">3 months' in page.text
    assert "2 weigh-ins" in page.text

    fragment = client.get("/portal/progress/?range=4w", HTTP_HX_REQUEST="true")
    assert fragment.text.lstrip().startswith('<div id="progress-charts"')
    assert 'aria-current="true">4 weeks' in fragment.text
    assert "1 weigh-in" in fragment.text
    assert "HX-Request" in fragment.get("Vary", "")
