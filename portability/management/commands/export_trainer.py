"""Write one trainer's export ZIP to a file, and say how long it took and how big it is."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from portability.services.exports import archive_write
from trainers.models import Trainer


class Command(BaseCommand):
    help = "Export everything a trainer owns as a ZIP: export_trainer <email> <path>."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="the trainer's sign-in email")
        parser.add_argument("path", help="where to write the ZIP")

    def handle(self, *args: Any, email: str, path: str, **options: Any) -> None:
        trainer = Trainer.objects.select_related("user").filter(user__email__iexact=email).first()
        if trainer is None:
            raise CommandError(f"No trainer signs in as {email}.")
        started = time.perf_counter()
        with open(path, "wb") as target:
            counts = archive_write(trainer=trainer, target=target)
            size = target.tell()
        seconds = time.perf_counter() - started
        rows = sum(counts.values())
        self.stdout.write(
            f"Exported {rows} rows ({counts.get('clients', 0)} clients, "
            f"{counts.get('workout_sets', 0)} workout sets, {counts.get('photos', 0)} photos) "
            f"to {path}: {size / 1_000_000:.2f} MB in {seconds:.2f} s."
        )
