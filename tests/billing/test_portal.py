"""The client's invoices in the portal: their own issued invoices, what is due, receipts,
and Pay through Stripe Checkout (a redirect; our pages load no third-party script)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from billing.models import Payment, PaymentStatus
from billing.services.invoices import invoice_create
from billing.services.payments import payment_record
from tests.billing.conftest import post_event
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(client, client_):
    client.force_login(client_.user)
    return client


def test_the_portal_links_to_the_invoices(portal):
    home = portal.get(reverse("progress:portal_home")).content.decode()
    assert home.count(f'href="{reverse("billing:portal_invoices")}"') == 2  # nav and card


def test_the_client_sees_their_issued_invoices_and_what_they_owe(
    portal, trainer, client_, make_invoice
):
    issued = make_invoice(12000)
    draft = invoice_create(
        trainer=trainer, client=client_, lines=[{"description": "x", "unit_price_minor": 1}]
    )
    theirs = make_invoice(999, client=ClientFactory(trainer=trainer))

    page = portal.get(reverse("billing:portal_invoices")).content.decode()

    assert issued.display_number in page
    assert "$120.00" in page
    assert draft.display_number not in page
    assert theirs.display_number not in page
    assert portal.get(reverse("billing:portal_invoice", args=[draft.pk])).status_code == 404
    assert portal.get(reverse("billing:portal_invoice", args=[theirs.pk])).status_code == 404


def test_the_list_takes_the_same_queries_for_many_invoices(portal, queries_stay_flat):
    queries_stay_flat(lambda: portal.get(reverse("billing:portal_invoices")), bound=8)


def test_without_stripe_there_is_no_pay_button(portal, make_invoice):
    invoice = make_invoice(5000)
    page = portal.get(reverse("billing:portal_invoice", args=[invoice.pk]))
    assert 'id="pay-now"' not in page.content.decode()
    assert "by cash or bank transfer" in page.content.decode()
    assert "form-action 'self';" in page["Content-Security-Policy"] + ";"


def test_with_stripe_the_pay_page_alone_may_post_to_checkout(portal, stripe_stub, make_invoice):
    invoice = make_invoice(5000)

    page = portal.get(reverse("billing:portal_invoice", args=[invoice.pk]))
    listing = portal.get(reverse("billing:portal_invoices"))

    assert 'id="pay-now"' in page.content.decode()
    csp = page["Content-Security-Policy"]
    assert f"form-action 'self' https://checkout.stripe.com {stripe_stub.url}" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "checkout.stripe.com" not in listing["Content-Security-Policy"]


def test_pay_opens_checkout_and_the_webhook_marks_it_paid(
    portal, client, stripe_stub, make_invoice
):
    invoice = make_invoice(5000)

    response = portal.post(reverse("billing:portal_pay", args=[invoice.pk]))

    (session,) = stripe_stub.sessions.values()
    assert response.status_code == 302
    assert response.url == session["url"]
    assert session["amount_total"] == 5000
    assert session["success_url"].endswith(f"/portal/invoices/{invoice.pk}/?checkout=done")
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.PENDING

    back = portal.get(reverse("billing:portal_invoice", args=[invoice.pk]), {"checkout": "done"})
    assert 'hx-trigger="every 2s"' in back.content.decode()  # waits for Stripe's word

    completed = stripe_stub.complete_session(session["id"])
    post_event(client, stripe_stub, stripe_stub.event("checkout.session.completed", completed))
    poll = portal.get(
        reverse("billing:portal_invoice", args=[invoice.pk]),
        {"checkout": "done"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert 'id="portal-paid"' in poll
    assert "every 2s" not in poll
    assert "Payment received" in poll


def test_paying_a_paid_invoice_explains_and_changes_nothing(portal, stripe_stub, make_invoice):
    invoice = make_invoice(5000)
    payment_record(
        invoice=invoice, amount_minor=5000, method="cash", received_on=invoice.issue_date
    )

    response = portal.post(reverse("billing:portal_pay", args=[invoice.pk]), follow=True)

    assert "already paid" in response.content.decode()
    assert not stripe_stub.sessions


def test_receipts_exist_for_money_received_only(portal, stripe_stub, make_invoice):
    invoice = make_invoice(5000)
    cash = payment_record(
        invoice=invoice,
        amount_minor=2000,
        method="cash",
        received_on=invoice.issue_date,
        reference="R-1",
    )
    portal.post(reverse("billing:portal_pay", args=[invoice.pk]))
    pending = Payment.objects.get(status=PaymentStatus.PENDING)

    page = portal.get(reverse("billing:portal_invoice", args=[invoice.pk])).content.decode()
    receipt = portal.get(reverse("billing:portal_receipt", args=[cash.pk]))

    assert reverse("billing:portal_receipt", args=[cash.pk]) in page
    assert "$20.00" in receipt.content.decode()
    assert "R-1" in receipt.content.decode()
    assert portal.get(reverse("billing:portal_receipt", args=[pending.pk])).status_code == 404


def test_the_printable_invoice_opens_for_its_client(portal, make_invoice):
    invoice = make_invoice(5000)
    page = portal.get(reverse("billing:portal_print", args=[invoice.pk])).content.decode()
    assert invoice.display_number in page
    assert "$50.00" in page


def test_trainers_are_kept_out_of_the_portal_pages(client, trainer, make_invoice):
    client.force_login(trainer.user)
    invoice = make_invoice(5000)
    assert client.get(reverse("billing:portal_invoice", args=[invoice.pk])).status_code == 403
