"""The sign-up and password-reset pages send an email at each submission, so each
address may submit them only so often: past the limit the form says so, with a 429,
and no email goes out."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.html.test_accounts import SIGNUP

pytestmark = pytest.mark.django_db

MESSAGE = "Too many attempts from your network. Wait a while and try again."


def test_password_reset_is_limited_per_address(settings, trainer, mailoutbox):
    settings.PASSWORD_RESET_IP_LIMIT = 3
    browser = Client(REMOTE_ADDR="203.0.113.9")
    answers = [
        browser.post("/accounts/password/reset/", {"email": "alice@example.com"}) for _ in range(5)
    ]

    assert [a.status_code for a in answers] == [302, 302, 302, 429, 429]
    assert MESSAGE.replace("'", "&#x27;") in answers[-1].text
    assert len(mailoutbox) == 3
    # another network is not held up
    other = Client(REMOTE_ADDR="198.51.100.1")
    assert (
        other.post("/accounts/password/reset/", {"email": "alice@example.com"}).status_code == 302
    )


def test_sign_up_is_limited_per_address(settings):
    settings.SIGNUP_IP_LIMIT = 2
    browser = Client(REMOTE_ADDR="203.0.113.9")
    answers = [
        browser.post("/accounts/signup/", {**SIGNUP, "email": f"erin{n}@example.com"})
        for n in range(4)
    ]

    assert [a.status_code for a in answers] == [302, 302, 429, 429]
    assert MESSAGE in answers[-1].text
    from trainers.models import Trainer

    assert Trainer.objects.count() == 2
