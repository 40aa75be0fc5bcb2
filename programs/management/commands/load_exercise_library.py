from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from programs.library import LIBRARY_PATH, load_exercise_library, read_library


class Command(BaseCommand):
    help = (
        "Create or refresh the global exercise library (muscle groups, equipment, "
        "exercises) from programs/data/exercise_library.json. Safe to run again; "
        "trainers' own exercises are left alone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file", type=Path, default=LIBRARY_PATH, help="A library JSON file to load."
        )
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_exercise_library(
            data=read_library(options["file"]), using=options["database"]
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Exercise library: {result.exercises_created} exercises added, "
                f"{result.exercises_updated} updated; {result.muscle_groups} muscle groups, "
                f"{result.equipment} equipment."
            )
        )
