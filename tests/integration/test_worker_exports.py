"""A trainer's export built by a real Celery worker through Redis, with the row in
PostgreSQL: built once, even when the task is delivered twice to two workers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from portability.models import DataExport, ExportStatus
from portability.tasks import build_data_export
from tests.factories.core import ClientFactory
from tests.integration.conftest import wait_for
from tests.portability.conftest import read_zip


@pytest.fixture
def shared_private_media(settings, monkeypatch) -> Path:
    """The workers write the export where this test reads it."""
    monkeypatch.setenv("PRIVATE_MEDIA_ROOT", str(settings.PRIVATE_MEDIA_ROOT))
    return Path(settings.PRIVATE_MEDIA_ROOT)


def _status(export: DataExport) -> str:
    export.refresh_from_db()
    return export.status


def test_a_worker_builds_the_export(shared_private_media, start_worker, enqueue, trainer):
    ClientFactory(trainer=trainer, user__email="carol@example.com")
    export = DataExport.objects.create(trainer=trainer)
    start_worker()

    enqueue(build_data_export, export.pk)

    wait_for(lambda: _status(export) == ExportStatus.READY, timeout=60, what="the export")
    archive = read_zip(export.file.read())
    assert b"carol@example.com" in archive.read("clients.json")
    assert export.counts["clients"] == 1


def test_two_deliveries_to_two_workers_build_one_file(
    shared_private_media, start_worker, enqueue, trainer
):
    ClientFactory(trainer=trainer)
    export = DataExport.objects.create(trainer=trainer)
    start_worker()
    start_worker()

    enqueue(build_data_export, export.pk)
    enqueue(build_data_export, export.pk)

    wait_for(lambda: _status(export) == ExportStatus.READY, timeout=60, what="the export")
    time.sleep(2)  # room for the second delivery to run (and leave the row alone)
    files = list((shared_private_media / "exports").rglob("*.zip"))
    assert [f.name for f in files] == [Path(export.file.name).name]
    assert _status(export) == ExportStatus.READY
