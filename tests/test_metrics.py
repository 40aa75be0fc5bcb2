"""/metrics: Prometheus text that a scraper parses, counts that move with requests and
tasks (in Redis when REDIS_URL is set, so every process adds to the same numbers), and a
bearer token that keeps everyone else out."""

from __future__ import annotations

import re

import pytest
from celery import shared_task

from fitnesspr import metrics

TOKEN = "metrics-token-for-tests"
SAMPLE = re.compile(
    r"^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?P<labels>.*)\})? (?P<value>[0-9.eE+-]+|\+Inf)$"
)
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """A small parser of the text format: every line is a comment or a sample, and
    every sample belongs to a metric family declared by a # TYPE line before it."""
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float] = {}
    families: set[str] = set()
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            _, _, family, kind = line.split(" ")
            assert kind in {"counter", "histogram", "gauge"}
            families.add(family)
            continue
        if line.startswith("#"):
            continue
        match = SAMPLE.match(line)
        assert match, f"not a sample line: {line!r}"
        name = match["name"]
        assert re.sub(r"_(bucket|sum|count)$", "", name) in families, f"undeclared: {name}"
        labels = frozenset(LABEL.findall(match["labels"] or ""))
        samples[(name, labels)] = float(match["value"])
    return samples


def value(samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    return {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


def scrape(client, token) -> dict:
    response = client.get("/metrics", **token)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return parse(response.content.decode())


@pytest.mark.django_db
def test_request_counts_and_latencies_move_by_route(client, trainer, token):
    before = scrape(client, token)
    client.force_login(trainer.user)
    client.get("/dashboard/")
    client.get("/dashboard/")
    client.get("/no-such-page/")

    after = scrape(client, token)
    ok = {"route": "progress:dashboard", "method": "GET", "status": "200"}
    assert value(after, "fitnesspr_http_requests_total", **ok) == (
        value(before, "fitnesspr_http_requests_total", **ok) + 2
    )
    missing = {"route": "unmatched", "method": "GET", "status": "404"}
    assert value(after, "fitnesspr_http_requests_total", **missing) >= 1
    route = {"route": "progress:dashboard"}
    name = "fitnesspr_http_request_duration_seconds"
    assert value(after, f"{name}_count", **route) == value(before, f"{name}_count", **route) + 2
    assert value(after, f"{name}_bucket", le="+Inf", **route) == value(
        after, f"{name}_count", **route
    )
    assert value(after, f"{name}_sum", **route) > value(before, f"{name}_sum", **route)
    # buckets are cumulative: each at least the one before it
    counts = [value(after, f"{name}_bucket", le=str(le), **route) for le in metrics.BUCKETS]
    assert counts == sorted(counts)


@shared_task(name="tests.metrics.fails")
def fails() -> None:
    raise RuntimeError("this task always fails")


@shared_task(name="tests.metrics.works")
def works() -> int:
    return 1


@pytest.mark.django_db
def test_task_successes_and_failures_are_counted(client, token, settings):
    settings.CELERY_TASK_EAGER_PROPAGATES = False
    before = scrape(client, token)

    works.apply()
    fails.apply()

    after = scrape(client, token)
    name = "fitnesspr_celery_tasks_total"
    failed = {"task": "tests.metrics.fails", "outcome": "failure"}
    done = {"task": "tests.metrics.works", "outcome": "success"}
    assert value(after, name, **failed) == value(before, name, **failed) + 1
    assert value(after, name, **done) == value(before, name, **done) + 1


def test_a_task_retry_is_counted():
    before = metrics.store().read(metrics.TASKS)
    metrics.record_task(task="tests.metrics.flaky", outcome="retry")

    field = metrics._SEP.join(("tests.metrics.flaky", "retry"))
    assert metrics.store().read(metrics.TASKS)[field] == before.get(field, 0) + 1


@pytest.mark.django_db
def test_without_a_token_configured_metrics_do_not_exist(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer anything").status_code == 404


@pytest.mark.django_db
def test_the_token_is_required_and_checked(client, token):
    missing = client.get("/metrics")
    assert missing.status_code == 401
    assert missing["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION=TOKEN).status_code == 401
    assert client.get("/metrics", **token).status_code == 200


def test_label_values_are_escaped():
    assert metrics._labels(route='a"b\\c\nd') == '{route="a\\"b\\\\c\\nd"}'


def test_a_store_that_fails_never_fails_the_request(monkeypatch):
    class Broken:
        def add(self, increments):
            raise ConnectionError("redis is down")

    monkeypatch.setattr(metrics, "_store", Broken())
    metrics.record_request(route="x", method="GET", status=200, seconds=0.1)  # no exception


@pytest.mark.django_db
def test_in_development_without_a_token_metrics_are_open(client, settings):
    settings.METRICS_TOKEN = ""
    settings.DEBUG = True

    assert client.get("/metrics").status_code == 200
