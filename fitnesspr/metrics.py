"""Prometheus metrics at /metrics: requests by route, method and status, request latency
by route (a histogram), and background tasks by name and outcome. The text format is
written here by hand (it is a few lines of text; no client library needed).

Counters must add up over every web process and worker, so with REDIS_URL they live in
Redis hashes (one pipelined round trip per request); without it, in this process's
memory (development: one process). The endpoint answers only a caller bearing
METRICS_TOKEN; with no token configured it does not exist (404), except under DEBUG."""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)

#: upper bounds (seconds) of the latency histogram's buckets; +Inf is implied
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
TASK_OUTCOMES = ("success", "failure", "retry")
_PREFIX = "fitnesspr:metrics:"
REQUESTS, LATENCY_BUCKETS, LATENCY_SUM, LATENCY_COUNT, TASKS = (
    f"{_PREFIX}{name}"
    for name in ("requests", "latency_bucket", "latency_sum", "latency_count", "tasks")
)
_SEP = "\x1f"  # joins label values in a hash field; never in a route name or status


class Store(Protocol):
    def add(self, increments: Iterable[tuple[str, str, float]]) -> None: ...

    def read(self, name: str) -> dict[str, float]: ...


class MemoryStore:
    """This process's counters (no Redis: development and single-process tests)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hashes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))

    def add(self, increments: Iterable[tuple[str, str, float]]) -> None:
        with self._lock:
            for name, field, amount in increments:
                self._hashes[name][field] += amount

    def read(self, name: str) -> dict[str, float]:
        with self._lock:
            return dict(self._hashes[name])


class RedisStore:
    """Counters every process shares: one Redis hash per metric, updated in a pipeline."""

    def __init__(self, url: str) -> None:
        import redis

        self._client = redis.Redis.from_url(
            url, socket_connect_timeout=1, socket_timeout=1, decode_responses=True
        )

    def add(self, increments: Iterable[tuple[str, str, float]]) -> None:
        pipe = self._client.pipeline(transaction=False)
        for name, field, amount in increments:
            if name == LATENCY_SUM:
                pipe.hincrbyfloat(name, field, amount)
            else:
                pipe.hincrby(name, field, int(amount))
        pipe.execute()

    def read(self, name: str) -> dict[str, float]:
        raw: dict[str, str] = self._client.hgetall(name)  # type: ignore[assignment]
        return {key: float(value) for key, value in raw.items()}


_store: Store | None = None
_store_lock = threading.Lock()


def store() -> Store:
    """The store for this process, made on first use (after gunicorn forks a worker)."""
    global _store
    with _store_lock:
        if _store is None:
            _store = RedisStore(settings.REDIS_URL) if settings.REDIS_URL else MemoryStore()
        return _store


def reset_store() -> None:
    """Forget this process's store (tests switch REDIS_URL on and off)."""
    global _store
    with _store_lock:
        _store = None


def _safely(increments: list[tuple[str, str, float]]) -> None:
    # Counting must never fail a request or a task: a Redis hiccup loses a few counts.
    try:
        store().add(increments)
    except Exception:
        log.warning("Could not record metrics", exc_info=True)


def record_request(*, route: str, method: str, status: int, seconds: float) -> None:
    method = method if method in _METHODS else "OTHER"
    bucket = next((str(le) for le in BUCKETS if seconds <= le), "+Inf")
    _safely(
        [
            (REQUESTS, _SEP.join((route, method, str(status))), 1),
            (LATENCY_BUCKETS, _SEP.join((route, bucket)), 1),
            (LATENCY_SUM, route, seconds),
            (LATENCY_COUNT, route, 1),
        ]
    )


def record_task(*, task: str, outcome: str) -> None:
    _safely([(TASKS, _SEP.join((task, outcome)), 1)])


def _route(request: HttpRequest) -> str:
    match = request.resolver_match
    return (match.view_name or match.route or "unnamed") if match else "unmatched"


class MetricsMiddleware:
    """Counts each request under its route's name (`clients:detail`, not its path, so
    the label set stays small); a URL that matched nothing counts as "unmatched"."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        record_request(
            route=_route(request),
            method=request.method or "OTHER",
            status=response.status_code,
            seconds=time.perf_counter() - started,
        )
        return response


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _labels(**labels: str) -> str:
    return "{" + ",".join(f'{key}="{_label(value)}"' for key, value in labels.items()) + "}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def render() -> str:
    """The Prometheus text exposition (version 0.0.4) of every counter."""
    source = store()
    lines = [
        "# HELP fitnesspr_http_requests_total HTTP requests by route name, method and status.",
        "# TYPE fitnesspr_http_requests_total counter",
    ]
    for field, value in sorted(source.read(REQUESTS).items()):
        route, method, status = field.split(_SEP)
        labels = _labels(route=route, method=method, status=status)
        lines.append(f"fitnesspr_http_requests_total{labels} {_number(value)}")

    lines += [
        "# HELP fitnesspr_http_request_duration_seconds Time to answer a request, by route.",
        "# TYPE fitnesspr_http_request_duration_seconds histogram",
    ]
    buckets: dict[str, dict[str, float]] = defaultdict(dict)
    for field, value in source.read(LATENCY_BUCKETS).items():
        route, le = field.split(_SEP)
        buckets[route][le] = value
    sums, counts = source.read(LATENCY_SUM), source.read(LATENCY_COUNT)
    name = "fitnesspr_http_request_duration_seconds"
    for route in sorted(counts):
        running = 0.0
        for le in [*map(str, BUCKETS), "+Inf"]:
            running += buckets[route].get(le, 0)
            lines.append(f"{name}_bucket{_labels(route=route, le=le)} {_number(running)}")
        lines.append(f"{name}_sum{_labels(route=route)} {_number(sums.get(route, 0))}")
        lines.append(f"{name}_count{_labels(route=route)} {_number(counts[route])}")

    lines += [
        "# HELP fitnesspr_celery_tasks_total Background tasks finished, by task and outcome.",
        "# TYPE fitnesspr_celery_tasks_total counter",
    ]
    for field, value in sorted(source.read(TASKS).items()):
        task, outcome = field.split(_SEP)
        labels = _labels(task=task, outcome=outcome)
        lines.append(f"fitnesspr_celery_tasks_total{labels} {_number(value)}")
    return "\n".join(lines) + "\n"


def _authorised(request: HttpRequest) -> bool | None:
    """True with the right bearer token; None without one (401); False when wrong (403)."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    given = header.removeprefix("Bearer ").strip().encode()
    return hmac.compare_digest(given, settings.METRICS_TOKEN.encode())


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    if not settings.METRICS_TOKEN:
        if not settings.DEBUG:
            raise Http404  # not configured: the endpoint does not exist
    else:
        allowed = _authorised(request)
        if allowed is None:
            response = HttpResponse("A bearer token is required.\n", status=401)
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
        if not allowed:
            return HttpResponse("Wrong token.\n", status=403)
    return HttpResponse(render(), content_type="text/plain; version=0.0.4; charset=utf-8")


def connect_task_signals() -> None:
    """Count every task's outcome, in whichever process runs it (a worker, or the web
    process when tasks run in-process)."""
    from celery import signals

    def name_of(sender: Any) -> str:
        return str(getattr(sender, "name", None) or sender or "unknown")

    def on_success(sender: Any = None, **_: Any) -> None:
        record_task(task=name_of(sender), outcome="success")

    def on_failure(sender: Any = None, **_: Any) -> None:
        record_task(task=name_of(sender), outcome="failure")

    def on_retry(sender: Any = None, **_: Any) -> None:
        record_task(task=name_of(sender), outcome="retry")

    signals.task_success.connect(on_success, weak=False, dispatch_uid="metrics-success")
    signals.task_failure.connect(on_failure, weak=False, dispatch_uid="metrics-failure")
    signals.task_retry.connect(on_retry, weak=False, dispatch_uid="metrics-retry")
