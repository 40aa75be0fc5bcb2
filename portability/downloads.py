"""How a ZIP leaves the server, for the dashboard, the portal and the API alike: as an
attachment no cache keeps (it holds a business's or a person's data)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from typing import IO, Any

from django.http import FileResponse, Http404

from portability.models import DataExport, ExportStatus

NOT_READY = "This export isn't ready yet."


def zip_response(handle: IO[bytes], *, filename: str) -> FileResponse:
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type="application/zip"
    )
    response["Cache-Control"] = "private, no-store"
    return response


def export_response(export: DataExport) -> FileResponse:
    """A ready export's file; 404 while it's being prepared, failed, or gone."""
    if export.status != ExportStatus.READY or not export.file:
        raise Http404(NOT_READY)
    try:
        handle = export.file.open("rb")
    except FileNotFoundError:
        raise Http404(NOT_READY) from None
    return zip_response(handle, filename=export.filename)


def made_on_request(write: Callable[[IO[bytes]], Any], *, filename: str) -> FileResponse:
    """A ZIP written now into a temporary file, which the response closes once sent."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115  # closed by the response
    write(spool)
    spool.seek(0)
    return zip_response(spool, filename=filename)
