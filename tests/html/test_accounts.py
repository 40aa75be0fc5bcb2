"""Trainer sign-up, sign-in, sign-out, password reset and settings, as a browser sees them."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from fitnesspr.models import User
from tests.factories.core import DEFAULT_PASSWORD, StaffFactory
from trainers.models import Trainer

SIGNUP = {
    "first_name": "Dana",
    "last_name": "Lee",
    "email": "dana@example.com",
    "password1": "lift-heavy-things-42",
    "password2": "lift-heavy-things-42",
    "business_name": "Dana Lee Coaching",
    "timezone": "Europe/Berlin",
    "unit_system": "imperial",
    "currency": "EUR",
}

pytestmark = pytest.mark.django_db


def test_signup_creates_the_trainer_and_sends_them_to_sign_in(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", SIGNUP, follow=True)

    assert response.redirect_chain[-1][0] == "/accounts/signup/check-email/"
    assert "Check your email" in response.text
    trainer = Trainer.objects.get(user__email="dana@example.com")
    assert (trainer.business_name, trainer.timezone, trainer.unit_system, trainer.currency) == (
        "Dana Lee Coaching",
        "Europe/Berlin",
        "imperial",
        "EUR",
    )
    assert [m.to for m in mailoutbox] == [["dana@example.com"]]
    assert "_auth_user_id" not in client.session
    assert client.login(email="dana@example.com", password=SIGNUP["password1"])


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "This password is too short"),
        ("password123", "This password is too common"),
        ("83920174651", "This password is entirely numeric"),
    ],
)
def test_signup_with_a_weak_password_explains_why_and_writes_nothing(client, password, message):
    response = client.post(
        "/accounts/signup/", {**SIGNUP, "password1": password, "password2": password}
    )

    assert response.status_code == 200
    assert message in response.text
    assert not User.objects.exists()


def test_signup_with_mismatched_passwords_or_missing_fields_writes_nothing(client):
    response = client.post(
        "/accounts/signup/",
        {**SIGNUP, "password2": "something-else-42", "business_name": "", "timezone": "Mars/Base"},
    )

    assert "The two passwords don" in response.text
    assert "This field is required." in response.text
    assert "Select a valid choice." in response.text
    assert not User.objects.exists()


def test_trainer_signs_in_and_lands_on_the_dashboard_then_signs_out(client, trainer):
    page = client.get("/accounts/login/")
    assert 'name="username"' in page.text
    assert 'name="password"' in page.text

    response = client.post(
        "/accounts/login/", {"username": "Alice@Example.com", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200

    assert client.get("/accounts/logout/").status_code == 405  # sign-out is a POST only
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 302  # back to the sign-in page


def test_a_wrong_password_is_refused(client, trainer):
    response = client.post(
        "/accounts/login/", {"username": "alice@example.com", "password": "nope"}
    )

    assert response.status_code == 200
    assert "Please enter a correct email address and password." in response.text
    assert "_auth_user_id" not in client.session


def test_next_brings_a_trainer_back_to_the_page_they_asked_for(client, trainer):
    response = client.get("/dashboard/clients/")
    assert response["Location"] == "/accounts/login/?next=/dashboard/clients/"

    response = client.post(
        "/accounts/login/?next=/dashboard/clients/",
        {
            "username": "alice@example.com",
            "password": DEFAULT_PASSWORD,
            "next": "/dashboard/clients/",
        },
    )
    assert response["Location"] == "/dashboard/clients/"


def test_staff_who_sign_in_here_are_sent_to_the_admin(client):
    StaffFactory(email="ops@example.com")
    response = client.post(
        "/accounts/login/",
        {"username": "ops@example.com", "password": DEFAULT_PASSWORD, "next": "/dashboard/"},
    )
    assert response["Location"] == "/admin/"


def test_password_reset_emails_a_working_link_and_the_new_password_works(client, trainer):
    response = client.post("/accounts/password/reset/", {"email": "alice@example.com"}, follow=True)
    assert "Check your email" in response.text
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["alice@example.com"]
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", email.body)
    assert link, email.body

    response = client.get(link.group(1), follow=True)
    assert "Choose a new password" in response.text
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(
        set_password_url,
        {"new_password1": "brand-new-secret-77", "new_password2": "brand-new-secret-77"},
        follow=True,
    )
    assert "Your password is changed" in response.text

    assert client.login(username="alice@example.com", password="brand-new-secret-77")
    assert not client.login(username="alice@example.com", password=DEFAULT_PASSWORD)
    # the link works once
    assert "This link has expired" in client.get(link.group(1), follow=True).text


def test_password_reset_for_an_unknown_email_sends_nothing_and_says_the_same(client):
    response = client.post(
        "/accounts/password/reset/", {"email": "nobody@example.com"}, follow=True
    )
    assert "Check your email" in response.text
    assert mail.outbox == []


def test_trainer_edits_their_business_profile(trainer_client, trainer):
    page = trainer_client.get("/dashboard/settings/")
    assert 'value="Alice Strength"' in page.text

    response = trainer_client.post(
        "/dashboard/settings/",
        {
            "business_name": "Alice Strength Lab",
            "timezone": "America/New_York",
            "unit_system": "imperial",
            "currency": "USD",
        },
        follow=True,
    )
    assert "Your business profile is saved." in response.text
    trainer.refresh_from_db()
    assert (trainer.business_name, trainer.timezone, trainer.unit_system) == (
        "Alice Strength Lab",
        "America/New_York",
        "imperial",
    )


def test_bad_settings_are_refused_and_nothing_changes(trainer_client, trainer):
    response = trainer_client.post(
        "/dashboard/settings/",
        {
            "business_name": "  ",
            "timezone": "Nowhere/Land",
            "unit_system": "metric",
            "currency": "XXX",
        },
    )
    assert response.status_code == 200
    assert response.text.count("field-error") == 3
    trainer.refresh_from_db()
    assert trainer.business_name == "Alice Strength"


@pytest.mark.parametrize(
    ("who", "where"),
    [
        ("anonymous", "/accounts/login/"),
        ("trainer", "/dashboard/"),
        ("client", "/portal/"),
        ("staff", "/admin/"),
    ],
)
def test_the_front_door_sends_everyone_to_their_place(client, trainer, client_, staff, who, where):
    users = {"trainer": trainer.user, "client": client_.user, "staff": staff}
    if who in users:
        client.force_login(users[who])
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == where
