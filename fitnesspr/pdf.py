"""HTML to PDF with WeasyPrint (progress reports, invoices).

WeasyPrint is imported when a PDF is made, not when the app starts: it needs system
libraries (pango, harfbuzz) that a machine may lack, and everything else must run
without them. When they are missing the caller gets PdfUnavailable, in plain words."""

from __future__ import annotations

from django.http import HttpResponse

from fitnesspr.errors import DomainError

MISSING_LIBRARIES = (
    "PDF rendering needs WeasyPrint's system libraries (pango and harfbuzz), which are not "
    "installed on this server. Install them (Debian: apt-get install libpango-1.0-0 "
    "libpangoft2-1.0-0 libharfbuzz0b) and try again."
)


class PdfUnavailable(DomainError):
    """This server cannot make PDFs (WeasyPrint or its system libraries are missing)."""

    code = "PDF_UNAVAILABLE"


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """The PDF of a complete HTML document (its CSS inline, its images as data: URLs)."""
    from PIL import ImageFile

    strict = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: a shared library failed to load
        raise PdfUnavailable(MISSING_LIBRARIES) from exc
    finally:
        # WeasyPrint's import tells Pillow to accept truncated images, process-wide: the
        # photo uploads of this process must still refuse them.
        ImageFile.LOAD_TRUNCATED_IMAGES = strict
    pdf = HTML(string=html, base_url=base_url).write_pdf()
    assert pdf is not None  # write_pdf() with no target returns the bytes
    return pdf


def pdf_download(data: bytes, filename: str) -> HttpResponse:
    """A PDF as a download that no browser or proxy cache keeps."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response
