from django.db import migrations


def load_library(apps, schema_editor):
    # The same loader as `manage.py load_exercise_library`, given the historical models.
    from programs.library import LibraryModels, load_exercise_library

    load_exercise_library(
        models_=LibraryModels(
            muscle_group=apps.get_model("programs", "MuscleGroup"),
            equipment=apps.get_model("programs", "Equipment"),
            exercise=apps.get_model("programs", "Exercise"),
        ),
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0001_initial"),
    ]

    operations = [
        # Reversing keeps the rows: programs and logs may already point at them.
        migrations.RunPython(load_library, migrations.RunPython.noop, elidable=False),
    ]
