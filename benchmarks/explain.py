"""Every query `make bench`'s endpoints make, through PostgreSQL's EXPLAIN ANALYZE on the
benchmark dataset: is each filter by trainer, client or date an index scan?

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python benchmarks/explain.py \
        [--only "client page"] [--plans]

For each endpoint: its queries, the slowest one's time, and every sequential scan of a
table with more than --big rows (10,000) — a scan that grows with the data. --plans
prints the queries that scan a big table, and the slowest query with its plan. Only
SELECTs are explained, so nothing is written but what the requests themselves write."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import Bench, production_env, use_local_services  # noqa: E402


def nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="endpoints whose name contains this")
    parser.add_argument("--big", type=int, default=10_000, help="rows that make a table big")
    parser.add_argument(
        "--plans", action="store_true", help="print the queries that scan, and the slowest plan"
    )
    args = parser.parse_args()
    use_local_services()
    os.environ.update(production_env(port=0), ACCESS_LOG_LEVEL="WARNING", LOG_LEVEL="WARNING")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    bench = Bench(argparse.Namespace(only=args.only, port=0), dict(os.environ))
    bench.sign_in()
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reltuples FROM pg_class WHERE relkind = 'r'")
        rows = dict(cursor.fetchall())
    print("| endpoint | queries | slowest ms | sequential scans of big tables |")
    print("|---|---|---|---|")
    for endpoint in bench.endpoints():
        if endpoint.who == "none":
            continue
        bench.in_process(endpoint)  # warm
        with CaptureQueriesContext(connection) as captured:
            bench.in_process(endpoint)
        slowest: tuple[float, str, Any] = (0.0, "", None)
        scans: set[str] = set()
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                (result,) = cursor.fetchone()
            explained = result if isinstance(result, list) else json.loads(result)
            plan = explained[0]["Plan"]
            took = float(explained[0]["Execution Time"])
            if took > slowest[0]:
                slowest = (took, sql, plan)
            for node in nodes(plan):
                table = node.get("Relation Name", "")
                if node["Node Type"] == "Seq Scan" and rows.get(table, 0) > args.big:
                    scans.add(f"{table} ({rows[table]:,.0f} rows)")
                    if args.plans:
                        print(f"\nSequential scan of {table} ({took:.1f} ms):\n{sql}\n")
        print(
            f"| {endpoint.name} | {len(captured)} | {slowest[0]:.1f} | "
            f"{', '.join(sorted(scans)) or 'none'} |",
            flush=True,
        )
        if args.plans and slowest[2] is not None:
            print(f"\n{slowest[1]}\n{json.dumps(slowest[2], indent=1)[:4000]}\n")


if __name__ == "__main__":
    main()
