from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from portability.models import DataExport, ExportStatus


class DataExportSerializer(serializers.ModelSerializer[DataExport]):
    file_url = serializers.SerializerMethodField(
        help_text="Where to download the ZIP once `status` is `ready` (else null)."
    )

    class Meta:
        model = DataExport
        fields = [
            "id",
            "status",
            "size_bytes",
            "counts",
            "error",
            "created_at",
            "completed_at",
            "file_url",
        ]
        read_only_fields = fields

    def get_file_url(self, export: DataExport) -> str | None:
        if export.status != ExportStatus.READY:
            return None
        return reverse("api:data-export-file", args=[export.pk])
