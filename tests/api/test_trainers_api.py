from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

ME = "/api/v1/trainers/me/"


def test_a_trainer_reads_their_business_profile(trainer_api, trainer, outsider):
    response = trainer_api.get(ME)

    assert response.status_code == 200
    data = response.json()["data"]
    assert data["id"] == trainer.pk
    assert data["business_name"] == "Alice Strength"
    assert data["timezone"] == "Europe/London"


def test_a_trainer_updates_their_profile(trainer_api, trainer):
    response = trainer_api.patch(
        ME, {"business_name": "Alice Strength & Conditioning", "unit_system": "imperial"}
    )

    assert response.status_code == 200
    assert response.json()["message"] == "Profile updated."
    trainer.refresh_from_db()
    assert trainer.business_name == "Alice Strength & Conditioning"
    assert trainer.unit_system == "imperial"
    assert trainer.timezone == "Europe/London"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"timezone": "Atlantis/Nowhere"}, "timezone"),
        ({"currency": "XXX"}, "currency"),
        ({"business_name": ""}, "business_name"),
        ({"unit_system": "cubits"}, "unit_system"),
    ],
)
def test_bad_profile_changes_are_refused(trainer_api, trainer, change, field):
    response = trainer_api.patch(ME, change)

    assert response.status_code == 400
    assert field in {d["field"] for d in response.json()["error"]["details"]}
    trainer.refresh_from_db()
    assert trainer.business_name == "Alice Strength"
    assert trainer.timezone == "Europe/London"


def test_slug_and_owner_are_not_writable(trainer_api, trainer, outsider):
    trainer_api.patch(ME, {"slug": "hijack", "user": outsider.user.pk, "id": outsider.pk})

    trainer.refresh_from_db()
    assert trainer.slug != "hijack"
    assert trainer.user.email == "alice@example.com"


def test_put_is_not_offered(trainer_api):
    assert trainer_api.put(ME, {"business_name": "X"}).status_code == 405


def test_clients_and_anonymous_callers_are_refused(client_api, api):
    assert client_api.get(ME).status_code == 403
    assert client_api.patch(ME, {"business_name": "X"}).status_code == 403
    assert api.get(ME).status_code == 401
