"""Times typed by trainers and clients ("30s", "1:30", "20 min") and how they read back."""

from __future__ import annotations

import pytest

from fitnesspr.durations import format_clock, format_duration, parse_duration


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [
        ("45", 45),
        ("30s", 30),
        ("45 s", 45),
        ("30 sec", 30),
        ("1:30", 90),
        ("20:00", 1200),
        ("20 min", 1200),
        ("20m", 1200),
        ("2 minutes", 120),
        ("1 min 30 s", 90),
        ("1m30s", 90),
        ("1h", 3600),
        (" 20 MIN ", 1200),
    ],
)
def test_times_people_type_are_read(typed, seconds):
    assert parse_duration(typed) == seconds


@pytest.mark.parametrize(
    "typed", ["", "lots", "8-12", "1:90", "1:5", "1.5 min", "20 minx", "1 min 2 min", "-30s"]
)
def test_anything_else_is_not_a_time(typed):
    assert parse_duration(typed) is None


@pytest.mark.parametrize(
    ("seconds", "shown", "typed"),
    [
        (30, "30 s", "30"),
        (60, "1 min", "1:00"),
        (90, "1:30", "1:30"),
        (1200, "20 min", "20:00"),
        (None, "", ""),
    ],
)
def test_times_read_back_the_way_they_are_written(seconds, shown, typed):
    assert format_duration(seconds) == shown
    assert format_clock(seconds) == typed
    if seconds is not None:  # what is shown reads back as the same time
        assert parse_duration(shown) == parse_duration(typed) == seconds
