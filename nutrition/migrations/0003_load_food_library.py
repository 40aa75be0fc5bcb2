from django.db import migrations

def load_tags(apps, schema_editor):
    # The same loader as `manage.py load_food_library`, given the historical model.
    from nutrition.library import load_recipe_tags

    load_recipe_tags(
        tag_model=apps.get_model("nutrition", "RecipeTag"), using=schema_editor.connection.alias
    )


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
