from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from portability.models import DataExport, DataImport, ExportStatus


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


class DataImportSerializer(serializers.ModelSerializer[DataImport]):
    class Meta:
        model = DataImport
        fields = ["id", "status", "filename", "counts", "error", "created_at"]
        read_only_fields = fields


class ImportUploadSerializer(serializers.Serializer[Any]):
    file = serializers.FileField(help_text="A ZIP made by an export (`exports/`).")
