"""Example bodies for the meals API documentation."""

from __future__ import annotations

from typing import Any

MACROS = {"kcal": 424, "protein_g": 28.0, "carbs_g": 69.4, "fat_g": 4.9, "fiber_g": 8.9}

FOOD: dict[str, Any] = {
    "id": 612,
    "name": "Skyr, plain",
    "brand": "Siggi's",
    "aliases": ["Icelandic yogurt"],
    "category": "eggs-dairy",
    "kcal": 63,
    "protein_g": 11.0,
    "carbs_g": 4.0,
    "fat_g": 0.2,
    "fiber_g": 0.0,
    "alcohol_g": 0.0,
    "portions": [{"id": 1401, "name": "1 pot (150 g)", "grams": 150.0}],
    "is_global": False,
    "created_at": "2026-03-01T10:00:00Z",
    "updated_at": "2026-03-01T10:00:00Z",
}
FOOD_WRITE = {
    k: v if k != "portions" else [{"name": "1 pot (150 g)", "grams": 150}]
    for k, v in FOOD.items()
    if k not in {"id", "is_global", "created_at", "updated_at"}
}

RECIPE_WRITE: dict[str, Any] = {
    "name": "Overnight oats with berries",
    "description": "Make it the night before.",
    "instructions": "Stir the oats, yogurt and milk together.\nTop with the berries.",
    "servings": 1,
    "prep_minutes": 5,
    "cook_minutes": 0,
    "tags": ["vegetarian", "meal-prep"],
    "ingredients": [
        {"food": 101, "grams": 60, "note": ""},
        {"food": 214, "portion": 530, "quantity": 1, "note": "plain"},
        {"food": 388, "grams": 80, "note": ""},
    ],
}
RECIPE: dict[str, Any] = {
    "id": 31,
    **RECIPE_WRITE,
    "ingredients": [
        {
            "id": 90,
            "food": 101,
            "food_name": "Rolled oats",
            "grams": 60.0,
            "portion": None,
            "quantity": None,
            "note": "",
        },
        {
            "id": 91,
            "food": 214,
            "food_name": "Greek yogurt, plain, nonfat",
            "grams": 170.0,
            "portion": 530,
            "quantity": 1.0,
            "note": "plain",
        },
        {
            "id": 92,
            "food": 388,
            "food_name": "Blueberries",
            "grams": 80.0,
            "portion": None,
            "quantity": None,
            "note": "",
        },
    ],
    "macros": {"total": MACROS, "per_serving": MACROS},
    "created_at": "2026-03-01T10:00:00Z",
    "updated_at": "2026-03-01T10:00:00Z",
}

ENTRY_WRITE = [
    {"slot": "Breakfast", "recipe": 31, "servings": 1},
    {"slot": "Snacks", "food": 612, "portion": 1401, "quantity": 1},
]
PLAN_WRITE: dict[str, Any] = {
    "name": "Lean & Strong",
    "description": "Three meals and a snack a day.",
    "is_template": True,
    "target_kcal": 1800,
    "target_protein_g": 140,
    "target_carbs_g": 180,
    "target_fat_g": 60,
    "slots": [{"name": "Breakfast"}, {"name": "Lunch"}, {"name": "Dinner"}, {"name": "Snacks"}],
    "days": [{"day_number": 1, "title": "Training day", "entries": ENTRY_WRITE}],
}
PLAN: dict[str, Any] = {
    "id": 7,
    "name": "Lean & Strong",
    "description": "Three meals and a snack a day.",
    "is_template": True,
    "client": None,
    "source": None,
    "target_kcal": 1800,
    "target_protein_g": 140,
    "target_carbs_g": 180,
    "target_fat_g": 60,
    "targets_from": "typed",
    "target_inputs": None,
    "created_at": "2026-03-01T10:00:00Z",
    "updated_at": "2026-03-01T10:00:00Z",
    "slots": [
        {"id": 70, "name": "Breakfast"},
        {"id": 71, "name": "Lunch"},
        {"id": 72, "name": "Dinner"},
        {"id": 73, "name": "Snacks"},
    ],
    "days": [
        {
            "id": 700,
            "day_number": 1,
            "title": "Training day",
            "entries": [
                {
                    "id": 7001,
                    "slot": "Breakfast",
                    "recipe": 31,
                    "recipe_name": "Overnight oats with berries",
                    "servings": 1.0,
                    "food": None,
                    "food_name": None,
                    "grams": None,
                    "portion": None,
                    "quantity": None,
                    "notes": "",
                    "macros": MACROS,
                },
                {
                    "id": 7002,
                    "slot": "Snacks",
                    "recipe": None,
                    "recipe_name": None,
                    "servings": None,
                    "food": 612,
                    "food_name": "Skyr, plain",
                    "grams": 150.0,
                    "portion": 1401,
                    "quantity": 1.0,
                    "notes": "",
                    "macros": {
                        "kcal": 95,
                        "protein_g": 16.5,
                        "carbs_g": 6.0,
                        "fat_g": 0.3,
                        "fiber_g": 0.0,
                    },
                },
            ],
            "totals": {
                "kcal": 519,
                "protein_g": 44.5,
                "carbs_g": 75.4,
                "fat_g": 5.2,
                "fiber_g": 8.9,
            },
        }
    ],
}
PLAN_SUMMARY = {
    **{k: v for k, v in PLAN.items() if k not in {"slots", "days"}},
    "item_count": 26,
    "active_assignments": 2,
}
ASSIGNMENT = {
    "id": 15,
    "client": 42,
    "client_name": "Carol Danvers",
    "meal_plan": {"id": 88, "name": "Lean & Strong", "target_kcal": 1800},
    "source_meal_plan": 7,
    "start_date": "2026-03-02",
    "end_date": None,
    "status": "active",
    "created_at": "2026-03-01T10:05:00Z",
    "updated_at": "2026-03-01T10:05:00Z",
}
FORMULA = {
    "formula": "Mifflin-St Jeor",
    "bmr": 1270.3,
    "multiplier": 1.375,
    "maintenance": 1746.6,
    "goal_factor": 0.8,
    "protein_per_kg": 2.0,
    "kcal": 1400,
    "protein_g": 120,
    "carbs_g": 142,
    "fat_g": 39,
}
SHOPPING = [
    {
        "category": "grains-starches",
        "name": "Grains and starches",
        "items": [
            {
                "food": 101,
                "food_name": "Rolled oats",
                "grams": 420,
                "portion": "1/2 cup dry",
                "portions": 10.5,
            }
        ],
    },
    {
        "category": "eggs-dairy",
        "name": "Eggs and dairy",
        "items": [
            {
                "food": 214,
                "food_name": "Greek yogurt, plain, nonfat",
                "grams": 1190,
                "portion": "1 container (6 oz)",
                "portions": 7.0,
            }
        ],
    },
]

DIARY_ENTRY = {
    "id": 501,
    "client": 42,
    "eaten_on": "2026-03-02",
    "meal": "Breakfast",
    "plan_entry": 7001,
    "status": "eaten",
    "name": "Overnight oats with berries",
    "recipe": 31,
    "servings": 1.0,
    "food": None,
    "grams": None,
    "portion": None,
    "quantity": None,
    "macros": MACROS,
    "created_at": "2026-03-02T07:40:00Z",
    "updated_at": "2026-03-02T07:40:00Z",
}
DAY = {
    "date": "2026-03-02",
    "client": 42,
    "meal_plan": 88,
    "meal_plan_name": "Lean & Strong",
    "meals": [
        {
            "name": "Breakfast",
            "planned": [
                {
                    "plan_entry": 7001,
                    "name": "Overnight oats with berries",
                    "recipe": 31,
                    "servings": 1.0,
                    "food": None,
                    "grams": None,
                    "planned": MACROS,
                    "state": "eaten",
                    "diary_entry": 501,
                    "ingredients": [
                        {
                            "food": "Rolled oats",
                            "grams": 60.0,
                            "portion": None,
                            "quantity": None,
                            "note": "",
                        }
                    ],
                    "instructions": "Stir the oats, yogurt and milk together.",
                }
            ],
            "extras": [],
        },
    ],
    "eaten": MACROS,
    "targets": [{"key": "kcal", "value": 424.0, "target": 1800, "percent": 24, "state": "under"}],
    "ticked": 1,
}
COMPLIANCE = {
    "client": 42,
    "start": "2026-02-24",
    "end": "2026-03-02",
    "days_logged": 1,
    "days": [
        {
            "date": "2026-03-02",
            "logged": True,
            "eaten": {
                "kcal": 1710,
                "protein_g": 131.0,
                "carbs_g": 170.2,
                "fat_g": 58.0,
                "fiber_g": 30.1,
            },
            "percent_of_target": {"kcal": 95, "protein_g": 94, "carbs_g": 95, "fat_g": 97},
        }
    ],
    "weeks": [
        {
            "start": "2026-02-24",
            "end": "2026-03-02",
            "days_logged": 1,
            "average": {
                "kcal": 1710,
                "protein_g": 131.0,
                "carbs_g": 170.2,
                "fat_g": 58.0,
                "fiber_g": 30.1,
            },
            "percent_of_target": {"kcal": 95, "protein_g": 94, "carbs_g": 95, "fat_g": 97},
        }
    ],
}
