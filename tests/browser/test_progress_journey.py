"""Body progress in a real browser: the trainer chooses a check-in day; the client, on a
phone, logs two weigh-ins, uploads a photo and fills in the weekly check-in; the trainer
sees the weight chart, the photo and the check-in on the dashboard, and replies; the
client reads the reply."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, expect

from progress.models import BodyMeasurement, CheckIn, ProgressPhoto, Reply
from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN, ClientFactory, TrainerFactory
from tests.progress import images

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESK = {"viewport": {"width": 1280, "height": 900}}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def sign_in_trainer(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_weigh_ins_photo_check_in_and_the_trainers_reply(
    live_server, browser: Browser, screenshots
):
    trainer = TrainerFactory(user__email="sam@example.com", user__first_name="Sam", timezone="UTC")
    client = ClientFactory(trainer=trainer, user__email="nora@example.com", user__first_name="Nora")
    today = trainer.today()
    base = live_server.url

    # --- the trainer makes today the weekly check-in day --------------------------------
    desk = browser.new_context(**DESK)
    page = desk.new_page()
    sign_in_trainer(page, base)
    page.goto(f"{base}/dashboard/clients/{client.pk}/progress/")
    expect(page.locator("#glance-check-in")).to_contain_text("Weekly check-ins are off")
    page.get_by_role("button", name="Progress settings").click()
    page.get_by_label("Weekly check-in day").select_option(label=WEEKDAYS[today.weekday()])
    page.get_by_label("Weight goal").select_option(label="Lose weight")
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator("#glance-check-in")).to_contain_text(
        f"Due every {WEEKDAYS[today.weekday()]}"
    )
    page.screenshot(path=screenshots / "1-trainer-settings.png", full_page=True)
    desk.close()

    # --- the client, on a phone: two weigh-ins --------------------------------------------
    phone = browser.new_context(**PHONE)
    mobile = phone.new_page()
    mobile.goto(f"{base}/portal/login/")
    mobile.get_by_label("Email").fill("nora@example.com")
    mobile.get_by_label("PIN").fill(DEFAULT_PIN)
    mobile.get_by_role("button", name="Sign in").click()
    expect(mobile).to_have_url(re.compile(r"/portal/$"))
    expect(mobile.locator("#check-in-card")).to_contain_text("Weekly check-in due today")

    card = mobile.locator("#weigh-in-card")
    yesterday = today - dt.timedelta(days=1)
    card.get_by_label("Weight (kg)").fill("82,6")  # a phone keypad's comma
    card.get_by_label("Date").fill(yesterday.isoformat())
    card.get_by_role("button", name="Save weigh-in").click()
    saved = mobile.locator("#weigh-in-card [role=status]")
    expect(saved).to_contain_text("Saved: 82.6 kg")
    expect(saved).to_be_focused()  # the keyboard lands on what changed
    mobile.locator("#weigh-in-card").get_by_label("Weight (kg)").fill("82.1")
    mobile.locator("#weigh-in-card").get_by_role("button", name="Save weigh-in").click()
    expect(mobile.locator("#weigh-in-card [role=status]")).to_contain_text("Saved: 82.1 kg")
    mobile.screenshot(path=screenshots / "2-portal-weigh-ins.png", full_page=True)
    no_sideways_scroll(mobile)

    # --- a progress photo ------------------------------------------------------------------
    mobile.goto(f"{base}/portal/progress/")
    expect(mobile.locator("#chart-weight")).to_contain_text("2 weigh-ins")
    mobile.get_by_role("button", name="Add a photo").click()
    mobile.get_by_label("Photo").set_input_files(
        {"name": "front.jpg", "mimeType": "image/jpeg", "buffer": images.jpeg_with_location()}
    )
    mobile.get_by_label("Pose").select_option("front")
    mobile.locator("#upload-photo").click()
    expect(mobile.get_by_text("Photo saved.")).to_be_visible()
    thumb = mobile.locator("img.photo-thumb").first
    expect(thumb).to_be_visible()
    thumb.page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle()
    )  # loaded and decoded (waits while the image is on its way)
    mobile.screenshot(path=screenshots / "3-portal-photo.png", full_page=True)
    no_sideways_scroll(mobile)

    # --- the weekly check-in -----------------------------------------------------------------
    mobile.goto(f"{base}/portal/")
    mobile.locator("#start-check-in").click()
    for name, score in [("Energy", "4"), ("Sleep", "3"), ("Stress", "2"), ("Hunger", "3")]:
        mobile.get_by_role("group", name=name).get_by_role("radio", name=score).check()
    mobile.get_by_role("group", name="Sticking to the plan").get_by_role("radio", name="5").tap()
    mobile.get_by_label("Anything to tell your trainer?").fill("Shoulder felt tight on Friday.")
    mobile.screenshot(path=screenshots / "4-portal-check-in-form.png", full_page=True)
    no_sideways_scroll(mobile)
    mobile.locator("#send-check-in").click()
    expect(mobile.get_by_text("Check-in sent.")).to_be_visible()
    mobile.screenshot(path=screenshots / "5-portal-check-in-sent.png", full_page=True)

    assert list(
        BodyMeasurement.objects.order_by("measured_on").values_list("measured_on", "weight_kg")
    ) == [(yesterday, Decimal("82.60")), (today, Decimal("82.10"))]
    assert ProgressPhoto.objects.filter(client=client).count() == 1
    check_in = CheckIn.objects.get(client=client)
    assert (check_in.energy, check_in.adherence) == (4, 5)

    # --- the trainer sees it all, and replies ------------------------------------------------
    desk = browser.new_context(**DESK)
    page = desk.new_page()
    sign_in_trainer(page, base)
    waiting = page.locator("#check-ins-waiting")
    expect(waiting).to_contain_text("Nora")
    expect(waiting).to_contain_text("Shoulder felt tight on Friday.")
    page.screenshot(path=screenshots / "6-trainer-dashboard.png", full_page=True)

    page.goto(f"{base}/dashboard/clients/{client.pk}/progress/")
    chart = page.locator("#chart-weight")
    expect(chart).to_contain_text("2 weigh-ins")
    expect(chart.locator("circle.chart-dot")).to_have_count(2)
    photo = page.locator("#photos img.photo-thumb").first
    expect(photo).to_be_visible()
    photo.page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=photo.element_handle()
    )  # loaded and decoded (waits while the image is on its way)
    expect(page.locator("#check-ins")).to_contain_text("Waiting for your reply")
    page.screenshot(path=screenshots / "7-trainer-progress-tab.png", full_page=True)

    page.locator("#check-ins").get_by_role("link", name=re.compile("Week due")).click()
    expect(page.get_by_text("Shoulder felt tight on Friday.")).to_be_visible()
    page.get_by_label("Your reply").fill("Great week! Skip the overhead press until we check it.")
    page.get_by_role("button", name="Send reply").click()
    mine = page.locator(".message-bubble.mine").last
    expect(mine).to_contain_text("Skip the overhead press")
    expect(mine).to_be_focused()
    page.screenshot(path=screenshots / "8-trainer-reply.png", full_page=True)
    desk.close()
    assert Reply.objects.get().by_trainer

    # --- the client reads the reply --------------------------------------------------------
    mobile.goto(f"{base}/portal/")
    replies = mobile.locator("#replies-card")
    expect(replies).to_contain_text("Skip the overhead press")
    mobile.screenshot(path=screenshots / "9-portal-new-reply.png", full_page=True)
    # the shown thread posts its read receipt (the GET itself writes nothing)
    with mobile.expect_response(lambda r: r.request.method == "POST" and r.status == 204):
        replies.get_by_role("link").first.click()
    expect(mobile.locator(".message-bubble").last).to_contain_text("Skip the overhead press")
    mobile.screenshot(path=screenshots / "10-portal-thread.png", full_page=True)
    no_sideways_scroll(mobile)
    mobile.goto(f"{base}/portal/")
    expect(mobile.locator("#replies-card")).to_have_count(0)  # read now
    phone.close()
