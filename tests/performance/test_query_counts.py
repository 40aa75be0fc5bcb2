"""Every main page and API list costs the same number of queries for a trainer with 2
clients and two weeks of history as for one with 25 clients and four weeks (the
benchmark dataset's generator builds both), and no GET request writes to the database
(a reply thread's read receipt is a POST the shown page, or the app, sends)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection, transaction
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext
from rest_framework_simplejwt.tokens import RefreshToken

from clients.models import Client
from fitnesspr.actor import actor_for_user
from fitnesspr.models import User
from programs.models import Program
from progress.benchdata.build import (
    CLIENT_PIN,
    TRAINER_PASSWORD,
    Dataset,
    Plan,
    client_email,
    trainer_email,
)
from progress.models import WorkoutLog
from progress.services.check_ins import reply_add
from tests.factories.progress import CheckInFactory

pytestmark = pytest.mark.django_db

SMALL = Plan(trainers=1, clients=2, weeks=2, seed=13)
LARGE = Plan(trainers=2, clients=25, weeks=4, seed=13)
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)

# The most queries each may make (what they make today, on any amount of data). A signed-in
# page's first is its user with their trainer or client profile; its session comes from
# the cache (tests/security/test_request_user.py).
BUDGET = {
    "dashboard home": 10,
    "client list": 5,
    "client page": 8,  # with the client's reminder choices
    "client training": 10,
    "client progress": 10,  # with the progress reports panel
    "client nutrition": 9,
    "client workout thread": 5,
    "program builder": 5,
    "exercise library": 1,  # the results and filter choices come from the cache
    "food library": 1,  # the results come from the cache
    "meal plans": 2,
    "billing home": 5,  # the page and its total in one query
    "portal home": 10,
    "portal today": 6,
    "portal workout": 4,
    "portal nutrition": 7,
    "portal progress": 9,
    "API clients": 2,
    "API exercises": 3,
    "API programs": 2,
    "API workout logs": 3,
    "API invoices": 3,
    "API measurements": 3,
    "API check-in replies": 4,
    "API workout replies": 4,
}


@dataclass
class Visit:
    counts: dict[str, int]
    writes: dict[str, list[str]]


def walk() -> Visit:
    """GET every main page and API list as trainer 1 and their first client."""
    trainer_user = User.objects.get(email=trainer_email(0))
    dashboard, portal, api = Browser(), Browser(), Browser()
    assert dashboard.login(username=trainer_user.email, password=TRAINER_PASSWORD)
    signed_in = portal.post("/portal/login/", {"email": client_email(0, 0), "pin": CLIENT_PIN})
    assert signed_in.status_code == 302
    token = str(RefreshToken.for_user(trainer_user).access_token)  # type: ignore[attr-defined]
    bearer = {"Authorization": f"Bearer {token}"}
    client = Client.objects.get(user__email=client_email(0, 0))
    template = Program.objects.get(trainer__user=trainer_user, is_template=True)
    log = WorkoutLog.objects.filter(client=client).first()
    assert log is not None
    check_in = CheckInFactory(client=client)
    for thread in ({"check_in": check_in}, {"workout_log": log}):
        # unread by the trainer: a GET that marked threads read would write here
        reply_add(actor=actor_for_user(client.user), body="Felt strong", **thread)
    c = client.pk
    pages: dict[str, tuple[Browser, str, dict[str, str]]] = {
        "dashboard home": (dashboard, "/dashboard/", {}),
        "client list": (dashboard, "/dashboard/clients/?q=client", {}),
        "client page": (dashboard, f"/dashboard/clients/{c}/", {}),
        "client training": (dashboard, f"/dashboard/clients/{c}/training/", {}),
        "client progress": (dashboard, f"/dashboard/clients/{c}/progress/", {}),
        "client nutrition": (dashboard, f"/dashboard/clients/{c}/nutrition/", {}),
        "client workout thread": (dashboard, f"/dashboard/clients/{c}/workouts/{log.pk}/", {}),
        "program builder": (dashboard, f"/dashboard/programs/{template.pk}/", {}),
        "exercise library": (dashboard, "/dashboard/exercises/", {}),
        "food library": (dashboard, "/dashboard/nutrition/foods/", {}),
        "meal plans": (dashboard, "/dashboard/nutrition/", {}),
        "billing home": (dashboard, "/dashboard/billing/", {}),
        "portal home": (portal, "/portal/", {}),
        "portal today": (portal, "/portal/training/", {}),
        "portal workout": (portal, f"/portal/training/workouts/{log.pk}/", {}),
        "portal nutrition": (portal, "/portal/nutrition/", {}),
        "portal progress": (portal, "/portal/progress/", {}),
        "API clients": (api, "/api/v1/clients/", bearer),
        "API exercises": (api, "/api/v1/exercises/?muscle=chest", bearer),
        "API programs": (api, "/api/v1/programs/", bearer),
        "API workout logs": (api, "/api/v1/progress/workout-logs/", bearer),
        "API invoices": (api, "/api/v1/payments/invoices/", bearer),
        "API measurements": (api, f"/api/v1/progress/measurements/?client={c}", bearer),
        "API check-in replies": (
            api,
            f"/api/v1/progress/check-ins/{check_in.pk}/replies/",
            bearer,
        ),
        "API workout replies": (api, f"/api/v1/progress/workout-logs/{log.pk}/replies/", bearer),
    }
    visit = Visit(counts={}, writes={})
    for name, (browser, path, headers) in pages.items():
        browser.get(path, headers=headers)  # the first request of a session may warm caches
        with CaptureQueriesContext(connection) as queries:
            response = browser.get(path, headers=headers)
        assert response.status_code == 200, (name, response.status_code)
        visit.counts[name] = len(queries)
        sql = [q["sql"] for q in queries.captured_queries]
        visit.writes[name] = [s for s in sql if WRITES.match(s)]
    return visit


def with_data(plan: Plan, look: Callable[[], Visit]) -> Visit:
    """Load `plan`, look, and take the data away again (a savepoint rolled back)."""
    with transaction.atomic():
        Dataset(plan).run()
        seen = look()
        transaction.set_rollback(True)
    return seen


@pytest.fixture(scope="module")
def visits(django_db_setup, django_db_blocker) -> tuple[Visit, Visit]:
    with django_db_blocker.unblock(), transaction.atomic():
        small = with_data(SMALL, walk)
        large = with_data(LARGE, walk)
        transaction.set_rollback(True)
    return small, large


@pytest.mark.parametrize("name", BUDGET)
def test_queries_do_not_grow_with_data(visits: tuple[Visit, Visit], name: str) -> None:
    small, large = visits
    assert large.counts[name] == small.counts[name], "one more query per row somewhere"
    assert large.counts[name] <= BUDGET[name]


@pytest.mark.parametrize("name", BUDGET)
def test_get_requests_write_nothing(visits: tuple[Visit, Visit], name: str) -> None:
    _small, large = visits
    assert large.writes[name] == []
