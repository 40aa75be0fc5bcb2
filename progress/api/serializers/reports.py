"""Progress reports in the API: what a trainer sends to ask for one, and its status."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from fitnesspr.api.fields import WindowDateField
from progress.models import ProgressReport, ReportStatus


class ReportRequestSerializer(serializers.Serializer[Any]):
    client = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, help_text="Which of your clients."
    )
    period_start = WindowDateField(help_text="The first day of the report (YYYY-MM-DD).")
    period_end = WindowDateField(
        help_text="The last day (YYYY-MM-DD): not in the future, at most two years after the start."
    )


class ReportSerializer(serializers.ModelSerializer[ProgressReport]):
    client_name = serializers.CharField(source="client.full_name", read_only=True)
    weekly = serializers.SerializerMethodField(
        help_text="Queued by the client's weekly-report choice rather than asked for."
    )
    download_url = serializers.SerializerMethodField(
        help_text="The PDF (`…/file/`) once `status` is ready; null before."
    )

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "client",
            "client_name",
            "period_start",
            "period_end",
            "status",
            "error",
            "weekly",
            "created_at",
            "completed_at",
            "download_url",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "status": {"help_text": "pending (being made), ready or failed."},
            "error": {"help_text": "Why it failed, in plain words (empty otherwise)."},
        }

    def get_weekly(self, report: ProgressReport) -> bool:
        return report.key is not None

    def get_download_url(self, report: ProgressReport) -> str | None:
        if report.status != ReportStatus.READY:
            return None
        path = reverse("api:progress-report-file", args=[report.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path
