"""A progress report in a real browser: the trainer asks for one on the Progress tab, the
row says it is being made and turns into a download link by itself (htmx polling), and
the download is the client's PDF."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.test_progress_journey import DESK, sign_in_trainer
from tests.factories.core import ClientFactory, TrainerFactory
from tests.progress.reports_helpers import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ask_for_a_report_and_download_it(live_server, browser: Browser, screenshots):
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    client = ClientFactory(trainer=trainer, user__first_name="Nora", user__last_name="Quinn")
    base = live_server.url

    desk = browser.new_context(**DESK, accept_downloads=True)
    page = desk.new_page()
    sign_in_trainer(page, base)
    page.goto(f"{base}/dashboard/clients/{client.pk}/progress/")
    panel = page.locator("#reports")
    expect(panel).to_contain_text("No reports yet")
    panel.get_by_label("Last 3 months").check()
    panel.get_by_role("button", name="Make the report").click()

    link = panel.get_by_role("link", name="Download PDF")
    expect(link).to_be_visible(timeout=30_000)  # "Generating…" until the poll finds it ready
    page.screenshot(path=screenshots / "report-ready.png", full_page=True)
    with page.expect_download() as download:
        link.click()
    data = download.value.path().read_bytes()
    assert "Nora Quinn" in pdf_text(data)[1]
    assert download.value.suggested_filename.startswith("progress-nora-quinn-")
    desk.close()
