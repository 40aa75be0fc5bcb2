"""An invoice as a PDF, drawn from the same partial as the printable page. Small enough
to make on request (no background job)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.text import slugify

from billing.models import Invoice
from billing.selectors.profile import seller_details
from fitnesspr.pdf import html_to_pdf


def invoice_pdf(*, invoice: Invoice) -> bytes:
    seller = invoice.seller or seller_details(trainer=invoice.trainer)
    html = render_to_string("billing/pdf/invoice.html", {"invoice": invoice, "seller": seller})
    return html_to_pdf(html)


def invoice_pdf_filename(invoice: Invoice) -> str:
    number = "draft" if invoice.is_draft else slugify(invoice.display_number)
    return f"invoice-{number}.pdf"
