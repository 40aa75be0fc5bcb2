"""Adding a client sends a welcome email with the portal link; the PIN goes in it only
when the trainer ticks "Email the PIN" (page) or sends `email_pin` (API)."""

from __future__ import annotations

from django.core import mail

from tests.api.conftest import bearer
from tests.html.conftest import shown_pin

NEW = {"first_name": "Erin", "last_name": "Hale", "email": "erin@example.com"}


def test_the_page_emails_the_pin_only_when_ticked(
    client, trainer, django_capture_on_commit_callbacks
):
    client.force_login(trainer.user)
    with django_capture_on_commit_callbacks(execute=True):
        plain = client.post("/dashboard/clients/new/", NEW)
    assert "/portal/login/" in mail.outbox[0].body
    assert shown_pin(client.get(plain["Location"]).text) not in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        ticked = client.post(
            "/dashboard/clients/new/", {**NEW, "email": "finn@example.com", "email_pin": "on"}
        )
    pin = shown_pin(client.get(ticked["Location"]).text)
    assert mail.outbox[1].to == ["finn@example.com"]
    assert f"your PIN: {pin}" in mail.outbox[1].body
    assert pin in mail.outbox[1].alternatives[0][0]


def test_the_api_emails_the_pin_when_asked(trainer, django_capture_on_commit_callbacks):
    api = bearer(trainer.user)
    with django_capture_on_commit_callbacks(execute=True):
        data = api.post("/api/v1/clients/", {**NEW, "email_pin": True}, format="json").json()

    assert data["data"]["pin"] in mail.outbox[0].body
    assert "email_pin" not in data["data"]


def test_editing_a_client_offers_no_pin_email(client, trainer, client_):
    client.force_login(trainer.user)

    assert 'name="email_pin"' in client.get("/dashboard/clients/new/").text
    assert 'name="email_pin"' not in client.get(f"/dashboard/clients/{client_.pk}/edit/").text
