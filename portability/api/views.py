"""Exports through the API: ask for one (202, built in the background), follow it, and
download the ZIP once it's ready. Only the trainer who asked (or staff) reaches it."""

from __future__ import annotations

from typing import Any

from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from fitnesspr.api.exceptions import error_response
from fitnesspr.api.permissions import IsClient, IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ActorAPIView
from portability.api import schema
from portability.api.serializers import (
    DataExportSerializer,
    DataImportSerializer,
    ImportUploadSerializer,
)
from portability.downloads import export_response, made_on_request
from portability.models import ImportStatus
from portability.selectors import data_export_get
from portability.services.exports import client_archive_write, data_export_request
from portability.services.imports import NOT_FRESH, data_import_run


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
        return export_response(data_export_get(actor=self.actor, pk=pk))


class ImportView(ActorAPIView):
    """POST /api/v1/imports/ (multipart): an export into this fresh account, all or
    nothing. The attempt is kept either way, so a refusal is answered, not raised."""

    permission_classes = [IsTrainer]
    parser_classes = [MultiPartParser, FormParser]

    @schema.import_create
    def post(self, request: Request) -> Response:
        body = ImportUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data["file"]
        result = data_import_run(trainer=self.trainer, upload=upload, filename=upload.name)
        if result.status == ImportStatus.DONE:
            return envelope(
                DataImportSerializer(result).data,
                message="Imported. Your clients have new PINs: reset each one to hand it over.",
                status=201,
            )
        problems = result.error.splitlines()
        if problems == [NOT_FRESH]:
            details = [{"field": "", "message": NOT_FRESH, "code": "conflict"}]
            return error_response("CONFLICT", NOT_FRESH, 409, details)
        details = [{"field": "file", "message": line, "code": "invalid"} for line in problems]
        return error_response("IMPORT_REFUSED", problems[0], 400, details)


class MyDataView(ActorAPIView):
    """GET /api/v1/my-data/: a client's own data as a ZIP, made on request."""

    permission_classes = [IsClient]

    @schema.my_data
    def get(self, request: Request) -> Any:
        client = self.client
        return made_on_request(
            lambda target: client_archive_write(client=client, target=target),
            filename="my-data.zip",
        )
