"""The one-click unsubscribe link of reminder emails: no sign-in, a confirm page on GET,
reminders off on POST (what a mail program's one-click sends), and a plain page for a
link that was tampered with."""

from __future__ import annotations

import pytest
from django.core import signing

from clients.models import ReminderSettings
from clients.services.reminders import unsubscribe_token_make, unsubscribe_url

pytestmark = pytest.mark.django_db


def _path(client_) -> str:
    return f"/portal/unsubscribe/{unsubscribe_token_make(client_)}/"


def test_the_link_is_absolute_and_names_no_one_in_clear(client_, settings):
    settings.SITE_URL = "https://app.example.com"
    url = unsubscribe_url(client_)
    assert url.startswith("https://app.example.com/portal/unsubscribe/")
    assert "carol" not in url


def test_get_asks_before_turning_anything_off(client, client_):
    response = client.get(_path(client_))
    assert response.status_code == 200
    assert "Stop reminder emails?" in response.text
    assert "Alice Strength" in response.text
    assert not ReminderSettings.objects.filter(client=client_).exists()


def test_one_click_post_turns_reminders_off_without_signing_in(client, client_):
    client.handler.enforce_csrf_checks = True  # a mail program sends no CSRF token
    response = client.post(_path(client_), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Reminders turned off" in response.text
    row = ReminderSettings.objects.get(client=client_)
    assert (row.workout_reminders, row.check_in_reminders) == (False, False)
    assert row.unsubscribed_at is not None

    again = client.post(_path(client_))  # a second click changes nothing more
    assert again.status_code == 200
    row.refresh_from_db()
    assert ReminderSettings.objects.get(client=client_).unsubscribed_at == row.unsubscribed_at


def test_the_confirm_button_turns_them_off(client, client_):
    page = client.get(_path(client_))
    assert f'action="{_path(client_)}"' in page.text
    client.post(_path(client_))
    assert ReminderSettings.objects.get(client=client_).workout_reminders is False


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signing.dumps({"client": 1}, salt="another.purpose"),
        signing.dumps({"nobody": 1}, salt="clients.reminders.unsubscribe"),
        signing.dumps({"client": "x"}, salt="clients.reminders.unsubscribe"),
        signing.dumps({"client": 99999}, salt="clients.reminders.unsubscribe"),
    ],
)
def test_a_tampered_or_stale_link_gets_a_plain_page(client, client_, token):
    for method in (client.get, client.post):
        response = method(f"/portal/unsubscribe/{token}/")
        assert response.status_code == 404
        assert "This link doesn't work" in response.text
    assert not ReminderSettings.objects.exists()


def test_a_token_changed_by_one_character_is_refused(client, client_):
    token = unsubscribe_token_make(client_)
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert client.post(f"/portal/unsubscribe/{forged}/").status_code == 404
    assert not ReminderSettings.objects.exists()
