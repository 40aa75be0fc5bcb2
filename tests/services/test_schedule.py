from datetime import date

from programs.schedule import Slot, date_of, end_of, next_slot, scheduled_dates, slot_on

START = date(2026, 11, 5)  # a Thursday


def test_the_start_date_is_week_one_day_one_whatever_the_weekday():
    assert slot_on(START, START, 4) == Slot(1, 1)
    assert slot_on(START, date(2026, 11, 11), 4) == Slot(1, 7)
    assert slot_on(START, date(2026, 11, 12), 4) == Slot(2, 1)


def test_no_slot_before_the_start_or_after_the_last_week():
    assert slot_on(START, date(2026, 11, 4), 4) is None
    assert end_of(START, 4) == date(2026, 12, 2)
    assert slot_on(START, date(2026, 12, 2), 4) == Slot(4, 7)
    assert slot_on(START, date(2026, 12, 3), 4) is None


def test_date_of_inverts_slot_on():
    for offset in range(28):
        on = date.fromordinal(START.toordinal() + offset)
        assert date_of(START, slot_on(START, on, 4)) == on


def test_next_slot_skips_rest_days_and_stops_at_the_end():
    training = [Slot(1, 1), Slot(1, 3), Slot(2, 1)]
    assert next_slot(START, START, 2, training) == (Slot(1, 3), date(2026, 11, 7))
    assert next_slot(START, date(2026, 11, 7), 2, training) == (Slot(2, 1), date(2026, 11, 12))
    assert next_slot(START, date(2026, 11, 12), 2, training) is None


def test_scheduled_dates_in_a_window():
    training = [Slot(1, 1), Slot(1, 3), Slot(2, 1)]
    got = sorted(scheduled_dates(START, 2, training, date(2026, 11, 6), date(2026, 11, 30)))
    assert got == [date(2026, 11, 7), date(2026, 11, 12)]
