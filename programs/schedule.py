"""Where a date falls in an assigned program: pure date arithmetic, no queries.

Day 1 of week 1 is the assignment's start date; each week is seven consecutive days, so
"week 2, day 3" of a program starting on a Thursday is the second Saturday. Dates are
validated to 2000-2100 before they are stored; the arithmetic still stops at the
calendar's ends (`shift`) so that no stored date can make a page fail."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from fitnesspr.dates import shift


@dataclass(frozen=True)
class Slot:
    week: int
    day: int


def slot_on(start: date, on: date, duration_weeks: int) -> Slot | None:
    """The (week, day) that `on` falls on, or None before the start or after the end."""
    offset = (on - start).days
    if offset < 0 or offset >= duration_weeks * 7:
        return None
    return Slot(week=offset // 7 + 1, day=offset % 7 + 1)


def date_of(start: date, slot: Slot) -> date:
    return shift(start, (slot.week - 1) * 7 + slot.day - 1)


def end_of(start: date, duration_weeks: int) -> date:
    """The last day of a program that starts on `start`."""
    return shift(start, duration_weeks * 7 - 1)


def next_slot(
    start: date, after: date, duration_weeks: int, training: Iterable[Slot]
) -> tuple[Slot, date] | None:
    """The first training slot strictly after `after` (and its date), if any is left."""
    upcoming = sorted(
        (date_of(start, slot), slot) for slot in training if date_of(start, slot) > after
    )
    for when, slot in upcoming:
        if when <= end_of(start, duration_weeks):
            return slot, when
    return None


def scheduled_dates(
    start: date, duration_weeks: int, training: Iterable[Slot], first: date, last: date
) -> Iterator[date]:
    """Dates in [first, last] on which the program schedules a training day."""
    for slot in training:
        when = date_of(start, slot)
        if first <= when <= last and slot.week <= duration_weeks:
            yield when
