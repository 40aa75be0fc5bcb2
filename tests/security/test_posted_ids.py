"""Ids posted by forms (hidden fields, choices) are validated as ids: a number no
database column can hold is a form error, never a server error, and nothing is written."""

from __future__ import annotations

import pytest
from django.test import Client

from progress.models import WorkoutLog
from tests.factories.core import ClientFactory
from tests.progress.test_portal_training import assign_program, form_data, tick

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
WILD = [HUGE, "-1", "0", "1e5", "9223372036854775808"]


@pytest.fixture
def carol_browser(client_):
    browser = Client()
    browser.force_login(client_.user)
    return browser


@pytest.fixture
def alice(trainer):
    browser = Client()
    browser.force_login(trainer.user)
    return browser


@pytest.mark.parametrize("field", ["sets-0-exercise", "sets-0-prescribed", "add_set"])
@pytest.mark.parametrize("value", WILD)
def test_the_portal_log_form_refuses_wild_ids(carol_browser, client_, field, value):
    _, days = assign_program(client_, start=client_.trainer.today())
    url = f"/portal/training/day/{days[1, 1].pk}/"
    data = {**tick(form_data(carol_browser.get(url).text)), field: value, "action": "finish"}

    page = carol_browser.post(url, data)

    assert page.status_code == 200
    assert not WorkoutLog.objects.exists()


@pytest.mark.parametrize("value", WILD)
def test_the_assign_forms_refuse_wild_ids(alice, trainer, client_, value):
    other = ClientFactory(trainer=trainer)
    assignment, _ = assign_program(other, start=trainer.today())
    program = assignment.source_program

    many = alice.post(
        f"/dashboard/programs/{program.pk}/assign/",
        {"clients": [value], "start_date": "2026-03-02"},
    )
    one = alice.post(
        f"/dashboard/clients/{client_.pk}/assign-program/",
        {"program": value, "start_date": "2026-03-02"},
    )

    assert many.status_code == one.status_code == 200
    assert "Select a valid choice" in many.text or "not a valid value" in many.text
    assert not client_.program_assignments.exists()


@pytest.mark.parametrize("value", WILD)
def test_the_one_rep_max_form_refuses_wild_ids(alice, client_, value):
    page = alice.post(
        f"/dashboard/clients/{client_.pk}/one-rep-maxes/",
        {"exercise": value, "weight": "100", "tested_on": "2026-01-05"},
    )
    assert page.status_code in {200, 400, 404}


@pytest.mark.parametrize("value", WILD)
def test_the_invoice_form_refuses_wild_ids(alice, value):
    page = alice.post("/dashboard/billing/invoices/new/", {"client": value, "package": value})
    assert page.status_code == 200
