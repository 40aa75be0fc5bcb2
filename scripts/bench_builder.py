"""Page weight and render time of the program builder, printed as figures.

    .venv/bin/python scripts/bench_builder.py [--runs 20]

Builds a throwaway SQLite database (migrations, the demo data, and a seeded program of
4 weeks x 5 days x 6 exercises), then renders each builder page through Django's test
client: the demo template and the big program. Prints the HTML size (raw, without
whitespace runs, gzipped), the query count and the render time (median and best of
`--runs` requests after a warm-up). Run it on an idle machine and compare figures from
the same machine only."""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(db_path: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "fitnesspr.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    # One access line per request would bury the figures.
    os.environ.setdefault("ACCESS_LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _big_program(trainer: Any, *, weeks: int = 4, days: int = 5, per_day: int = 6) -> Any:
    from decimal import Decimal

    from programs.models import Exercise, PrescribedExercise, ProgramDay
    from programs.services.builder import program_create

    program = program_create(
        trainer=trainer, name="Bench 4x5x6", duration_weeks=weeks, is_template=True
    )
    exercises = list(Exercise.objects.filter(trainer__isnull=True).order_by("pk")[:per_day])
    ProgramDay.objects.bulk_create(
        ProgramDay(program=program, week=w, day=d, title=f"Week {w} day {d}")
        for w in range(1, weeks + 1)
        for d in range(1, days + 1)
    )
    PrescribedExercise.objects.bulk_create(
        PrescribedExercise(
            day=day,
            exercise=exercise,
            order=n + 1,
            superset_group="A" if n in (1, 2) else "",
            sets=4,
            reps_min=6,
            reps_max=8,
            load_kg=Decimal("60") + n * 5,
            rest_seconds=120,
            notes="Brace before each rep." if n == 0 else "",
        )
        for day in ProgramDay.objects.filter(program=program)
        for n, exercise in enumerate(exercises)
    )
    return program


def _measure(client: Any, url: str, runs: int) -> dict[str, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):
        client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    body = response.content
    squeezed = re.sub(rb"\s+", b" ", body)
    return {
        "kb": len(body) / 1024,
        "kb_no_ws": len(squeezed) / 1024,
        "kb_gzip": len(gzip.compress(body)) / 1024,
        "queries": len(queries),
        "median_ms": statistics.median(times),
        "best_ms": min(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _setup(str(Path(tmp) / "bench.sqlite3"))
        from django.test import Client

        from fitnesspr.demo import demo_seed
        from programs.demo import TEMPLATE_NAME
        from programs.models import Program
        from trainers.models import Trainer

        demo_seed()
        trainer = Trainer.objects.get(user__email="coach@demo.fitnesspr.app")
        demo = Program.objects.get(trainer=trainer, name=TEMPLATE_NAME, is_template=True)
        big = _big_program(trainer)
        client = Client()
        client.force_login(trainer.user)
        print(
            f"{'page':<34}{'KB':>8}{'KB -ws':>8}{'KB gz':>8}{'queries':>9}{'median':>9}{'best':>8}"
        )
        for label, program in [
            (f"demo ({demo.days.count()} days)", demo),
            ("4 weeks x 5 days x 6 exercises", big),
        ]:
            m = _measure(client, f"/dashboard/programs/{program.pk}/", args.runs)
            print(
                f"{label:<34}{m['kb']:>8.1f}{m['kb_no_ws']:>8.1f}{m['kb_gzip']:>8.1f}"
                f"{m['queries']:>9}{m['median_ms']:>7.1f}ms{m['best_ms']:>6.1f}ms"
            )


if __name__ == "__main__":
    main()
