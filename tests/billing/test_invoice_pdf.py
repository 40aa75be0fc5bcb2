"""The invoice as a PDF: the printable page's content (same partial), for the trainer on
the invoice page, the client in the portal and through the API; anyone else's is a 404,
and a server without WeasyPrint's libraries says so instead of failing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from billing.selectors import documents
from fitnesspr.pdf import PdfUnavailable
from tests.factories.core import ClientFactory
from tests.progress.reports_helpers import pdf_text


def _read(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="invoice-inv-')
    assert "no-store" in response["Cache-Control"]
    return pdf_text(response.content)[1]


def test_the_trainer_downloads_the_invoice_as_a_pdf(client, trainer, client_, make_invoice):
    invoice = make_invoice(4500, 2000)
    client.force_login(trainer.user)

    page = client.get(reverse("billing:invoice", args=[invoice.pk])).content.decode()
    assert reverse("billing:invoice_pdf", args=[invoice.pk]) in page
    text = _read(client.get(reverse("billing:invoice_pdf", args=[invoice.pk])))

    assert f"Invoice {invoice.display_number}" in text
    assert client_.full_name in text
    assert "Alice Strength" in text
    assert "Line 0" in text
    assert "Line 1" in text
    assert "65.00" in text  # the total


def test_the_client_downloads_their_invoice_in_the_portal(client, client_, make_invoice):
    invoice = make_invoice(3000)
    client.force_login(client_.user)

    page = client.get(reverse("billing:portal_invoice", args=[invoice.pk])).content.decode()
    assert reverse("billing:portal_invoice_pdf", args=[invoice.pk]) in page
    text = _read(client.get(reverse("billing:portal_invoice_pdf", args=[invoice.pk])))
    assert invoice.display_number in text


def test_the_api_sends_the_pdf(api, trainer, client_, make_invoice):
    invoice = make_invoice(3000)
    api.force_authenticate(trainer.user)
    assert invoice.display_number in _read(api.get(f"/api/v1/payments/invoices/{invoice.pk}/pdf/"))

    api.force_authenticate(client_.user)
    assert api.get(f"/api/v1/payments/invoices/{invoice.pk}/pdf/").status_code == 200


def test_someone_elses_invoice_is_a_404(client, api, outsider, trainer, make_invoice):
    invoice = make_invoice(3000)
    other_client = ClientFactory(trainer=trainer)
    client.force_login(outsider.user)
    assert client.get(reverse("billing:invoice_pdf", args=[invoice.pk])).status_code == 404
    client.force_login(other_client.user)
    assert client.get(reverse("billing:portal_invoice_pdf", args=[invoice.pk])).status_code == 404
    api.force_authenticate(outsider.user)
    answer = api.get(f"/api/v1/payments/invoices/{invoice.pk}/pdf/")
    assert answer.status_code == 404
    assert answer.json()["success"] is False


def _no_weasyprint(monkeypatch):
    def broken(**kwargs):
        raise PdfUnavailable("PDF rendering needs WeasyPrint's system libraries (pango).")

    monkeypatch.setattr(documents, "invoice_pdf", broken)


@pytest.mark.parametrize("who", ["trainer", "client"])
def test_without_the_pdf_libraries_the_page_says_so(
    client, trainer, client_, make_invoice, monkeypatch, who
):
    invoice = make_invoice(3000)
    _no_weasyprint(monkeypatch)
    if who == "trainer":
        client.force_login(trainer.user)
        url = reverse("billing:invoice_pdf", args=[invoice.pk])
    else:
        client.force_login(client_.user)
        url = reverse("billing:portal_invoice_pdf", args=[invoice.pk])

    page = client.get(url, follow=True).content.decode()
    assert "PDF rendering needs WeasyPrint&#x27;s system libraries" in page


def test_without_the_pdf_libraries_the_api_answers_503(api, trainer, make_invoice, monkeypatch):
    invoice = make_invoice(3000)
    api.force_authenticate(trainer.user)
    from billing.api import views

    monkeypatch.setattr(
        views, "invoice_pdf", lambda **kwargs: (_ for _ in ()).throw(PdfUnavailable("No pango."))
    )
    answer = api.get(f"/api/v1/payments/invoices/{invoice.pk}/pdf/")
    assert answer.status_code == 503
    assert answer.json()["error"]["code"] == "PDF_UNAVAILABLE"
