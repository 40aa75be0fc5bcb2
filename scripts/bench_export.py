"""Benchmark: a large trainer's export (50 clients with a year of data each), the import
of it into a fresh account, and a second export compared with the first.

    DATABASE_URL=postgres://…/fitnesspr_bench .venv/bin/python scripts/bench_export.py

The database DATABASE_URL names is flushed first. Prints the rows, the ZIP's size and
the seconds each step took, and whether export → import → export gave the same data.
Figures only: nothing here passes or fails."""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fitnesspr.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/fitnesspr-bench.sqlite3")
os.environ.setdefault("TEST_PRIVATE_MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-private-"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db.models import F, Value  # noqa: E402
from django.db.models.functions import Concat  # noqa: E402

from fitnesspr.models import User  # noqa: E402
from portability.services.exports import archive_write  # noqa: E402
from portability.services.imports import data_import_run  # noqa: E402
from tests.factories.core import TrainerFactory  # noqa: E402
from tests.portability.test_round_trip import normalised  # noqa: E402
from tests.progress.test_progress_queries import a_year_of_data  # noqa: E402
from trainers.models import Trainer  # noqa: E402


def export(trainer: Trainer) -> tuple[bytes, dict[str, int], float]:
    started = time.perf_counter()
    buffer = io.BytesIO()
    counts = archive_write(trainer=trainer, target=buffer)
    return buffer.getvalue(), counts, time.perf_counter() - started


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    trainer = cast(Trainer, TrainerFactory())
    started = time.perf_counter()
    a_year_of_data(trainer, clients=50, days=365)
    print(f"data: 50 clients x 365 days built in {time.perf_counter() - started:.1f} s")

    first, counts, took = export(trainer)
    rows = sum(counts.values())
    print(f"export:  {rows} rows, {len(first) / 1e6:.2f} MB ZIP in {took:.2f} s")
    print("         " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))

    User.objects.filter(client_profile__trainer=trainer).update(
        email=Concat(Value("old-"), F("email"))
    )
    fresh = cast(Trainer, TrainerFactory())
    started = time.perf_counter()
    result = data_import_run(trainer=fresh, upload=io.BytesIO(first))
    print(f"import:  {result.status} in {time.perf_counter() - started:.2f} s {result.error}")

    second, _counts, took = export(fresh)
    print(f"export again: {len(second) / 1e6:.2f} MB in {took:.2f} s")
    same = normalised(first) == normalised(second)
    print(f"round trip exact (ids aside): {same}")


if __name__ == "__main__":
    main()
