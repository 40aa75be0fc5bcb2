"""PlusDays: a date plus a number of days in SQL, as `shift` does in Python, on the
database the tests run on (PostgreSQL or SQLite)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import DateField, F, IntegerField, Value

from fitnesspr.dates import PlusDays, shift
from fitnesspr.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "days"),
    [
        (date(2026, 2, 27), 3),  # into March
        (date(2028, 2, 28), 1),  # a leap day
        (date(2026, 12, 31), 1),  # a new year
        (date(2026, 3, 1), -1),
        (date(2026, 11, 30), 4 * 7 - 1),  # a 4-week program's last day
        (date(2026, 1, 1), 0),
    ],
)
def test_plus_days_is_shift_in_sql(start, days):
    User.objects.create_user(email="someone@example.com", password="x")
    found = (
        User.objects.annotate(
            start=Value(start, output_field=DateField()),
            n=Value(days // 7, output_field=IntegerField()),
        )
        .annotate(on=PlusDays(F("start"), F("n") * 7 + Value(days % 7)))
        .values_list("on", flat=True)
        .get()
    )
    assert found == shift(start, days)
