"""Demo nutrition: six recipes from the food library, a week-long template plan with
targets, assigned to demo clients, and a few days of the first client's diary (ticked
meals, a skipped one, a snack eaten off-plan).

Runs once per demo trainer (skipped when the template already exists)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from clients.models import Client
from nutrition.models import DiaryStatus, Food, MealPlan, MealPlanAssignment, Recipe, RecipeTag
from nutrition.selectors.today import day_meals
from nutrition.services.assignments import plan_assign
from nutrition.services.diary import diary_add_food, diary_tick
from nutrition.services.plans import entry_add, plan_create
from nutrition.services.recipes import IngredientInput, recipe_create
from trainers.models import Trainer

TEMPLATE_NAME = "Lean & Strong (1,800 kcal)"

# name, servings, prep, cook, tags, [(food, grams | (portion, how many))], method
Ingredient = tuple[str, Decimal | tuple[str, int]]
RECIPES: list[tuple[str, int, int, int, list[str], list[Ingredient], str]] = [
    ("Overnight oats with berries", 1, 5, 0, ["vegetarian", "meal-prep", "quick"], [
        ("Rolled oats", Decimal(60)),
        ("Greek yogurt, plain, nonfat", Decimal(150)),
        ("Milk, skim", Decimal(120)),
        ("Blueberries", Decimal(80)),
        ("Honey", ("1 tsp", 1)),
    ], "Stir the oats, yogurt and milk together in a jar.\nTop with the blueberries and honey.\n"
       "Cover and leave in the fridge overnight; eat cold."),
    ("Scrambled eggs on toast", 1, 3, 5, ["vegetarian", "quick"], [
        ("Egg, whole, raw", ("1 large egg", 3)),
        ("Bread, whole wheat", ("1 slice", 2)),
        ("Butter", ("1 tsp", 1)),
    ], "Whisk the eggs with a pinch of salt.\nMelt the butter in a pan on low heat, add the "
       "eggs and stir slowly until just set.\nServe on the toast."),
    ("Chicken, rice and broccoli bowl", 2, 10, 15,
     ["high-protein", "dairy-free", "gluten-free", "meal-prep"], [
        ("Chicken breast, skinless, roasted", Decimal(300)),
        ("Rice, white, long-grain, cooked", ("1 cup", 2)),
        ("Broccoli, boiled", Decimal(200)),
        ("Olive oil", ("1 tbsp", 1)),
    ], "Slice the roasted chicken.\nSteam or boil the broccoli for 4 minutes.\nSplit the rice, "
       "chicken and broccoli between two boxes and drizzle with the olive oil."),
    ("Salmon with sweet potato and spinach", 1, 5, 25,
     ["pescatarian", "gluten-free", "dairy-free"], [
        ("Salmon, Atlantic, raw", Decimal(150)),
        ("Sweet potato, baked", Decimal(200)),
        ("Spinach, raw", Decimal(60)),
        ("Olive oil", ("1 tsp", 1)),
    ], "Bake the salmon at 200 °C for 12\u201315 minutes.\nWarm the baked sweet potato.\nWilt the "
       "spinach in the olive oil and serve together."),
    ("Lentil and quinoa salad", 2, 15, 0, ["vegan", "dairy-free", "meal-prep"], [
        ("Lentils, cooked", Decimal(300)),
        ("Quinoa, cooked", ("1 cup", 1)),
        ("Cherry tomatoes", Decimal(200)),
        ("Bell pepper, red", Decimal(120)),
        ("Olive oil", ("1 tbsp", 1)),
    ], "Halve the tomatoes and dice the pepper.\nToss everything with the olive oil, salt, "
       "pepper and a squeeze of lemon."),
    ("Peanut butter banana toast", 1, 3, 2, ["vegetarian", "quick"], [
        ("Bread, whole wheat", ("1 slice", 2)),
        ("Peanut butter", ("1 tbsp", 2)),
        ("Banana", ("1 medium banana", 1)),
    ], "Toast the bread, spread the peanut butter and top with the sliced banana."),
]  # fmt: skip

# day -> meal -> [(recipe or food, servings or (portion, how many) or grams)]
Item = tuple[str, Decimal | tuple[str, int]]
BREAKFASTS = ["Overnight oats with berries", "Scrambled eggs on toast"]
LUNCHES = ["Chicken, rice and broccoli bowl", "Lentil and quinoa salad"]
DINNERS = ["Salmon with sweet potato and spinach", "Chicken, rice and broccoli bowl"]
SNACKS: list[list[Item]] = [
    [
        ("Greek yogurt, plain, nonfat", ("1 container (6 oz)", 1)),
        ("Almonds", ("1 oz (23 almonds)", 1)),
    ],
    [("Apple", ("1 medium apple", 1)), ("Whey protein powder", ("1 scoop", 1))],
    [("Peanut butter banana toast", Decimal(1))],
]


def _foods(names: set[str]) -> dict[str, Food]:
    found = Food.objects.filter(trainer__isnull=True, name__in=names).prefetch_related("portions")
    return {food.name: food for food in found}


def _amount(food: Food, how: Decimal | tuple[str, int]) -> dict[str, Any]:
    if isinstance(how, Decimal):
        return {"grams": how}
    portion = next((p for p in food.portions.all() if p.name == how[0]), None)
    if portion is None:  # a library without that portion: its weight in grams instead
        return {"grams": Decimal(100) * how[1]}
    return {"portion": portion, "quantity": Decimal(how[1])}


def demo_recipes(*, trainer: Trainer) -> dict[str, Recipe]:
    names = {food for *_, items, _method in RECIPES for food, _ in items}
    foods = _foods(names)
    tags = {tag.slug: tag for tag in RecipeTag.objects.all()}
    recipes = {}
    for name, servings, prep, cook, tag_slugs, items, method in RECIPES:
        ingredients: list[IngredientInput] = [
            {"food": foods[food], **_amount(foods[food], how)}  # type: ignore[typeddict-item]
            for food, how in items
            if food in foods  # a trimmed library: skip rather than fail
        ]
        if not ingredients:
            continue
        recipes[name] = recipe_create(
            trainer=trainer,
            name=name,
            servings=servings,
            prep_minutes=prep,
            cook_minutes=cook,
            instructions=method,
            tags=[tags[slug] for slug in tag_slugs if slug in tags],
            ingredients=ingredients,
        )
    return recipes


def _fill_week(plan: MealPlan, recipes: dict[str, Recipe]) -> None:
    slots = {slot.name: slot for slot in plan.slots.all()}
    snack_foods = _foods({food for day in SNACKS for food, _ in day})
    for day in plan.days.order_by("day_number"):
        n = day.day_number - 1
        for meal, options in (("Breakfast", BREAKFASTS), ("Lunch", LUNCHES), ("Dinner", DINNERS)):
            recipe = recipes.get(options[n % len(options)])
            if recipe is not None:
                entry_add(day=day, slot=slots[meal], recipe=recipe, servings=Decimal(1))
        for name, how in SNACKS[n % len(SNACKS)]:
            if name in recipes:
                entry_add(day=day, slot=slots["Snacks"], recipe=recipes[name], servings=how)
            elif name in snack_foods:
                food = snack_foods[name]
                entry_add(day=day, slot=slots["Snacks"], food=food, **_amount(food, how))


def _diary(client: Client) -> None:
    """Three days back and this morning: mostly on plan, a skipped snack, an extra."""
    today = client.trainer.today()
    extra = _foods({"Banana"}).get("Banana")
    for back in (3, 2, 1, 0):
        on = today - timedelta(days=back)
        day = day_meals(client=client, on=on)
        for index, item in enumerate(day.planned_items):
            if back == 0 and item.entry.slot.name != "Breakfast":
                continue  # today: only breakfast so far
            skipped = back == 2 and item.entry.slot.name == "Snacks"
            status = DiaryStatus.SKIPPED if skipped else DiaryStatus.EATEN
            more = (
                {"servings": Decimal("1.5")}
                if back == 1 and index == 2 and item.entry.recipe_id
                else {}
            )
            diary_tick(client=client, plan_entry=item.entry, on=on, status=status, **more)  # type: ignore[arg-type]
        if back == 3 and extra is not None:
            diary_add_food(
                client=client,
                on=on,
                meal="Snacks",
                food=extra,
                **_amount(extra, ("1 medium banana", 1)),
            )


def demo_nutrition(*, trainer: Trainer, clients: list[Client]) -> list[MealPlanAssignment]:
    """The recipes, the template and its assignments (started a week ago, so today is
    day 1 again) with a few days of diary; nothing when the template is already there."""
    if MealPlan.objects.for_trainer(trainer).filter(name=TEMPLATE_NAME).exists():
        return []
    recipes = demo_recipes(trainer=trainer)
    template = plan_create(
        trainer=trainer,
        name=TEMPLATE_NAME,
        is_template=True,
        description="Three meals and a snack a day, high in protein, for steady fat loss "
        "while training three times a week.",
        target_kcal=1800,
        target_protein_g=140,
        target_carbs_g=180,
        target_fat_g=60,
    )
    _fill_week(template, recipes)
    start = trainer.today() - timedelta(days=7)
    assignments = [plan_assign(plan=template, client=c, start_date=start) for c in clients]
    if assignments:
        _diary(clients[0])
    return assignments
