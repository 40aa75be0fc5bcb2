"""Reminder emails on a phone: the client opens Reminders from the portal home, picks an
evening time and turns check-in emails off; then one-click unsubscribe from an email's
link turns everything off, and the portal shows it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Browser, expect

from clients.models import ReminderSettings
from clients.services.reminders import unsubscribe_token_make
from tests.factories.core import DEFAULT_PIN, ClientFactory, TrainerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_the_client_chooses_reminders_then_unsubscribes_from_an_email(
    live_server, browser: Browser, screenshots
):
    trainer = TrainerFactory(business_name="Sam Coaching", timezone="Europe/London")
    client = ClientFactory(trainer=trainer, user__email="nora@example.com", user__first_name="Nora")
    base = live_server.url
    phone = browser.new_context(**PHONE)
    page = phone.new_page()
    page.goto(f"{base}/portal/login/")
    page.get_by_label("Email").fill("nora@example.com")
    page.get_by_label("PIN").fill(DEFAULT_PIN)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/portal/$"))

    page.get_by_role("button", name="Your reminders").click()
    expect(page.get_by_role("heading", name="Reminder emails")).to_be_visible()
    expect(page.get_by_text("your trainer's time zone, Europe/London")).to_be_visible()
    page.get_by_label("At").fill("18:45")
    page.get_by_label("Email me on the day my weekly check-in is due").uncheck()
    page.get_by_label("My time zone").select_option("America/New_York")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your reminder choices are saved.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=screenshots / "reminders-1-chosen.png", full_page=True)
    row = ReminderSettings.objects.get(client=client)
    assert (row.workout_reminder_time, row.check_in_reminders) == (dt.time(18, 45), False)
    assert row.timezone == "America/New_York"

    page.goto(f"{base}/portal/unsubscribe/{unsubscribe_token_make(client)}/")
    expect(page.get_by_role("heading", name="Stop reminder emails?")).to_be_visible()
    page.get_by_role("button", name="Turn reminders off").click()
    expect(page.get_by_role("heading", name="Reminders turned off")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=screenshots / "reminders-2-unsubscribed.png", full_page=True)

    page.get_by_role("link", name="Reminder settings").click()
    expect(
        page.get_by_label("Email me on days with a workout I haven't logged")
    ).not_to_be_checked()
    expect(page.get_by_text("You turned reminders off from an email")).to_be_visible()
    phone.close()
