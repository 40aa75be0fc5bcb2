"""Import an export ZIP into a fresh trainer account, and say how long it took."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from portability.models import ImportStatus
from portability.services.imports import data_import_run
from trainers.models import Trainer


class Command(BaseCommand):
    help = "Import an export ZIP into a fresh trainer account: import_trainer <email> <path>."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="the sign-in email of the (fresh) trainer account")
        parser.add_argument("path", help="the export ZIP")

    def handle(self, *args: Any, email: str, path: str, **options: Any) -> None:
        trainer = Trainer.objects.select_related("user").filter(user__email__iexact=email).first()
        if trainer is None:
            raise CommandError(f"No trainer signs in as {email}.")
        started = time.perf_counter()
        with open(path, "rb") as upload:
            result = data_import_run(trainer=trainer, upload=upload, filename=path)
        seconds = time.perf_counter() - started
        if result.status != ImportStatus.DONE:
            raise CommandError(f"Nothing was imported:\n{result.error}")
        rows = sum(result.counts.values())
        self.stdout.write(
            f"Imported {rows} rows into {email} in {seconds:.2f} s. "
            "The clients have new PINs: reset each one to hand it over."
        )
