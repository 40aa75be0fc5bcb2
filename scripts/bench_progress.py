"""Benchmark: how long the Progress pages take with 50 clients and a year of data each.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python scripts/bench_progress.py

It builds a fresh database (the one DATABASE_URL names: it is flushed first), fills it
with the same year of data the query-count tests use, then times each page and prints
the median and worst of 20 requests, and the number of queries. Figures only: nothing
here passes or fails."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fitnesspr.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/fitnesspr-bench.sqlite3")
# One access line per request would bury the figures.
os.environ.setdefault("ACCESS_LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from tests.factories.core import TrainerFactory  # noqa: E402
from tests.progress.test_progress_queries import a_year_of_data  # noqa: E402
from trainers.models import Trainer  # noqa: E402

RUNS = 20


def timed(browser: Client, url: str, headers: dict[str, str]) -> tuple[float, float, int]:
    connection.queries_log.clear()  # a full log (the data build) would count nothing
    with CaptureQueriesContext(connection) as queries:
        browser.get(url, headers=headers)
    count = len(queries.captured_queries)
    took = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = browser.get(url, headers=headers)
        took.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    return statistics.median(took), max(took), count


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    trainer = cast(Trainer, TrainerFactory())
    started = time.perf_counter()
    clients = a_year_of_data(trainer, clients=50, days=365)
    print(f"data: 50 clients x 365 days built in {time.perf_counter() - started:.1f} s")
    browser = Client()
    browser.force_login(trainer.user)
    first = clients[0]
    pages = [
        ("dashboard home (attention list)", "/dashboard/", {}),
        ("Progress tab, 3 months", f"/dashboard/clients/{first.pk}/progress/", {}),
        ("Progress tab, 1 year", f"/dashboard/clients/{first.pk}/progress/?range=1y", {}),
        ("Progress tab, all (htmx)", f"/dashboard/clients/{first.pk}/progress/?range=all",
         {"HX-Request": "true"}),
        ("API summary, 1 year", f"/api/v1/progress/summary/?client={first.pk}&range=1y", {}),
    ]  # fmt: skip
    print(f"{'page':36} {'median ms':>10} {'worst ms':>10} {'queries':>8}")
    for name, url, headers in pages:
        median, worst, queries = timed(browser, url, headers)
        print(f"{name:36} {median:10.1f} {worst:10.1f} {queries:8d}")


if __name__ == "__main__":
    main()
