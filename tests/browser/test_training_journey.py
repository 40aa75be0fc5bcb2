"""The core coaching loop in a real browser: a trainer builds a one-week program with
three exercises and assigns it; the client logs today's workout on a phone; the trainer
sees the log and the adherence on the client's page."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from programs.library import load_exercise_library
from programs.models import Exercise
from progress.models import SetLog, WorkoutLog
from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN, ClientFactory, TrainerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
EXERCISES = ["Goblet Squat", "Push-Up", "Seated Cable Row"]


def _add_exercise(page: Page, day_pk: str, name: str) -> None:
    picker = page.locator(f"#picker-{day_pk}")
    if picker.get_attribute("open") is None:
        picker.locator("summary").click()
    page.locator(f"#picker-{day_pk}-q").fill(name)
    add = page.locator(f"#picker-{day_pk}-results").get_by_role(
        "button", name=re.compile(rf"^Add {re.escape(name)}$")
    )
    add.click()
    expect(page.locator(f"#day-{day_pk}-exercises").get_by_text(name).first).to_be_visible()


def test_build_assign_log_and_review(live_server, browser: Browser, screenshots):
    if not Exercise.objects.filter(trainer__isnull=True).exists():
        load_exercise_library()  # a flushed test database lost the migrated library
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    client = ClientFactory(trainer=trainer, user__email="nora@example.com", user__first_name="Nora")

    # --- trainer builds a 1-week program ------------------------------------------
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))

    page.goto(f"{live_server.url}/dashboard/programs/new/")
    page.get_by_label("Name").fill("Starter Strength")
    page.get_by_label(re.compile("weeks", re.I)).fill("1")
    page.get_by_role("button", name="Create and add days").click()
    expect(page).to_have_url(re.compile(r"/dashboard/programs/\d+/"))
    builder_url = page.url.split("?")[0].split("#")[0]

    # today is day 1 of the program when it starts today
    page.locator("#add-w1-d1").fill("Full body")
    page.locator("#add-w1-d1").locator("xpath=..").get_by_role(
        "button", name="Add training day"
    ).click()
    day = page.locator("article.day-card[id^=day-]").first
    expect(day).to_contain_text("Full body")
    day_pk = (day.get_attribute("id") or "").removeprefix("day-")
    for name in EXERCISES:
        _add_exercise(page, day_pk, name)
    rows = page.locator(f"#day-{day_pk}-exercises li.rx")
    expect(rows).to_have_count(3)

    # set the dose of the squat inline (htmx saves the row without a reload)
    squat = rows.first
    squat.locator("input[name$='sets']").fill("4")
    squat.locator("input[name$='reps']").fill("8-10")
    squat.locator("input[name$='-load']").fill("24")
    with page.expect_response(lambda r: "-load=24" in (r.request.post_data or "")):
        squat.get_by_role("button", name="Save").click()
    expect(squat.locator(".rx-saved")).to_have_text("Saved")
    page.reload()  # what was stored, not just what was typed
    squat = page.locator(f"#day-{day_pk}-exercises li.rx").first
    expect(squat.locator("input[name$='sets']")).to_have_value("4")
    expect(squat.locator("input[name$='reps']")).to_have_value("8-10")
    expect(squat.locator("input[name$='-load']")).to_have_value(re.compile(r"^24(\.0+)?$"))
    page.screenshot(path=screenshots / "1-builder.png", full_page=True)

    # --- assign it to the client starting today ---------------------------------------
    page.goto(f"{builder_url}assign/")
    page.locator(f"#client-{client.pk}").check()
    page.locator("#confirm-assign").click()
    expect(page.get_by_text("Nora").first).to_be_visible()
    page.screenshot(path=screenshots / "2-assigned.png", full_page=True)
    desk.close()

    # --- the client logs today's workout on a phone -----------------------------------
    phone = browser.new_context(**PHONE)
    mobile = phone.new_page()
    mobile.goto(f"{live_server.url}/portal/login/")
    mobile.get_by_label("Email").fill("nora@example.com")
    mobile.get_by_label("PIN").fill(DEFAULT_PIN)
    mobile.get_by_role("button", name="Sign in").click()
    expect(mobile).to_have_url(re.compile(r"/portal/$"))
    mobile.goto(f"{live_server.url}/portal/training/")
    expect(mobile.locator("#today-state")).to_have_attribute("data-state", "training")
    for name in EXERCISES:
        expect(mobile.get_by_text(name).first).to_be_visible()
    mobile.screenshot(path=screenshots / "3-portal-today.png", full_page=True)

    mobile.locator("#log-today").click()
    form = mobile.locator("#log-form")
    expect(form).to_be_visible()
    # prefilled from the prescription: four squat sets at 24 kg
    loads = form.locator("input[name$='-load']")
    expect(loads.first).to_have_value(re.compile(r"^24(\.0+)?$"))
    form.locator("input[name$='-reps']").first.fill("10")
    for done in form.locator("input[name$='-done']").all():  # sets start unticked
        done.check()
    mobile.screenshot(path=screenshots / "4-portal-log.png", full_page=True)
    mobile.locator("#finish-workout").click()
    expect(
        mobile.get_by_text(re.compile("finished|Saved|Well done|Completed", re.I)).first
    ).to_be_visible()
    mobile.screenshot(path=screenshots / "5-portal-finished.png", full_page=True)
    assert mobile.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()

    log = WorkoutLog.objects.get(client=client)
    assert log.status == "completed"
    squat_sets = SetLog.objects.filter(workout_log=log, exercise__name="Goblet Squat")
    assert squat_sets.count() == 4
    assert squat_sets.filter(set_number=1, reps=10).exists()

    # --- the trainer sees the log and the adherence -----------------------------------
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/dashboard/clients/{client.pk}/training/")
    expect(page.locator("#adherence")).to_contain_text("1 of 1 scheduled workout")
    expect(page.locator("#adherence")).to_contain_text("100%")
    expect(page.get_by_text("Goblet Squat").first).to_be_visible()
    page.screenshot(path=screenshots / "6-trainer-training-tab.png", full_page=True)
    desk.close()
