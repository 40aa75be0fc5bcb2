"""Weights as people read them (pounds to the half pound, loads on a plate step) and the
trainer's plate increment: the settings page, the `trainers/me/` API."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fitnesspr.text import fold
from fitnesspr.units import format_weight, round_to_step


@pytest.mark.parametrize(
    ("kg", "unit_system", "shown"),
    [
        (Decimal("62.5"), "imperial", "138 lb"),  # 137.79 lb: no "137.8 lb"
        (Decimal("61.23"), "imperial", "135 lb"),  # typed as 135 lb, read back as 135
        (Decimal("12.47"), "imperial", "27.5 lb"),  # a 27.5 lb dumbbell keeps its half
        (Decimal("82.25"), "metric", "82.25 kg"),  # kilograms keep their 2 places
        (None, "metric", "\N{EM DASH}"),
    ],
)
def test_weights_read_sensibly(kg, unit_system, shown):
    assert format_weight(kg, unit_system) == shown


@pytest.mark.parametrize(
    ("kg", "unit_system", "step_kg", "rounded"),
    [
        (Decimal("94.25"), "metric", Decimal("2.5"), Decimal("95.00")),
        (Decimal("93.7"), "metric", Decimal("2.5"), Decimal("92.50")),
        (Decimal("94.25"), "metric", Decimal("1"), Decimal("94.00")),
        (Decimal("72.5"), "imperial", 5 * Decimal("0.45359237"), Decimal("72.57")),  # 160 lb
    ],
)
def test_loads_round_to_the_plate_step_in_the_unit_loaded(kg, unit_system, step_kg, rounded):
    assert round_to_step(kg, unit_system, step_kg) == rounded


def test_search_text_folds_accents_and_case():
    assert fold("Ångström") == "angstrom"
    assert fold("Søren MÜLLER") == "soren muller"


def test_plain_ascii_folds_as_the_unicode_path_does():
    """ASCII text takes a shortcut (just casefolded): the same as the full path."""
    every = "".join(chr(n) for n in range(128))
    assert fold(every) == every.casefold()
    assert fold("Ann O'Neil ann.oneil+fit@Example.COM") == "ann o'neil ann.oneil+fit@example.com"
    assert fold("Zoë") == "zoe"  # one accented letter takes the full path


@pytest.mark.django_db
def test_the_trainer_sets_the_plate_increment_in_their_units(client, trainer):
    client.force_login(trainer.user)
    page = client.get("/dashboard/settings/")
    assert "Plate increment" in page.text
    form = {
        "business_name": trainer.business_name,
        "timezone": "Europe/London",
        "unit_system": "imperial",
        "currency": "GBP",
        "plate_increment": "5",
    }

    assert client.post("/dashboard/settings/", form).status_code == 302
    trainer.refresh_from_db()
    assert trainer.plate_increment_kg == Decimal("2.268")
    assert 'value="5"' in client.get("/dashboard/settings/").text

    refused = client.post("/dashboard/settings/", {**form, "plate_increment": "40"})
    assert "Enter at most 25." in refused.text
    metric = {**form, "unit_system": "metric", "plate_increment": ""}
    cleared = client.post("/dashboard/settings/", metric)
    assert cleared.status_code == 302
    trainer.refresh_from_db()
    assert trainer.plate_increment_kg is None
    assert trainer.load_step_kg == Decimal("2.5")


@pytest.mark.django_db
def test_the_plate_increment_through_the_api(api, trainer):
    api.force_authenticate(trainer.user)
    assert api.get("/api/v1/trainers/me/").json()["data"]["load_step_kg"] == 2.5

    changed = api.patch("/api/v1/trainers/me/", {"plate_increment_kg": 1.25}, format="json")
    refused = api.patch("/api/v1/trainers/me/", {"plate_increment_kg": 40}, format="json")

    assert changed.json()["data"]["plate_increment_kg"] == 1.25
    assert changed.json()["data"]["load_step_kg"] == 1.25
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "VALIDATION_ERROR"
