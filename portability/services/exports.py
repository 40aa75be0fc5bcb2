"""A trainer's export: asked for on the dashboard or the API, built in the background
(`portability.tasks.build_data_export`), downloaded through an access-checking view.
`archive_write` writes the same ZIP straight to a file (the export_trainer command)."""

from __future__ import annotations

import logging
import os
import tempfile
import zipfile
from typing import IO, Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from clients.models import Client
from portability.kinds import (
    CLIENT_FORMAT,
    CLIENT_KINDS,
    CLIENT_USER_FIELDS,
    FORMAT,
    FORMAT_VERSION,
    KINDS,
    PROFILE_FIELDS,
    PROFILE_USER_FIELDS,
    client_actor,
    trainer_actor,
)
from portability.models import DataExport, ExportStatus
from portability.services.writer import ExportWriter, manifest, plain, write_json
from trainers.models import Trainer

logger = logging.getLogger(__name__)

FAILED_MESSAGE = "The export could not be built. Try again; if it fails again, contact support."


def trainer_profile(trainer: Trainer) -> dict[str, Any]:
    profile: dict[str, Any] = {name: plain(getattr(trainer, name)) for name in PROFILE_FIELDS}
    profile.update({name: getattr(trainer.user, name) for name in PROFILE_USER_FIELDS})
    profile["slug"] = trainer.slug
    profile["created_at"] = plain(trainer.created_at)
    return profile


def archive_write(*, trainer: Trainer, target: IO[bytes]) -> dict[str, int]:
    """Everything the trainer owns, as the export ZIP, into `target`; returns the counts."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        counts = ExportWriter(archive=archive, actor=trainer_actor(trainer), kinds=KINDS).write()
        write_json(archive, "profile.json", trainer_profile(trainer))
        write_json(
            archive,
            "manifest.json",
            manifest(format_name=FORMAT, format_version=FORMAT_VERSION, counts=counts),
        )
    return counts


def client_archive_write(*, client: Client, target: IO[bytes]) -> dict[str, int]:
    """A client's own data (their download from the portal): only rows they may read."""
    actor = client_actor(client)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        counts = ExportWriter(
            archive=archive, actor=actor, kinds=CLIENT_KINDS, strict=False
        ).write()
        profile = {name: getattr(client.user, name) for name in CLIENT_USER_FIELDS}
        for name in ("phone", "date_of_birth", "height_cm", "goals", "status", "created_at"):
            profile[name] = plain(getattr(client, name))
        profile["trainer"] = client.trainer.business_name
        write_json(archive, "profile.json", profile)
        write_json(
            archive,
            "manifest.json",
            manifest(format_name=CLIENT_FORMAT, format_version=FORMAT_VERSION, counts=counts),
        )
    return counts


@transaction.atomic
def data_export_request(*, trainer: Trainer) -> DataExport:
    """Ask for an export; one already being prepared is returned rather than a second."""
    Trainer.objects.select_for_update().filter(pk=trainer.pk).first()  # one at a time
    pending = DataExport.objects.filter(trainer=trainer, status=ExportStatus.PENDING).first()
    if pending is not None:
        return pending
    export = DataExport.objects.create(trainer=trainer)
    from portability.tasks import build_data_export

    transaction.on_commit(lambda: build_data_export.delay(export.pk))
    return export


def data_export_build(*, export_id: int) -> None:
    """Build a pending export. Safe to run again or twice at once: the row is locked
    while the file is written, and only a pending row is built."""
    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update(skip_locked=True)
            .select_related("trainer__user")
            .filter(pk=export_id, status=ExportStatus.PENDING)
            .first()
        )
        if export is None:  # built already, or being built by another worker
            return
        with tempfile.TemporaryFile() as spool:
            counts = archive_write(trainer=export.trainer, target=spool)
            spool.seek(0, os.SEEK_END)
            export.size_bytes = spool.tell()
            spool.seek(0)
            export.file.save(export.filename, File(spool), save=False)
        try:
            export.counts = counts
            export.status = ExportStatus.READY
            export.completed_at = timezone.now()
            export.save(update_fields=["file", "size_bytes", "counts", "status", "completed_at"])
            _replace_older(export)
        except Exception:
            export.file.storage.delete(export.file.name)
            raise


def _replace_older(export: DataExport) -> None:
    """A new export replaces the trainer's earlier ones: one ZIP of everything is kept,
    not one per click (their files go once the new one is saved)."""
    older = DataExport.objects.filter(trainer_id=export.trainer_id).exclude(pk=export.pk)
    older = older.exclude(status=ExportStatus.PENDING)
    files = [(row.file.storage, row.file.name) for row in older if row.file]
    older.delete()

    def delete_files() -> None:
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)


@transaction.atomic
def data_export_fail(*, export_id: int, error: str = FAILED_MESSAGE) -> None:
    """Mark an export that could not be built (the trainer sees why and asks again)."""
    DataExport.objects.filter(pk=export_id, status=ExportStatus.PENDING).update(
        status=ExportStatus.FAILED, error=error, completed_at=timezone.now()
    )
