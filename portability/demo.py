"""The demo trainer's part of seed_demo: one finished export, ready to download from
Settings → Your data."""

from __future__ import annotations

from portability.models import DataExport, ExportStatus
from portability.services.exports import data_export_build
from trainers.models import Trainer


def demo_portability(*, trainer: Trainer) -> DataExport:
    ready = DataExport.objects.filter(trainer=trainer, status=ExportStatus.READY).first()
    if ready is not None:
        return ready
    export = DataExport.objects.create(trainer=trainer)
    data_export_build(export_id=export.pk)
    export.refresh_from_db()
    return export
