"""Getting paid, in a real browser: the trainer invoices a client from a package and
issues it; the client sees it on their phone; a cash payment the trainer records marks
it paid on both sides; and a second invoice is paid by card through Stripe Checkout (a
local stand-in for Stripe that sends the signed webhooks), which marks it paid."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from billing.models import Invoice, Payment
from billing.services.invoices import invoice_create
from billing.services.lifecycle import invoice_issue
from tests.billing.stripe_stub import StripeStub
from tests.factories.billing import PackageFactory
from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN, ClientFactory, TrainerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def stripe_stub(settings, live_server):
    stub = StripeStub(webhook_url=f"{live_server.url}/api/v1/payments/stripe/webhook/").start()
    stub.configure(settings)
    yield stub
    stub.stop()


def _fits_the_phone(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_invoice_pay_by_hand_and_by_card(live_server, browser: Browser, screenshots, stripe_stub):
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC", currency="EUR")
    ClientFactory(
        trainer=trainer,
        user__email="nora@example.com",
        user__first_name="Nora",
        user__last_name="Lee",
    )
    PackageFactory(trainer=trainer, name="10 sessions", price_minor=45000, sessions_included=10)

    # --- the trainer invoices Nora for a package and issues it ---------------------------
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Billing").first.click()
    expect(page).to_have_url(re.compile(r"/dashboard/billing/$"))
    page.locator("#new-invoice").click()
    page.get_by_label("Client").select_option(label="Nora Lee")
    page.get_by_label("First line from a package").select_option(label="10 sessions")
    page.get_by_label("Tax rate (%)").fill("20")
    page.locator("#save-invoice").click()
    expect(page.locator("#invoice-total")).to_have_text("€540.00")
    page.screenshot(path=screenshots / "1-draft.png", full_page=True)

    page.locator("#issue-invoice").click()
    page.locator("#confirm-action").click()
    number = Invoice.objects.get().display_number
    expect(page.locator("#invoice-title")).to_have_text(number)
    expect(page.locator("#invoice-status")).to_contain_text("Open")
    page.screenshot(path=screenshots / "2-issued.png", full_page=True)

    # --- Nora sees it on her phone ---------------------------------------------------------
    phone = browser.new_context(**PHONE)
    mobile = phone.new_page()
    mobile.goto(f"{live_server.url}/portal/login/")
    mobile.get_by_label("Email").fill("nora@example.com")
    mobile.get_by_label("PIN").fill(DEFAULT_PIN)
    mobile.get_by_role("button", name="Sign in").click()
    expect(mobile).to_have_url(re.compile(r"/portal/$"))
    mobile.get_by_role("link", name="Invoices").first.click()
    expect(mobile.locator("#owed")).to_contain_text("€540.00")
    mobile.get_by_text(number).click()
    expect(mobile.locator("#portal-balance")).to_have_text("€540.00")
    expect(mobile.locator("#pay-now")).to_be_visible()
    _fits_the_phone(mobile)
    mobile.screenshot(path=screenshots / "3-portal-invoice.png", full_page=True)

    # --- she pays cash at the gym; the trainer records it -----------------------------------
    page.locator("#record-payment").click()
    expect(page.get_by_label("Amount (EUR)")).to_have_value("540.00")
    page.get_by_label("How").select_option(label="Cash")
    page.locator("#save-payment").click()
    expect(page.locator("#invoice-status")).to_contain_text("Paid")
    expect(page.locator("#balance-due")).to_have_text("€0.00")
    page.screenshot(path=screenshots / "4-paid-by-hand.png", full_page=True)

    mobile.reload()
    expect(mobile.locator("#portal-paid")).to_be_visible()
    expect(mobile.locator("#pay-now")).to_have_count(0)
    expect(mobile.get_by_role("link", name="Receipt")).to_be_visible()

    # --- a second invoice, paid by card through Stripe Checkout ------------------------------
    second = invoice_issue(
        invoice=invoice_create(
            trainer=trainer,
            client=trainer.clients.get(),
            lines=[{"description": "Monthly coaching", "unit_price_minor": 12000}],
        ),
        send=False,
    )
    mobile.goto(f"{live_server.url}/portal/invoices/{second.pk}/")
    mobile.locator("#pay-now").click()
    expect(mobile).to_have_url(re.compile(rf"^{re.escape(stripe_stub.url)}/checkout/"))
    expect(mobile.locator("#amount")).to_have_text("120.00 EUR")
    mobile.screenshot(path=screenshots / "5-checkout.png", full_page=True)
    mobile.get_by_role("button", name=re.compile("^Pay")).click()

    expect(mobile).to_have_url(re.compile(rf"/portal/invoices/{second.pk}/\?checkout=done"))
    expect(mobile.locator("#portal-paid")).to_be_visible(timeout=15000)
    _fits_the_phone(mobile)
    mobile.screenshot(path=screenshots / "6-paid-by-card.png", full_page=True)
    phone.close()

    assert [status for _type, status in stripe_stub.delivered] == [200, 200]
    second.refresh_from_db()
    assert (second.status, second.balance_due_minor) == ("paid", 0)
    card = Payment.objects.get(invoice=second)
    assert (card.method, card.amount_minor) == ("stripe", 12000)

    page.goto(f"{live_server.url}/dashboard/billing/invoices/{second.pk}/")
    expect(page.locator("#invoice-status")).to_contain_text("Paid")
    expect(page.get_by_text("Card (online)")).to_be_visible()
    desk.close()
