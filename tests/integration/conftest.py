"""Real background workers: a Celery worker process against the real Redis (REDIS_URL)
and the test's PostgreSQL database, and a real SMTP server (a stub that keeps what it
accepts). Outside CI these tests skip when Redis or PostgreSQL is missing; in CI they
must run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from fitnesspr.celery import app
from tests.integration.smtp_stub import Mailbox, start_smtp_stub

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")
REDIS_URL = os.environ.get("REDIS_URL", "")


def _requirements_missing() -> str:
    if not REDIS_URL:
        return "needs REDIS_URL (a real Redis)"
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (DATABASE_URL): workers share the database with the test"
    return ""


def require_real_services() -> None:
    """Skip without Redis and PostgreSQL, except in CI, where that fails the run."""
    missing = _requirements_missing()
    if missing and os.environ.get("CI"):
        pytest.fail(f"CI must run the integration tests: {missing}")
    if missing:
        pytest.skip(missing)


def subprocess_database_url() -> str:
    """The URL of the test database, for processes started by a test."""
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def real_services(transactional_db: None) -> None:
    require_real_services()


@dataclass
class WorkerProcess:
    process: subprocess.Popen[str]
    log: list[str] = field(default_factory=list)

    def kill(self) -> None:
        """SIGKILL, as an out-of-memory killer or a pulled plug would: no clean-up."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def smtp() -> Iterator[tuple[int, Mailbox]]:
    server, mailbox = start_smtp_stub()
    yield server.server_address[1], mailbox
    mailbox.release()
    server.shutdown()


@pytest.fixture
def queue_name() -> str:
    return f"fitnesspr-test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def start_worker(
    real_services: None, smtp: tuple[int, Mailbox], queue_name: str, tmp_path: Path
) -> Iterator[Callable[[], WorkerProcess]]:
    """Start worker processes on this test's own queue, with the test database."""
    database_url = subprocess_database_url()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "fitnesspr.settings.base",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp[0]}",
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "MEDIA_ROOT": str(tmp_path / "media"),
        # the same private folder as this test (progress report files)
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
    }
    started: list[WorkerProcess] = []

    def start(**extra_env: str) -> WorkerProcess:
        """A worker; `extra_env` adds settings for it alone (a slow render, say)."""
        command = [str(CELERY), "-A", "fitnesspr", "worker", "--pool=solo", "-Q", queue_name]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"]
        command += ["-n", f"{queue_name}-{len(started)}@%h"]
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**env, **extra_env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        worker = WorkerProcess(process)
        ready = threading.Event()

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                worker.log.append(line)
                if " ready." in line:
                    ready.set()

        threading.Thread(target=read, daemon=True).start()
        started.append(worker)
        if not ready.wait(timeout=60):
            worker.stop()
            pytest.fail("The worker did not start:\n" + "".join(worker.log[-40:]))
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def enqueue(queue_name: str) -> Iterator[Callable[..., None]]:
    """Send a task to the real broker, on the workers' queue (not in-process)."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    connection_to_broker = app.connection_for_write(REDIS_URL)

    def send(task: object, *args: object) -> None:
        task.apply_async(args=args, queue=queue_name, connection=connection_to_broker)  # type: ignore[attr-defined]

    yield send
    connection_to_broker.release()
    app.conf.task_always_eager = eager


def wait_for(check: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"Timed out after {timeout:.0f} s waiting for {what}")
