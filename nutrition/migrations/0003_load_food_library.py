from django.db import migrations

TAGS = [
    ("vegetarian", "Vegetarian"),
    ("vegan", "Vegan"),
    ("pescatarian", "Pescatarian"),
    ("high-protein", "High protein"),
    ("low-carb", "Low carb"),
    ("dairy-free", "Dairy-free"),
    ("gluten-free", "Gluten-free"),
    ("nut-free", "Nut-free"),
    ("quick", "Quick (15 minutes or less)"),
    ("meal-prep", "Good for meal prep"),
    ("budget", "Budget-friendly"),
    ("family", "Family-friendly"),
]


def load_tags(apps, schema_editor):
    RecipeTag = apps.get_model("nutrition", "RecipeTag")
    manager = RecipeTag.objects.using(schema_editor.connection.alias)
    for order, (slug, name) in enumerate(TAGS, start=1):
        manager.update_or_create(slug=slug, defaults={"name": name, "order": order})


def load_library(apps, schema_editor):
    # The same loader as `manage.py load_food_library`, given the historical models.
    from nutrition.library import LibraryModels, load_food_library

    load_food_library(
        models_=LibraryModels(
            food=apps.get_model("nutrition", "Food"),
            portion=apps.get_model("nutrition", "FoodPortion"),
        ),
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("nutrition", "0002_foods_recipes_plans_diary"),
    ]

    operations = [
        # Reversing keeps the rows: recipes, plans and diaries may already point at them.
        migrations.RunPython(load_tags, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(load_library, migrations.RunPython.noop, elidable=False),
    ]
