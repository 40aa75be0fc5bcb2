import pytest

from fitnesspr.ratelimit import client_ip
from tests.factories.core import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def test_forwarded_for_is_ignored_without_trusted_proxies(rf, settings):
    settings.NUM_PROXIES = 0
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.9")
    assert client_ip(request) == "10.0.0.9"


def test_behind_one_proxy_the_address_it_appended_counts(rf, settings):
    settings.NUM_PROXIES = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4", REMOTE_ADDR="10.0.0.9")
    assert client_ip(request) == "1.2.3.4"  # 6.6.6.6 was typed by the client


def test_trainer_sign_in_is_throttled_per_ip(client, trainer, settings):
    settings.TRAINER_LOGIN_IP_LIMIT = 3
    for _ in range(3):
        response = client.post(
            "/accounts/login/", {"username": "alice@example.com", "password": "nope"}
        )
        assert response.status_code == 200
    response = client.post(
        "/accounts/login/", {"username": "alice@example.com", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
