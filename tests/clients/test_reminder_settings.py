"""The client chooses their reminder emails (portal page and API); their trainer reads
the choice on the client page and through the API but never makes it for them; no one
else sees it."""

from __future__ import annotations

import datetime as dt

import pytest

from clients.models import ReminderSettings
from tests.api.conftest import bearer, client_api, outsider_api, trainer_api  # noqa: F401
from tests.factories.core import ClientFactory, ReminderSettingsFactory

pytestmark = pytest.mark.django_db


def _url(client_) -> str:
    return f"/api/v1/clients/{client_.pk}/reminders/"


# --- the portal page --------------------------------------------------------------------


def test_the_portal_page_shows_the_defaults_and_the_trainer_s_zone(client, client_):
    client.force_login(client_.user)
    page = client.get("/portal/reminders/")
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]
    assert 'value="07:00"' in page.text
    assert f"your trainer's time zone, {client_.trainer.timezone}" in page.text
    assert "/portal/reminders/" in client.get("/portal/").text  # reached from home


def test_the_client_saves_their_choice_on_the_page(client, client_):
    client.force_login(client_.user)
    response = client.post(
        "/portal/reminders/",
        {"workout_reminders": "on", "workout_reminder_time": "06:15", "timezone": "Asia/Tokyo"},
        follow=True,
    )
    assert "Your reminder choices are saved." in response.text
    row = ReminderSettings.objects.get(client=client_)
    assert (row.workout_reminders, row.check_in_reminders) == (True, False)
    assert row.workout_reminder_time == dt.time(6, 15)
    assert row.zone_name == "Asia/Tokyo"


def test_a_bad_time_is_shown_next_to_the_field_and_nothing_saved(client, client_):
    client.force_login(client_.user)
    response = client.post("/portal/reminders/", {"workout_reminder_time": "25:99"})
    assert response.status_code == 200
    assert "Enter a valid time." in response.text
    assert not ReminderSettings.objects.exists()


def test_a_trainer_cannot_open_the_portal_page(client, trainer):
    client.force_login(trainer.user)
    assert client.get("/portal/reminders/").status_code == 403


def test_the_trainer_sees_the_client_s_choice_on_the_client_page(client, trainer, client_):
    ReminderSettingsFactory(
        client=client_,
        workout_reminder_time=dt.time(18, 30),
        check_in_reminders=False,
        timezone="Europe/Paris",
    )
    client.force_login(trainer.user)
    page = client.get(f"/dashboard/clients/{client_.pk}/").text
    assert "On, at 18:30 (Europe/Paris)" in page
    assert "Check-in due</dt>\n        <dd>Off" in page


# --- the API ----------------------------------------------------------------------------


def test_the_client_reads_and_changes_their_own(client_api, client_):  # noqa: F811
    got = client_api.get(_url(client_)).json()
    assert got["success"] is True
    assert got["data"]["workout_reminder_time"] == "07:00"
    assert got["data"]["effective_timezone"] == client_.trainer.timezone

    changed = client_api.patch(
        _url(client_),
        {"check_in_reminders": False, "timezone": "Australia/Brisbane"},
        format="json",
    )
    assert changed.status_code == 200
    data = changed.json()["data"]
    assert (data["check_in_reminders"], data["effective_timezone"]) == (False, "Australia/Brisbane")
    assert data["workout_reminders"] is True


def test_a_bad_zone_is_a_validation_error_and_nothing_is_saved(client_api, client_):  # noqa: F811
    response = client_api.patch(_url(client_), {"timezone": "Mars/Olympus"}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"
    assert [d["field"] for d in response.json()["error"]["details"]] == ["timezone"]
    assert not ReminderSettings.objects.exists()


def test_the_trainer_reads_but_may_not_choose(trainer_api, client_):  # noqa: F811
    assert trainer_api.get(_url(client_)).status_code == 200
    response = trainer_api.patch(_url(client_), {"workout_reminders": False}, format="json")
    assert response.status_code == 403
    assert "client's choice" in response.json()["error"]["message"]
    assert not ReminderSettings.objects.exists()


def test_others_get_a_404(outsider_api, client_, trainer):  # noqa: F811
    assert outsider_api.get(_url(client_)).status_code == 404
    assert outsider_api.patch(_url(client_), {}, format="json").status_code == 404
    sibling = bearer(ClientFactory(trainer=trainer).user)  # same trainer, another client
    assert sibling.get(_url(client_)).status_code == 404
    assert sibling.patch(_url(client_), {"workout_reminders": False}).status_code == 404


def test_the_endpoint_is_in_the_schema(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    operations = schema["paths"]["/api/v1/clients/{id}/reminders/"]
    assert set(operations) >= {"get", "patch"}
