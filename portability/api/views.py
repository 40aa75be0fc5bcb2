"""Exports through the API: ask for one (202, built in the background), follow it, and
download the ZIP once it's ready. Only the trainer who asked (or staff) reaches it."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404
from rest_framework.request import Request
from rest_framework.response import Response

from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ActorAPIView
from fitnesspr.tenancy import NOT_FOUND
from portability.api import schema
from portability.api.serializers import DataExportSerializer
from portability.models import ExportStatus
from portability.selectors import data_export_get
from portability.services.exports import data_export_request


class ExportListView(ActorAPIView):
    permission_classes = [IsTrainer]

    @schema.export_create
    def post(self, request: Request) -> Response:
        export = data_export_request(trainer=self.trainer)
        return envelope(
            DataExportSerializer(export).data,
            message="Your export is being prepared.",
            status=202,
        )


class ExportDetailView(ActorAPIView):
    permission_classes = [IsTrainer]

    @schema.export_get
    def get(self, request: Request, pk: int) -> Response:
        export = data_export_get(actor=self.actor, pk=pk)
        return envelope(DataExportSerializer(export).data)


class ExportFileView(ActorAPIView):
    permission_classes = [IsTrainer]

    @schema.export_file
    def get(self, request: Request, pk: int) -> Any:
        export = data_export_get(actor=self.actor, pk=pk)
        if export.status != ExportStatus.READY or not export.file:
            raise Http404("This export isn't ready yet.")
        try:
            handle = export.file.open("rb")
        except FileNotFoundError:
            raise Http404(NOT_FOUND) from None
        response = FileResponse(
            handle, as_attachment=True, filename=export.filename, content_type="application/zip"
        )
        response["Cache-Control"] = "private, no-store"
        return response
