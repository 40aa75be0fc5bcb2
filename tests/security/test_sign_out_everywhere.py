"""A PIN reset or archiving ends every session, remembered device and token of that
client at once; a password change or reset ends a user's API sessions too."""

from __future__ import annotations

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client as Browser
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.test import APIClient

from clients.services import client_archive, client_reset_pin, client_update
from fitnesspr.tokens import tokens_for
from tests.factories.core import DEFAULT_PASSWORD

PORTAL = "/portal/"
REFRESH = "/api/v1/auth/refresh/"


def signed_in_portal(client_) -> Browser:
    browser = Browser()
    response = browser.post(
        "/portal/login/", {"email": client_.user.email, "pin": "402913"}, follow=False
    )
    assert response.status_code == 302
    assert browser.get(PORTAL).status_code == 200
    return browser


def refresh_works(refresh: str) -> bool:
    return APIClient().post(REFRESH, {"refresh": refresh}, format="json").status_code == 200


@pytest.mark.django_db
def test_a_pin_reset_signs_the_client_out_of_every_portal_session(client_):
    phone, laptop = signed_in_portal(client_), signed_in_portal(client_)
    api_session = tokens_for(client_.user)

    client_reset_pin(client=client_)

    for browser in (phone, laptop):
        response = browser.get(PORTAL)
        assert response.status_code == 302
        assert response["Location"].startswith("/portal/login/")
    assert not refresh_works(api_session["refresh"])


@pytest.mark.django_db
def test_archiving_signs_out_and_a_restored_client_starts_signed_out(client_):
    phone = signed_in_portal(client_)

    client_archive(client=client_)
    assert phone.get(PORTAL).status_code == 302

    client_update(client=client_, status="active")
    response = phone.get(PORTAL)
    assert response.status_code == 302
    assert response["Location"].startswith("/portal/login/")


@pytest.mark.django_db
def test_changing_the_password_revokes_refresh_tokens_and_other_sessions(client, trainer):
    other_browser = Browser()
    other_browser.force_login(trainer.user)
    api_session = tokens_for(trainer.user)
    client.force_login(trainer.user)

    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": "a-brand-new-passphrase-9",
            "new_password2": "a-brand-new-passphrase-9",
        },
    )

    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200  # this session carries on
    assert other_browser.get("/dashboard/").status_code == 302  # the other one ended
    assert not refresh_works(api_session["refresh"])


@pytest.mark.django_db
def test_resetting_the_password_by_email_revokes_refresh_tokens(client, trainer):
    api_session = tokens_for(trainer.user)
    uid = urlsafe_base64_encode(force_bytes(trainer.user.pk))
    token = default_token_generator.make_token(trainer.user)
    form_url = client.get(f"/accounts/password/reset/{uid}/{token}/")["Location"]

    response = client.post(
        form_url,
        {"new_password1": "a-brand-new-passphrase-9", "new_password2": "a-brand-new-passphrase-9"},
    )

    assert response.status_code == 302
    assert not refresh_works(api_session["refresh"])
