"""`make bench`: the production stack under load, endpoint by endpoint, in one run.

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python benchmarks/run.py

It migrates DATABASE_URL, loads the benchmark dataset if missing (manage.py
bench_dataset), starts gunicorn with production settings on a private port, signs in as a
trainer of the dataset and one of their clients, then measures each endpoint with wrk
(a warm-up, then --duration seconds, --connections connections; without wrk, with the
Python load generator in benchmarks/loadgen.py) and counts the queries one request makes
(in this process, against the same database). The PDF progress report, which a
background job makes, is timed here in process. It prints the table
and writes it to benchmarks/results/<UTC time>.md and .json. `/healthz` (a tiny JSON view
of ours) is the baseline: the ratio to it keeps runs on different machines comparable.
Figures only: nothing here passes or fails."""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from loadgen import run_load

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
RESULTS = ROOT / "benchmarks" / "results"


@dataclass
class Endpoint:
    name: str
    path: str
    who: str = "trainer"  # trainer (session), client (session), api (trainer JWT)
    method: str = "GET"
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Result:
    name: str
    path: str
    status: int
    kb: float
    queries: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int = 0
    ratio: float = 0.0


def production_env(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="fitnesspr.settings.production",
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",  # plain http on this machine
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(64),
        CONN_MAX_AGE=env.get("CONN_MAX_AGE", "60"),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY=env.get("WEB_CONCURRENCY", "2"),
        # Limits meant for people would turn the load generator away with 429s.
        THROTTLE_USER="100000000/min",
        THROTTLE_ANON="100000000/min",
        JWT_ACCESS_MINUTES="240",
        GUNICORN_MAX_REQUESTS="0",
    )
    return env


LOCAL_DATABASE = "postgres://postgres@127.0.0.1:5432/fitnesspr_bench"
LOCAL_REDIS = "redis://127.0.0.1:6379/5"


def use_local_services() -> None:
    """Without DATABASE_URL / REDIS_URL, this machine's PostgreSQL and Redis (as in CI),
    in a database kept for benchmarks, created here the first time."""
    if not os.environ.get("DATABASE_URL"):
        import psycopg

        os.environ["DATABASE_URL"] = LOCAL_DATABASE
        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as admin:
            if not admin.execute(
                "SELECT 1 FROM pg_database WHERE datname = 'fitnesspr_bench'"
            ).fetchone():
                admin.execute("CREATE DATABASE fitnesspr_bench")
        print(f"DATABASE_URL not set: using {LOCAL_DATABASE}")
    if not os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = LOCAL_REDIS
        print(f"REDIS_URL not set: using {LOCAL_REDIS}")
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ[name].startswith(("postgres", "redis")):
            raise SystemExit(f"make bench needs {name} on PostgreSQL and Redis, as in CI.")


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603 (our own commands)


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our URL)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url} within {seconds:.0f} s")


class FormFields(HTMLParser):
    """The fields a browser would submit from the page's POST form with this id (else its
    first POST form)."""

    def __init__(self, form_id: str = "") -> None:
        super().__init__()
        self.form_id = form_id
        self.fields: list[tuple[str, str]] = []
        self.in_form = self.done = False
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self.done:
            return
        if tag == "form" and a.get("method", "").lower() == "post":
            self.in_form = not self.form_id or a.get("id") == self.form_id
        if not self.in_form or (not a.get("name") and tag != "option"):
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self.textarea = a["name"]
            self.fields.append((a["name"], ""))
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value", "")))

    def handle_data(self, data: str) -> None:
        if self.textarea:
            name, _ = self.fields.pop()
            self.fields.append((name, data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def completed(output: str) -> int:
    found = re.search(r"(\d+) requests in", output)
    return int(found.group(1)) if found else 0


def parse_wrk(output: str) -> tuple[float, float, float, int]:
    def ms(text: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(bad.group(1)) if bad else 0
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return rps, p50, p99, errors


def wrk(
    url: str, endpoint: Endpoint, headers: dict[str, str], seconds: int, connections: int
) -> str:
    script = "\n".join(
        [f'wrk.method = "{endpoint.method}"', f"wrk.body = {json.dumps(endpoint.body)}"]
        + [f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()]
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script)
    try:
        command = [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "30s",  # a slow page is measured, not dropped as a timeout
            "--latency",
            "-s",
            lua.name,
            url,
        ]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603 (our own commands)
    finally:
        os.unlink(lua.name)


class Bench:
    def __init__(self, args: argparse.Namespace, env: dict[str, str]) -> None:
        self.args = args
        self.env = env
        self.base = f"http://127.0.0.1:{args.port}"

    def sign_in(self) -> None:
        """Sessions made here are valid in gunicorn: same database, same SECRET_KEY."""
        from django.test import Client as Browser

        from clients.models import Client
        from fitnesspr.models import User
        from fitnesspr.tokens import tokens_for
        from progress.benchdata.build import (
            CLIENT_PIN,
            TRAINER_PASSWORD,
            client_email,
            trainer_email,
        )

        self.trainer_user = User.objects.get(email=trainer_email(0))
        # One test client per kind of caller: a new one would load the middleware again
        # on each request (WhiteNoise lists the static files), which a server never does.
        self.anonymous_browser = Browser()
        self.trainer_browser = Browser()
        assert self.trainer_browser.login(
            username=self.trainer_user.email, password=TRAINER_PASSWORD
        )
        self.client_browser = Browser()
        self.client = Client.objects.select_related("user").get(user__email=client_email(0, 0))
        answer = self.client_browser.post(
            "/portal/login/", {"email": self.client.user.email, "pin": CLIENT_PIN}
        )
        assert answer.status_code == 302, "the benchmark client could not sign in"
        self.api_token = tokens_for(self.trainer_user)["access"]  # as the API's sign-in answers

    def headers(self, endpoint: Endpoint) -> dict[str, str]:
        if endpoint.who == "api":
            return {"Authorization": f"Bearer {self.api_token}", **endpoint.headers}
        browser = self.trainer_browser if endpoint.who == "trainer" else self.client_browser
        cookies = "; ".join(f"{k}={v.value}" for k, v in browser.cookies.items())
        extra = {"Cookie": cookies, **endpoint.headers}
        if endpoint.method == "POST":
            extra["Content-Type"] = "application/x-www-form-urlencoded"
            extra["X-CSRFToken"] = browser.cookies["csrftoken"].value
        return extra

    def endpoints(self) -> list[Endpoint]:
        from urllib.parse import urlencode

        from billing.models import Invoice
        from clients.models import Client
        from programs.models import Program
        from trainers.models import Trainer

        trainer = Trainer.objects.get(user=self.trainer_user)
        other = Client.objects.filter(trainer=trainer).order_by("pk")[1]
        template = Program.objects.filter(trainer=trainer, is_template=True).order_by("pk").first()
        assert template is not None
        today = self.client_browser.get("/portal/training/").content.decode()
        # today's workout: "Start workout" (a day) or, once a run saved it, "Continue"
        day = re.search(r"/portal/training/(?:day/\d+|workouts/\d+/edit)/", today)
        c = other.pk
        points = [
            Endpoint("baseline /healthz", "/healthz", who="none"),
            Endpoint("dashboard home", "/dashboard/"),
            Endpoint("client list (search, page of 20)", "/dashboard/clients/?q=client"),
            Endpoint("client page", f"/dashboard/clients/{c}/"),
            Endpoint("client training tab", f"/dashboard/clients/{c}/training/"),
            Endpoint("client progress tab", f"/dashboard/clients/{c}/progress/"),
            Endpoint("client nutrition tab", f"/dashboard/clients/{c}/nutrition/"),
            Endpoint("program builder (4 wk x 5 d x 6 ex)", f"/dashboard/programs/{template.pk}/"),
            Endpoint("exercise library", "/dashboard/exercises/"),
            Endpoint("food library", "/dashboard/nutrition/foods/"),
            Endpoint("meal plans", "/dashboard/nutrition/"),
            Endpoint("billing home", "/dashboard/billing/"),
            Endpoint("portal home", "/portal/", who="client"),
            Endpoint("portal today (training)", "/portal/training/", who="client"),
            Endpoint("portal nutrition today", "/portal/nutrition/", who="client"),
            Endpoint("portal progress", "/portal/progress/", who="client"),
        ]
        if day:
            path = day.group(0)
            # the workout's form (the page's first is the header's "Sign out")
            parser = FormFields("log-form")
            parser.feed(self.client_browser.get(path).content.decode())
            fields = [
                (k, v) for k, v in parser.fields if k not in ("csrfmiddlewaretoken", "action")
            ]
            points.append(
                Endpoint(
                    "portal log workout (POST, htmx save)",
                    path,
                    who="client",
                    method="POST",
                    body=urlencode(fields),
                    headers={"HX-Request": "true"},
                )
            )
        points += [
            Endpoint("API clients (20)", "/api/v1/clients/", who="api"),
            Endpoint("API exercises (filtered)", "/api/v1/exercises/?muscle=chest", who="api"),
            Endpoint("API exercises (20)", "/api/v1/exercises/", who="api"),
            Endpoint("API programs", "/api/v1/programs/", who="api"),
            Endpoint("API workout logs (20)", "/api/v1/progress/workout-logs/", who="api"),
            Endpoint("API invoices (20)", "/api/v1/payments/invoices/", who="api"),
            Endpoint("API measurements", f"/api/v1/progress/measurements/?client={c}", who="api"),
        ]
        invoice = Invoice.objects.filter(client=other, number__isnull=False).order_by("pk").first()
        if invoice is not None:
            points.append(Endpoint("invoice PDF", f"/dashboard/billing/invoices/{invoice.pk}/pdf/"))
        return [
            p for p in points if not self.args.only or self.args.only in p.name or p.who == "none"
        ]

    def in_process(self, endpoint: Endpoint) -> Any:
        """One request through Django's test client in this process, signed in as the
        endpoint's user (same database and sessions as the server)."""
        browser = {"trainer": self.trainer_browser, "client": self.client_browser}.get(
            endpoint.who, self.anonymous_browser
        )
        headers = dict(endpoint.headers)
        if endpoint.who == "api":
            headers["Authorization"] = f"Bearer {self.api_token}"
        if endpoint.method == "POST":
            return browser.generic(
                "POST",
                endpoint.path,
                endpoint.body,
                content_type="application/x-www-form-urlencoded",
                headers=headers,
            )
        return browser.get(endpoint.path, headers=headers)

    def count_queries(self, endpoint: Endpoint) -> tuple[int, int, float]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.in_process(endpoint)  # warm: the first request of a process fills caches
        with CaptureQueriesContext(connection) as queries:
            response = self.in_process(endpoint)
        return response.status_code, len(queries), len(response.content) / 1024

    def measure(self, endpoint: Endpoint) -> Result:
        status, queries, kb = self.count_queries(endpoint)
        headers = self.headers(endpoint) if endpoint.who != "none" else {}
        url = self.base + endpoint.path
        if self.args.generator == "wrk":
            wrk(url, endpoint, headers, self.args.warmup, self.args.connections)
            output = wrk(url, endpoint, headers, self.args.duration, self.args.connections)
            rps, p50, p99, errors = parse_wrk(output)
            requests = completed(output)
            if self.args.verbose:
                print(output)
        else:
            for seconds in (self.args.warmup, self.args.duration):
                load = run_load(
                    url,
                    method=endpoint.method,
                    headers=headers,
                    body=endpoint.body,
                    seconds=seconds,
                    connections=self.args.connections,
                )
            rps, p50, p99, errors, requests = (
                load.rps,
                load.p50_ms,
                load.p99_ms,
                load.errors,
                load.requests,
            )
        return Result(
            endpoint.name,
            endpoint.path,
            status,
            round(kb, 1),
            queries,
            rps,
            p50,
            p99,
            errors,
            requests=requests,
        )

    def report_pdf(self) -> Result:
        """The one-year PDF progress report of the signed-in client, as the background
        job renders it (HTML, then WeasyPrint), --report-runs times in this process: not
        an HTTP endpoint, so no ratio."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from fitnesspr.pdf import html_to_pdf
        from progress.models import ProgressReport
        from progress.services.reports import report_html

        today = self.client.trainer.today()
        report = ProgressReport(
            client=self.client,
            period_start=today.replace(year=today.year - 1),
            period_end=today,
        )  # never saved: the render reads only its client and period
        html_to_pdf("<p>warm-up</p>")  # WeasyPrint's first import is not the report's time
        took: list[float] = []
        size = queries = 0
        for _ in range(self.args.report_runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                pdf = html_to_pdf(report_html(report=report))
                took.append((time.perf_counter() - started) * 1000)
            size, queries = len(pdf), len(captured)
        took.sort()
        median = took[len(took) // 2]
        return Result(
            "PDF progress report (a year, in process)",
            "report_html + html_to_pdf",
            200,
            round(size / 1024, 1),
            queries,
            1000 / median,
            median,
            took[-1],
            0,
            requests=len(took),
        )


def table(results: list[Result]) -> str:
    lines = [
        "| endpoint | status | KB | queries | req/s | ratio | p50 ms | p99 ms | p99/p50 "
        "| done | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        spread = r.p99_ms / r.p50_ms if r.p50_ms else 0
        ratio = f"{r.ratio:.3f}" if r.path.startswith("/") else "—"
        lines.append(
            f"| {r.name} | {r.status} | {r.kb:.0f} | {r.queries} | {r.rps:,.1f} | {ratio} | "
            f"{r.p50_ms:.0f} | {r.p99_ms:.0f} | {spread:.1f} | {r.requests} | {r.errors} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds of load per endpoint")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--only", default="", help="only endpoints whose name contains this")
    parser.add_argument("--verbose", action="store_true", help="print wrk's own output")
    parser.add_argument(
        "--generator",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="load generator: wrk if installed (auto), else benchmarks/loadgen.py",
    )
    parser.add_argument("--report-runs", type=int, default=5, help="PDF report renders")
    parser.add_argument(
        "--note", default="", help="a line saved with the results (the load, a change)"
    )
    parser.add_argument(
        "--dataset-args", default="", help="passed to bench_dataset, e.g. '--trainers 20'"
    )
    args = parser.parse_args()
    use_local_services()
    if args.generator == "auto":
        args.generator = "wrk" if shutil.which("wrk") else "python"
    if args.generator == "wrk" and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk), try --generator python.")
    env = production_env(args.port)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "bench_dataset", "--if-missing", *args.dataset_args.split())
    manage(env, "collectstatic", "--noinput", "-v0")
    log = open(tempfile.gettempdir() + f"/fitnesspr-bench-{args.port}.log", "w")  # noqa: SIM115
    server = subprocess.Popen(  # noqa: S603 (our own commands)
        [str(GUNICORN), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    os.environ["ACCESS_LOG_LEVEL"] = "WARNING"  # this process's own requests: no log lines
    try:
        import django

        django.setup()
        wait_until_up(f"http://127.0.0.1:{args.port}/healthz")
        bench = Bench(args, env)
        bench.sign_in()
        results = []
        for endpoint in bench.endpoints():
            result = bench.measure(endpoint)
            results.append(result)
            print(
                f"  {result.name}: {result.rps:,.0f} req/s, p50 {result.p50_ms:.0f} ms, "
                f"{result.queries} queries",
                flush=True,
            )
        if not args.only or args.only in "PDF progress report":
            results.append(bench.report_pdf())
            print(f"  PDF progress report: median {results[-1].p50_ms:.0f} ms", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    baseline = results[0].rps or 1
    for result in results:
        result.ratio = result.rps / baseline if result.path.startswith("/") else 0.0
    write(args, env, results)


def write(args: argparse.Namespace, env: dict[str, str], results: list[Result]) -> None:
    load = os.getloadavg()
    when = datetime.now(UTC)
    header = (
        f"{when:%Y-%m-%d %H:%M} UTC · {os.cpu_count()} CPUs, "
        f"load average {load[0]:.1f} at the end · "
        f"gunicorn {env['WEB_CONCURRENCY']} sync workers · {args.generator} "
        f"{args.connections} connections, "
        f"{args.duration} s per endpoint · production settings, PostgreSQL + Redis"
        + (f"\n\n{args.note}" if args.note else "")
    )
    text = f"{header}\n\n{table(results)}\n"
    print("\n" + text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = RESULTS / f"{when:%Y-%m-%dT%H%M}"
    stem.with_suffix(".md").write_text(text)
    stem.with_suffix(".json").write_text(
        json.dumps(
            {"when": when.isoformat(), "header": header, "results": [asdict(r) for r in results]},
            indent=1,
        )
    )
    print(f"Written to {stem.with_suffix('.md').relative_to(ROOT)} (and .json).")


if __name__ == "__main__":
    main()
