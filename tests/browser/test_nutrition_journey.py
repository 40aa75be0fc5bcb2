"""Nutrition in a real browser: a trainer writes a recipe (macros follow as they type),
builds two days of a meal plan, sets its targets and assigns it; the client, on a phone,
ticks two meals off and adds a food eaten off-plan; the trainer sees today's compliance
on the client's Nutrition tab."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, expect

from nutrition.library import load_food_library, load_recipe_tags
from nutrition.models import DiaryEntry, Food
from tests.factories.core import DEFAULT_PASSWORD, DEFAULT_PIN, ClientFactory, TrainerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))


def _add_ingredient(page: Page, search: str, name: str) -> None:
    page.locator("#food-q").fill(search)
    add = page.locator("#food-results").get_by_role("button", name=f"Add {name}", exact=True)
    add.click()
    expect(
        page.locator("#ingredient-editor .ingredient-name").filter(has_text=name)
    ).to_be_visible()


def _add_to_meal(page: Page, day: int, meal: str, search: str, name: str) -> None:
    card = page.locator(f"#day-{day}")
    picker = card.locator("details.picker").filter(has_text=f"Add to {meal.lower()}")
    picker.locator("summary").click()
    picker.get_by_role("searchbox").fill(search)
    picker.get_by_role("button", name=f"Add {name}", exact=True).click()
    # the item in the day's list (not the picker's result), once htmx swapped the day in
    item = page.locator(f"#day-{day} .items .item-name").filter(has_text=name)
    expect(item).to_be_visible()


def test_recipe_plan_assign_tick_and_compliance(live_server, browser: Browser, screenshots):
    # The library as the data migration leaves it (a flushed test database lost it, and
    # tests before this one may have left a few shared foods of their own).
    load_food_library()
    load_recipe_tags()
    trainer = TrainerFactory(user__email="sam@example.com", timezone="UTC")
    nora = ClientFactory(trainer=trainer, user__email="nora@example.com", user__first_name="Nora")
    base = live_server.url

    # --- the trainer writes a recipe; the macros follow the amounts -------------------
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    _sign_in(page, base)
    page.get_by_role("link", name="Nutrition", exact=True).click()
    expect(page).to_have_url(re.compile(r"/dashboard/nutrition/$"))
    page.goto(f"{base}/dashboard/nutrition/recipes/new/")
    page.get_by_label("Name", exact=True).fill("Protein oats")
    _add_ingredient(page, "oatmeal", "Rolled oats")  # found by its other name
    amount = page.locator("#ingredient-editor input.amount-input").first
    amount.fill("80")
    amount.press("Tab")
    page.locator("select[name='ingredients-0-unit']").select_option("g")
    page.wait_for_load_state("networkidle")  # the live macros have caught up
    _add_ingredient(page, "whey", "Whey protein powder")
    oats = Food.objects.get(trainer__isnull=True, name="Rolled oats")
    whey = Food.objects.get(trainer__isnull=True, name="Whey protein powder")
    scoop = whey.portions.get(name="1 scoop")
    kcal = oats.kcal * Decimal("0.8") + whey.kcal * scoop.grams / 100  # 80 g and one scoop
    expect(page.locator("#macros-serving")).to_contain_text(f"{kcal.quantize(Decimal(1))}")
    page.get_by_label("Vegetarian").check()
    page.screenshot(path=screenshots / "1-recipe-form.png", full_page=True)
    page.locator("#save-recipe").click()
    expect(page.get_by_role("heading", name="Protein oats")).to_be_visible()

    # --- two days of a plan, with targets ---------------------------------------------
    page.goto(f"{base}/dashboard/nutrition/plans/new/")
    page.get_by_label("Name").fill("Two-day start")
    page.get_by_role("button", name="Create and fill the week").click()
    expect(page).to_have_url(re.compile(r"/dashboard/nutrition/plans/\d+/$"))
    page.locator("#typed-panel summary").click()
    page.get_by_label("Energy (kcal a day)").fill("2000")
    page.get_by_label("Protein (g a day)").fill("150")
    page.get_by_label("Carbohydrate (g a day)").fill("200")
    page.get_by_label("Fat (g a day)").fill("67")
    page.locator("#save-targets").click()
    expect(page.locator("#target-kcal")).to_have_text("2,000 kcal")

    _add_to_meal(page, 1, "Breakfast", "protein", "Protein oats")
    _add_to_meal(page, 1, "Snacks", "banana", "Banana")
    _add_to_meal(page, 2, "Breakfast", "protein", "Protein oats")
    _add_to_meal(page, 2, "Lunch", "greek yogurt", "Greek yogurt, plain, nonfat")
    expect(page.locator("#day-1 .bar[data-key='kcal']")).to_contain_text("of 2,000 kcal")
    page.screenshot(path=screenshots / "2-plan-editor.png", full_page=True)

    page.locator("#assign-plan").click()
    page.locator(f"#client-{nora.pk}").check()
    page.locator("#confirm-assign").click()
    expect(page.locator("#assignments")).to_contain_text("Nora")
    page.screenshot(path=screenshots / "3-assigned.png", full_page=True)
    desk.close()

    # --- the client ticks two meals and logs a food off-plan, on a phone --------------
    phone = browser.new_context(**PHONE)
    mobile = phone.new_page()
    mobile.goto(f"{base}/portal/login/")
    mobile.get_by_label("Email").fill("nora@example.com")
    mobile.get_by_label("PIN").fill(DEFAULT_PIN)
    mobile.get_by_role("button", name="Sign in").click()
    expect(mobile.locator("#meals-card")).to_contain_text("Two-day start")
    mobile.screenshot(path=screenshots / "4-portal-home.png", full_page=True)
    mobile.locator("#meals-card").get_by_role("button").click()
    expect(mobile).to_have_url(re.compile(r"/portal/nutrition/$"))

    oats_card = mobile.locator("article.plan-item").filter(has_text="Protein oats")
    oats_card.locator("summary", has_text="Recipe").click()
    expect(oats_card).to_contain_text("80 g Rolled oats")
    oats_card.get_by_role("button", name=re.compile("^Ate it")).click()
    expect(mobile.locator("article.plan-item").filter(has_text="Protein oats")).to_contain_text(
        "Eaten"
    )
    banana = mobile.locator("article.plan-item").filter(has_text="Banana")
    banana.get_by_role("button", name=re.compile("^Ate it")).click()
    expect(mobile.locator("#ticked-count")).to_have_text("2 of 2 planned items ticked off")

    mobile.locator("#off-plan-q").fill("apple")
    add = mobile.locator("#food-results form").filter(has_text=re.compile(r"^\s*Apple\b")).first
    add.get_by_role("button", name=re.compile("^Add Apple")).click()
    expect(mobile.locator(".extra").filter(has_text="Apple")).to_be_visible()
    mobile.screenshot(path=screenshots / "5-portal-today.png", full_page=True)
    assert mobile.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()

    entries = DiaryEntry.objects.filter(client=nora)
    assert entries.filter(plan_entry__isnull=False, status="eaten").count() == 2
    assert entries.filter(plan_entry__isnull=True, food__name="Apple").count() == 1

    # --- the trainer sees today's compliance -----------------------------------------
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    _sign_in(page, base)
    page.goto(f"{base}/dashboard/clients/{nora.pk}/")
    page.get_by_role("link", name="Nutrition", exact=True).last.click()
    expect(page.locator("#compliance-day")).to_contain_text("of 2,000 kcal")
    expect(page.locator("#compliance-day")).to_contain_text("2 of 2 planned items ticked")
    today = page.locator("#compliance-days tbody tr").first
    expect(today).to_contain_text("%")
    expect(page.locator("#diary")).to_contain_text("Apple")
    page.screenshot(path=screenshots / "6-trainer-nutrition-tab.png", full_page=True)
    desk.close()
