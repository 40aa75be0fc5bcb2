from __future__ import annotations

import jwt
import pytest
from django.conf import settings
from rest_framework.test import APIClient

from fitnesspr.tokens import tokens_for
from tests.factories.core import ClientFactory


def bearer(user) -> APIClient:
    """An API client signed in as `user` with a real access token."""
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_for(user)['access']}")
    return api


def claims(token: str) -> dict:
    return jwt.decode(token, settings.SIMPLE_JWT["SIGNING_KEY"], algorithms=["HS256"])


@pytest.fixture
def trainer_api(trainer) -> APIClient:
    return bearer(trainer.user)


@pytest.fixture
def outsider_api(outsider) -> APIClient:
    return bearer(outsider.user)


@pytest.fixture
def client_api(client_) -> APIClient:
    return bearer(client_.user)


@pytest.fixture
def outsider_client(outsider):
    return ClientFactory(trainer=outsider, user__email="dave@example.com", user__first_name="Dave")


@pytest.fixture
def set_rates(settings):
    """Change throttle rates for one test, e.g. set_rates(pin="3/min")."""

    def _set(**rates: str) -> None:
        current = settings.REST_FRAMEWORK
        settings.REST_FRAMEWORK = {
            **current,
            "DEFAULT_THROTTLE_RATES": {**current["DEFAULT_THROTTLE_RATES"], **rates},
        }

    return _set
