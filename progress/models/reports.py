from __future__ import annotations

from django.conf import settings
from django.db import models

from fitnesspr.constraints import choices_check
from fitnesspr.dates import validate_date_in_window
from fitnesspr.storage import private_storage
from fitnesspr.tenancy import TrainerScopedQuerySet

from .body import client_media_dir


class ReportStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


def progress_report_path(instance: ProgressReport, filename: str) -> str:
    """One name per report (its file is saved after the row exists): a run that died
    after writing the file is overwritten by the next, never left beside it."""
    return f"reports/{client_media_dir(instance.client)}/report-{instance.pk}.pdf"


class ProgressReportQuerySet(TrainerScopedQuerySet):
    """Reports are the trainer's working document (they may hold private notes), so
    clients don't read them here; the trainer sends the finished PDF."""

    trainer_path = "client__trainer"
    client_path = None


class ProgressReport(models.Model):
    """A PDF report over a period, built in the background: pending → ready | failed."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="progress_reports"
    )
    period_start = models.DateField(
        validators=[validate_date_in_window],
    )
    period_end = models.DateField(
        validators=[validate_date_in_window],
    )
    status = models.CharField(
        max_length=8, choices=ReportStatus.choices, default=ReportStatus.PENDING
    )
    file = models.FileField(
        upload_to=progress_report_path, storage=private_storage, max_length=200, blank=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    error = models.TextField(blank=True, help_text="Why the last attempt failed, in plain words.")
    #: set on reports queued by a schedule ("weekly:<client>:<monday>"), so one is made
    #: per client and week however often the schedule fires
    key = models.CharField(max_length=80, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = ProgressReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["client", "created_at"], name="report_client_created")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_order",
                violation_error_message="The period can't end before it starts.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ready") | ~models.Q(file=""),
                name="report_ready_has_file",
                violation_error_message="A ready report needs its file.",
            ),
            choices_check("status", ReportStatus.values, name="report_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.client}: {self.period_start} to {self.period_end}"
