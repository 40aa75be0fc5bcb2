"""Where one request's time goes, in this process: `make bench`'s endpoints through the
Django test client with production settings, on the benchmark dataset.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python benchmarks/profile.py \
        --only "dashboard home" --runs 20 [--pyinstrument]

For each endpoint whose name contains --only: the median wall and CPU milliseconds of
--runs requests (after one warm-up), the queries and the milliseconds spent in SQL, and
the page's size. CPU time is the figure to compare before and after a change on a
machine others are using: waiting for the CPU does not count in it. With --pyinstrument,
the profile of all the runs of each endpoint is printed (and saved as HTML with --html).
Nothing is written to the database but what the requests themselves write (the portal's
POST saves the same sets again)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import Bench, Endpoint, production_env  # noqa: E402


def request(bench: Bench, endpoint: Endpoint) -> Any:
    from django.test import Client as Browser

    browser = {"trainer": bench.trainer_browser, "client": bench.client_browser}.get(
        endpoint.who, Browser()
    )
    headers = dict(endpoint.headers)
    if endpoint.who == "api":
        headers["Authorization"] = f"Bearer {bench.api_token}"
    if endpoint.method == "POST":
        return browser.generic(
            "POST",
            endpoint.path,
            endpoint.body,
            content_type="application/x-www-form-urlencoded",
            headers=headers,
        )
    return browser.get(endpoint.path, headers=headers)


def measure(bench: Bench, endpoint: Endpoint, runs: int, profiler: Any) -> str:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    request(bench, endpoint)  # warm-up: caches, the first compile of each template
    walls, cpus, sql = [], [], []
    if profiler is not None:
        profiler.start()
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            wall, cpu = time.perf_counter(), time.process_time()
            response = request(bench, endpoint)
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
        sql.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
    if profiler is not None:
        profiler.stop()
    return (
        f"| {endpoint.name} | {response.status_code} | {len(response.content) / 1024:.0f} | "
        f"{len(queries)} | {statistics.median(walls):.1f} | {statistics.median(cpus):.1f} | "
        f"{statistics.median(sql):.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="endpoints whose name contains this")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pyinstrument", action="store_true", help="print each profile")
    parser.add_argument("--html", default="", help="with --pyinstrument: save HTML here")
    args = parser.parse_args()
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name, "").startswith(("postgres", "redis")):
            raise SystemExit(f"benchmarks/profile.py needs {name} (the benchmark database).")
    env = production_env(port=0)
    env["ACCESS_LOG_LEVEL"] = "WARNING"
    env["LOG_LEVEL"] = "WARNING"
    os.environ.update(env)
    import django

    django.setup()
    bench = Bench(argparse.Namespace(only=args.only, port=0), env)
    bench.sign_in()
    print("| endpoint | status | KB | queries | wall ms | CPU ms | SQL ms |")
    print("|---|---|---|---|---|---|---|")
    for endpoint in bench.endpoints():
        profiler = None
        if args.pyinstrument:
            from pyinstrument import Profiler

            profiler = Profiler()
        print(measure(bench, endpoint, args.runs, profiler), flush=True)
        if profiler is not None:
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            if args.html:
                slug = "".join(c if c.isalnum() else "-" for c in endpoint.name)
                Path(args.html).mkdir(parents=True, exist_ok=True)
                Path(args.html, f"{slug}.html").write_text(profiler.output_html())


if __name__ == "__main__":
    main()
