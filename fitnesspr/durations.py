"""Times a trainer prescribes and a client logs (a 30 s plank, a 20 min row), stored as
whole seconds. Every parse and every display of such a time goes through here, so the
builder, the portal and the trainer's pages read and write them the same way."""

from __future__ import annotations

import re

# "90", "1:30", "45s", "45 sec", "20 min", "20m", "1 min 30 s", "1m30s", "1h"
CLOCK_RE = re.compile(r"^(\d{1,4}):([0-5]\d)$")
LOOSE_CLOCK_RE = re.compile(r"^\d{1,4}:(\d{1,2})$")
PART_RE = re.compile(r"(\d{1,5})\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)")
UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}
#: what every "that's not a time" message lists
ACCEPTED = "30s, 45 s, 1:30 or 20 min"


def parse_duration(text: str) -> int | None:
    """Seconds in `text`, or None when it doesn't read as a time. A bare number is
    seconds; "m:ss" is minutes and seconds; units may be written out or abbreviated."""
    text = text.strip().lower()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if clock := CLOCK_RE.match(text):
        return int(clock[1]) * 60 + int(clock[2])
    parts = PART_RE.findall(text)
    if not parts or PART_RE.sub("", text).strip():
        return None
    units = [unit[0] for _, unit in parts]
    if len(set(units)) != len(units):  # "1 min 2 min" is a typo, not 3 minutes
        return None
    return sum(int(number) * UNIT_SECONDS[unit[0]] for number, unit in parts)


def format_duration(seconds: int | None) -> str:
    """How a time reads: "30 s", "1:30", "20 min" ("" for None). Whole minutes read as
    minutes, anything under a minute as seconds, the rest as a clock."""
    if seconds is None:
        return ""
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" if not rest else f"{minutes}:{rest:02d}"


def format_clock(seconds: int | None) -> str:
    """A time as a person types it in a small input: "45", "1:30", "20:00"."""
    if seconds is None:
        return ""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}" if minutes else f"{rest}"


def seconds_overflow(text: str) -> bool:
    """True for a clock whose seconds run past 59 ("1:90"): worth its own message."""
    clock = LOOSE_CLOCK_RE.match(text.strip())
    return clock is not None and int(clock[1]) > 59


def format_rest(seconds: int | None) -> str:
    """A rest between sets, as a coach says it: "90 s", "2 min", "2 min 30 s"."""
    if not seconds:
        return ""
    if seconds < 120:
        return f"{seconds} s"
    minutes, left = divmod(seconds, 60)
    return f"{minutes} min {left} s" if left else f"{minutes} min"
