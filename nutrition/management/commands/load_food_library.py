from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nutrition.library import LIBRARY_PATH, load_food_library, load_recipe_tags, read_library


class Command(BaseCommand):
    help = (
        "Create or refresh the global food library (foods and their portions) and the "
        "recipe tags from "
        "nutrition/data/food_library.json. Safe to run again; trainers' own foods are "
        "left alone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file", type=Path, default=LIBRARY_PATH, help="A library JSON file to load."
        )
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_food_library(data=read_library(options["file"]), using=options["database"])
        tags = load_recipe_tags(using=options["database"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Food library: {result.foods_created} foods added, {result.foods_updated} "
                f"updated; portions: {result.portions_created} added, "
                f"{result.portions_updated} updated, {result.portions_removed} removed; "
                f"{tags} recipe tags."
            )
        )
