"""A trainer exports all their data from Settings and downloads the ZIP; a client
downloads their own data from the portal on a phone."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from playwright.sync_api import Browser, expect

from tests.factories.core import DEFAULT_PASSWORD, ClientFactory, TrainerFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_trainer_exports_from_settings_and_downloads(live_server, browser: Browser, screenshots):
    trainer = TrainerFactory(user__email="sam@example.com", business_name="Sam Strength")
    ClientFactory(trainer=trainer, user__email="nora@example.com", user__first_name="Nora")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))

    page.goto(f"{live_server.url}/dashboard/settings/")
    panel = page.locator("#export-panel")
    expect(panel).to_be_visible()  # the export box loaded in place
    panel.get_by_role("button", name="Export all my data").click()
    download_link = page.get_by_role("button", name="Download the export")
    expect(download_link).to_be_visible(timeout=30_000)
    page.screenshot(path=screenshots / "export-ready.png", full_page=True)

    with page.expect_download() as waiting:
        download_link.click()
    content = open(waiting.value.path(), "rb").read()  # noqa: SIM115
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert b"nora@example.com" in archive.read("clients.json")
    assert errors == []


def test_client_downloads_their_data_on_a_phone(live_server, browser: Browser, screenshots):
    trainer = TrainerFactory(business_name="Sam Strength")
    from clients.services import client_reset_pin

    nora = ClientFactory(trainer=trainer, user__email="nora@example.com", user__first_name="Nora")
    pin = client_reset_pin(client=nora)
    context = browser.new_context(**PHONE, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/portal/login/")
    page.get_by_label("Email").fill("nora@example.com")
    page.get_by_label("PIN").fill(pin)
    page.get_by_role("button", name=re.compile("Sign in")).click()
    expect(page).to_have_url(re.compile(r"/portal/"))

    page.get_by_role("link", name="Your account and data").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    page.screenshot(path=screenshots / "portal-account.png", full_page=True)
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download my data").click()
    archive = zipfile.ZipFile(waiting.value.path())
    assert b"nora@example.com" in archive.read("profile.json")
