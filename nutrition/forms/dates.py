"""The day a page shows, from `?day=YYYY-MM-DD`: a real date, not in the future, from
2000 on; anything else falls back to today with a message saying why."""

from __future__ import annotations

import datetime as dt

from nutrition.models import EARLIEST_DAY


def day_param(value: str | None, *, today: dt.date) -> tuple[dt.date, str]:
    if not value:
        return today, ""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return today, "That isn't a date: showing today."
    if day > today:
        return today, "That day hasn't happened yet: showing today."
    if day < EARLIEST_DAY:
        return today, "Pick a day from the year 2000 on: showing today."
    return day, ""
