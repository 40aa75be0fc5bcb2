"""A trainer adds a client and sees the PIN once; the client signs in on a phone."""

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.factories.core import DEFAULT_PASSWORD, TrainerFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_trainer_adds_a_client_who_then_signs_in_on_a_phone(
    live_server, browser: Browser, screenshots
):
    TrainerFactory(user__email="sam@example.com", business_name="Sam Strength")

    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    page.screenshot(path=screenshots / "1-dashboard.png", full_page=True)

    page.goto(f"{live_server.url}/dashboard/clients/")
    page.locator("#add-client").click()
    page.get_by_label("First name").fill("Nora")
    page.get_by_label("Last name").fill("Quinn")
    page.get_by_label("Email address").fill("nora@example.com")
    page.get_by_role("button", name="Add client").click()

    pin_box = page.locator("#new-pin")
    expect(pin_box).to_have_text(re.compile(r"^\d{6}$"))
    pin = pin_box.inner_text()
    page.screenshot(path=screenshots / "2-pin-shown-once.png", full_page=True)

    page.reload()
    expect(page.locator("#new-pin")).to_have_count(0)
    expect(page.get_by_role("heading", name="PIN already shown")).to_be_visible()
    assert pin not in page.content()
    page.screenshot(path=screenshots / "3-pin-gone-after-reload.png", full_page=True)
    desk.close()

    phone = browser.new_context(**PHONE)
    mobile = phone.new_page()
    mobile.goto(f"{live_server.url}/portal/login/")
    mobile.get_by_label("Email").fill("nora@example.com")
    mobile.get_by_label("PIN").fill(pin)
    mobile.screenshot(path=screenshots / "4-portal-login-phone.png", full_page=True)
    mobile.get_by_role("button", name="Sign in").click()
    expect(mobile).to_have_url(re.compile(r"/portal/$"))
    expect(mobile.get_by_role("heading", level=1)).to_contain_text("Nora")
    expect(mobile.get_by_text("Sam Strength").first).to_be_visible()
    # phone-first: nothing wider than the screen
    scroll_width = mobile.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390
    mobile.screenshot(path=screenshots / "5-portal-home-phone.png", full_page=True)
    phone.close()


def test_wrong_pin_shows_the_generic_error_on_a_phone(live_server, browser: Browser):
    from tests.factories.core import ClientFactory

    ClientFactory(user__email="olga@example.com")
    phone = browser.new_context(**PHONE)
    mobile = phone.new_page()
    mobile.goto(f"{live_server.url}/portal/login/")
    mobile.get_by_label("Email").fill("olga@example.com")
    mobile.get_by_label("PIN").fill("000000")
    mobile.get_by_role("button", name="Sign in").click()
    expect(mobile.get_by_role("alert")).to_contain_text("Invalid email or PIN")
    expect(mobile).to_have_url(re.compile(r"/portal/login/"))
    phone.close()
