"""HTML to PDF: a real PDF when WeasyPrint is there, and a plain-words error (never an
ImportError deep in a page or a task) when its system libraries are missing."""

from __future__ import annotations

import builtins
import io

import pytest
from pypdf import PdfReader

from fitnesspr.pdf import PdfUnavailable, html_to_pdf


def test_html_becomes_a_pdf_with_its_text():
    pdf = html_to_pdf("<h1>Carol's progress</h1><p>Twelve weeks</p>")

    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert pdf.startswith(b"%PDF-")
    assert "Carol's progress" in text


@pytest.mark.parametrize("failure", [ImportError("no module"), OSError("cannot load libpango")])
def test_missing_system_libraries_are_said_in_plain_words(monkeypatch, failure):
    real_import = builtins.__import__

    def without_weasyprint(name, *args, **kwargs):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise failure
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_weasyprint)

    with pytest.raises(PdfUnavailable) as raised:
        html_to_pdf("<p>Hello</p>")
    assert "PDF rendering needs WeasyPrint's system libraries (pango" in raised.value.message
    assert raised.value.code == "PDF_UNAVAILABLE"


def test_the_app_loads_without_weasyprint():
    """Nothing imported at start-up pulls WeasyPrint in (it is loaded on the first PDF)."""
    import subprocess
    import sys

    code = (
        "import sys, django, os;"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'fitnesspr.settings.test');"
        "django.setup();"
        "import fitnesspr.urls;"
        "print('weasyprint' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_making_a_pdf_leaves_pillow_refusing_truncated_images():
    from PIL import ImageFile

    html_to_pdf("<p>Hello</p>")

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False  # photo uploads still refuse them
