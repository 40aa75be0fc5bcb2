"""What every signed-in request pays before its page's own work: the session read from
the cache (kept in the database, so signing out still ends it), and the user loaded with
their trainer or client profile in one query. None of it may let a session outlive a
sign-out, a new PIN or a deactivated account."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test import Client as Browser
from django.test.utils import CaptureQueriesContext

from clients.services import client_reset_pin
from fitnesspr.actor import ActorKind, actor_for_user
from fitnesspr.auth import UserProfileBackend
from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN

pytestmark = pytest.mark.django_db

LEGACY_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _portal(client_) -> Browser:
    browser = Browser()
    signed_in = browser.post("/portal/login/", {"email": client_.user.email, "pin": DEFAULT_PIN})
    assert signed_in.status_code == 302
    return browser


def _same_session(browser: Browser) -> Browser:
    """Another browser holding the same session cookie (a copied or stolen cookie)."""
    other = Browser()
    other.cookies["sessionid"] = browser.cookies["sessionid"].value
    return other


def test_the_user_comes_with_their_profile_so_the_actor_costs_no_query(trainer, client_):
    backend = UserProfileBackend()
    for user, kind in ((trainer.user, ActorKind.TRAINER), (client_.user, ActorKind.CLIENT)):
        with CaptureQueriesContext(connection) as queries:
            loaded = backend.get_user(user.pk)
            actor = actor_for_user(loaded)
            zone = actor.trainer.timezone if actor.trainer else None
        assert len(queries) == 1
        assert (actor.kind, zone) == (kind, trainer.timezone)
    assert actor.client == client_
    assert actor.client.user is loaded


def test_a_user_without_a_profile_or_inactive(staff, client_):
    backend = UserProfileBackend()
    assert actor_for_user(backend.get_user(staff.pk)).kind == ActorKind.STAFF
    client_.user.is_active = False
    client_.user.save(update_fields=["is_active"])
    assert backend.get_user(client_.user.pk) is None
    assert backend.get_user(10**9) is None


def test_a_signed_in_page_reads_its_session_without_a_query(client_):
    browser = _portal(client_)
    browser.get("/portal/account/")
    with CaptureQueriesContext(connection) as queries:
        assert browser.get("/portal/account/").status_code == 200
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "django_session" not in sql
    assert len(queries) == 1  # the user, their client profile and trainer


def test_the_session_is_kept_in_the_database_and_outlives_the_cache(client_):
    browser = _portal(client_)
    assert Session.objects.filter(session_key=browser.cookies["sessionid"].value).exists()
    cache.clear()  # Redis restarted, or the key evicted
    assert browser.get("/portal/account/").status_code == 200


def test_signing_out_ends_the_session_everywhere_it_was_read(client_, trainer):
    phone = _portal(client_)
    copy = _same_session(phone)
    assert copy.get("/portal/").status_code == 200  # now in the cache too

    phone.post("/portal/logout/")

    response = copy.get("/portal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/portal/login/")
    assert not Session.objects.filter(session_key=copy.cookies["sessionid"].value).exists()

    dashboard = Browser()
    assert dashboard.login(username=trainer.user.email, password=DEFAULT_PASSWORD)
    other = _same_session(dashboard)
    assert other.get("/dashboard/").status_code == 200
    dashboard.post("/accounts/logout/")
    assert other.get("/dashboard/").status_code == 302


def test_a_new_pin_ends_a_session_the_cache_holds(client_):
    phone = _portal(client_)
    assert phone.get("/portal/").status_code == 200

    client_reset_pin(client=client_)

    response = phone.get("/portal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/portal/login/")


def test_sessions_signed_in_before_the_backend_changed_still_work(trainer):
    browser = Browser()
    browser.force_login(trainer.user, backend=LEGACY_BACKEND)
    assert browser.get("/dashboard/").status_code == 200


def test_a_wrong_password_is_checked_once(trainer):
    with mock.patch.object(ModelBackend, "authenticate", autospec=True) as check:
        check.return_value = None
        assert authenticate(username=trainer.user.email, password="wrong") is None
    assert check.call_count == 1
    assert authenticate(username=trainer.user.email, password=DEFAULT_PASSWORD) == trainer.user
