"""Measurements: the bounds a person can't cross (0 or 900 kg, 90 % body fat, a date in
the future or before birth), one row per day that a weigh-in joins, the viewer's units
(kg/lb, cm/in), the client's own measurements, and the pages of both sides."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from fitnesspr.errors import ConflictError
from progress.models import BodyMeasurement
from progress.selectors.body import last_weigh_in, measurement_list, recent_measurements
from progress.services.body import (
    custom_measurement_add,
    custom_measurement_remove,
    measurement_log,
    measurement_update,
)
from tests.factories.core import ClientFactory
from tests.factories.progress import BodyMeasurementFactory

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def today(client_):
    return client_.trainer.today()


# ---------- the rules ----------


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"weight_kg": D(0)}, "weight_kg", "Enter a weight from 20 to 400 kg."),
        ({"weight_kg": D(900)}, "weight_kg", "Enter a weight from 20 to 400 kg."),
        ({"body_fat_pct": D(90)}, "body_fat_pct", "Enter a body fat from 2 to 75 %."),
        ({"waist_cm": D(500)}, "waist_cm", "Enter a waist from 40 to 250 cm."),
    ],
)
def test_values_out_of_human_bounds_are_refused(client_, today, values, field, message):
    with pytest.raises(ValidationError) as refused:
        measurement_log(client=client_, measured_on=today, **values)
    assert refused.value.message_dict == {field: [message]}
    assert not BodyMeasurement.objects.exists()


def test_dates_in_the_future_before_birth_or_before_2000_are_refused(client_, today):
    client_.date_of_birth = dt.date(1995, 6, 1)
    client_.save()
    cases = [
        (today + dt.timedelta(days=1), "That date is in the future."),
        (dt.date(1995, 5, 31), "That date is before the client's date of birth."),
    ]
    for day, message in cases:
        with pytest.raises(ValidationError) as refused:
            measurement_log(client=client_, measured_on=day, weight_kg=D(80))
        assert refused.value.message_dict == {"measured_on": [message]}
    client_.date_of_birth = None
    client_.save()
    with pytest.raises(ValidationError, match="from 2000 on"):
        measurement_log(client=client_, measured_on=dt.date(1999, 12, 31), weight_kg=D(80))
    assert not BodyMeasurement.objects.exists()


def test_a_measurement_needs_a_value(client_, today):
    with pytest.raises(ValidationError, match=r"Enter at least one measurement\."):
        measurement_log(client=client_, measured_on=today)


def test_a_weigh_in_joins_the_days_measurements(client_, today):
    measurement_log(client=client_, measured_on=today, waist_cm=D("88.5"), notes="Evening")
    measurement_log(client=client_, measured_on=today, weight_kg=D("82.444"))

    row = BodyMeasurement.objects.get()
    assert (row.weight_kg, row.waist_cm, row.notes) == (D("82.44"), D("88.5"), "Evening")


def test_without_merging_a_taken_day_is_a_conflict(client_, today):
    measurement_log(client=client_, measured_on=today, weight_kg=D(80))
    with pytest.raises(ConflictError):
        measurement_log(client=client_, measured_on=today, weight_kg=D(81), merge=False)
    assert BodyMeasurement.objects.get().weight_kg == D(80)


def test_an_update_replaces_values_and_may_clear_one(client_, today):
    row = measurement_log(client=client_, measured_on=today, weight_kg=D(80), waist_cm=D(90))
    measurement_update(measurement=row, weight_kg=None, waist_cm=D(89))
    row.refresh_from_db()
    assert (row.weight_kg, row.waist_cm) == (None, D(89))
    with pytest.raises(ValidationError, match=r"Enter at least one measurement\."):
        measurement_update(measurement=row, waist_cm=None)


def test_moving_a_measurement_onto_a_taken_day_is_a_conflict(client_, today):
    earlier = measurement_log(
        client=client_, measured_on=today - dt.timedelta(days=1), weight_kg=D(80)
    )
    measurement_log(client=client_, measured_on=today, weight_kg=D(81))
    with pytest.raises(ConflictError):
        measurement_update(measurement=earlier, measured_on=today)


def test_a_clients_own_measurements(client_, today):
    wrist = custom_measurement_add(client=client_, name="  Left   wrist ")
    assert wrist.name == "Left wrist"
    with pytest.raises(ConflictError):
        custom_measurement_add(client=client_, name="left WRIST")
    with pytest.raises(ConflictError, match="standard"):
        custom_measurement_add(client=client_, name="Waist")

    only_wrist = measurement_log(client=client_, measured_on=today, custom={wrist: D("16.2")})
    both = measurement_log(
        client=client_,
        measured_on=today - dt.timedelta(days=7),
        weight_kg=D(80),
        custom={wrist: D(16)},
    )
    assert only_wrist.custom_value(wrist) == D("16.2")
    with pytest.raises(ValidationError, match="from 5 to 250 cm"):
        measurement_log(client=client_, measured_on=today, custom={wrist: D(400)})
    other = custom_measurement_add(client=ClientFactory(trainer=client_.trainer), name="Neck 2")
    with pytest.raises(ValidationError, match="isn't set up for this client"):
        measurement_log(client=client_, measured_on=today, custom={other: D(30)})

    custom_measurement_remove(kind=wrist)
    assert not BodyMeasurement.objects.filter(pk=only_wrist.pk).exists()  # nothing left in it
    both.refresh_from_db()
    assert both.custom_cm == {}
    assert both.weight_kg == D(80)


# ---------- the portal ----------


@pytest.fixture
def carol_browser(client, client_):
    client.force_login(client_.user)
    return client


def test_the_quick_weigh_in_on_the_portal_home(carol_browser, client_, today):
    home = carol_browser.get("/portal/")
    assert 'id="weigh-in-card"' in home.text

    response = carol_browser.post(
        "/portal/progress/weigh-in/",
        {"weight": "82,4", "measured_on": today.isoformat()},  # a phone keypad's comma
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert "Saved: 82.4 kg" in response.text
    assert "data-focus" in response.text  # the note takes the keyboard focus
    assert "<html" not in response.text  # just the card
    assert BodyMeasurement.objects.get(client=client_).weight_kg == D("82.40")


def test_a_weigh_in_without_htmx_goes_back_home_with_a_message(carol_browser, client_, today):
    response = carol_browser.post(
        "/portal/progress/weigh-in/",
        {"weight": "82.4", "measured_on": today.isoformat()},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/portal/"
    assert "Weigh-in saved" in response.text


@pytest.mark.parametrize(
    ("weight", "day", "message"),
    [
        ("0", None, "Enter a weight from 20 to 400 kg."),
        ("900", None, "Enter a weight from 20 to 400 kg."),
        ("eighty", None, "Enter a number, like 82.5."),
        ("", None, "Enter your weight."),
        ("80", "tomorrow", "That date is in the future."),
        ("80", "1899-01-01", "Pick a date between 2000 and 2100."),
    ],
)
def test_a_bad_weigh_in_says_what_to_fix_and_stores_nothing(
    carol_browser, today, weight, day, message
):
    on = today + dt.timedelta(days=1) if day == "tomorrow" else (day or today.isoformat())
    response = carol_browser.post(
        "/portal/progress/weigh-in/",
        {"weight": weight, "measured_on": str(on)},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert message in html.unescape(response.text)
    assert not BodyMeasurement.objects.exists()


def test_imperial_clients_weigh_in_and_measure_in_pounds_and_inches(carol_browser, client_, today):
    client_.trainer.unit_system = "imperial"
    client_.trainer.save()

    form = carol_browser.get("/portal/progress/measurements/new/")
    assert "Weight (lb)" in form.text
    assert "Waist (in)" in form.text
    carol_browser.post(
        "/portal/progress/measurements/new/",
        {"measured_on": today.isoformat(), "weight": "180", "waist_cm": "34.5"},
    )
    row = BodyMeasurement.objects.get()
    assert (row.weight_kg, row.waist_cm) == (D("81.65"), D("87.6"))

    listing = carol_browser.get("/portal/progress/measurements/")
    assert "180 lb · Waist 34.5 in" in html.unescape(listing.text)
    too_heavy = carol_browser.post(
        "/portal/progress/measurements/new/", {"measured_on": today.isoformat(), "weight": "1000"}
    )
    assert "Enter a weight from 44 to 882 lb." in too_heavy.text


def test_a_client_edits_and_deletes_their_own_measurements_only(carol_browser, client_, today):
    mine = BodyMeasurementFactory(client=client_, measured_on=today, weight_kg=D(80), waist_cm=None)
    theirs = BodyMeasurementFactory(
        client=ClientFactory(trainer=client_.trainer), measured_on=today
    )

    page = carol_browser.get(f"/portal/progress/measurements/{mine.pk}/")
    assert 'value="80"' in page.text
    carol_browser.post(
        f"/portal/progress/measurements/{mine.pk}/",
        {"measured_on": today.isoformat(), "weight": "", "body_fat": "19.5"},
    )
    mine.refresh_from_db()
    assert (mine.weight_kg, mine.body_fat_pct) == (None, D("19.5"))

    assert carol_browser.get(f"/portal/progress/measurements/{theirs.pk}/").status_code == 404
    assert (
        carol_browser.post(f"/portal/progress/measurements/{theirs.pk}/delete/").status_code == 404
    )
    carol_browser.post(f"/portal/progress/measurements/{mine.pk}/delete/")
    assert list(BodyMeasurement.objects.all()) == [theirs]


# ---------- the trainer ----------


@pytest.fixture
def trainer_browser(client, trainer):
    client.force_login(trainer.user)
    return client


def test_the_trainer_records_measurements_and_tracks_a_custom_one(trainer_browser, client_, today):
    base = f"/dashboard/clients/{client_.pk}/progress/"
    trainer_browser.post(f"{base}settings/measurements/", {"name": "Right calf"})
    page = trainer_browser.get(f"{base}measurements/")
    assert "Right calf (cm)" in page.text
    kind = client_.custom_measurements.get()

    response = trainer_browser.post(
        f"{base}measurements/",
        {"measured_on": today.isoformat(), "weight": "79.5", f"custom-{kind.pk}": "38"},
    )
    assert response.status_code == 302
    row = BodyMeasurement.objects.get()
    assert (row.weight_kg, row.custom_value(kind)) == (D("79.50"), D("38.0"))
    listing = trainer_browser.get(f"{base}measurements/")
    assert "Right calf 38 cm" in listing.text


def test_another_trainers_client_is_not_found(trainer_browser, outsider, today):
    theirs = ClientFactory(trainer=outsider)
    row = BodyMeasurementFactory(client=theirs)
    base = f"/dashboard/clients/{theirs.pk}/progress/"
    for url in ("", "measurements/", "photos/", "settings/", f"measurements/{row.pk}/"):
        assert trainer_browser.get(base + url).status_code == 404
    response = trainer_browser.post(
        f"{base}measurements/", {"measured_on": str(today), "weight": "80"}
    )
    assert response.status_code == 404
    assert BodyMeasurement.objects.count() == 1


def test_the_client_page_sums_up_progress(trainer_browser, client_, today):
    page = trainer_browser.get(f"/dashboard/clients/{client_.pk}/").text
    assert "None yet" in page
    assert f'href="/dashboard/clients/{client_.pk}/progress/"' in page  # the Progress tab
    BodyMeasurementFactory(client=client_, measured_on=today, weight_kg=D("81.3"))
    page = trainer_browser.get(f"/dashboard/clients/{client_.pk}/").text
    assert f"81.3 kg on {today.day} {today:%B %Y}" in page


@pytest.mark.parametrize("weighed_days_ago", [None, 0, 3, 9])
def test_the_recent_measurements_and_the_last_weigh_in_in_one_query(
    client_, today, weighed_days_ago, django_assert_num_queries
):
    """What measurement_list[:6] and last_weigh_in give, from one query: the last
    weigh-in may be among the six newest or older than all of them."""
    for days_ago in range(10):
        weight = Decimal("80.5") if days_ago == weighed_days_ago else None
        BodyMeasurementFactory(
            client=client_,
            measured_on=today - dt.timedelta(days=days_ago),
            weight_kg=weight,
            waist_cm=Decimal("90"),
        )
    ClientFactory(trainer=client_.trainer)  # another client's rows never count
    with django_assert_num_queries(1):
        recent, last = recent_measurements(client=client_, count=6)
    assert recent == list(measurement_list(client=client_)[:6])
    assert last == last_weigh_in(client=client_)
    assert (last is None) == (weighed_days_ago is None)


def test_no_measurements_yet(client_):
    assert recent_measurements(client=client_, count=6) == ([], None)
