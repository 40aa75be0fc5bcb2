"""Two web processes, one truth: two gunicorn servers (production settings, whitenoise,
the Redis cache) on two ports share the test's PostgreSQL database and Redis. Whatever
one of them records — a session, a PIN lockout, a per-IP limit, an API throttle, a
blacklisted refresh token — the other honours, as two machines behind a load balancer
must. Each test signs in from its own made-up address (X-Forwarded-For behind one
trusted proxy), so the per-address counts in Redis never leak between tests or runs."""

from __future__ import annotations

import os
import random
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN, ClientFactory, TrainerFactory
from tests.integration.conftest import REDIS_URL, ROOT, require_real_services
from tests.integration.conftest import subprocess_database_url as database_url

GUNICORN = Path(sys.executable).with_name("gunicorn")
STRONG_KEY = "k3Jx9-vQ2mZ8pL7wR4tY6uI1oP0aS5dF3gH8jK2lZ9xC7vB4nM6qW1eR5tY"
LIMITS = {
    "PIN_MAX_FAILED_ATTEMPTS": "3",
    "TRAINER_LOGIN_IP_LIMIT": "3",
    "THROTTLE_AUTH": "6/min",
    "METRICS_TOKEN": "two-processes-metrics-token",  # the JWT test makes 5 calls
}


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def get(self, path: str, **kwargs: object) -> requests.Response:
        return requests.get(self.url + path, allow_redirects=False, timeout=30, **kwargs)  # type: ignore[arg-type]

    def post(self, path: str, **kwargs: object) -> requests.Response:
        return requests.post(self.url + path, allow_redirects=False, timeout=30, **kwargs)  # type: ignore[arg-type]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(env: dict[str, str], log: Path) -> Server:
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(GUNICORN), "--config", "gunicorn.conf.py"],
            cwd=ROOT,
            env={**env, "PORT": str(port)},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Server(f"http://127.0.0.1:{port}", process, log)


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            if server.get("/healthz").status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not start on {server.url}:\n{server.log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def servers(
    django_db_setup: None, django_db_blocker: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Server, Server]]:
    require_real_services()
    folder = tmp_path_factory.mktemp("web")
    env = {
        **os.environ,
        **LIMITS,
        "DJANGO_SETTINGS_MODULE": "tests.integration.web_settings",
        "TEST_STATIC_ROOT": str(folder / "static"),
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "DEBUG": "false",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "NUM_PROXIES": "1",
        "DATABASE_POOL": "true",  # as make serve and compose run
        "CELERY_TASK_ALWAYS_EAGER": "true",  # no worker here; nothing left in Redis
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("JWT_SIGNING_KEY", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    started = [_start(env, folder / f"gunicorn-{n}.log") for n in (1, 2)]
    try:
        for server in started:
            _wait_until_up(server)
        yield started[0], started[1]
    finally:
        for server in started:
            if server.process.poll() is None:
                os.killpg(server.process.pid, 15)  # SIGTERM: gunicorn's graceful stop
                server.process.wait(timeout=30)


@pytest.fixture
def address() -> dict[str, str]:
    """A made-up client address of this test's own (the proxy's X-Forwarded-For)."""
    made_up = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    return {"X-Forwarded-For": made_up}


@pytest.fixture
def alice(real_services: None):
    return TrainerFactory(business_name="Alice Strength", user__email="alice@example.com")


def _csrf(server: Server, path: str, headers: dict[str, str]) -> dict[str, str]:
    """The form's CSRF token and its cookie, as a browser would send them back."""
    page = server.get(path, headers=headers)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token is not None, page.text[:500]
    return {"csrfmiddlewaretoken": token.group(1), "cookie": page.cookies["csrftoken"]}


def _post_form(
    server: Server, path: str, fields: dict[str, str], headers: dict[str, str]
) -> requests.Response:
    csrf = _csrf(server, path, headers)
    return server.post(
        path,
        data={**fields, "csrfmiddlewaretoken": csrf["csrfmiddlewaretoken"]},
        cookies={"csrftoken": csrf["cookie"]},
        headers=headers,
    )


def test_static_files_are_served_hashed_by_both(servers, real_services):
    for server in servers:
        page = server.get("/accounts/login/")
        stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page.text)
        assert stylesheet is not None
        assert server.get(stylesheet.group(1)).status_code == 200


def test_a_session_made_through_one_is_honoured_by_the_other(servers, alice, address):
    one, other = servers
    signed_in = _post_form(
        one,
        "/accounts/login/",
        {"username": "alice@example.com", "password": DEFAULT_PASSWORD},
        address,
    )
    assert signed_in.status_code == 302
    session = {"sessionid": signed_in.cookies["sessionid"]}

    dashboard = other.get("/dashboard/", cookies=session, headers=address)
    assert dashboard.status_code == 200
    assert "Alice Strength" in dashboard.text
    assert other.get("/dashboard/", headers=address).status_code == 302  # no session: login


def test_signing_out_through_one_ends_the_session_on_the_other(servers, alice, address):
    """Sessions are read from Redis: a sign-out must reach the copy the other process read."""
    one, other = servers
    signed_in = _post_form(
        one,
        "/accounts/login/",
        {"username": "alice@example.com", "password": DEFAULT_PASSWORD},
        address,
    )
    cookies = {name: signed_in.cookies[name] for name in ("sessionid", "csrftoken")}
    assert other.get("/dashboard/", cookies=cookies, headers=address).status_code == 200
    page = one.get("/dashboard/", cookies=cookies, headers=address)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token is not None

    signed_out = one.post(
        "/accounts/logout/",
        data={"csrfmiddlewaretoken": token.group(1)},
        cookies=cookies,
        headers=address,
    )
    assert signed_out.status_code == 302

    assert other.get("/dashboard/", cookies=cookies, headers=address).status_code == 302


def test_a_pin_lockout_made_through_one_is_honoured_by_the_other(servers, alice, address):
    one, other = servers
    ClientFactory(trainer=alice, user__email="carol@example.com")
    for _ in range(3):
        wrong = _post_form(
            one, "/portal/login/", {"email": "carol@example.com", "pin": "000000"}, address
        )
        assert wrong.status_code == 200
    assert "locked" in wrong.text

    right = _post_form(
        other, "/portal/login/", {"email": "carol@example.com", "pin": DEFAULT_PIN}, address
    )
    assert right.status_code == 200  # the form again, not the portal
    assert "locked" in right.text
    assert "sessionid" not in right.cookies


def test_a_per_ip_sign_in_limit_reached_through_one_holds_on_the_other(servers, alice, address):
    one, other = servers
    for _ in range(3):
        wrong = _post_form(
            one, "/accounts/login/", {"username": "alice@example.com", "password": "no"}, address
        )
        assert wrong.status_code == 200

    right = _post_form(
        other,
        "/accounts/login/",
        {"username": "alice@example.com", "password": DEFAULT_PASSWORD},
        address,
    )
    assert right.status_code == 429
    assert "Too many sign-in attempts" in right.text
    elsewhere = {"X-Forwarded-For": "192.0.2.77"}
    assert other.get("/accounts/login/", headers=elsewhere).status_code == 200


def test_an_api_throttle_counted_through_one_holds_on_the_other(servers, alice, address):
    one, other = servers
    wrong = {"email": "alice@example.com", "password": "no"}
    for _ in range(6):
        assert one.post("/api/v1/auth/login/", json=wrong, headers=address).status_code == 401

    refused = other.post("/api/v1/auth/login/", json=wrong, headers=address)
    assert refused.status_code == 429
    assert refused.json()["success"] is False


def test_a_refresh_token_blacklisted_through_one_is_refused_by_the_other(servers, alice, address):
    one, other = servers
    login = {"email": "alice@example.com", "password": DEFAULT_PASSWORD}
    tokens = one.post("/api/v1/auth/login/", json=login, headers=address).json()["data"]

    # Rotation through one blacklists the old refresh token for both.
    rotated = one.post(
        "/api/v1/auth/refresh/", json={"refresh": tokens["refresh"]}, headers=address
    )
    assert rotated.status_code == 200
    reused = other.post(
        "/api/v1/auth/refresh/", json={"refresh": tokens["refresh"]}, headers=address
    )
    assert reused.status_code == 401
    assert reused.json()["success"] is False

    # Signing out through the other blacklists the new one for the first.
    new_refresh = rotated.json()["data"]["refresh"]
    assert (
        other.post(
            "/api/v1/auth/logout/", json={"refresh": new_refresh}, headers=address
        ).status_code
        == 204
    )
    assert (
        one.post(
            "/api/v1/auth/refresh/", json={"refresh": new_refresh}, headers=address
        ).status_code
        == 401
    )


def _healthz_count(server: Server) -> float:
    scraped = server.get(
        "/metrics", headers={"Authorization": f"Bearer {LIMITS['METRICS_TOKEN']}"}
    ).text
    line = 'fitnesspr_http_requests_total{route="healthz",method="GET",status="200"} '
    found = [row for row in scraped.splitlines() if row.startswith(line)]
    return float(found[0].removeprefix(line)) if found else 0.0


def test_metrics_add_up_over_both_processes(servers, real_services):
    one, other = servers
    before = _healthz_count(other)
    for _ in range(3):
        one.get("/healthz")

    assert _healthz_count(other) >= before + 3
    assert _healthz_count(one) == _healthz_count(other)
