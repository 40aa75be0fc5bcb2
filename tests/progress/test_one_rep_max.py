"""A client's one-rep maxes: entered by the trainer (page and API) or estimated from the
client's logs, and the loads "% of 1RM" prescriptions come to in the portal, rounded to
the trainer's plate increment in their units."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from progress.models import OneRepMax
from progress.services import one_rep_max_set
from tests.factories.core import ClientFactory
from tests.factories.progress import OneRepMaxFactory
from tests.progress.test_portal_training import assign_program, form_data, log_on

pytestmark = pytest.mark.django_db

PCT = (("Back squat", {"load_percent_1rm": Decimal("72.5"), "reps_min": 5}),)


def squat_of(days):
    return days[1, 1].exercises.get().exercise


# ---------- the portal ----------


def test_an_entered_1rm_wins_and_the_load_is_rounded_to_the_plate(carol_browser, client_, today):
    _, days = assign_program(
        client_, start=today - timedelta(days=7), days=((1, 1), (2, 1)), exercises=PCT
    )
    log_on(client_, days[1, 1], today - timedelta(days=7), reps=5, load="100")  # est. 116.7
    one_rep_max_set(client=client_, exercise=squat_of(days), weight_kg=Decimal("130"))

    page = carol_browser.get(f"/portal/training/day/{days[2, 1].pk}/")

    # 72.5 % of 130 kg = 94.25 kg -> 95 kg (2.5 kg plates)
    assert '<strong class="target-load">95 kg</strong> (72.5% of 1RM)' in page.text
    assert "From your 1RM of 130 kg, set by your trainer" in page.text
    assert form_data(page.text)["sets-0-load"] == "95"
    assert "First time" not in page.text


def test_an_imperial_client_gets_whole_5_lb_loads(carol_browser, client_, today):
    client_.trainer.unit_system = "imperial"
    client_.trainer.save()
    _, days = assign_program(client_, start=today, exercises=PCT)
    one_rep_max_set(client=client_, exercise=squat_of(days), weight_kg=Decimal("100"))

    page = carol_browser.get("/portal/training/")

    # 72.5 kg = 159.8 lb -> 160 lb
    assert '<strong class="target-load">160 lb</strong>' in page.text
    assert "From your 1RM of 220.5 lb" in page.text  # 220.46 lb, read to the half pound
    assert "159.8" not in page.text


def test_the_trainers_own_plate_increment_is_used(carol_browser, client_, today):
    client_.trainer.plate_increment_kg = Decimal("1")
    client_.trainer.save()
    _, days = assign_program(client_, start=today, exercises=PCT)
    one_rep_max_set(client=client_, exercise=squat_of(days), weight_kg=Decimal("130"))

    assert (
        '<strong class="target-load">94 kg</strong>' in carol_browser.get("/portal/training/").text
    )


def test_without_any_1rm_the_portal_says_so(carol_browser, client_, today):
    assign_program(client_, start=today, exercises=PCT)
    page = carol_browser.get("/portal/training/")
    assert "@ 72.5% of 1RM" in page.text
    assert "No 1RM on record for this one yet" in page.text


def test_the_today_api_gives_the_load_and_where_the_1rm_comes_from(api, client_, today):
    _, days = assign_program(client_, start=today, exercises=PCT)
    one_rep_max_set(client=client_, exercise=squat_of(days), weight_kg=Decimal("130"))
    api.force_authenticate(client_.user)

    exercise = api.get("/api/v1/progress/today/").json()["data"]["exercises"][0]

    assert exercise["target_load_kg"] == 95.0
    assert exercise["one_rep_max"] == {"kg": 130.0, "source": "trainer", "on": None}


# ---------- the trainer's page ----------


def test_the_trainer_enters_a_1rm_in_their_units(alice, trainer, client_, today):
    trainer.unit_system = "imperial"
    trainer.save()
    _, days = assign_program(client_, start=today, exercises=PCT)
    url = f"/dashboard/clients/{client_.pk}/training/one-rep-maxes/"
    squat = squat_of(days)

    page = alice.get(url)
    assert "% of 1RM in the program" in page.text
    assert "1RM (lb)" in page.text

    saved = alice.post(url, {"exercise": squat.pk, "weight": "315", "tested_on": ""})

    assert saved.status_code == 302
    entry = OneRepMax.objects.get(client=client_, exercise=squat)
    assert entry.weight_kg == Decimal("142.88")
    after = alice.get(saved["Location"])
    assert "Back squat" in after.text
    assert 'value="315"' in after.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"weight": "heavy"}, "Write the 1RM as a number"),
        ({"weight": "2000"}, "A 1RM goes from 1 kg to 1000 kg."),
        ({"weight": "100", "tested_on": "2150-01-01"}, "Pick a date between 2000 and 2100."),
        ({"weight": "100", "tested_on": "2099-01-01"}, "That date is in the future."),
    ],
)
def test_a_bad_1rm_is_refused_next_to_its_row(alice, client_, today, data, message):
    _, days = assign_program(client_, start=today, exercises=PCT)

    page = alice.post(
        f"/dashboard/clients/{client_.pk}/training/one-rep-maxes/",
        {"exercise": squat_of(days).pk, "tested_on": "", **data},
    )

    assert page.status_code == 200
    assert message in page.text
    assert "Not saved" in page.text
    assert not OneRepMax.objects.exists()


def test_clearing_a_1rm_brings_back_the_estimate(alice, client_, today):
    _, days = assign_program(client_, start=today, exercises=PCT)
    entry = OneRepMaxFactory(client=client_, exercise=squat_of(days))

    done = alice.post(f"/dashboard/clients/{client_.pk}/training/one-rep-maxes/{entry.pk}/delete/")

    assert done.status_code == 302
    assert not OneRepMax.objects.exists()


def test_another_trainers_client_and_1rm_are_not_found(client, outsider, client_, today):
    _, days = assign_program(client_, start=today, exercises=PCT)
    entry = OneRepMaxFactory(client=client_, exercise=squat_of(days))
    client.force_login(outsider.user)
    base = f"/dashboard/clients/{client_.pk}/training/one-rep-maxes/"
    assert client.get(base).status_code == 404
    assert client.post(f"{base}{entry.pk}/delete/").status_code == 404
    theirs = ClientFactory(trainer=outsider)
    assert (
        client.post(
            f"/dashboard/clients/{theirs.pk}/training/one-rep-maxes/{entry.pk}/delete/"
        ).status_code
        == 404
    )
    assert OneRepMax.objects.exists()


def test_a_future_test_date_is_refused_by_the_service(client_):
    with pytest.raises(ValidationError, match="future"):
        one_rep_max_set(
            client=client_,
            exercise=OneRepMaxFactory(client=client_).exercise,
            weight_kg=Decimal(100),
            tested_on=client_.trainer.today() + timedelta(days=1),
        )


# ---------- the API ----------


def test_the_api_enters_lists_and_changes_1rms(api, trainer, client_, today):
    _, days = assign_program(client_, start=today, exercises=PCT)
    squat = squat_of(days)
    api.force_authenticate(trainer.user)

    created = api.post(
        "/api/v1/progress/one-rep-maxes/",
        {"client": client_.pk, "exercise": squat.pk, "weight_kg": 140},
        format="json",
    )
    again = api.post(
        "/api/v1/progress/one-rep-maxes/",
        {"client": client_.pk, "exercise": squat.pk, "weight_kg": 142.5},
        format="json",
    )
    entry_id = created.json()["data"]["id"]
    patched = api.patch(
        f"/api/v1/progress/one-rep-maxes/{entry_id}/", {"weight_kg": 145}, format="json"
    )
    listed = api.get(f"/api/v1/progress/one-rep-maxes/?client={client_.pk}")

    assert created.status_code == 201
    assert again.json()["data"]["id"] == entry_id  # one per exercise: replaced
    assert patched.status_code == 200
    assert listed.json()["data"][0]["weight_kg"] == 145.0
    assert api.delete(f"/api/v1/progress/one-rep-maxes/{entry_id}/").status_code == 204
    assert not OneRepMax.objects.exists()


def test_a_client_reads_their_1rms_and_cannot_write(api, client_, today):
    _, days = assign_program(client_, start=today, exercises=PCT)
    entry = OneRepMaxFactory(client=client_, exercise=squat_of(days))
    api.force_authenticate(client_.user)

    assert api.get("/api/v1/progress/one-rep-maxes/").json()["data"][0]["id"] == entry.pk
    refused = api.patch(f"/api/v1/progress/one-rep-maxes/{entry.pk}/", {"weight_kg": 300})
    assert refused.status_code == 403
    assert OneRepMax.objects.get().weight_kg == Decimal("120.00")


def test_another_trainers_client_is_a_validation_error(api, outsider, client_, today):
    _, days = assign_program(client_, start=today, exercises=PCT)
    api.force_authenticate(outsider.user)

    response = api.post(
        "/api/v1/progress/one-rep-maxes/",
        {"client": client_.pk, "exercise": squat_of(days).pk, "weight_kg": 100},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"
    assert not OneRepMax.objects.exists()
