"""A trainer's data leaving with them (an export: one ZIP built in the background) and
coming in again (an import into a fresh account). Both are kept as rows so the trainer
sees what was made, when, and why something was refused."""

from __future__ import annotations

import uuid

from django.db import models

from fitnesspr.constraints import choices_check
from fitnesspr.storage import private_storage
from fitnesspr.tenancy import TrainerScopedQuerySet


class ExportStatus(models.TextChoices):
    PENDING = "pending", "Preparing"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class ImportStatus(models.TextChoices):
    DONE = "done", "Imported"
    REFUSED = "refused", "Refused"


def export_path(instance: DataExport, filename: str) -> str:
    # A random name: the file is reached only through the access-checking views.
    return f"exports/{instance.trainer_id}/{uuid.uuid4().hex}.zip"


class DataExportQuerySet(TrainerScopedQuerySet):
    """Only the trainer (and staff) reach an export; it holds every client's data."""

    trainer_path = "trainer"


class DataExport(models.Model):
    """Everything a trainer owns as one ZIP: pending → ready | failed."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    file = models.FileField(upload_to=export_path, storage=private_storage, blank=True)
    size_bytes = models.BigIntegerField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = DataExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            choices_check("status", ExportStatus.values, name="dataexport_status_valid"),
        ]

    def __str__(self) -> str:
        return f"Export {self.pk} of {self.trainer} ({self.status})"

    @property
    def filename(self) -> str:
        return f"fitnesspr-export-{self.created_at:%Y-%m-%d}-{self.pk}.zip"


class DataImportQuerySet(TrainerScopedQuerySet):
    trainer_path = "trainer"


class DataImport(models.Model):
    """One upload of an export into this account, and what came of it."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="data_imports"
    )
    status = models.CharField(max_length=10, choices=ImportStatus.choices)
    filename = models.CharField(max_length=255, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DataImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            choices_check("status", ImportStatus.values, name="dataimport_status_valid"),
        ]

    def __str__(self) -> str:
        return f"Import {self.pk} into {self.trainer} ({self.status})"
