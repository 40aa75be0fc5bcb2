"""The training slice in a real browser, as a trainer and a client meet it in their first
real week: copying a week with a progression, Back after a delete, the keyboard focus
after adding an exercise, a % of 1RM load on a phone, a reload while logging, a locked
client, and a gym full of clients signing in from one address. Screenshots of the
builder (1024 and 1440 px) and the portal (390 px) go to test-artifacts/screenshots/."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from programs.library import load_exercise_library
from programs.models import Exercise, PrescribedExercise
from programs.services import assignments, builder
from progress.models import SetLog, WorkoutLog
from progress.services import one_rep_max_set
from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN, ClientFactory, TrainerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def library(name: str) -> Exercise:
    if not Exercise.objects.filter(trainer__isnull=True).exists():
        load_exercise_library()  # a flushed test database lost the migrated library
    return Exercise.objects.get(trainer__isnull=True, name=name)


def trainer_desk(browser: Browser, live_server, width: int = 1280) -> tuple[BrowserContext, Page]:
    desk = browser.new_context(viewport={"width": width, "height": 900})
    page = desk.new_page()
    # The window in front has the keyboard focus: a page left open by an earlier test
    # must not keep it, or no element here could ever be focused.
    page.bring_to_front()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    return desk, page


def client_phone(browser: Browser, live_server, email: str) -> tuple[BrowserContext, Page]:
    phone = browser.new_context(**PHONE)
    page = phone.new_page()
    page.goto(f"{live_server.url}/portal/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("PIN").fill(DEFAULT_PIN)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/portal/$"))
    return phone, page


def block(trainer, *, weeks: int = 4, days: tuple[int, ...] = (1, 3, 5)):
    """A program whose week 1 has a squat, a bench press and a plank on each of `days`."""
    program = builder.program_create(trainer=trainer, name="Strength block", duration_weeks=weeks)
    for number in days:
        day = builder.program_day_add(program=program, week=1, day=number, title=f"Day {number}")
        builder.prescription_add(
            program_day=day, exercise=library("Barbell Back Squat"), sets=4, reps_min=5,
            load_kg=Decimal("100"),
        )  # fmt: skip
        builder.prescription_add(
            program_day=day, exercise=library("Barbell Bench Press"), sets=3, reps_min=8,
            reps_max=10, load_kg=Decimal("60"),
        )  # fmt: skip
        builder.prescription_add(
            program_day=day, exercise=library("Front Plank"), sets=3, reps_min=None,
            duration_seconds=30,
        )  # fmt: skip
    return program


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_copy_week_1_through_the_block_with_a_progression(live_server, browser, screenshots):
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    program = block(trainer)
    desk, page = trainer_desk(browser, live_server, width=1440)
    page.goto(f"{live_server.url}/dashboard/programs/{program.pk}/")

    page.locator("#repeat-week-1").click()
    form = page.locator("#copy-week-1-form")
    expect(form).to_be_visible()
    expect(form.get_by_label("Copy to")).to_have_value("later")
    form.get_by_label("Load step a week").fill("2.5")
    form.get_by_label("Reps step a week").fill("1")
    page.screenshot(path=screenshots / "1-copy-form-1440.png", full_page=True)
    form.get_by_role("button", name="Copy week").click()

    notice = page.locator("#weeks-notice")
    expect(notice).to_have_text(
        "Week 1 is copied to weeks 2\N{EN DASH}4, +2.5 kg and +1 rep a week."
    )
    expect(notice).to_be_focused()
    for week in (2, 3, 4):
        expect(page.locator(f"#week-{week}-count")).to_have_text("3 training days · 9 exercises")
    page.locator("#week-4 > summary").click()  # a closed week loads its days when opened
    squat = page.locator("#week-4 li.rx").first
    expect(squat.locator("input[name$='-load']")).to_have_value("107.5")
    expect(squat.locator("input[name$='-reps']")).to_have_value("8")
    no_sideways_scroll(page)
    page.screenshot(path=screenshots / "2-builder-1440.png", full_page=True)
    desk.close()

    desk, page = trainer_desk(browser, live_server, width=1024)
    page.goto(f"{live_server.url}/dashboard/programs/{program.pk}/?week=3")
    expect(page.locator("#week-3 li.rx").first).to_be_visible()
    no_sideways_scroll(page)
    page.screenshot(path=screenshots / "3-builder-1024.png", full_page=True)
    desk.close()
    loads = PrescribedExercise.objects.filter(
        day__program=program, exercise__name="Barbell Back Squat"
    ).values_list("day__week", "load_kg")
    assert dict(loads) == {
        1: Decimal("100.00"),
        2: Decimal("102.50"),
        3: Decimal("105.00"),
        4: Decimal("107.50"),
    }


def test_back_after_a_delete_shows_the_program_as_it_is(live_server, browser, screenshots):
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    program = block(trainer, weeks=1, days=(1,))
    desk, page = trainer_desk(browser, live_server)
    page.goto(f"{live_server.url}/dashboard/programs/{program.pk}/")
    rows = page.locator("li.rx")
    expect(rows).to_have_count(3)

    bench = rows.nth(1)
    bench.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="Remove").click()
    expect(rows).to_have_count(2)
    expect(page.locator(".slot-training small").first).to_have_text("2 exercises")
    page.get_by_role("link", name="Exercises").click()
    expect(page).to_have_url(re.compile(r"/dashboard/exercises/"))
    page.go_back()

    expect(page.locator("li.rx")).to_have_count(2)
    expect(page.get_by_text("Barbell Bench Press")).to_have_count(0)
    page.screenshot(path=screenshots / "1-after-back.png", full_page=True)

    # an exercise removed behind the page's back (another tab): editing it says so
    PrescribedExercise.objects.filter(day__program=program, exercise__name="Front Plank").delete()
    plank = page.locator("li.rx").nth(1)
    plank.locator("input[name$='-sets']").fill("5")
    plank.locator("input[name$='-sets']").press("Tab")
    alert = plank.locator(".fragment-error")
    expect(alert).to_contain_text("This exercise was removed")
    expect(alert.get_by_role("button", name="Reload the page")).to_be_focused()
    page.screenshot(path=screenshots / "2-removed-elsewhere.png", full_page=True)
    desk.close()


def test_adding_an_exercise_with_the_keyboard_puts_the_focus_in_its_sets(
    live_server, browser, screenshots
):
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    program = block(trainer, weeks=1, days=(1,))
    day = program.days.get()
    desk, page = trainer_desk(browser, live_server)
    page.goto(f"{live_server.url}/dashboard/programs/{program.pk}/")

    page.locator(f"#picker-{day.pk}-open").focus()
    page.keyboard.press("Enter")  # opens the picker
    page.keyboard.press("Tab")
    expect(page.locator(f"#picker-{day.pk}-q")).to_be_focused()
    page.keyboard.type("goblet squat")
    add = page.locator(f"#picker-{day.pk}-results").get_by_role("button", name="Add Goblet Squat")
    expect(add).to_be_visible()
    page.keyboard.press("Tab")  # the Search button
    page.keyboard.press("Tab")  # the first result's Add button
    expect(add).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator(f"#day-{day.pk}-exercises li.rx")).to_have_count(4)
    added = PrescribedExercise.objects.get(day=day, exercise__name="Goblet Squat")
    sets = page.locator(f"input[name='rx{added.pk}-sets']")
    expect(sets).to_be_focused()
    expect(page.locator(f"#slot-{day.pk}-count")).to_have_text("4 exercises")
    page.keyboard.press("ControlOrMeta+A")  # the trainer carries on where the focus is
    page.keyboard.type("5")
    page.keyboard.press("Tab")
    expect(page.locator(f"#rx-{added.pk}-status")).to_have_text("Saved")
    added.refresh_from_db()
    assert added.sets == 5
    page.screenshot(path=screenshots / "1-added-by-keyboard.png", full_page=True)

    # moving a row keeps the focus on the button pressed
    page.locator(f"#rx-{added.pk}").get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#rx-{added.pk}").get_by_role("button", name="Move up")).to_be_focused()
    desk.close()


def test_a_percent_of_1rm_prescription_shows_a_rounded_load(live_server, browser, screenshots):
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    nora = ClientFactory(trainer=trainer, user__email="nora@example.com", user__first_name="Nora")
    program = builder.program_create(trainer=trainer, name="Percent block", duration_weeks=1)
    day = builder.program_day_add(program=program, week=1, day=1, title="Heavy day")
    squat = library("Barbell Back Squat")
    builder.prescription_add(
        program_day=day, exercise=squat, sets=3, reps_min=5, load_percent_1rm=Decimal("72.5")
    )
    assignments.program_assign(program=program, client=nora, start_date=trainer.today())
    one_rep_max_set(client=nora, exercise=squat, weight_kg=Decimal("103"))  # 74.675 kg

    phone, page = client_phone(browser, live_server, "nora@example.com")
    page.goto(f"{live_server.url}/portal/training/")
    load = page.locator(".target-load").first
    expect(load).to_have_text("75 kg")
    expect(page.get_by_text("From your 1RM of 103 kg, set by your trainer")).to_be_visible()
    page.screenshot(path=screenshots / "1-portal-today-390.png", full_page=True)
    page.locator("#log-today").click()
    expect(page.locator("input[name='sets-0-load']")).to_have_value("75")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=screenshots / "2-portal-log-390.png", full_page=True)
    phone.close()


def test_a_reload_while_logging_keeps_the_typed_sets(live_server, browser, screenshots):
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    nora = ClientFactory(trainer=trainer, user__email="nora@example.com", user__first_name="Nora")
    program = block(trainer, weeks=1, days=(1,))
    assignments.program_assign(program=program, client=nora, start_date=trainer.today())

    phone, page = client_phone(browser, live_server, "nora@example.com")
    page.goto(f"{live_server.url}/portal/training/")
    page.locator("#log-today").click()
    page.locator("input[name='sets-0-reps']").fill("6")
    page.locator("input[name='sets-0-load']").fill("102.5")
    page.locator("input[name='sets-0-done']").check()
    page.locator("input[name='sets-1-done']").check()

    page.reload()

    expect(page.locator("#draft-restored")).to_be_visible()
    expect(page.locator("input[name='sets-0-reps']")).to_have_value("6")
    expect(page.locator("input[name='sets-0-load']")).to_have_value("102.5")
    expect(page.locator("input[name='sets-0-done']")).to_be_checked()
    expect(page.locator("input[name='sets-1-done']")).to_be_checked()
    expect(page.locator("input[name='sets-2-done']")).not_to_be_checked()
    page.screenshot(path=screenshots / "1-restored-390.png", full_page=True)

    # the connection drops: Save says so by the buttons, and the sets stay on the phone
    phone.set_offline(True)
    page.locator(".log-actions").get_by_role("button", name="Save").click()
    expect(page.locator("#log-offline")).to_be_visible()
    page.screenshot(path=screenshots / "2-offline-390.png", full_page=True)
    phone.set_offline(False)
    page.locator(".log-actions").get_by_role("button", name="Save").click()
    expect(page.locator("#log-saved")).to_contain_text("Keep going!")
    expect(page.locator("#log-saved")).to_be_in_viewport()

    log = WorkoutLog.objects.get(client=nora)
    assert list(
        SetLog.objects.filter(workout_log=log)
        .order_by("set_number")
        .values_list("set_number", "reps", "load_kg")
    ) == [(1, 6, Decimal("102.50")), (2, 5, Decimal("100.00"))]
    # saved: a reload shows what the server has, and no draft notice
    page.reload()
    expect(page.locator("#draft-restored")).to_be_hidden()
    expect(page.locator("input[name='sets-0-reps']")).to_have_value("6")
    phone.close()


def test_a_locked_client_is_told_so(live_server, browser, screenshots):
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    ClientFactory(trainer=trainer, user__email="nora@example.com", user__first_name="Nora")
    phone = browser.new_context(**PHONE)
    page = phone.new_page()
    page.goto(f"{live_server.url}/portal/login/")
    errors = page.locator(".form-errors")

    def attempt(pin: str) -> None:
        page.get_by_label("Email").fill("nora@example.com")
        page.get_by_label("PIN").fill(pin)
        page.get_by_role("button", name="Sign in").click()

    for _ in range(7):
        attempt("111222")
    expect(errors).to_contain_text("3 tries left before sign-in is locked for 60 minutes.")
    page.screenshot(path=screenshots / "1-tries-left-390.png", full_page=True)
    for _ in range(3):
        attempt("111222")
    attempt(DEFAULT_PIN)  # the right PIN, too late

    expect(errors).to_contain_text(
        "Sign-in is locked after too many wrong PINs. Ask your trainer for a new PIN"
    )
    expect(page).to_have_url(re.compile(r"/portal/login/"))
    page.screenshot(path=screenshots / "2-locked-390.png", full_page=True)
    phone.close()


def test_a_gym_of_30_clients_signs_in_from_one_address(live_server, browser, settings):
    settings.PORTAL_LOGIN_IP_LIMIT = 30
    settings.PORTAL_LOGIN_IP_WINDOW_SECONDS = 600
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    members = [
        ClientFactory(trainer=trainer, user__email=f"member{n}@example.com") for n in range(30)
    ]
    phone = browser.new_context(**PHONE)
    page = phone.new_page()

    for member in members:  # every one of them gets in
        page.goto(f"{live_server.url}/portal/login/")
        page.get_by_label("Email").fill(member.user.email)
        page.get_by_label("PIN").fill(DEFAULT_PIN)
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_url(re.compile(r"/portal/$"))
        page.get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(re.compile(r"/portal/login/$"))

    answers = []
    for n in range(31):  # a guesser on the same network
        page.get_by_label("Email").fill(f"guess{n}@example.com")
        page.get_by_label("PIN").fill("123123")
        with page.expect_response(re.compile(r"/portal/login/$")) as sent:
            page.get_by_role("button", name="Sign in").click()
        answers.append(sent.value.status)

    assert answers[:30] == [200] * 30
    assert answers[30] == 429
    expect(page.locator(".form-errors")).to_contain_text(
        "Too many sign-in attempts from this network"
    )
    phone.close()
